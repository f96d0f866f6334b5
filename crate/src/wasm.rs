//! The WebAssembly facade for the VS Code extension: thin wrappers over [`crate::api`] that take
//! UTF-16 offsets and return plain JS objects. No logic lives here.

use crate::api::{self, AnalyzeOptions, ProjectInput};
use serde::Serialize;
use wasm_bindgen::prelude::*;

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
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    to_js(&api::analyze(text, &self::options(options)?))
}

fn project_input(input: JsValue) -> Result<ProjectInput, JsError> {
    serde_wasm_bindgen::from_value(input)
        .map_err(|e| JsError::new(&format!("invalid project input: {e}")))
}

fn options(options: JsValue) -> Result<AnalyzeOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(AnalyzeOptions::default());
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("invalid analyze options: {e}")))
}

/// `projectWanted(input)` -> `[{ path, kind: 'file' | 'folder' }]`: what the host should read
/// (or list) next, relative to the devcontainer.json folder; empty when it has everything.
#[wasm_bindgen(js_name = projectWanted)]
pub fn project_wanted(input: JsValue) -> Result<JsValue, JsError> {
    to_js(&api::project_wanted(&project_input(input)?))
}

/// `analyzeProject(input, options?)` -> `{ files: [{ path, main, diagnostics }] }`.
#[wasm_bindgen(js_name = analyzeProject)]
pub fn analyze_project(input: JsValue, options_value: JsValue) -> Result<JsValue, JsError> {
    to_js(&api::analyze_project(
        &project_input(input)?,
        &options(options_value)?,
    ))
}

#[wasm_bindgen]
pub fn complete(text: &str, offset: u32) -> Result<JsValue, JsError> {
    to_js(&api::complete(text, offset))
}

/// `completeProject(input, offset)`: completion in `input.text` with the files read for it
/// (Compose services, Dockerfile stages, names from folder listings).
#[wasm_bindgen(js_name = completeProject)]
pub fn complete_project(input: JsValue, offset: u32) -> Result<JsValue, JsError> {
    to_js(&api::complete_project(&project_input(input)?, offset))
}

/// `hoverProject(input, offset)`: hover in `input.text` with the files read for it; `null`
/// when there is nothing to show.
#[wasm_bindgen(js_name = hoverProject)]
pub fn hover_project(input: JsValue, offset: u32) -> Result<JsValue, JsError> {
    to_js(&api::hover_project(&project_input(input)?, offset))
}

/// `null` when there is nothing to show.
#[wasm_bindgen]
pub fn hover(text: &str, offset: u32) -> Result<JsValue, JsError> {
    to_js(&api::hover(text, offset))
}

/// `codeActions(text, start, end, options?)`: "off" rules offer no fix, in "fix all" neither.
#[wasm_bindgen(js_name = codeActions)]
pub fn code_actions(
    text: &str,
    start: u32,
    end: u32,
    options_value: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&api::code_actions(
        text,
        start,
        end,
        &options(options_value)?,
    ))
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
