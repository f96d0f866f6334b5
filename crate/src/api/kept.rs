//! What a host keeps between calls: the last document version it asked about, parsed once,
//! with the project built from its input and the findings made for it. An editor asks several
//! things per keystroke (the files wanted, analyze, completion; then hover or code actions), and
//! each used to parse and check the same text again. A call with another text replaces it; the
//! other files are kept while the host hands in the same ones, and so are the parses of every
//! file whose text did not change (`project/parsed.rs`).

use super::project::{ProjectInput, ProjectResult, project_result};
use super::{
    AnalyzeOptions, AnalyzeResult, CodeAction, CompletionItem, Document, Hover, Wanted, actions,
};
use crate::diag::{self, FileId};
use crate::project::Project;
use std::cell::OnceCell;

#[derive(Default)]
pub struct Kept {
    last: Option<Last>,
    parses: usize,
}

struct Last {
    document: Document,
    /// The input the project was built from, without its main text (the document holds it).
    input: Option<ProjectInput>,
    project: Option<Project>,
    /// The findings with the project's files, made by the first call that needs them.
    findings: OnceCell<Vec<diag::Diagnostic>>,
}

/// The kept document with its project, for one call.
struct InProject<'k> {
    document: &'k Document,
    project: &'k Project,
    findings: &'k OnceCell<Vec<diag::Diagnostic>>,
}

impl InProject<'_> {
    fn findings(&self) -> &[diag::Diagnostic] {
        self.findings.get_or_init(|| {
            crate::analysis::check(
                Some(self.project),
                self.document.text(),
                self.document.tree(),
            )
        })
    }
}

impl Kept {
    /// How many texts were parsed so far (each new text once).
    pub fn parses(&self) -> usize {
        self.parses
    }

    /// How many of the other files' texts (Dockerfiles, Compose files) were parsed so far.
    pub fn file_parses(&self) -> usize {
        self.last
            .as_ref()
            .and_then(|l| l.project.as_ref())
            .map_or(0, Project::file_parses)
    }

    fn with_text(&mut self, text: String) -> &mut Last {
        let last = match self.last.take() {
            Some(last) if last.document.text() == text => last,
            previous => {
                self.parses += 1;
                let (input, mut project) = previous.map_or((None, None), |p| (p.input, p.project));
                if let Some(project) = &mut project {
                    project.set_text(FileId::MAIN, text.clone());
                }
                Last {
                    document: Document::new(text, 0),
                    input,
                    project,
                    findings: OnceCell::new(),
                }
            }
        };
        self.last.insert(last)
    }

    fn with_input(&mut self, mut input: ProjectInput) -> InProject<'_> {
        let text = std::mem::take(&mut input.text);
        let Last {
            document,
            input: kept_input,
            project,
            findings,
        } = self.with_text(text);
        if project.is_none() || kept_input.as_ref() != Some(&input) {
            let mut fresh = input.to_project();
            fresh.set_text(FileId::MAIN, document.text().to_string());
            // The texts the host handed in again keep their parses (typing in one file).
            if let Some(old) = project.as_ref() {
                fresh.keep_parses_of(old);
            }
            *project = Some(fresh);
            *findings = OnceCell::new();
            *kept_input = Some(input);
        }
        let project = project.get_or_insert_with(Project::default);
        InProject {
            document,
            project,
            findings,
        }
    }

    pub fn analyze(&mut self, text: String, options: &AnalyzeOptions) -> AnalyzeResult {
        super::analyze_document(&self.with_text(text).document, options)
    }

    pub fn complete(&mut self, text: String, offset: u32) -> Vec<CompletionItem> {
        super::complete_document(&self.with_text(text).document, offset)
    }

    pub fn hover(&mut self, text: String, offset: u32) -> Option<Hover> {
        super::hover_document(&self.with_text(text).document, offset)
    }

    pub fn code_actions(
        &mut self,
        text: String,
        start: u32,
        end: u32,
        options: &AnalyzeOptions,
    ) -> Vec<CodeAction> {
        actions::code_actions_document(&self.with_text(text).document, start, end, options)
    }

    pub fn project_wanted(&mut self, input: ProjectInput) -> Vec<Wanted> {
        let kept = self.with_input(input);
        kept.project.wanted_with(kept.document.tree())
    }

    pub fn analyze_project(
        &mut self,
        input: ProjectInput,
        options: &AnalyzeOptions,
    ) -> ProjectResult {
        let kept = self.with_input(input);
        project_result(kept.project, kept.findings(), options)
    }

    pub fn complete_project(&mut self, input: ProjectInput, offset: u32) -> Vec<CompletionItem> {
        let kept = self.with_input(input);
        super::complete_document_in(Some(kept.project), kept.document, offset)
    }

    pub fn hover_project(&mut self, input: ProjectInput, offset: u32) -> Option<Hover> {
        let kept = self.with_input(input);
        super::hover_document_in(Some(kept.project), kept.document, offset)
    }

    pub fn code_actions_project(
        &mut self,
        input: ProjectInput,
        start: u32,
        end: u32,
        options: &AnalyzeOptions,
    ) -> Vec<CodeAction> {
        let kept = self.with_input(input);
        let findings = kept.findings();
        actions::code_actions_project(kept.project, kept.document, findings, start, end, options)
    }
}
