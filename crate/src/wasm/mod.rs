//! The WebAssembly facade for the VS Code extension: thin wrappers over [`crate::api`] that take
//! UTF-16 offsets and return plain JS objects, or for the per-keystroke calls the flat encoding
//! of [`api::flat`], handed over in memory ([`output`]) for a text written there ([`input`]).
//! No check lives here; `read_options` and `read_project` only read what the host hands in. The
//! last document asked about is kept ([`api::Kept`]), and the project set with `setProject`
//! serves the `*InProject` calls that send the text alone.

use crate::api::{self, Kept};
use read_options::{compact_options, options};
use read_project::project_input;
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

mod input;
mod output;
mod read_options;
mod read_project;

thread_local! {
    // One instance serves one extension host, which edits one document at a time.
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

fn kept<T>(call: impl FnOnce(&mut Kept) -> T) -> T {
    KEPT.with_borrow_mut(call)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);

    /// Set by the TypeScript wrapper; absent elsewhere, hence `catch`.
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = devcontainerDoctorOnPanic)]
    fn report_panic(message: &str) -> Result<(), JsValue>;
}

/// wasm32-unknown-unknown aborts on panic (a `RuntimeError: unreachable` in JS), and the message
/// would be lost: the hook hands it to JS first so the wrapper can report it and re-instantiate.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("devcontainer-doctor core panicked: {info}");
        console_error(&message);
        let _ = report_panic(&message);
    }));
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// `analyze(text, options?)` -> `{ diagnostics: [...] }`, as the CLI's JSON output.
#[wasm_bindgen]
pub fn analyze(text: String, options: JsValue) -> Result<JsValue, JsError> {
    let options = self::options(options)?;
    to_js(&kept(|k| k.analyze(text, &options)))
}

/// `projectWanted(input)` -> `[{ path, kind: 'file' | 'folder' }]`: what the host should read
/// (or list) next, relative to the devcontainer.json folder; empty when it has everything.
#[wasm_bindgen(js_name = projectWanted)]
pub fn project_wanted(input: JsValue) -> Result<JsValue, JsError> {
    let input = project_input(input)?;
    to_js(&kept(|k| k.project_wanted(input)))
}

/// `analyzeProject(input, options?)` -> `{ files: [{ path, main, diagnostics }] }`.
#[wasm_bindgen(js_name = analyzeProject)]
pub fn analyze_project(input: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    let (input, options) = (project_input(input)?, options(options_value)?);
    to_js(&kept(|k| k.analyze_project(input, &options)))
}

#[wasm_bindgen]
pub fn complete(text: String, offset: u32) -> Result<JsValue, JsError> {
    to_js(&kept(|k| k.complete(text, offset)))
}

/// `completionDoc(docId)`: the Markdown of an item that came with a `docId` instead; `null`
/// when the id means nothing.
#[wasm_bindgen(js_name = completionDoc)]
pub fn completion_doc(doc_id: &str) -> Option<String> {
    api::completion_doc(doc_id)
}

/// `completeProject(input, offset)`: completion in `input.text` with the files read for it
/// (Compose services, Dockerfile stages, names from folder listings).
#[wasm_bindgen(js_name = completeProject)]
pub fn complete_project(input: JsValue, offset: u32) -> Result<JsValue, JsError> {
    let input = project_input(input)?;
    to_js(&kept(|k| k.complete_project(input, offset)))
}

/// `hoverProject(input, offset)`: hover in `input.text` with the files read for it; `null`
/// when there is nothing to show.
#[wasm_bindgen(js_name = hoverProject)]
pub fn hover_project(input: JsValue, offset: u32) -> Result<JsValue, JsError> {
    let input = project_input(input)?;
    to_js(&kept(|k| k.hover_project(input, offset)))
}

/// `null` when there is nothing to show.
#[wasm_bindgen]
pub fn hover(text: String, offset: u32) -> Result<JsValue, JsError> {
    to_js(&kept(|k| k.hover(text, offset)))
}

/// `codeActions(text, start, end, options?)`: "off" rules offer no fix, in "fix all" neither.
#[wasm_bindgen(js_name = codeActions)]
pub fn code_actions(
    text: String,
    start: u32,
    end: u32,
    options_value: JsValue,
) -> Result<JsValue, JsError> {
    let options = options(options_value)?;
    to_js(&kept(|k| k.code_actions(text, start, end, &options)))
}

/// `codeActionsProject(input, start, end, options?)`: the quick fixes of the findings touching
/// the UTF-16 range (with the project's files; an edit of another file names it in `file`),
/// and "fix all". Diagnostics analyzed with `omitFixes` carry none: this is where they come.
#[wasm_bindgen(js_name = codeActionsProject)]
pub fn code_actions_project(
    input: JsValue,
    start: u32,
    end: u32,
    options_value: JsValue,
) -> Result<JsValue, JsError> {
    let (input, options) = (project_input(input)?, options(options_value)?);
    to_js(&kept(|k| {
        k.code_actions_project(input, start, end, &options)
    }))
}

