//! A `ProjectInput` as the wrapper hands it in, read with js-sys calls. serde-wasm-bindgen's
//! deserializer, with serde's messages for unexpected values (which format floats), cost 34 KB
//! of the module (962,710 bytes with it, 928,743 with this reader).

use crate::api::{ProjectFile, ProjectFileKind, ProjectInput};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// `{ mainPath?, text?, isolated?, workspaceFolder?, configFolder?, localEnv?, files? }`, each
/// file `{ path, kind: 'text' | 'missing' | 'folder', text?, entries? }`; `null` reads as absent.
pub fn project_input(input: JsValue) -> Result<ProjectInput, JsError> {
    read_project(&input).map_err(|why| JsError::new(&format!("invalid project input: {why}")))
}

fn read_project(input: &JsValue) -> Result<ProjectInput, String> {
    if !input.is_object() {
        return Err("expected an object".into());
    }
    let mut read = ProjectInput {
        main_path: string(input, "mainPath")?.unwrap_or_default(),
        text: string(input, "text")?.unwrap_or_default(),
        isolated: boolean(input, "isolated")?.unwrap_or(false),
        workspace_folder: string(input, "workspaceFolder")?,
        config_folder: string(input, "configFolder")?,
        ..ProjectInput::default()
    };
    let env = field(input, "localEnv")?;
    if !absent(&env) {
        if !env.is_object() {
            return Err("localEnv is not an object".into());
        }
        for entry in js_sys::Object::entries(env.unchecked_ref()).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let name = pair.get(0).as_string().unwrap_or_default();
            let value = pair
                .get(1)
                .as_string()
                .ok_or_else(|| format!("localEnv.{name} is not a string"))?;
            read.local_env.insert(name, value);
        }
    }
    let files = field(input, "files")?;
    if !absent(&files) {
        if !js_sys::Array::is_array(&files) {
            return Err("files is not an array".into());
        }
        for (i, file) in js_sys::Array::from(&files).iter().enumerate() {
            read.files
                .push(read_file(&file).map_err(|why| format!("files[{i}]: {why}"))?);
        }
    }
    Ok(read)
}

fn read_file(file: &JsValue) -> Result<ProjectFile, String> {
    if !file.is_object() {
        return Err("expected an object".into());
    }
    let path = string(file, "path")?.ok_or("path is missing")?;
    let kind = match string(file, "kind")?.as_deref() {
        Some("text") => ProjectFileKind::Text,
        Some("missing") => ProjectFileKind::Missing,
        Some("folder") => ProjectFileKind::Folder,
        _ => return Err(format!("{path}: kind is not text, missing or folder")),
    };
    let entries = field(file, "entries")?;
    let entries = if absent(&entries) {
        None
    } else if js_sys::Array::is_array(&entries) {
        let names: Option<Vec<String>> = js_sys::Array::from(&entries)
            .iter()
            .map(|name| name.as_string())
            .collect();
        Some(names.ok_or_else(|| format!("{path}: entries holds a value that is not a string"))?)
    } else {
        return Err(format!("{path}: entries is not an array"));
    };
    Ok(ProjectFile {
        text: string(file, "text")?,
        path,
        kind,
        entries,
    })
}

fn field(object: &JsValue, name: &str) -> Result<JsValue, String> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .map_err(|_| format!("{name} cannot be read"))
}

fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

fn string(object: &JsValue, name: &str) -> Result<Option<String>, String> {
    optional(object, name, JsValue::as_string, "a string")
}

fn boolean(object: &JsValue, name: &str) -> Result<Option<bool>, String> {
    optional(object, name, JsValue::as_bool, "a boolean")
}

/// The field `name`, `None` when absent, an error naming it when it is not `what`.
fn optional<T>(
    object: &JsValue,
    name: &str,
    read: impl Fn(&JsValue) -> Option<T>,
    what: &str,
) -> Result<Option<T>, String> {
    let value = field(object, name)?;
    if absent(&value) {
        return Ok(None);
    }
    read(&value)
        .map(Some)
        .ok_or_else(|| format!("{name} is not {what}"))
}
