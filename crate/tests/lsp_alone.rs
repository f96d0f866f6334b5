//! A Dockerfile opened on its own, without its devcontainer.json (as Neovim opens
//! `.devcontainer/Dockerfile`): the configurations on disk that reference it are found in
//! every layout the tools look in, and its findings are published on its URI, re-checked on
//! edits, offered as quick fixes, merged over the configurations that share it, and cleared
//! when it closes. A file that nothing references gets nothing, and no error.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails by panicking"
)]

mod lsp_support;

use lsp_support::*;
use serde_json::{Value, json};
use std::time::Duration;

const CONFIG: &str = ".devcontainer/devcontainer.json";
const DOCKERFILE: &str = ".devcontainer/Dockerfile";
const APT_CONFIG: &str = "{\n  \"build\": { \"dockerfile\": \"Dockerfile\" }\n}\n";
/// `apt-get install` without `-y` (an error with a safe fix) on line 3.
const APT_DOCKERFILE: &str = "FROM mcr.microsoft.com/devcontainers/base:bookworm\nRUN apt-get update \\\n    && apt-get install --no-install-recommends git\n";
const APT: &str = "dockerfile-apt-install-without-yes";
const QUIET: Duration = Duration::from_millis(400);

/// A client whose one workspace folder is `folder`.
fn start_in(folder: &Folder, capabilities: Value) -> Client {
    start_at(folder, "", capabilities)
}

/// A client whose one workspace folder is `path` in `folder`.
fn start_at(folder: &Folder, path: &str, capabilities: Value) -> Client {
    let root = folder.uri(path);
    let root = root.trim_end_matches('/');
    Client::start_raw(
        devcontainer_doctor::lsp::engine::ApiEngine,
        json!({
            "processId": null, "rootUri": root, "capabilities": capabilities,
            "workspaceFolders": [{ "uri": root, "name": "w" }]
        }),
    )
}

fn open_dockerfile(client: &Client, folder: &Folder, path: &str) -> String {
    let uri = folder.uri(path);
    client.open_as(&uri, "dockerfile", 1, &folder.text(path));
    uri
}

