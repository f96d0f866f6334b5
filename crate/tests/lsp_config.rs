//! The `devcontainerDoctor` settings over LSP: pulled with `workspace/configuration`, pushed in
//! `didChangeConfiguration`, or given as `initializationOptions`; and workspace folders.

mod lsp_support;

use lsp_support::*;
use serde_json::{Value, json};

fn caps_with_configuration() -> Value {
    let mut c = caps();
    c["workspace"] = json!({ "configuration": true, "workspaceFolders": true });
    c
}

#[test]
fn configuration_is_pulled_after_initialized_and_applied() {
    let mut client = Client::start(caps_with_configuration());
    let request = client.server_request("workspace/configuration");
    assert_eq!(
        request.params["items"],
        json!([{ "section": "devcontainerDoctor" }])
    );
    client.respond(
        request.id,
        json!([{ "severityOverrides": { "trailing-comma": "off", "port-as-string": "error", "bogus": "loud" } }]),
    );
    client.open(URI, 1, BROKEN);
    let ds = client.diagnostics(URI)["diagnostics"].clone();
    assert_eq!(codes(&ds), ["port-as-string"], "trailing-comma is off");
    assert_eq!(
        find(&ds, "port-as-string")["severity"],
        1,
        "raised to an error"
    );
    // A rule that is off offers no quick fix either.
    let actions = client.call(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": URI }, "range": range_json([3, 13, 3, 14]),
            "context": { "diagnostics": [], "only": ["quickfix"] }
        }),
    );
    assert_eq!(actions, json!([]));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn did_change_configuration_with_settings_republishes() {
    let mut client = Client::start(caps());
    client.open(URI, 1, BROKEN);
    assert_eq!(codes(&client.diagnostics(URI)["diagnostics"]).len(), 2);
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "devcontainerDoctor": { "severityOverrides": { "port-as-string": "off" } } } }),
    );
    assert_eq!(
        codes(&client.diagnostics(URI)["diagnostics"]),
        ["trailing-comma"]
    );
    // enable: false clears the findings and answers nothing.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "devcontainerDoctor": { "enable": false } } }),
    );
    assert_eq!(client.diagnostics(URI)["diagnostics"], json!([]));
    let at = json!({ "textDocument": { "uri": URI }, "position": position(1, 5) });
    assert_eq!(client.call("textDocument/hover", at.clone()), Value::Null);
    assert_eq!(client.call("textDocument/completion", at), Value::Null);
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "devcontainerDoctor": { "enable": true } } }),
    );
    assert_eq!(codes(&client.diagnostics(URI)["diagnostics"]).len(), 2);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn did_change_configuration_without_settings_pulls_again() {
    let mut client = Client::start(caps_with_configuration());
    let first = client.server_request("workspace/configuration");
    client.respond(first.id, json!([null]));
    client.open(URI, 1, BROKEN);
    assert_eq!(codes(&client.diagnostics(URI)["diagnostics"]).len(), 2);
    client.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": null }),
    );
    let again = client.server_request("workspace/configuration");
    client.respond(
        again.id,
        json!([{ "enable": true, "severityOverrides": { "port-as-string": "off" } }]),
    );
    assert_eq!(
        codes(&client.diagnostics(URI)["diagnostics"]),
        ["trailing-comma"]
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn initialization_options_set_the_first_settings() {
    let mut client = Client::start_raw(
        devcontainer_doctor::lsp::engine::ApiEngine,
        json!({
            "capabilities": caps(),
            "initializationOptions": { "devcontainerDoctor": { "severityOverrides": { "trailing-comma": "off" } } }
        }),
    );
    client.open(URI, 1, BROKEN);
    assert_eq!(
        codes(&client.diagnostics(URI)["diagnostics"]),
        ["port-as-string"]
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn workspace_folders_are_accepted_and_changed() {
    let mut client = Client::start_raw(
        devcontainer_doctor::lsp::engine::ApiEngine,
        json!({
            "capabilities": caps(),
            "workspaceFolders": [{ "uri": "file:///work", "name": "work" }]
        }),
    );
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({ "event": {
            "added": [{ "uri": "file:///other", "name": "other" }],
            "removed": [{ "uri": "file:///work", "name": "work" }]
        } }),
    );
    client.open(URI, 1, BROKEN);
    assert_eq!(codes(&client.diagnostics(URI)["diagnostics"]).len(), 2);
    assert_eq!(client.shutdown(), 0);
}
