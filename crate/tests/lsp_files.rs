//! The files a configuration references, over the LSP: a Dockerfile's findings published on
//! its own URI and cleared when fixed (edited in the editor, saved, or changed on disk and
//! announced by the client's watcher), quick fixes on that URI and fixes that edit another
//! file as workspace edits, completion with the Compose file's services, and "fix all"
//! leaving a rule the settings turn off alone.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod lsp_support;

use lsp_support::*;
use serde_json::{Value, json};

const CONFIG: &str = ".devcontainer/devcontainer.json";
const DOCKERFILE: &str = ".devcontainer/Dockerfile";
const APT_CONFIG: &str =
    "{\n  \"name\": \"app\",\n  \"build\": { \"dockerfile\": \"Dockerfile\" }\n}\n";
/// `apt-get install` without `-y` (an error with a safe fix) on line 3.
const APT_DOCKERFILE: &str = "FROM mcr.microsoft.com/devcontainers/base:bookworm\nRUN apt-get update \\\n    && apt-get install --no-install-recommends git\n";
const APT: &str = "dockerfile-apt-install-without-yes";

fn apt_folder(name: &str) -> Folder {
    Folder::new(name, &[(CONFIG, APT_CONFIG), (DOCKERFILE, APT_DOCKERFILE)])
}

fn open_config(client: &Client, folder: &Folder) {
    client.open(&folder.uri(CONFIG), 1, &folder.text(CONFIG));
}

#[test]
fn a_dockerfile_finding_is_published_on_its_uri_and_cleared_by_an_edit() {
    let folder = apt_folder("publish");
    let (config, dockerfile) = (folder.uri(CONFIG), folder.uri(DOCKERFILE));
    let mut client = Client::start(caps());
    open_config(&client, &folder);
    assert_eq!(client.diagnostics(&config)["diagnostics"], json!([]));
    let published = client.diagnostics(&dockerfile);
    let finding = find(&published["diagnostics"], APT);
    assert_eq!(finding["range"]["start"]["line"], 2);
    assert_eq!(finding["severity"], 1);
    // Opened in the editor and fixed there (unsaved): the open text wins over the disk's.
    client.open(&dockerfile, 1, APT_DOCKERFILE);
    client.diagnostics(&dockerfile);
    client.change(&dockerfile, 2, [2, 22, 2, 22], " -y");
    let cleared = client.diagnostics(&dockerfile);
    assert_eq!(cleared["diagnostics"], json!([]));
    assert_eq!(cleared["version"], 2);
    // The configuration stops referencing it: its findings there go too.
    client.change(&dockerfile, 3, [2, 22, 2, 25], "");
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );
    client.change_full(&config, 2, "{ \"image\": \"debian:12\" }");
    client.diagnostics(&config);
    assert_eq!(client.diagnostics(&dockerfile)["diagnostics"], json!([]));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_change_on_disk_rechecks_through_the_watcher_and_on_save() {
    let folder = apt_folder("watch");
    let dockerfile = folder.uri(DOCKERFILE);
    let mut c = caps();
    c["workspace"] = json!({ "didChangeWatchedFiles": { "dynamicRegistration": true } });
    let mut client = Client::start(c);
    open_config(&client, &folder);
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );
    // The server asks to watch the Dockerfile it read, by its absolute path.
    let register = client.server_request("client/registerCapability");
    let watchers = &register.params["registrations"][0]["registerOptions"]["watchers"];
    let globs: Vec<&str> = watchers
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    let on_disk = folder.0.join(DOCKERFILE).display().to_string();
    assert!(globs.contains(&on_disk.as_str()), "{globs:?}");
    client.respond(register.id, Value::Null);

    folder.write(DOCKERFILE, &APT_DOCKERFILE.replace("install", "install -y"));
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": dockerfile, "type": 2 }] }),
    );
    assert_eq!(client.diagnostics(&dockerfile)["diagnostics"], json!([]));

    folder.write(DOCKERFILE, APT_DOCKERFILE);
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": dockerfile } }),
    );
    assert_eq!(
        codes(&client.diagnostics(&dockerfile)["diagnostics"]),
        [APT]
    );
    assert_eq!(client.shutdown(), 0);
}

fn code_actions_at(client: &mut Client, uri: &str, range: [u32; 4]) -> Vec<Value> {
    let result = client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range_json(range), "context": { "diagnostics": [] } }),
    );
    result.as_array().cloned().unwrap_or_default()
}