#[test]
fn a_dockerfile_opened_alone_gets_its_findings_and_fixes() {
    let folder = Folder::new(
        "alone",
        &[(CONFIG, APT_CONFIG), (DOCKERFILE, APT_DOCKERFILE)],
    );
    let mut client = start_in(&folder, caps());
    let dockerfile = open_dockerfile(&client, &folder, DOCKERFILE);
    let published = client.diagnostics(&dockerfile);
    assert_eq!(published["version"], 1);
    assert_eq!(codes(&published["diagnostics"]), [APT]);
    let finding = find(&published["diagnostics"], APT);
    assert_eq!(finding["range"], range_json([2, 15, 2, 22]), "{finding}");
    assert_eq!(finding["severity"], 1);
    // The configuration is not open: nothing is published on it.
    assert!(client.try_diagnostics(&folder.uri(CONFIG), QUIET).is_none());

    let actions = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": dockerfile }, "range": range_json([2, 16, 2, 16]),
                "context": { "diagnostics": [finding] } }),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add -y after install")
        .unwrap_or_else(|| panic!("no fix in {actions}"));
    let edits = &fix["edit"]["changes"][&dockerfile];
    let fixed = apply_edits(APT_DOCKERFILE, edits);
    assert!(fixed.contains("apt-get install -y --no-install-recommends"));

    // Edited in the editor (unsaved): re-checked with the open text.
    client.change_full(&dockerfile, 2, &fixed);
    let cleared = client.diagnostics(&dockerfile);
    assert_eq!(
        (cleared["diagnostics"].clone(), cleared["version"].clone()),
        (json!([]), json!(2))
    );
    client.change_full(&dockerfile, 3, APT_DOCKERFILE);
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );

    // Closed: its findings go.
    client.close(&dockerfile);
    assert_eq!(client.diagnostics(&dockerfile)["diagnostics"], json!([]));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn without_a_workspace_folder_the_walk_still_finds_the_configuration() {
    let folder = Folder::new(
        "alone-nofolder",
        &[(CONFIG, APT_CONFIG), (DOCKERFILE, APT_DOCKERFILE)],
    );
    let mut client = Client::start(caps());
    let dockerfile = open_dockerfile(&client, &folder, DOCKERFILE);
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_workspace_folder_inside_devcontainer_still_finds_the_configuration() {
    // Neovim's `root_dir = vim.fs.dirname(file)` makes `.devcontainer` the workspace folder.
    let folder = Folder::new(
        "alone-root-inside",
        &[(CONFIG, APT_CONFIG), (DOCKERFILE, APT_DOCKERFILE)],
    );
    let mut client = start_at(&folder, ".devcontainer", caps());
    let dockerfile = open_dockerfile(&client, &folder, DOCKERFILE);
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_dockerfile_nothing_references_gets_nothing() {
    let folder = Folder::new(
        "alone-unreferenced",
        &[
            (CONFIG, "{ \"image\": \"debian:12\" }"),
            (DOCKERFILE, APT_DOCKERFILE),
            ("docker/Dockerfile", APT_DOCKERFILE),
        ],
    );
    let mut client = start_in(&folder, caps());
    let dockerfile = open_dockerfile(&client, &folder, DOCKERFILE);
    let other = open_dockerfile(&client, &folder, "docker/Dockerfile");
    assert!(client.try_diagnostics(&dockerfile, QUIET).is_none());
    assert!(client.try_diagnostics(&other, QUIET).is_none());
    let actions = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": dockerfile }, "range": range_json([2, 16, 2, 16]),
                "context": { "diagnostics": [] } }),
    );
    assert_eq!(actions, json!([]));
    client.close(&dockerfile);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn named_configurations_sharing_a_dockerfile_report_it_once() {
    let shared = "{ \"build\": { \"dockerfile\": \"../Dockerfile\" } }";
    let folder = Folder::new(
        "alone-named",
        &[
            (".devcontainer/go/devcontainer.json", shared),
            (".devcontainer/node/devcontainer.json", shared),
            (DOCKERFILE, APT_DOCKERFILE),
        ],
    );
    let mut client = start_in(&folder, caps());
    let dockerfile = open_dockerfile(&client, &folder, DOCKERFILE);
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn closing_the_configuration_leaves_the_open_dockerfile_checked() {
    let folder = Folder::new(
        "alone-close-config",
        &[(CONFIG, APT_CONFIG), (DOCKERFILE, APT_DOCKERFILE)],
    );
    let config = folder.uri(CONFIG);
    let mut client = start_in(&folder, caps());
    let dockerfile = open_dockerfile(&client, &folder, DOCKERFILE);
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );
    client.open(&config, 1, APT_CONFIG);
    assert_eq!(client.diagnostics(&config)["diagnostics"], json!([]));
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );
    client.close(&config);
    assert_eq!(client.diagnostics(&config)["diagnostics"], json!([]));
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_pulled_dockerfile_opened_alone_reports_its_findings() {
    let folder = Folder::new(
        "alone-pull",
        &[(CONFIG, APT_CONFIG), (DOCKERFILE, APT_DOCKERFILE)],
    );
    let mut c = caps();
    c["textDocument"]["diagnostic"] = json!({});
    let mut client = start_in(&folder, c);
    let dockerfile = open_dockerfile(&client, &folder, DOCKERFILE);
    let report = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": dockerfile } }),
    );
    assert_eq!(codes(&report["items"]), [APT]);
    // Closed: the configuration kept for it goes, and with it the fixes it offered there.
    client.close(&dockerfile);
    let actions = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": dockerfile }, "range": range_json([2, 16, 2, 16]),
                "context": { "diagnostics": [] } }),
    );
    assert_eq!(actions, Value::Null);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn the_configuration_on_disk_is_watched_by_relative_pattern_and_rechecked() {
    let folder = Folder::new(
        "alone-watch",
        &[(CONFIG, APT_CONFIG), (DOCKERFILE, APT_DOCKERFILE)],
    );
    let mut c = caps();
    c["workspace"] = json!({ "didChangeWatchedFiles": {
        "dynamicRegistration": true, "relativePatternSupport": true } });
    let mut client = start_in(&folder, c);
    let dockerfile = open_dockerfile(&client, &folder, DOCKERFILE);
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );
    let base = folder.uri(".devcontainer");
    expect_watched(
        &mut client,
        &[
            (&base, "devcontainer.json"),
            (&base, "Dockerfile"),
            (&base, "*"),
        ],
    );

    // The configuration stops building it: the Dockerfile's findings go.
    folder.write(CONFIG, "{ \"image\": \"debian:12\" }");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": folder.uri(CONFIG), "type": 2 }] }),
    );
    assert_eq!(client.diagnostics(&dockerfile)["diagnostics"], json!([]));
    assert_eq!(client.shutdown(), 0);
}

