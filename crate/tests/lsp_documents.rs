//! Document sync and pushed diagnostics: open, full and ranged changes in UTF-16 and UTF-8
//! (CJK, emoji, CRLF, BOM), debouncing, the newest version winning, close.

mod lsp_support;

use lsp_support::*;
use serde_json::json;
use std::time::{Duration, Instant};

#[test]
fn open_pushes_diagnostics_with_codes_and_doc_links() {
    let mut client = Client::start(caps());
    client.open(URI, 1, BROKEN);
    let published = client.diagnostics(URI);
    assert_eq!(published["version"], 1);
    let ds = &published["diagnostics"];
    assert_eq!(codes(ds), ["port-as-string", "trailing-comma"]);
    let port = find(ds, "port-as-string");
    assert_eq!(port["range"], range_json([2, 19, 2, 25]));
    assert_eq!(port["severity"], 2);
    assert_eq!(port["source"], "devcontainer-doctor");
    let href = port["codeDescription"]["href"].as_str().unwrap();
    assert!(
        href.starts_with("https://") && href.ends_with("#port-as-string"),
        "{href}"
    );
    assert_eq!(find(ds, "trailing-comma")["severity"], 4);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn incremental_and_full_changes_update_the_findings() {
    let mut client = Client::start(caps());
    client.open(URI, 1, BROKEN);
    client.diagnostics(URI);
    // "8080" -> 8080: the port finding goes.
    client.change(URI, 2, [2, 19, 2, 25], "8080");
    let after = client.diagnostics(URI);
    assert_eq!(after["version"], 2);
    assert_eq!(codes(&after["diagnostics"]), ["trailing-comma"]);
    // Remove the trailing comma: nothing left.
    client.change(URI, 3, [3, 13, 3, 14], "");
    assert_eq!(client.diagnostics(URI)["diagnostics"], json!([]));
    client.change_full(
        URI,
        4,
        "{ \"forwardPorts\": [\"3000\"], \"image\": \"debian\" }",
    );
    let full = client.diagnostics(URI);
    assert_eq!(full["version"], 4);
    assert_eq!(codes(&full["diagnostics"]), ["port-as-string"]);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_burst_of_edits_publishes_once_for_the_newest_version() {
    let mut client = Client::start(caps());
    client.open(URI, 1, "{\"image\": \"debian\"}");
    client.diagnostics(URI);
    // Type `"forwardPorts": ["8080"]` key by key, then fix it: versions 2..
    let typed = "\"forwardPorts\": [\"8080\"], ";
    let mut version = 1;
    for (i, c) in typed.chars().enumerate() {
        version += 1;
        client.change(
            URI,
            version,
            [0, 1 + i as u32, 0, 1 + i as u32],
            &c.to_string(),
        );
    }
    let last = version;
    let started = Instant::now();
    let published = client.diagnostics(URI);
    assert_eq!(
        published["version"], last,
        "only the newest version is published"
    );
    assert_eq!(codes(&published["diagnostics"]), ["port-as-string"]);
    assert!(started.elapsed() < Duration::from_secs(2));
    // Nothing older follows.
    assert!(
        client
            .try_diagnostics(URI, Duration::from_millis(300))
            .is_none()
    );

    // An edit right after a publish: the next set is for it, never for the old text again.
    client.change(URI, last + 1, [0, 18, 0, 24], "8080");
    let fixed = client.diagnostics(URI);
    assert_eq!(fixed["version"], last + 1);
    assert_eq!(fixed["diagnostics"], json!([]));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn pushes_wait_for_the_debounce() {
    let mut client = Client::start(caps());
    client.open(URI, 1, "{\"image\": \"debian\"}");
    client.diagnostics(URI);
    let sent = Instant::now();
    client.change(URI, 2, [0, 1, 0, 1], "\"forwardPorts\": [\"1\"], ");
    client.diagnostics(URI);
    assert!(
        sent.elapsed() >= devcontainer_doctor::lsp::DEBOUNCE,
        "{:?}",
        sent.elapsed()
    );
    assert_eq!(client.shutdown(), 0);
}

/// A line with CJK and an emoji before the finding, CRLF line ends and a BOM.
const WIDE: &str = "\u{feff}{\r\n  \"name\": \"注释😀\", \"forwardPorts\": [\"8080\"],\r\n  \"image\": \"debian\"\r\n}\r\n";

#[test]
fn utf16_columns_count_surrogate_pairs_twice() {
    let mut client = Client::start(caps());
    client.open(URI, 1, WIDE);
    let ds = client.diagnostics(URI)["diagnostics"].clone();
    // `  "name": "注释😀", "forwardPorts": [` is 2+6+1+1+1+(1+1+2)+1+1+1+14+1+1+1 = 35 units.
    assert_eq!(
        find(&ds, "port-as-string")["range"],
        range_json([1, 35, 1, 41])
    );
    // Replace 😀 (two units at 13..15) with "x": the finding moves one unit left.
    client.change(URI, 2, [1, 13, 1, 15], "x");
    let ds = client.diagnostics(URI)["diagnostics"].clone();
    assert_eq!(
        find(&ds, "port-as-string")["range"],
        range_json([1, 34, 1, 40])
    );
    // Insert after the BOM on line 0 (the BOM is one unit).
    client.change(URI, 3, [0, 1, 0, 1], "// 注\r\n");
    let ds = client.diagnostics(URI)["diagnostics"].clone();
    assert_eq!(
        find(&ds, "port-as-string")["range"],
        range_json([2, 34, 2, 40])
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn utf8_columns_count_bytes() {
    let mut c = caps();
    c["general"] = json!({ "positionEncodings": ["utf-8", "utf-16"] });
    let mut client = Client::start(c);
    client.open(URI, 1, WIDE);
    let ds = client.diagnostics(URI)["diagnostics"].clone();
    // The same line in bytes: 注 and 释 are 3 bytes each, 😀 is 4:
    // 2+6+1+1+1+(3+3+4)+1+1+1+14+1+1+1 = 41.
    assert_eq!(
        find(&ds, "port-as-string")["range"],
        range_json([1, 41, 1, 47])
    );
    // Replace 😀 (bytes 17..21) with "x".
    client.change(URI, 2, [1, 17, 1, 21], "x");
    let ds = client.diagnostics(URI)["diagnostics"].clone();
    assert_eq!(
        find(&ds, "port-as-string")["range"],
        range_json([1, 38, 1, 44])
    );
    // A column inside 释 (byte 15 of 14..17) falls back to its start: the insertion lands before it.
    client.change(URI, 3, [1, 15, 1, 15], "a");
    let ds = client.diagnostics(URI)["diagnostics"].clone();
    assert_eq!(
        find(&ds, "port-as-string")["range"],
        range_json([1, 39, 1, 45])
    );
    // The BOM is three bytes on line 0.
    client.change(URI, 4, [0, 3, 0, 3], "\r\n");
    let ds = client.diagnostics(URI)["diagnostics"].clone();
    assert_eq!(
        find(&ds, "port-as-string")["range"],
        range_json([2, 39, 2, 45])
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn several_changes_in_one_notification_apply_in_order() {
    let mut client = Client::start(caps());
    client.open(URI, 1, "{\"image\": \"debian\"}");
    client.diagnostics(URI);
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": URI, "version": 2 },
            "contentChanges": [
                { "range": range_json([0, 1, 0, 1]), "text": "\"forwardPorts\": [], " },
                { "range": range_json([0, 18, 0, 18]), "text": "\"22\"" }
            ]
        }),
    );
    assert_eq!(
        codes(&client.diagnostics(URI)["diagnostics"]),
        ["port-as-string"]
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn close_clears_the_findings() {
    let mut client = Client::start(caps());
    client.open(URI, 1, BROKEN);
    client.diagnostics(URI);
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(client.diagnostics(URI)["diagnostics"], json!([]));
    let at = json!({ "textDocument": { "uri": URI }, "position": position(0, 1) });
    assert_eq!(
        client.call("textDocument/hover", at),
        serde_json::Value::Null
    );
    assert_eq!(client.shutdown(), 0);
}
