//! The LSP server's handshake and how it survives bad clients: encodings, capabilities,
//! shutdown and exit, unknown methods and documents, garbage params, a failing engine.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod lsp_support;

use devcontainer_doctor::api;
use devcontainer_doctor::lsp::engine::{ApiEngine, Engine};
use devcontainer_doctor::project::Project;
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId};
use lsp_support::*;
use serde_json::{Value, json};

#[test]
fn initialize_answers_utf16_and_the_capabilities() {
    let client = Client::start(caps());
    let caps = &client.initialize_result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    assert_eq!(caps["hoverProvider"], true);
    assert!(
        caps["completionProvider"]["triggerCharacters"]
            .as_array()
            .unwrap()
            .contains(&json!("\""))
    );
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll"])
    );
    assert!(
        caps.get("diagnosticProvider").is_none(),
        "no pull diagnostics for a client without them"
    );
    assert_eq!(caps["workspace"]["workspaceFolders"]["supported"], true);
    assert_eq!(
        client.initialize_result["serverInfo"]["name"],
        "devcontainer-doctor"
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn initialize_picks_utf8_when_offered() {
    let mut c = caps();
    c["general"] = json!({ "positionEncodings": ["utf-16", "utf-8"] });
    let client = Client::start(c);
    assert_eq!(
        client.initialize_result["capabilities"]["positionEncoding"],
        "utf-8"
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn garbage_initialize_params_fall_back_to_defaults() {
    let mut client = Client::start_raw(
        devcontainer_doctor::lsp::engine::ApiEngine,
        json!({ "capabilities": "not an object", "processId": [] }),
    );
    assert_eq!(
        client.initialize_result["capabilities"]["positionEncoding"],
        "utf-16"
    );
    client.open(URI, 1, BROKEN);
    assert!(codes(&client.diagnostics(URI)["diagnostics"]).contains(&"port-as-string".to_string()));
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn requests_before_initialize_are_refused_and_initialize_still_works() {
    let (server_side, client_side) = lsp_server::Connection::memory();
    let server = std::thread::spawn(move || devcontainer_doctor::lsp::serve(server_side));
    let send = |id: i32, method: &str, params: Value| {
        client_side
            .sender
            .send(Request::new(RequestId::from(id), method.to_string(), params).into())
            .unwrap();
    };
    send(1, "textDocument/hover", json!({}));
    let Ok(Message::Response(early)) = client_side.receiver.recv_timeout(WAIT) else {
        panic!("no answer")
    };
    assert_eq!(
        early.error.unwrap().code,
        ErrorCode::ServerNotInitialized as i32
    );
    send(2, "initialize", json!({ "capabilities": {} }));
    let Ok(Message::Response(init)) = client_side.receiver.recv_timeout(WAIT) else {
        panic!("no answer")
    };
    assert!(init.result.is_some());
    client_side
        .sender
        .send(Notification::new("exit".into(), Value::Null).into())
        .unwrap();
    assert_eq!(
        server.join().unwrap(),
        Ok(1),
        "exit without shutdown exits with 1"
    );
}

#[test]
fn shutdown_then_exit_and_requests_after_shutdown() {
    let mut client = Client::start(caps());
    assert_eq!(client.call("shutdown", Value::Null), Value::Null);
    let late = client.request("textDocument/hover", json!({}));
    assert_eq!(late.error.unwrap().code, ErrorCode::InvalidRequest as i32);
    client.notify("exit", Value::Null);
    assert_eq!(client.join(), 0);
}

#[test]
fn unknown_methods_garbage_params_and_unknown_documents_get_answers() {
    let mut client = Client::start(caps());
    let unknown = client.request("textDocument/formatting", json!({}));
    assert_eq!(
        unknown.error.unwrap().code,
        ErrorCode::MethodNotFound as i32
    );

    for method in [
        "textDocument/completion",
        "textDocument/hover",
        "textDocument/codeAction",
    ] {
        let garbage = client.request(method, json!({ "textDocument": 42, "position": "here" }));
        assert_eq!(
            garbage.error.unwrap().code,
            ErrorCode::InvalidParams as i32,
            "{method}"
        );
        let none = client.request(method, Value::Null);
        assert_eq!(
            none.error.unwrap().code,
            ErrorCode::InvalidParams as i32,
            "{method}"
        );
    }
    // Garbage notifications are logged and dropped.
    client.notify("textDocument/didOpen", json!({ "textDocument": "nope" }));
    client.notify("textDocument/didChange", json!([1, 2, 3]));
    client.notify("workspace/didChangeConfiguration", json!("x"));
    client.notify("$/unknownNotification", json!({}));

    let nowhere = "file:///nowhere/devcontainer.json";
    let at = json!({ "textDocument": { "uri": nowhere }, "position": position(0, 0) });
    assert_eq!(
        client.call("textDocument/completion", at.clone()),
        Value::Null
    );
    assert_eq!(client.call("textDocument/hover", at), Value::Null);
    let actions = json!({
        "textDocument": { "uri": nowhere }, "range": range_json([0, 0, 0, 0]),
        "context": { "diagnostics": [] }
    });
    assert_eq!(client.call("textDocument/codeAction", actions), Value::Null);
    // A change or close for a document that is not open is ignored.
    client.change(nowhere, 2, [0, 0, 0, 0], "x");
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": nowhere } }),
    );

    // Positions far outside the text are clamped.
    client.open(URI, 1, BROKEN);
    client.diagnostics(URI);
    let far = json!({ "textDocument": { "uri": URI }, "position": position(9999, 9999) });
    client.call("textDocument/completion", far.clone());
    client.call("textDocument/hover", far);
    let huge = json!({
        "textDocument": { "uri": URI }, "range": range_json([500, 3, 2, 99999]),
        "context": { "diagnostics": [] }
    });
    client.call("textDocument/codeAction", huge);
    client.change(URI, 2, [400, 0, 900, 7], "// tail\n");
    client.diagnostics(URI);
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn other_json_files_are_not_checked() {
    let mut client = Client::start(caps());
    let other = "file:///work/package.json";
    client.open(other, 1, "{,,,}");
    client.open(URI, 1, "{}");
    // Only the devcontainer.json is answered.
    let first = client.diagnostics(URI);
    assert_eq!(first["diagnostics"], json!([]));
    assert!(
        client
            .try_diagnostics(other, std::time::Duration::from_millis(300))
            .is_none()
    );
    let at = json!({ "textDocument": { "uri": other }, "position": position(0, 1) });
    assert_eq!(client.call("textDocument/completion", at), Value::Null);
    let dotted = "file:///work/.devcontainer.json";
    client.open(
        dotted,
        1,
        "{\"image\": \"debian\", \"forwardPorts\": [\"8080\"]}",
    );
    assert_eq!(
        codes(&client.diagnostics(dotted)["diagnostics"]),
        ["port-as-string"]
    );
    assert_eq!(client.shutdown(), 0);
}

/// An engine that fails in every call, as a bug in a rule would.
struct Failing;

impl Engine for Failing {
    fn analyze(
        &self,
        _: Option<&Project>,
        _: &api::Document,
        _: &api::AnalyzeOptions,
    ) -> Vec<api::FileDiagnostics> {
        panic!("analyze failed on purpose")
    }
    fn complete(&self, _: Option<&Project>, _: &api::Document, _: u32) -> Vec<api::CompletionItem> {
        panic!("complete failed on purpose")
    }
    fn hover(&self, _: Option<&Project>, _: &api::Document, _: u32) -> Option<api::Hover> {
        panic!("hover failed on purpose")
    }
    fn code_actions(
        &self,
        _: &api::Document,
        _: u32,
        _: u32,
        _: &api::AnalyzeOptions,
    ) -> Vec<api::CodeAction> {
        panic!("code actions failed on purpose")
    }
}

#[test]
fn a_failing_engine_gets_empty_answers_and_the_server_keeps_serving() {
    let mut client = Client::start_with(Failing, caps());
    client.open(URI, 1, BROKEN);
    let at = json!({ "textDocument": { "uri": URI }, "position": position(1, 3) });
    assert_eq!(
        client.call("textDocument/completion", at.clone()),
        Value::Null
    );
    assert_eq!(client.call("textDocument/hover", at), Value::Null);
    let actions = json!({
        "textDocument": { "uri": URI }, "range": range_json([0, 0, 5, 0]),
        "context": { "diagnostics": [] }
    });
    assert_eq!(client.call("textDocument/codeAction", actions), Value::Null);
    // No diagnostics were published (analysis failed) and nothing else broke.
    assert!(
        client
            .try_diagnostics(URI, std::time::Duration::from_millis(300))
            .is_none()
    );
    assert_eq!(client.shutdown(), 0);
}

#[test]
fn a_failing_engine_in_pull_mode_answers_an_empty_report() {
    let mut c = caps();
    c["textDocument"]["diagnostic"] = json!({});
    let mut client = Client::start_with(Failing, c);
    client.open(URI, 1, BROKEN);
    let report = client.call(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(report["kind"], "full");
    assert_eq!(report["items"], json!([]));
    assert_eq!(client.shutdown(), 0);
}

/// One engine call: what, the parsed document's address, its version.
type Call = (&'static str, usize, i32);

/// The real engine, noting which parsed document each call received (by address).
struct Recording(std::sync::Arc<std::sync::Mutex<Vec<Call>>>);

impl Recording {
    fn note(&self, what: &'static str, doc: &api::Document) {
        let address = doc as *const api::Document as usize;
        self.0.lock().unwrap().push((what, address, doc.version()));
    }
}

impl Engine for Recording {
    fn analyze(
        &self,
        p: Option<&Project>,
        doc: &api::Document,
        o: &api::AnalyzeOptions,
    ) -> Vec<api::FileDiagnostics> {
        self.note("analyze", doc);
        ApiEngine.analyze(p, doc, o)
    }
    fn complete(
        &self,
        p: Option<&Project>,
        doc: &api::Document,
        at: u32,
    ) -> Vec<api::CompletionItem> {
        self.note("complete", doc);
        ApiEngine.complete(p, doc, at)
    }
    fn hover(&self, p: Option<&Project>, doc: &api::Document, at: u32) -> Option<api::Hover> {
        self.note("hover", doc);
        ApiEngine.hover(p, doc, at)
    }
    fn code_actions(
        &self,
        doc: &api::Document,
        s: u32,
        e: u32,
        o: &api::AnalyzeOptions,
    ) -> Vec<api::CodeAction> {
        self.note("code_actions", doc);
        ApiEngine.code_actions(doc, s, e, o)
    }
}

#[test]
fn one_version_is_parsed_once_for_every_request() {
    let calls = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let mut client = Client::start_with(Recording(calls.clone()), caps());
    client.open(URI, 1, BROKEN);
    client.diagnostics(URI);
    let at = json!({ "textDocument": { "uri": URI }, "position": position(1, 3) });
    client.call("textDocument/completion", at.clone());
    client.call("textDocument/hover", at);
    let range = json!({ "start": position(0, 0), "end": position(3, 0) });
    client.call(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": range, "context": { "diagnostics": [] } }),
    );
    client.change_full(URI, 2, "{ \"image\": \"debian\" }");
    client.diagnostics(URI);
    assert_eq!(client.shutdown(), 0);
    let calls = calls.lock().unwrap().clone();
    let first: Vec<_> = calls.iter().filter(|c| c.2 == 1).collect();
    assert_eq!(first.len(), 4, "{calls:?}");
    assert!(
        first.iter().all(|c| c.1 == first[0].1),
        "one parsed document for version 1: {calls:?}"
    );
    assert!(
        calls.iter().any(|c| c.2 == 2),
        "version 2 is parsed anew: {calls:?}"
    );
}
