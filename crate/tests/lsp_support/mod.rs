//! An in-process LSP client for the `lsp_*` tests: the server runs on a thread behind
//! `lsp_server::Connection::memory()`, and the client sends JSON the way an editor does.

#![allow(dead_code)]

mod folder;
#[allow(unused_imports, reason = "not every test binary uses it")]
pub use folder::Folder;

use devcontainer_doctor::lsp::engine::{ApiEngine, Engine};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};
use std::collections::VecDeque;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub const URI: &str = "file:///work/.devcontainer/devcontainer.json";
pub const WAIT: Duration = Duration::from_secs(10);

/// A broken config: a port as a string (warning, safe fix) and a trailing comma (hint).
pub const BROKEN: &str = "{\n  \"image\": \"mcr.microsoft.com/devcontainers/go:1\",\n  \"forwardPorts\": [\"8080\"],\n  \"name\": \"x\",\n}\n";

pub struct Client {
    conn: Connection,
    server: Option<JoinHandle<Result<i32, String>>>,
    next_id: i32,
    /// Messages read while waiting for something else.
    queue: VecDeque<Message>,
    pub initialize_result: Value,
}

/// Client capabilities: UTF-16 only, snippets, push diagnostics, no configuration requests.
pub fn caps() -> Value {
    json!({
        "textDocument": {
            "completion": { "completionItem": { "snippetSupport": true } },
            "publishDiagnostics": { "versionSupport": true }
        }
    })
}

impl Client {
    pub fn start(capabilities: Value) -> Client {
        Self::start_raw(
            ApiEngine,
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities }),
        )
    }

    pub fn start_with<E: Engine + Send + 'static>(engine: E, capabilities: Value) -> Client {
        Self::start_raw(
            engine,
            json!({ "processId": null, "rootUri": null, "capabilities": capabilities }),
        )
    }

    /// Starts a server and sends `initialize` with these params, then `initialized`.
    pub fn start_raw<E: Engine + Send + 'static>(engine: E, params: Value) -> Client {
        let (server_side, client_side) = Connection::memory();
        let server =
            std::thread::spawn(move || devcontainer_doctor::lsp::serve_with(server_side, engine));
        let mut client = Client {
            conn: client_side,
            server: Some(server),
            next_id: 0,
            queue: VecDeque::new(),
            initialize_result: Value::Null,
        };
        let response = client.request("initialize", params);
        client.initialize_result = response.result.expect("initialize answered");
        client.notify("initialized", json!({}));
        client
    }

    pub fn send(&self, message: Message) {
        self.conn.sender.send(message).expect("server alive");
    }

    pub fn notify(&self, method: &str, params: Value) {
        self.send(Notification::new(method.to_string(), params).into());
    }

    /// Sends a request and waits for its response; other messages wait in the queue.
    pub fn request(&mut self, method: &str, params: Value) -> Response {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.send(Request::new(id.clone(), method.to_string(), params).into());
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.conn.receiver.recv_timeout(left) {
                Ok(Message::Response(r)) if r.id == id => return r,
                Ok(other) => self.queue.push_back(other),
                Err(_) => panic!("no response to {method} within {WAIT:?}"),
            }
        }
    }

    /// The result of a request that must succeed.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(
            response.error.is_none(),
            "{method} failed: {:?}",
            response.error
        );
        response.result.unwrap_or(Value::Null)
    }

    /// The next message (queued first), or `None` within `timeout`.
    pub fn next_message(&mut self, timeout: Duration) -> Option<Message> {
        if let Some(m) = self.queue.pop_front() {
            return Some(m);
        }
        self.conn.receiver.recv_timeout(timeout).ok()
    }

    /// The next message matching `pick`, skipping others, within `timeout`.
    pub fn wait_for<T>(
        &mut self,
        timeout: Duration,
        mut pick: impl FnMut(&Message) -> Option<T>,
    ) -> Option<T> {
        let deadline = Instant::now() + timeout;
        let mut skipped = Vec::new();
        let found = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let Some(m) = self.next_message(left) else {
                break None;
            };
            if let Some(t) = pick(&m) {
                break Some(t);
            }
            skipped.push(m);
            if left.is_zero() {
                break None;
            }
        };
        // Keep what was skipped, in order, ahead of anything newer.
        for m in skipped.into_iter().rev() {
            self.queue.push_front(m);
        }
        found
    }

    /// The next `publishDiagnostics` for `uri`.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        self.try_diagnostics(uri, WAIT)
            .unwrap_or_else(|| panic!("no diagnostics for {uri}"))
    }

    pub fn try_diagnostics(&mut self, uri: &str, timeout: Duration) -> Option<Value> {
        self.wait_for(timeout, |m| match m {
            Message::Notification(n)
                if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri =>
            {
                Some(n.params.clone())
            }
            _ => None,
        })
    }

    /// The next request from the server with this method.
    pub fn server_request(&mut self, method: &str) -> Request {
        self.wait_for(WAIT, |m| match m {
            Message::Request(r) if r.method == method => Some(r.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("the server did not send {method}"))
    }

    pub fn respond(&self, id: RequestId, result: Value) {
        self.send(Response::new_ok(id, result).into());
    }

    pub fn open(&self, uri: &str, version: i32, text: &str) {
        self.open_as(uri, "jsonc", version, text);
    }

    pub fn open_as(&self, uri: &str, language: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": version, "text": text } }),
        );
    }

    pub fn close(&self, uri: &str) {
        self.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": uri } }),
        );
    }

    /// A ranged change: `[line, character, line, character]` replaced by `text`.
    pub fn change(&self, uri: &str, version: i32, range: [u32; 4], text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "range": range_json(range), "text": text }]
            }),
        );
    }

    pub fn change_full(&self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    /// `shutdown`, `exit`, and the server's exit code.
    pub fn shutdown(mut self) -> i32 {
        let response = self.request("shutdown", Value::Null);
        assert!(response.error.is_none());
        self.notify("exit", Value::Null);
        self.join()
    }

    pub fn join(&mut self) -> i32 {
        let server = self.server.take().expect("running");
        server
            .join()
            .expect("the server thread did not panic")
            .expect("no protocol error")
    }
}

pub fn range_json([a, b, c, d]: [u32; 4]) -> Value {
    json!({ "start": { "line": a, "character": b }, "end": { "line": c, "character": d } })
}

pub fn position(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

/// The codes in a diagnostics array.
pub fn codes(diagnostics: &Value) -> Vec<String> {
    diagnostics
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

pub fn find<'a>(diagnostics: &'a Value, code: &str) -> &'a Value {
    diagnostics
        .as_array()
        .and_then(|a| a.iter().find(|d| d["code"] == code))
        .unwrap_or_else(|| panic!("no {code} in {diagnostics}"))
}

/// Applies LSP text edits (UTF-16 columns, non-overlapping) to `text`.
pub fn apply_edits(text: &str, edits: &Value) -> String {
    let mut edits: Vec<&Value> = edits.as_array().expect("edits").iter().collect();
    let offset = |p: &Value| -> usize {
        let (line, ch) = (
            p["line"].as_u64().unwrap() as usize,
            p["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch || c == '\n' || c == '\r' {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&e["range"]["start"])));
    let mut out = text.to_string();
    for e in edits {
        let (s, t) = (offset(&e["range"]["start"]), offset(&e["range"]["end"]));
        out.replace_range(s..t, e["newText"].as_str().unwrap());
    }
    out
}
