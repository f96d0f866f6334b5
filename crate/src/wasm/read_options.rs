//! The analyze options as the hosts hand them in: the options object (`analyze`,
//! `codeActions`), read with js-sys calls because serde-wasm-bindgen's deserializer for it cost
//! about 13 KB of WASM; and the compact form the wrapper sends on every keystroke.

use crate::api::{AnalyzeOptions, SeverityOverride as Level};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Reads `{ omitFixes?: boolean, severityOverrides?: { [code]: "error" | "warning" | "info" |
/// "hint" | "off" } }`.
pub fn options(options: JsValue) -> Result<AnalyzeOptions, JsError> {
    let invalid = |why: String| JsError::new(&format!("invalid analyze options: {why}"));
    let mut read = AnalyzeOptions::default();
    if options.is_undefined() || options.is_null() {
        return Ok(read);
    }
    if !options.is_object() {
        return Err(invalid("expected an object".into()));
    }
    let omit = js_sys::Reflect::get(&options, &JsValue::from_str("omitFixes"))
        .map_err(|_| invalid("omitFixes cannot be read".into()))?;
    read.omit_fixes = match omit.as_bool() {
        Some(omit) => omit,
        None if omit.is_undefined() || omit.is_null() => false,
        None => return Err(invalid("omitFixes is not a boolean".into())),
    };
    let overrides = js_sys::Reflect::get(&options, &JsValue::from_str("severityOverrides"))
        .map_err(|_| invalid("severityOverrides cannot be read".into()))?;
    if overrides.is_undefined() || overrides.is_null() {
        return Ok(read);
    }
    if !overrides.is_object() {
        return Err(invalid("severityOverrides is not an object".into()));
    }
    for entry in js_sys::Object::entries(overrides.unchecked_ref()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let code = pair.get(0).as_string().unwrap_or_default();
        let level = level(&code, pair.get(1).as_string().as_deref())?;
        read.severity_overrides.insert(code, level);
    }
    Ok(read)
}

fn level(code: &str, written: Option<&str>) -> Result<Level, JsError> {
    Ok(match written {
        Some("error") => Level::Error,
        Some("warning") => Level::Warning,
        Some("info") => Level::Info,
        Some("hint") => Level::Hint,
        Some("off") => Level::Off,
        _ => {
            return Err(JsError::new(&format!(
                "invalid analyze options: severityOverrides.{code}: not error, warning, info, hint or off"
            )));
        }
    })
}

/// The options as the wrapper sends them with every keystroke: `omitFixes`, and the severity
/// overrides as `code=level` lines. Reading a JS object field by field cost about 2 µs a call,
/// as much as checking a small file.
pub fn compact_options(omit_fixes: bool, overrides: &str) -> Result<AnalyzeOptions, JsError> {
    let mut read = AnalyzeOptions {
        omit_fixes,
        ..AnalyzeOptions::default()
    };
    for line in overrides.split('\n').filter(|l| !l.is_empty()) {
        let (code, written) = line.rsplit_once('=').unwrap_or((line, ""));
        let level = level(code, Some(written))?;
        read.severity_overrides.insert(code.to_string(), level);
    }
    Ok(read)
}
