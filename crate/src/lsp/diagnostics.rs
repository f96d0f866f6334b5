//! Diagnostics: pushed (`textDocument/publishDiagnostics`) after a short debounce, computed from
//! the document's newest text and tagged with its version; or pulled (`textDocument/diagnostic`)
//! when the client supports that, and then never pushed.

use super::alone;
use super::engine::Engine;
use super::projects::{self, FileResult};
use super::proto::{self, Lines};
use super::{ResponseError, Server, log, to_value, watch};
use lsp_types as lsp;
use serde_json::Value;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How long after the last edit the diagnostics are computed.
pub const DEBOUNCE: Duration = Duration::from_millis(75);

/// Documents waiting for a push, with the time it is due.
#[derive(Default)]
pub struct Pending {
    due: HashMap<String, Instant>,
}

impl Pending {
    /// (Re)schedules `uri`: a newer edit moves its push later.
    pub fn schedule(&mut self, uri: String, delay: Duration) {
        self.due.insert(uri, Instant::now() + delay);
    }
    pub fn cancel(&mut self, uri: &str) {
        self.due.remove(uri);
    }
    /// How long until the next push is due, if any is waiting.
    pub fn wait(&self) -> Option<Duration> {
        let next = self.due.values().min()?;
        Some(next.saturating_duration_since(Instant::now()))
    }
    fn take_due(&mut self) -> Vec<String> {
        let now = Instant::now();
        let due: Vec<String> = self
            .due
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in &due {
            self.due.remove(uri);
        }
        due
    }
}

/// The diagnostics of an open devcontainer.json on its own (a document that is not a `file:`,
/// whose folder cannot be read), under the current settings (none when disabled).
fn compute_alone<E: Engine>(server: &Server<E>, uri: &str) -> Option<(Vec<lsp::Diagnostic>, i32)> {
    let doc = server.docs.get(uri)?;
    if !server.settings.enable {
        return Some((Vec::new(), doc.version));
    }
    let options = server.settings.analyze_options();
    let lines = Lines::new(&doc.text, server.client.encoding);
    let diagnostics = server
        .engine
        .analyze(None, doc.parsed(), &options)
        .iter()
        .filter(|f| f.main)
        .flat_map(|f| f.diagnostics.iter())
        .map(|d| proto::diagnostic(&lines, d))
        .collect();
    Some((diagnostics, doc.version))
}

/// A checked file's findings in the negotiated encoding.
fn convert<E: Engine>(server: &Server<E>, result: &FileResult) -> Vec<lsp::Diagnostic> {
    let lines = Lines::new(&result.text, server.client.encoding);
    result
        .diagnostics
        .iter()
        .map(|d| proto::diagnostic(&lines, d))
        .collect()
}

/// The diagnostics of a devcontainer.json, checked with its files now; the files' results
/// wait in `server.projects`. The previous check's file URIs come back too, to clear them.
fn check_main<E: Engine>(
    server: &mut Server<E>,
    uri: &str,
) -> Option<(Vec<lsp::Diagnostic>, i32, Vec<String>)> {
    let Some(previous) = projects::check(server, uri) else {
        let (diagnostics, version) = compute_alone(server, uri)?;
        return Some((diagnostics, version, Vec::new()));
    };
    let checked = server.projects.get(uri)?;
    let main = checked.results.first()?;
    let mut files: Vec<String> = previous
        .iter()
        .chain(std::iter::once(checked))
        .flat_map(|c| c.results.iter().skip(1).map(|r| r.uri.clone()))
        .collect();
    files.sort();
    files.dedup();
    let version = server.docs.get(uri)?.version;
    Some((convert(server, main), version, files))
}

pub fn publish_due<E: Engine>(server: &mut Server<E>) {
    let due = server.pending.take_due();
    if due.is_empty() {
        return;
    }
    for uri in due {
        if server.client.pull_diagnostics {
            continue;
        }
        let uri_for_log = uri.clone();
        server.guarded(&format!("diagnostics of {uri_for_log}"), |s| {
            if !proto::is_devcontainer_json(&uri) {
                // A file opened on its own: the configurations on disk that read it.
                for file in alone::adopt(s, &uri) {
                    republish(s, &file);
                }
                return;
            }
            if alone::is_kept(s, &uri) {
                alone::recheck(s, &uri);
                return;
            }
            let Some((diagnostics, version, files)) = check_main(s, &uri) else {
                return;
            };
            publish(s, &uri, diagnostics, Some(version));
            for file in files {
                republish(s, &file);
            }
        });
    }
    watch::update(server);
}