/// `analyzeFlat(textLen, omitFixes, overrides)`: `analyze` of the text in the input buffer
/// ([`input::input_buffer`]), encoded flat; the options as
/// [`compact_options`] reads them.
#[wasm_bindgen(js_name = analyzeFlat)]
pub fn analyze_flat(
    text_len: u32,
    omit_fixes: bool,
    overrides: &str,
) -> Result<*const u32, JsError> {
    let options = compact_options(omit_fixes, overrides)?;
    let text = input::text(text_len);
    Ok(output::flat(api::flat::analyze_result(&kept(|k| {
        k.analyze(text, &options)
    }))))
}

/// `completeFlat(textLen, offset)`: `complete` of the text in the input buffer, encoded flat.
#[wasm_bindgen(js_name = completeFlat)]
pub fn complete_flat(text_len: u32, offset: u32) -> *const u32 {
    let text = input::text(text_len);
    output::flat(api::flat::completion_items(&kept(|k| {
        k.complete(text, offset)
    })))
}

// The project calls by text: `setProject` hands in everything but the text once, and each
// keystroke sends only the new text, through the input buffer ([`input`]). Converting the whole input on every call (three per
// keystroke) cost more than the checks themselves when the project had files.

/// `setProject(input)`: the project the `*InProject` calls check their text in (its `text` is
/// ignored). An input equal to the one set keeps what was parsed and found.
#[wasm_bindgen(js_name = setProject)]
pub fn set_project(input: JsValue) -> Result<(), JsError> {
    let input = project_input(input)?;
    kept(|k| k.set_project(input));
    Ok(())
}

/// `wantedInProject(textLen)`: `projectWanted` in the project set, encoded flat.
#[wasm_bindgen(js_name = wantedInProject)]
pub fn wanted_in_project(text_len: u32) -> *const u32 {
    let text = input::text(text_len);
    output::flat(api::flat::wanted(&kept(|k| k.project_wanted_text(text))))
}

/// `neededInProject(textLen)`: every path the project set needs read, supplied or not, encoded
/// flat (asked before each check; serde built an object per path).
#[wasm_bindgen(js_name = neededInProject)]
pub fn needed_in_project(text_len: u32) -> *const u32 {
    let text = input::text(text_len);
    output::flat(api::flat::wanted(&kept(|k| k.project_needed_text(text))))
}

/// `analyzeInProject(textLen, omitFixes, overrides)`: `analyzeProject` in the project set,
/// encoded flat; the options as [`compact_options`] reads them.
#[wasm_bindgen(js_name = analyzeInProject)]
pub fn analyze_in_project(
    text_len: u32,
    omit_fixes: bool,
    overrides: &str,
) -> Result<*const u32, JsError> {
    let options = compact_options(omit_fixes, overrides)?;
    let text = input::text(text_len);
    let result = kept(|k| k.analyze_project_text(text, &options));
    Ok(output::flat(api::flat::project_result(&result)))
}

/// `completeInProject(textLen, offset)`: `completeProject` in the project set, encoded flat.
#[wasm_bindgen(js_name = completeInProject)]
pub fn complete_in_project(text_len: u32, offset: u32) -> *const u32 {
    let text = input::text(text_len);
    output::flat(api::flat::completion_items(&kept(|k| {
        k.complete_project_text(text, offset)
    })))
}

/// `hoverInProject(textLen, offset)`: `hoverProject` in the project set.
#[wasm_bindgen(js_name = hoverInProject)]
pub fn hover_in_project(text_len: u32, offset: u32) -> Result<JsValue, JsError> {
    let text = input::text(text_len);
    to_js(&kept(|k| k.hover_project_text(text, offset)))
}

/// `codeActionsInProject(textLen, start, end, options?)`: `codeActionsProject` in the project set.
#[wasm_bindgen(js_name = codeActionsInProject)]
pub fn code_actions_in_project(
    text_len: u32,
    start: u32,
    end: u32,
    options_value: JsValue,
) -> Result<JsValue, JsError> {
    let options = options(options_value)?;
    let text = input::text(text_len);
    to_js(&kept(|k| {
        k.code_actions_project_text(text, start, end, &options)
    }))
}

/// `rebuildAdvice(oldText, newText)` -> `{ applyBy, changed: [{ key, applyBy }], hasSyntaxErrors }`:
/// what applying the edit from `oldText` to `newText` takes (nothing, reload, restart, rebuild).
#[wasm_bindgen(js_name = rebuildAdvice)]
pub fn rebuild_advice(old_text: &str, new_text: &str) -> Result<JsValue, JsError> {
    to_js(&api::rebuild_advice(old_text, new_text))
}

#[wasm_bindgen]
pub fn version() -> String {
    api::version().to_string()
}

/// Every rule code: `[{ code, severity, summary, docsUrl }]`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&api::rules())
}

/// For tests only: panics on purpose, to prove the wrapper recovers.
#[wasm_bindgen(js_name = __testPanic)]
pub fn test_panic() {
    panic!("deliberate panic for the recovery test");
}
