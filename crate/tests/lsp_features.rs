//! Completion (with and without snippet support), hover, quick fixes and "fix all" over LSP.

mod lsp_support;

use lsp_support::*;
use serde_json::{Value, json};

fn completion_at(client: &mut Client, line: u32, character: u32) -> Vec<Value> {
    let result = client.call(
        "textDocument/completion",
        json!({ "textDocument": { "uri": URI }, "position": position(line, character) }),
    );
    assert_eq!(result["isIncomplete"], false);
    result["items"]
        .as_array()
        .expect("a completion list")
        .clone()
}

const EMPTY_MEMBER: &str = "{\n  \"image\": \"debian\",\n  \n}\n";

#[test]
fn completion_with_snippets_sends_snippets() {
    let mut client = Client::start(caps());
    client.open(URI, 1, EMPTY_MEMBER);
    let items = completion_at(&mut client, 2, 2);
    let ports = items
        .iter()
        .find(|i| i["label"] == "forwardPorts")
        .expect("forwardPorts is offered");
    assert_eq!(ports["kind"], 10, "a property");
    assert_eq!(ports["textEdit"]["range"]["start"]["line"], 2);
    assert!(
        ports["documentation"]["value"]
            .as_str()
            .unwrap_or_default()
            .len()
            > 10
    );
    let snippets: Vec<&Value> = items
        .iter()
        .filter(|i| i["insertTextFormat"] == 2)
        .collect();
    assert!(!snippets.is_empty(), "some items are snippets");
    assert!(
        snippets
            .iter()
            .any(|i| i["textEdit"]["newText"].as_str().unwrap().contains('$'))
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn completion_without_snippets_sends_plain_text() {
    let mut client = Client::start(json!({}));
    client.open(URI, 1, EMPTY_MEMBER);
    let items = completion_at(&mut client, 2, 2);
    assert!(items.iter().any(|i| i["label"] == "forwardPorts"));
    for item in &items {
        assert_eq!(item["insertTextFormat"], 1, "{item}");
        let text = item["textEdit"]["newText"].as_str().unwrap();
        for marker in ["$0", "$1", "${1", "${0"] {
            assert!(!text.contains(marker), "{text}");
        }
    }
    // Inserting the plain text gives valid JSON for the property.
    let ports = items.iter().find(|i| i["label"] == "forwardPorts").unwrap();
    let edited = apply_edits(EMPTY_MEMBER, &json!([ports["textEdit"]]));
    assert!(edited.contains("\"forwardPorts\""), "{edited}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn completion_positions_follow_utf8_when_negotiated() {
    let mut c = caps();
    c["general"] = json!({ "positionEncodings": ["utf-8"] });
    let mut client = Client::start(c);
    let text = "{\"name\": \"注😀\", \"\"}";
    client.open(URI, 1, text);
    // The cursor inside the empty key: byte 20 (注 3 bytes, 😀 4 bytes).
    let items = completion_at(&mut client, 0, 20);
    let image = items
        .iter()
        .find(|i| i["label"] == "image")
        .expect("image is offered");
    let range = &image["textEdit"]["range"];
    assert!(
        range["start"]["character"].as_u64().unwrap() >= 19,
        "{range}"
    );
    assert!(range["end"]["character"].as_u64().unwrap() <= 21, "{range}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn hover_explains_a_property() {
    let mut client = Client::start(caps());
    client.open(URI, 1, BROKEN);
    let hover = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": position(1, 5) }),
    );
    assert_eq!(hover["contents"]["kind"], "markdown");
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("image"),
        "{hover}"
    );
    assert_eq!(hover["range"]["start"]["line"], 1);
    // Nothing to say on whitespace.
    let nothing = client.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": position(5, 0) }),
    );
    assert_eq!(nothing, Value::Null);
    assert_eq!(client.shutdown(), 0);
}

fn code_actions(
    client: &mut Client,
    range: [u32; 4],
    diagnostics: Value,
    only: Option<&[&str]>,
) -> Vec<Value> {
    let mut context = json!({ "diagnostics": diagnostics });
    if let Some(only) = only {
        context["only"] = json!(only);
    }
    let result = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": range_json(range), "context": context }),
    );
    result.as_array().expect("a list of actions").clone()
}

#[test]
fn quick_fix_for_the_diagnostic_in_the_range() {
    let mut client = Client::start(caps());
    client.open(URI, 1, BROKEN);
    let published = client.diagnostics(URI)["diagnostics"].clone();
    let port = find(&published, "port-as-string").clone();
    let actions = code_actions(&mut client, [2, 20, 2, 20], json!([port]), None);
    let fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .expect("a quick fix");
    assert_eq!(fix["title"], "Write the number 8080");
    assert_eq!(fix["isPreferred"], true, "a safe fix is preferred");
    assert_eq!(
        fix["diagnostics"],
        json!([port]),
        "it names the diagnostic it resolves"
    );
    let edits = &fix["edit"]["changes"][URI];
    let fixed = apply_edits(BROKEN, edits);
    assert!(fixed.contains("\"forwardPorts\": [8080]"), "{fixed}");
    // Only quick fixes for the range: the trailing comma's fix is elsewhere.
    assert!(
        !actions
            .iter()
            .any(|a| a["title"] == "Remove the trailing comma")
    );
    // `only: ["quickfix"]` drops the source action.
    let only = code_actions(
        &mut client,
        [2, 20, 2, 20],
        json!([port]),
        Some(&["quickfix"]),
    );
    assert!(only.iter().all(|a| a["kind"] == "quickfix"));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn fix_all_as_a_source_action() {
    let mut client = Client::start(caps());
    client.open(URI, 1, BROKEN);
    client.diagnostics(URI);
    let actions = code_actions(
        &mut client,
        [0, 0, 0, 0],
        json!([]),
        Some(&["source.fixAll"]),
    );
    assert_eq!(actions.len(), 1, "{actions:?}");
    let all = &actions[0];
    assert_eq!(all["kind"], "source.fixAll");
    let fixed = apply_edits(BROKEN, &all["edit"]["changes"][URI]);
    assert!(
        fixed.contains("[8080]") && !fixed.contains("\"x\",\n}"),
        "{fixed}"
    );
    // `only: ["source"]` covers `source.fixAll` too.
    let source = code_actions(&mut client, [0, 0, 0, 0], json!([]), Some(&["source"]));
    assert_eq!(source.len(), 1);
    // After the fix is applied, nothing is left to fix or report.
    client.change_full(URI, 2, &fixed);
    assert_eq!(client.diagnostics(URI)["diagnostics"], json!([]));
    assert!(code_actions(&mut client, [0, 0, 9, 0], json!([]), None).is_empty());
    assert_eq!(client.shutdown(), 0);
}
