//! `devcontainer-doctor lsp`: a language server over stdio for editors other than VS Code.
//!
//! One file per request or notification family (`documents`, `diagnostics`, `completion`,
//! `hover`, `code_action`, `config`, `workspace`, `watch`), `initialize` for the capability
//! handshake, `proto` for every conversion to the protocol's types and column counts, `engine`
//! as the one adapter over `crate::api`, and `projects` (with `project_files` and `uri`) for
//! the Dockerfiles and Compose files a configuration references, read from the open documents
//! first, then from disk; `alone` (with `discover`) for such a file opened without its
//! configuration. The loop is single-threaded: messages are handled in order,
//! diagnostics are computed from the newest text when their debounce expires, so a set for an
//! older version is never sent after a newer edit. stdout carries only protocol; logs go to
//! stderr. Every handler runs under `catch_unwind`: a failure is logged and answered with an
//! empty result, and the server keeps serving.

mod alone;
mod code_action;
mod completion;
mod config;
mod diagnostics;
mod discover;
mod documents;
pub mod engine;
mod hover;
mod initialize;
mod project_files;
mod projects;
pub mod proto;
mod uri;
mod watch;
mod workspace;

use engine::{ApiEngine, Engine};
use lsp_server::{
    Connection, ErrorCode, Message, Notification, Request, RequestId, Response, ResponseError,
};
use lsp_types::notification::{self as n, Notification as _};
use lsp_types::request::{self as r, Request as _};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

pub use diagnostics::DEBOUNCE;

/// Serves stdin/stdout until the client says `exit`; returns the process exit code
/// (0 after `shutdown` then `exit`, 1 otherwise, as the protocol asks).
pub fn run_stdio() -> i32 {
    log(
        "info",
        format!(
            "devcontainer-doctor {} language server on stdio",
            crate::api::version()
        ),
    );
    let (connection, io_threads) = Connection::stdio();
    let code = match serve(connection) {
        Ok(code) => code,
        Err(message) => {
            log("error", message);
            1
        }
    };
    if let Err(e) = io_threads.join() {
        log("error", format!("closing stdio: {e}"));
    }
    code
}

/// Serves one connection with the real engine.
pub fn serve(connection: Connection) -> Result<i32, String> {
    serve_with(connection, ApiEngine)
}

/// Serves one connection with the given engine (tests put a failing one here).
pub fn serve_with<E: Engine>(connection: Connection, engine: E) -> Result<i32, String> {
    let (id, raw) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: lsp_types::InitializeParams =
        serde_json::from_value(raw.clone()).unwrap_or_else(|e| {
            log(
                "error",
                format!("initialize: unreadable params ({e}); using defaults"),
            );
            Default::default()
        });
    let client = initialize::negotiate(&params, &raw);
    let result = initialize::result(&client);
    // Answered directly: `initialized` is handled by the main loop, and a client that skips
    // it is still served.
    let answer = serde_json::to_value(result).unwrap_or(Value::Null);
    connection
        .sender
        .send(Response::new_ok(id, answer).into())
        .map_err(|e| e.to_string())?;
    let mut server = Server {
        sender: connection.sender.clone(),
        engine,
        client,
        docs: documents::Documents::default(),
        settings: config::Settings::default(),
        projects: projects::Projects::default(),
        watching: Vec::new(),
        folders: workspace::initial_folders(&params),
        pending: diagnostics::Pending::default(),
        outgoing: HashMap::new(),
        next_request: 0,
        shutdown: false,
    };
    if let Some(settings) = params
        .initialization_options
        .as_ref()
        .and_then(config::Settings::from_settings)
    {
        server.settings = settings;
    }
    server.main_loop(&connection)
}

/// What an outgoing request was for, to read its response.
enum Outgoing {
    Configuration,
    Other,
}

pub(crate) struct Server<E> {
    sender: crossbeam_channel::Sender<Message>,
    engine: E,
    client: initialize::ClientFlags,
    docs: documents::Documents,
    settings: config::Settings,
    /// The configurations checked with their files, by the main file's URI: the open ones,
    /// and those on disk kept for a file opened on its own (`alone`).
    projects: projects::Projects,
    /// The watchers registered with the client (absolute globs).
    watching: Vec<String>,
    folders: Vec<lsp_types::WorkspaceFolder>,
    pending: diagnostics::Pending,
    outgoing: HashMap<RequestId, Outgoing>,
    next_request: i32,
    shutdown: bool,
}

impl<E: Engine> Server<E> {
    fn main_loop(&mut self, connection: &Connection) -> Result<i32, String> {
        let receiver = &connection.receiver;
        loop {
            let message = match self.pending.wait() {
                Some(wait) => match receiver.recv_timeout(wait) {
                    Ok(message) => Some(message),
                    Err(crossbeam_channel::RecvTimeoutError::Timeout) => None,
                    Err(crossbeam_channel::RecvTimeoutError::Disconnected) => break,
                },
                None => match receiver.recv() {
                    Ok(message) => Some(message),
                    Err(_) => break,
                },
            };
            if let Some(message) = message {
                if let Message::Notification(note) = &message
                    && note.method == n::Exit::METHOD
                {
                    return Ok(if self.shutdown { 0 } else { 1 });
                }
                self.handle(message);
                // Take a burst of edits in before computing anything.
                if !receiver.is_empty() {
                    continue;
                }
            }
            self.guarded("publishing diagnostics", |s| diagnostics::publish_due(s));
        }
        log("error", "the client went away without 'exit'");
        Ok(1)
    }

    fn handle(&mut self, message: Message) {
        match message {
            Message::Request(request) => self.on_request(request),
            Message::Notification(note) => {
                let method = note.method.clone();
                self.guarded(&method, |s| s.on_notification(note));
            }
            Message::Response(response) => {
                self.guarded("a response", |s| s.on_response(response));
            }
        }
    }