fn publish<E: Engine>(
    server: &Server<E>,
    uri: &str,
    diagnostics: Vec<lsp::Diagnostic>,
    version: Option<i32>,
) {
    let Ok(uri) = uri.parse::<lsp::Uri>() else {
        log("warn", format!("not a URI: {uri}"));
        return;
    };
    server.notify::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    });
}

pub fn publish_empty<E: Engine>(server: &Server<E>, uri: &str) {
    publish(server, uri, Vec::new(), None);
}

/// Publishes what every checked configuration found in a referenced file (nothing when none
/// references it any more), tagged with the open document's version when it is open.
pub fn republish<E: Engine>(server: &Server<E>, file_uri: &str) {
    let diagnostics = server
        .projects
        .merged(file_uri)
        .map(|result| convert(server, &result))
        .unwrap_or_default();
    let version = server.docs.get(file_uri).map(|d| d.version);
    publish(server, file_uri, diagnostics, version);
}

/// In pull mode, a referenced file changed: the client should pull again.
pub fn ask_to_pull<E: Engine>(server: &mut Server<E>) {
    if server.client.diagnostic_refresh {
        server.request::<lsp::request::WorkspaceDiagnosticRefresh>((), super::Outgoing::Other);
    }
}

/// After a settings change: every open document again (push), or ask the client to pull.
pub fn refresh_all<E: Engine>(server: &mut Server<E>) {
    if server.client.pull_diagnostics {
        ask_to_pull(server);
        return;
    }
    let mut uris: Vec<String> = server.docs.configs().cloned().collect();
    uris.extend(alone::kept(server));
    for uri in uris {
        server.pending.schedule(uri, Duration::ZERO);
    }
}

/// A result id that changes exactly when the findings do: they depend on other files and the
/// settings as well as the document's own version.
fn result_id(items: &[lsp::Diagnostic]) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_string(items)
        .unwrap_or_default()
        .hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

pub fn pull<E: Engine>(
    server: &mut Server<E>,
    params: lsp::DocumentDiagnosticParams,
) -> Result<Value, ResponseError> {
    let uri = params.text_document.uri;
    let items = pulled(server, uri.as_str());
    // Also for a file nothing reads yet: the places a configuration for it may appear.
    watch::update(server);
    let Some(items) = items else {
        return Ok(empty_report());
    };
    let id = result_id(&items);
    if params.previous_result_id.as_deref() == Some(id.as_str()) {
        log("info", format!("diagnostics unchanged: {}", uri.as_str()));
        return to_value(lsp::DocumentDiagnosticReportResult::Report(
            lsp::DocumentDiagnosticReport::Unchanged(
                lsp::RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: lsp::UnchangedDocumentDiagnosticReport {
                        result_id: id,
                    },
                },
            ),
        ));
    }
    to_value(full_report(Some(id), items))
}

/// A pulled document's findings: a devcontainer.json checked now, or a referenced file after
/// re-checking the configurations that read it.
fn pulled<E: Engine>(server: &mut Server<E>, uri: &str) -> Option<Vec<lsp::Diagnostic>> {
    if proto::is_devcontainer_json(uri) {
        server.document(&uri.parse().ok()?)?;
        return check_main(server, uri).map(|(items, _, _)| items);
    }
    let mains: Vec<String> = server
        .projects
        .iter()
        .filter(|(_, c)| c.results.iter().any(|r| r.uri == uri))
        .map(|(main, _)| main.clone())
        .collect();
    for main in &mains {
        projects::check(server, main);
    }
    if mains.is_empty() {
        // Opened on its own: the configurations on disk that read it.
        alone::adopt(server, uri);
    }
    let result = server.projects.merged(uri)?;
    Some(convert(server, &result))
}

fn full_report(
    result_id: Option<String>,
    items: Vec<lsp::Diagnostic>,
) -> lsp::DocumentDiagnosticReportResult {
    lsp::DocumentDiagnosticReportResult::Report(lsp::DocumentDiagnosticReport::Full(
        lsp::RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport { result_id, items },
        },
    ))
}

/// A full report with nothing in it.
pub fn empty_report() -> Value {
    serde_json::to_value(full_report(None, Vec::new())).unwrap_or(Value::Null)
}