/// Capabilities with file watching by relative pattern, in push or pull mode.
fn watching_caps(pull: bool) -> Value {
    let mut c = caps();
    c["workspace"] = json!({
        "didChangeWatchedFiles": { "dynamicRegistration": true, "relativePatternSupport": true },
        "diagnostics": { "refreshSupport": true }
    });
    if pull {
        c["textDocument"]["diagnostic"] = json!({});
    }
    c
}

/// Answers the watcher registration after checking that it holds each relative pattern
/// (base URI, pattern) of `wanted`.
fn expect_watched(client: &mut Client, wanted: &[(&str, &str)]) {
    let register = client.server_request("client/registerCapability");
    let watchers = &register.params["registrations"][0]["registerOptions"]["watchers"];
    let patterns: Vec<&Value> = watchers
        .as_array()
        .unwrap()
        .iter()
        .map(|w| &w["globPattern"])
        .collect();
    for (base, name) in wanted {
        let wanted = json!({ "baseUri": base, "pattern": name });
        assert!(patterns.contains(&&wanted), "{wanted} not in {patterns:?}");
    }
    client.respond(register.id, Value::Null);
}

/// The same for every place in the workspace folder where a configuration for
/// `.devcontainer/Dockerfile` may be created.
fn expect_configuration_places_watched(client: &mut Client, folder: &Folder) {
    let root = folder.uri("");
    let root = root.trim_end_matches('/');
    let dot = folder.uri(".devcontainer");
    expect_watched(
        client,
        &[
            (&dot, "devcontainer.json"),
            (&dot, "*/devcontainer.json"),
            (root, ".devcontainer.json"),
        ],
    );
}

#[test]
fn a_configuration_created_after_the_dockerfile_opened_is_found() {
    let folder = Folder::new("alone-created", &[(DOCKERFILE, APT_DOCKERFILE)]);
    let mut client = start_in(&folder, watching_caps(false));
    let dockerfile = open_dockerfile(&client, &folder, DOCKERFILE);
    assert!(client.try_diagnostics(&dockerfile, QUIET).is_none());
    expect_configuration_places_watched(&mut client, &folder);

    // Written by a terminal or another tool: the client reports the watched file created.
    folder.write(CONFIG, APT_CONFIG);
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": folder.uri(CONFIG), "type": 1 }] }),
    );
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_configuration_created_later_is_found_when_diagnostics_are_pulled() {
    let folder = Folder::new("alone-created-pull", &[(DOCKERFILE, APT_DOCKERFILE)]);
    let mut client = start_in(&folder, watching_caps(true));
    let dockerfile = open_dockerfile(&client, &folder, DOCKERFILE);
    let pull = |client: &mut Client| {
        client.call(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": dockerfile } }),
        )
    };
    assert_eq!(pull(&mut client)["items"], json!([]));
    expect_configuration_places_watched(&mut client, &folder);

    folder.write(CONFIG, APT_CONFIG);
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": folder.uri(CONFIG), "type": 1 }] }),
    );
    client.server_request("workspace/diagnostic/refresh");
    assert_eq!(codes(&pull(&mut client)["items"]), [APT]);
    assert_eq!(client.shutdown(), 0);
}
