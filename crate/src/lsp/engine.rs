//! The one place the server calls the engine: the `*_document` and project functions of
//! `crate::api` on the parsed [`api::Document`] the server keeps per open version, so one
//! version is parsed once whatever it is asked. The trait also lets tests put a failing engine
//! behind the server.

use crate::api::{self, AnalyzeOptions, Document, FileDiagnostics};
use crate::project::Project;

pub trait Engine {
    /// The diagnostics of every file of `project` (the main file first), or of `doc` alone
    /// (one entry, `main`) when there is no project (a document that is not a `file:`).
    fn analyze(
        &self,
        project: Option<&Project>,
        doc: &Document,
        options: &AnalyzeOptions,
    ) -> Vec<FileDiagnostics>;
    /// `offset` counts UTF-16 code units into the whole text, as the editor API does.
    fn complete(
        &self,
        project: Option<&Project>,
        doc: &Document,
        offset: u32,
    ) -> Vec<api::CompletionItem>;
    fn hover(&self, project: Option<&Project>, doc: &Document, offset: u32) -> Option<api::Hover>;
    fn code_actions(
        &self,
        doc: &Document,
        start: u32,
        end: u32,
        options: &AnalyzeOptions,
    ) -> Vec<api::CodeAction>;
}

/// The real engine.
#[derive(Clone, Copy, Debug, Default)]
pub struct ApiEngine;

impl Engine for ApiEngine {
    fn analyze(
        &self,
        project: Option<&Project>,
        doc: &Document,
        options: &AnalyzeOptions,
    ) -> Vec<FileDiagnostics> {
        match project {
            Some(project) => api::analyze_project_in(project, options).files,
            None => vec![FileDiagnostics {
                path: String::new(),
                main: true,
                diagnostics: api::analyze_document(doc, options).diagnostics,
            }],
        }
    }
    fn complete(
        &self,
        project: Option<&Project>,
        doc: &Document,
        offset: u32,
    ) -> Vec<api::CompletionItem> {
        api::complete_document_in(project, doc, offset)
    }
    fn hover(&self, project: Option<&Project>, doc: &Document, offset: u32) -> Option<api::Hover> {
        api::hover_document_in(project, doc, offset)
    }
    fn code_actions(
        &self,
        doc: &Document,
        start: u32,
        end: u32,
        options: &AnalyzeOptions,
    ) -> Vec<api::CodeAction> {
        api::code_actions_document(doc, start, end, options)
    }
}
