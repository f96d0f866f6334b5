//! What a host keeps between calls: the last document version it asked about, parsed once,
//! with the project built from its input and the findings made for it. An editor asks several
//! things per keystroke (the files wanted, analyze, completion; then hover or code actions), and
//! each used to parse and check the same text again. A call with another text replaces it; the
//! other files are kept while the host hands in the same ones, and so are the parses of every
//! file whose text did not change (`project/parsed.rs`).

use super::checked::Checked;
use super::project::{ProjectInput, ProjectResult, project_result};
use super::{
    AnalyzeOptions, AnalyzeResult, CodeAction, CompletionItem, Document, Hover, Wanted, actions,
};
use crate::diag::{self, FileId};
use crate::project::{Project, Reference};
use crate::rules::{Fixes, KeptForText, KeptReferences};
use std::cell::OnceCell;

#[derive(Default)]
pub struct Kept {
    last: Option<Last>,
    parses: usize,
    /// The project as the host last set it, without its main text; `generation` counts the
    /// changes, so a call learns whether the kept project is still the one set.
    input: Option<ProjectInput>,
    generation: u64,
}

struct Last {
    document: Document,
    /// The `generation` of the input the project was built from.
    built_from: Option<u64>,
    project: Option<Project>,
    /// The findings with the project's files, made by the first call that needs them.
    findings: Checked,
    /// The paths the text references in the project: the files wanted and the findings both
    /// read them.
    references: KeptReferences,
}

/// The kept document with its project, for one call.
struct InProject<'k> {
    document: &'k Document,
    project: &'k Project,
    findings: &'k Checked,
    references: &'k KeptReferences,
}

impl InProject<'_> {
    fn findings(&self, fixes: Fixes) -> &[diag::Diagnostic] {
        self.findings.get(fixes, |fixes| {
            let kept = KeptForText {
                lines: Some(self.document.kept_lines()),
                references: Some(self.references),
            };
            crate::analysis::check(
                Some(self.project),
                self.document.text(),
                self.document.tree(),
                kept,
                fixes,
            )
        })
    }

    fn references(&self) -> &[Reference] {
        self.references
            .get_or_init(|| self.project.references(self.document.tree()))
    }

    fn needed(&self) -> Vec<Wanted> {
        let tree = self.document.tree();
        self.project.needed_from(tree, self.references())
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
        Self::text_in(&mut self.last, &mut self.parses, text)
    }

    /// The kept document for `text`, parsed again only when the text changed.
    fn text_in<'l>(last: &'l mut Option<Last>, parses: &mut usize, text: String) -> &'l mut Last {
        let kept = match last.take() {
            Some(kept) if kept.document.text() == text => kept,
            previous => {
                *parses += 1;
                let (built_from, mut project) =
                    previous.map_or((None, None), |p| (p.built_from, p.project));
                if let Some(project) = &mut project {
                    project.set_text(FileId::MAIN, text.clone());
                }
                Last {
                    document: Document::new(text, 0),
                    built_from,
                    project,
                    findings: Checked::default(),
                    references: OnceCell::new(),
                }
            }
        };
        last.insert(kept)
    }

    /// Sets the project the text-only calls (`*_text`) check their text in: everything of
    /// `input` but its `text`. An input equal to the one set keeps the project, its parses and
    /// its findings; a host that knows nothing changed need not call this again.
    pub fn set_project(&mut self, mut input: ProjectInput) {
        input.text = String::new();
        if self.input.as_ref() != Some(&input) {
            self.input = Some(input);
            self.generation += 1;
        }
    }

    /// The kept document for `text`, in the project last set (an empty one when none was).
    fn in_project(&mut self, text: String) -> InProject<'_> {
        let Kept {
            last,
            parses,
            input,
            generation,
        } = self;
        let Last {
            document,
            built_from,
            project,
            findings,
            references,
        } = Self::text_in(last, parses, text);
        if project.is_none() || *built_from != Some(*generation) {
            let mut fresh = match input {
                Some(input) => input.to_project(),
                None => ProjectInput::default().to_project(),
            };
            fresh.set_text(FileId::MAIN, document.text().to_string());
            // The texts the host handed in again keep their parses (typing in one file).
            if let Some(old) = project.as_ref() {
                fresh.keep_parses_of(old);
            }
            *project = Some(fresh);
            *findings = Checked::default();
            *references = OnceCell::new();
            *built_from = Some(*generation);
        }
        let project = project.get_or_insert_with(Project::default);
        InProject {
            document,
            project,
            findings,
            references,
        }
    }

    /// Sets the project of `input` and hands back its text, for the calls that take both.
    fn adopt(&mut self, mut input: ProjectInput) -> String {
        let text = std::mem::take(&mut input.text);
        self.set_project(input);
        text
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
        let text = self.adopt(input);
        self.project_wanted_text(text)
    }

    /// What the project last set still wants, with `text` as its devcontainer.json.
    pub fn project_wanted_text(&mut self, text: String) -> Vec<Wanted> {
        let kept = self.in_project(text);
        kept.project
            .wanted_from(kept.document.tree(), kept.references())
    }

    /// Every path the project last set needs, with `text` as its devcontainer.json, supplied
    /// or not (`Project::needed_with`).
    pub fn project_needed_text(&mut self, text: String) -> Vec<Wanted> {
        self.in_project(text).needed()
    }

    pub fn analyze_project(
        &mut self,
        input: ProjectInput,
        options: &AnalyzeOptions,
    ) -> ProjectResult {
        let text = self.adopt(input);
        self.analyze_project_text(text, options)
    }

    pub fn analyze_project_text(
        &mut self,
        text: String,
        options: &AnalyzeOptions,
    ) -> ProjectResult {
        let kept = self.in_project(text);
        let main_index = kept.document.line_index();
        project_result(
            kept.project,
            kept.findings(options.fixes()),
            options,
            Some(main_index),
        )
    }

    pub fn complete_project(&mut self, input: ProjectInput, offset: u32) -> Vec<CompletionItem> {
        let text = self.adopt(input);
        self.complete_project_text(text, offset)
    }

    pub fn complete_project_text(&mut self, text: String, offset: u32) -> Vec<CompletionItem> {
        let kept = self.in_project(text);
        super::complete_document_in(Some(kept.project), kept.document, offset)
    }

    pub fn hover_project(&mut self, input: ProjectInput, offset: u32) -> Option<Hover> {
        let text = self.adopt(input);
        self.hover_project_text(text, offset)
    }

    pub fn hover_project_text(&mut self, text: String, offset: u32) -> Option<Hover> {
        let kept = self.in_project(text);
        super::hover_document_in(Some(kept.project), kept.document, offset)
    }

    pub fn code_actions_project(
        &mut self,
        input: ProjectInput,
        start: u32,
        end: u32,
        options: &AnalyzeOptions,
    ) -> Vec<CodeAction> {
        let text = self.adopt(input);
        self.code_actions_project_text(text, start, end, options)
    }

    pub fn code_actions_project_text(
        &mut self,
        text: String,
        start: u32,
        end: u32,
        options: &AnalyzeOptions,
    ) -> Vec<CodeAction> {
        let kept = self.in_project(text);
        let findings = kept.findings(Fixes::Made);
        actions::code_actions_project(kept.project, kept.document, findings, start, end, options)
    }
}
