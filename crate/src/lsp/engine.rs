//! The one place the server calls the engine. Today that is the text-in functions of
//! `crate::api`; when a parsed `Document` and a `Project` arrive there, only this file changes.
//! The trait also lets tests put a failing engine behind the server.

use crate::api::{self, AnalyzeOptions};

pub trait Engine {
    fn analyze(&self, text: &str, options: &AnalyzeOptions) -> Vec<api::Diagnostic>;
    /// `offset` counts UTF-16 code units into the whole text, as the editor API does.
    fn complete(&self, text: &str, offset: u32) -> Vec<api::CompletionItem>;
    fn hover(&self, text: &str, offset: u32) -> Option<api::Hover>;
    fn code_actions(&self, text: &str, start: u32, end: u32) -> Vec<api::CodeAction>;
}

/// The real engine.
#[derive(Clone, Copy, Debug, Default)]
pub struct ApiEngine;

impl Engine for ApiEngine {
    fn analyze(&self, text: &str, options: &AnalyzeOptions) -> Vec<api::Diagnostic> {
        api::analyze(text, options).diagnostics
    }
    fn complete(&self, text: &str, offset: u32) -> Vec<api::CompletionItem> {
        api::complete(text, offset)
    }
    fn hover(&self, text: &str, offset: u32) -> Option<api::Hover> {
        api::hover(text, offset)
    }
    fn code_actions(&self, text: &str, start: u32, end: u32) -> Vec<api::CodeAction> {
        api::code_actions(text, start, end)
    }
}