    /// Runs `f`, logging a panic instead of unwinding out of the server.
    fn guarded<T>(&mut self, what: &str, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        match catch_unwind(AssertUnwindSafe(|| f(self))) {
            Ok(value) => Some(value),
            Err(panic) => {
                log(
                    "error",
                    format!("{what}: internal error: {}", panic_message(&panic)),
                );
                None
            }
        }
    }

    fn on_request(&mut self, request: Request) {
        let id = request.id.clone();
        let method = request.method.clone();
        if self.shutdown {
            let error = error(
                ErrorCode::InvalidRequest,
                format!("{method} after shutdown"),
            );
            self.respond(id, Err(error));
            return;
        }
        let answer = self
            .guarded(&method, |s| s.dispatch(request))
            .unwrap_or_else(|| Ok(empty_answer(&method)));
        if let Err(e) = &answer {
            log("error", format!("{method}: {}", e.message));
        }
        self.respond(id, answer);
    }

    fn dispatch(&mut self, request: Request) -> Result<Value, ResponseError> {
        let params = request.params;
        match request.method.as_str() {
            r::Shutdown::METHOD => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            r::Completion::METHOD => completion::handle(self, parse(params)?),
            r::ResolveCompletionItem::METHOD => completion::resolve(parse(params)?),
            r::HoverRequest::METHOD => hover::handle(self, parse(params)?),
            r::CodeActionRequest::METHOD => code_action::handle(self, parse(params)?),
            r::DocumentDiagnosticRequest::METHOD => diagnostics::pull(self, parse(params)?),
            method => Err(error(
                ErrorCode::MethodNotFound,
                format!("unsupported request {method}"),
            )),
        }
    }

    fn on_notification(&mut self, note: Notification) {
        let method = note.method.as_str();
        let params = note.params;
        let outcome = match method {
            n::DidOpenTextDocument::METHOD => parse(params).map(|p| documents::did_open(self, p)),
            n::DidChangeTextDocument::METHOD => {
                parse(params).map(|p| documents::did_change(self, p))
            }
            n::DidCloseTextDocument::METHOD => parse(params).map(|p| documents::did_close(self, p)),
            n::DidSaveTextDocument::METHOD => parse(params).map(|p| documents::did_save(self, p)),
            n::DidChangeWatchedFiles::METHOD => {
                parse(params).map(|p| documents::did_change_watched(self, p))
            }
            n::DidChangeConfiguration::METHOD => parse(params).map(|p| config::did_change(self, p)),
            n::DidChangeWorkspaceFolders::METHOD => {
                parse(params).map(|p| workspace::did_change_folders(self, p))
            }
            n::Initialized::METHOD => {
                config::request(self);
                Ok(())
            }
            // Cancellation, tracing and anything else need nothing from us.
            _ => Ok(()),
        };
        if let Err(e) = outcome {
            log("error", format!("{method}: {}", e.message));
        }
    }

    fn on_response(&mut self, response: Response) {
        match self.outgoing.remove(&response.id) {
            Some(Outgoing::Configuration) => config::on_response(self, response),
            Some(Outgoing::Other) => {
                if let Some(e) = response.error {
                    log(
                        "warn",
                        format!("the client refused a request: {}", e.message),
                    );
                }
            }
            None => log(
                "warn",
                format!("a response to no request: {:?}", response.id),
            ),
        }
    }

    fn respond(&self, id: RequestId, answer: Result<Value, ResponseError>) {
        let response = match answer {
            Ok(result) => Response {
                id,
                result: Some(result),
                error: None,
            },
            Err(error) => Response {
                id,
                result: None,
                error: Some(error),
            },
        };
        self.send(response.into());
    }

    fn notify<N: n::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params).into());
    }

    fn request<R: r::Request>(&mut self, params: R::Params, purpose: Outgoing) {
        self.next_request += 1;
        let id = RequestId::from(format!("devcontainer-doctor-{}", self.next_request));
        self.outgoing.insert(id.clone(), purpose);
        self.send(Request::new(id, R::METHOD.to_string(), params).into());
    }

    fn send(&self, message: Message) {
        if self.sender.send(message).is_err() {
            log("error", "the connection is closed");
        }
    }

    /// An open devcontainer.json, or `None` (logged) for anything else.
    fn document(&self, uri: &lsp_types::Uri) -> Option<&documents::Document> {
        let doc = self
            .docs
            .get(uri.as_str())
            .filter(|_| proto::is_devcontainer_json(uri.as_str()));
        if doc.is_none() {
            log(
                "warn",
                format!("not an open devcontainer.json: {}", uri.as_str()),
            );
        }
        doc
    }
}

/// The answer to a request whose handler failed: "nothing here" in the request's own shape.
fn empty_answer(method: &str) -> Value {
    match method {
        r::DocumentDiagnosticRequest::METHOD => diagnostics::empty_report(),
        _ => Value::Null,
    }
}

fn parse<P: DeserializeOwned>(params: Value) -> Result<P, ResponseError> {
    serde_json::from_value(params)
        .map_err(|e| error(ErrorCode::InvalidParams, format!("invalid params: {e}")))
}

fn error(code: ErrorCode, message: String) -> ResponseError {
    ResponseError {
        code: code as i32,
        message,
        data: None,
    }
}

fn to_value(value: impl serde::Serialize) -> Result<Value, ResponseError> {
    serde_json::to_value(value).map_err(|e| error(ErrorCode::InternalError, e.to_string()))
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic".to_string()
    }
}

/// One line on stderr (stdout is the protocol's).
pub(crate) fn log(level: &str, message: impl std::fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "[devcontainer-doctor {level}] {message}");
}
