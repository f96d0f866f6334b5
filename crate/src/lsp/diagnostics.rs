//! Diagnostics: pushed (`textDocument/publishDiagnostics`) after a short debounce, computed from
//! the document's newest text and tagged with its version; or pulled (`textDocument/diagnostic`)
//! when the client supports that, and then never pushed.

use super::engine::Engine;
use super::proto::{self, Lines};
use super::{ResponseError, Server, log, to_value};
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

/// The diagnostics of an open document under the current settings (none when disabled).
fn compute<E: Engine>(server: &Server<E>, uri: &str) -> Option<(Vec<lsp::Diagnostic>, i32)> {
    let doc = server.docs.get(uri)?;
    if !server.settings.enable {
        return Some((Vec::new(), doc.version));
    }
    let options = server.settings.analyze_options();
    let lines = Lines::new(&doc.text, server.client.encoding);
    let diagnostics = server
        .engine
        .analyze(doc.parsed(), &options)
        .iter()
        .map(|d| proto::diagnostic(&lines, d))
        .collect();
    Some((diagnostics, doc.version))
}

pub fn publish_due<E: Engine>(server: &mut Server<E>) {
    for uri in server.pending.take_due() {
        if server.client.pull_diagnostics {
            continue;
        }
        let uri_for_log = uri.clone();
        server.guarded(&format!("diagnostics of {uri_for_log}"), |s| {
            let Some((diagnostics, version)) = compute(s, &uri) else {
                return;
            };
            let Ok(uri) = uri.parse::<lsp::Uri>() else {
                return;
            };
            s.notify::<lsp::notification::PublishDiagnostics>(lsp::PublishDiagnosticsParams {
                uri,
                diagnostics,
                version: Some(version),
            });
        });
    }
}

/// After a settings change: every open document again (push), or ask the client to pull.
pub fn refresh_all<E: Engine>(server: &mut Server<E>) {
    if server.client.pull_diagnostics {
        if server.client.diagnostic_refresh {
            server.request::<lsp::request::WorkspaceDiagnosticRefresh>((), super::Outgoing::Other);
        }
        return;
    }
    let uris: Vec<String> = server.docs.uris().cloned().collect();
    for uri in uris {
        server.pending.schedule(uri, Duration::ZERO);
    }
}

fn result_id<E: Engine>(server: &Server<E>, version: i32) -> String {
    format!("{version}.{}", server.generation)
}

pub fn pull<E: Engine>(
    server: &mut Server<E>,
    params: lsp::DocumentDiagnosticParams,
) -> Result<Value, ResponseError> {
    let uri = params.text_document.uri;
    if server.document(&uri).is_none() {
        return Ok(empty_report());
    }
    let Some((items, version)) = compute(server, uri.as_str()) else {
        return Ok(empty_report());
    };
    let id = result_id(server, version);
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
