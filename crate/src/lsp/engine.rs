//! The one place the server calls the engine: the `*_document` functions of `crate::api` on
//! the parsed [`api::Document`] the server keeps per open version, so one version is parsed
//! once whatever it is asked. The trait also lets tests put a failing engine behind the server.

use crate::api::{self, AnalyzeOptions, Document};

pub trait Engine {
    fn analyze(&self, doc: &Document, options: &AnalyzeOptions) -> Vec<api::Diagnostic>;
    /// `offset` counts UTF-16 code units into the whole text, as the editor API does.
    fn complete(&self, doc: &Document, offset: u32) -> Vec<api::CompletionItem>;
    fn hover(&self, doc: &Document, offset: u32) -> Option<api::Hover>;
    fn code_actions(&self, doc: &Document, start: u32, end: u32) -> Vec<api::CodeAction>;
}

/// The real engine.
#[derive(Clone, Copy, Debug, Default)]
pub struct ApiEngine;

impl Engine for ApiEngine {
    fn analyze(&self, doc: &Document, options: &AnalyzeOptions) -> Vec<api::Diagnostic> {
        api::analyze_document(doc, options).diagnostics
    }
    fn complete(&self, doc: &Document, offset: u32) -> Vec<api::CompletionItem> {
        api::complete_document(doc, offset)
    }
    fn hover(&self, doc: &Document, offset: u32) -> Option<api::Hover> {
        api::hover_document(doc, offset)
    }
    fn code_actions(&self, doc: &Document, start: u32, end: u32) -> Vec<api::CodeAction> {
        api::code_actions_document(doc, start, end)
    }
}