#[test]
fn a_quick_fix_in_the_dockerfile_edits_the_dockerfile() {
    let folder = apt_folder("fix-dockerfile");
    let dockerfile = folder.uri(DOCKERFILE);
    let mut client = Client::start(caps());
    open_config(&client, &folder);
    client.diagnostics(&dockerfile);
    let actions = code_actions_at(&mut client, &dockerfile, [2, 16, 2, 16]);
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Add -y after install")
        .unwrap_or_else(|| panic!("no fix in {actions:?}"));
    assert_eq!(fix["kind"], "quickfix");
    let changes = fix["edit"]["changes"].as_object().unwrap();
    assert_eq!(changes.keys().collect::<Vec<_>>(), [&dockerfile]);
    let fixed = apply_edits(APT_DOCKERFILE, &changes[&dockerfile]);
    assert!(
        fixed.contains("apt-get install -y --no-install-recommends git"),
        "{fixed}"
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_fix_for_a_dockerfile_finding_can_edit_devcontainer_json() {
    let dockerfile_text = "FROM golang:1.24-bookworm\nEXPOSE 2345\nCMD [\"dlv\", \"exec\", \"./app\", \"--headless\", \"--listen=127.0.0.1:2345\"]\n";
    let config_text =
        "{\n  \"build\": { \"dockerfile\": \"Dockerfile\" },\n  \"forwardPorts\": [2345]\n}\n";
    let folder = Folder::new(
        "fix-config",
        &[(CONFIG, config_text), (DOCKERFILE, dockerfile_text)],
    );
    let (config, dockerfile) = (folder.uri(CONFIG), folder.uri(DOCKERFILE));
    let mut client = Client::start(caps());
    open_config(&client, &folder);
    let published = client.diagnostics(&dockerfile);
    find(&published["diagnostics"], "container-command-overridden");
    let actions = code_actions_at(&mut client, &dockerfile, [0, 0, 3, 0]);
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Set \"overrideCommand\": false")
        .unwrap_or_else(|| panic!("no fix in {actions:?}"));
    let changes = fix["edit"]["changes"].as_object().unwrap();
    assert_eq!(changes.keys().collect::<Vec<_>>(), [&config]);
    let fixed = apply_edits(config_text, &changes[&config]);
    assert!(fixed.contains("\"overrideCommand\": false"), "{fixed}");
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn completion_offers_the_services_of_the_compose_file() {
    let config_text = "{\n  \"dockerComposeFile\": \"compose.yaml\",\n  \"service\": \"\",\n  \"workspaceFolder\": \"/w\"\n}\n";
    let compose = "services:\n  api:\n    image: golang:1.24\n  db:\n    image: postgres:16\n";
    let folder = Folder::new(
        "complete",
        &[
            (CONFIG, config_text),
            (".devcontainer/compose.yaml", compose),
        ],
    );
    let config = folder.uri(CONFIG);
    let mut client = Client::start(caps());
    open_config(&client, &folder);
    let result = client.call(
        "textDocument/completion",
        json!({ "textDocument": { "uri": config }, "position": position(2, 14) }),
    );
    let labels: Vec<&str> = result["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"api") && labels.contains(&"db"),
        "{labels:?}"
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn fix_all_leaves_a_rule_turned_off_alone() {
    // An unquoted key (syntax-error) and a port as a string (port-as-string): both fixable.
    let text = "{ forwardPorts: [\"8080\"], \"image\": \"debian:12\" }";
    let fix_all = |settings: Value| {
        let mut client = Client::start_raw(
            devcontainer_doctor::lsp::engine::ApiEngine,
            json!({ "processId": null, "rootUri": null, "capabilities": caps(), "initializationOptions": settings }),
        );
        client.open(URI, 1, text);
        let result = client.call(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": URI }, "range": range_json([0, 0, 0, 0]),
                "context": { "diagnostics": [], "only": ["source.fixAll"] }
            }),
        );
        assert_eq!(client.shutdown(), 0);
        let action = &result[0];
        assert_eq!(action["kind"], "source.fixAll");
        apply_edits(text, &action["edit"]["changes"][URI])
    };
    assert_eq!(
        fix_all(json!({})),
        "{ \"forwardPorts\": [8080], \"image\": \"debian:12\" }"
    );
    let off = json!({ "devcontainerDoctor": { "severityOverrides": { "port-as-string": "off" } } });
    assert_eq!(
        fix_all(off),
        "{ \"forwardPorts\": [\"8080\"], \"image\": \"debian:12\" }"
    );
}

#[test]
fn a_pulled_dockerfile_reports_what_its_configuration_found() {
    let folder = apt_folder("pull");
    let (config, dockerfile) = (folder.uri(CONFIG), folder.uri(DOCKERFILE));
    let mut c = caps();
    c["textDocument"]["diagnostic"] = json!({});
    let mut client = Client::start(c);
    open_config(&client, &folder);
    let pull = |client: &mut Client, uri: &str| {
        client.call(
            "textDocument/diagnostic",
            json!({ "textDocument": { "uri": uri } }),
        )
    };
    assert_eq!(pull(&mut client, &config)["items"], json!([]));
    assert_eq!(codes(&pull(&mut client, &dockerfile)["items"]), [APT]);
    // Fixed in the editor: the next pull sees the open text.
    client.open(
        &dockerfile,
        1,
        &APT_DOCKERFILE.replace("install", "install -y"),
    );
    assert_eq!(pull(&mut client, &dockerfile)["items"], json!([]));
    assert_eq!(client.shutdown(), 0);
}
