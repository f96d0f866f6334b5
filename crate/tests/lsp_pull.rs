//! Pull diagnostics (`textDocument/diagnostic`) for clients that support them: nothing is
//! pushed, reports carry result ids, an unchanged document answers "unchanged".

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod lsp_support;

use lsp_support::*;
use serde_json::json;
use std::time::Duration;

fn pull_caps() -> serde_json::Value {
    let mut c = caps();
    c["textDocument"]["diagnostic"] = json!({ "dynamicRegistration": false });
    c["workspace"] = json!({ "diagnostics": { "refreshSupport": true } });
    c
}

#[test]
fn pull_reports_and_result_ids() {
    let mut client = Client::start(pull_caps());
    let provider = &client.initialize_result["capabilities"]["diagnosticProvider"];
    assert_eq!(provider["interFileDependencies"], true);
    client.open(URI, 1, BROKEN);
    let report = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(report["kind"], "full");
    assert_eq!(
        codes(&report["items"]),
        ["port-as-string", "trailing-comma"]
    );
    assert!(find(&report["items"], "trailing-comma")["codeDescription"]["href"].is_string());
    let id = report["resultId"].as_str().unwrap().to_string();

    let again = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": URI }, "previousResultId": id }),
    );
    assert_eq!(again["kind"], "unchanged");
    assert_eq!(again["resultId"], id.as_str());

    client.change(URI, 2, [2, 19, 2, 25], "8080");
    let changed = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": URI }, "previousResultId": id }),
    );
    assert_eq!(changed["kind"], "full");
    assert_eq!(codes(&changed["items"]), ["trailing-comma"]);

    // Nothing was pushed meanwhile.
    assert!(
        client
            .try_diagnostics(URI, Duration::from_millis(300))
            .is_none()
    );
    // A settings change asks the client to pull again.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "devcontainerDoctor": { "enable": false } } }),
    );
    client.server_request("workspace/diagnostic/refresh");
    let off = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(off["items"], json!([]));
    // An unknown document gets an empty report.
    let unknown = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": "file:///nowhere/devcontainer.json" } }),
    );
    assert_eq!(
        (unknown["kind"].clone(), unknown["items"].clone()),
        (json!("full"), json!([]))
    );
    assert_eq!(client.shutdown(), 0);
}
