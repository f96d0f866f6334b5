//! `completionItem/resolve`: the feature catalog's Markdown is left out of the completion list
//! for a client that resolves `documentation` lazily (LSP 3.16 `resolveSupport`), and comes back
//! on resolve; a client without it gets the Markdown in the list.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod lsp_support;

use lsp_support::*;
use serde_json::{Value, json};

const FEATURES: &str = "{\n  \"features\": {\n    \"\"\n  }\n}\n";

fn go_item(client: &mut Client) -> Value {
    client.open(URI, 1, FEATURES);
    let result = client.call(
        "textDocument/completion",
        json!({ "textDocument": { "uri": URI }, "position": position(2, 5) }),
    );
    result["items"]
        .as_array()
        .expect("a completion list")
        .iter()
        .find(|i| i["label"].as_str().unwrap_or_default().ends_with("/go:1"))
        .expect("the Go feature is offered")
        .clone()
}

#[test]
fn a_resolving_client_gets_the_markdown_on_resolve() {
    let mut client = Client::start(json!({
        "textDocument": { "completion": { "completionItem": {
            "snippetSupport": true,
            "resolveSupport": { "properties": ["documentation", "detail"] }
        } } }
    }));
    assert_eq!(
        client.initialize_result["capabilities"]["completionProvider"]["resolveProvider"],
        true
    );
    let item = go_item(&mut client);
    assert!(item.get("documentation").is_none(), "{item}");
    assert!(item["data"]["docId"].is_string(), "{item}");
    let resolved = client.call("completionItem/resolve", item.clone());
    let markdown = resolved["documentation"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(markdown.contains("Newest version"), "{resolved}");
    assert_eq!(resolved["label"], item["label"]);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_client_without_resolve_gets_the_markdown_in_the_list() {
    let mut client = Client::start(caps());
    let item = go_item(&mut client);
    let markdown = item["documentation"]["value"].as_str().unwrap_or_default();
    assert!(markdown.contains("Newest version"), "{item}");
    assert_eq!(client.shutdown(), 0);
}
