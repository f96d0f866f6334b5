//! Writes `extension/src/engineTypes.ts`, the TypeScript shapes of `crate/src/api.rs`, from
//! one table here, and checks the table against the Rust types themselves: a value built from
//! each declaration must deserialize into the Rust type and serialize back unchanged (a field
//! missing, extra, misnamed or of another shape fails), and a value with only the required
//! fields must deserialize (an optional field that Rust requires fails). The test fails when
//! the file is stale; regenerate with `UPDATE_TS=1 cargo test --test engine_types`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

use devcontainer_doctor::api::*;
use devcontainer_doctor::diag::Severity;
use devcontainer_doctor::rebuild::{ApplyBy, ChangedProperty, RebuildAdvice};
use devcontainer_doctor::text::{Position, Range};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use std::path::Path;

const COMMAND: &str = "UPDATE_TS=1 cargo test --test engine_types";

#[derive(Clone, Copy)]
enum Ty {
    Str,
    Num,
    Bool,
    Named(&'static str),
    Array(&'static Ty),
    Record(&'static Ty),
}

struct Field {
    name: &'static str,
    ty: Ty,
    optional: bool,
    doc: &'static str,
}

enum Decl {
    Interface(&'static str, &'static str, &'static [Field]),
    Union(&'static str, &'static str, &'static [&'static str]),
}

const fn f(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        optional: false,
        doc: "",
    }
}
const fn opt(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        optional: true,
        doc: "",
    }
}
const fn doc(mut field: Field, doc: &'static str) -> Field {
    field.doc = doc;
    field
}

use Ty::*;

const DECLS: &[Decl] = &[
    Decl::Interface("Position", "", &[f("line", Num), f("character", Num)]),
    Decl::Interface(
        "Range",
        "",
        &[f("start", Named("Position")), f("end", Named("Position"))],
    ),
    Decl::Union("Severity", "", &["error", "warning", "info", "hint"]),
    Decl::Union(
        "SeverityOverride",
        "",
        &["error", "warning", "info", "hint", "off"],
    ),
    Decl::Interface(
        "TextEdit",
        "",
        &[
            f("range", Named("Range")),
            f("newText", Str),
            doc(
                opt("file", Str),
                "The project path of the file this edit changes, when it is not the file of the diagnostic it comes with.",
            ),
        ],
    ),
    Decl::Interface(
        "Fix",
        "",
        &[
            f("title", Str),
            f("isPreferred", Bool),
            f("edits", Array(&Named("TextEdit"))),
        ],
    ),
    Decl::Interface(
        "Diagnostic",
        "",
        &[
            f("code", Str),
            f("severity", Named("Severity")),
            f("message", Str),
            f("range", Named("Range")),
            f("fixes", Array(&Named("Fix"))),
        ],
    ),
    Decl::Interface(
        "AnalyzeOptions",
        "",
        &[
            opt("severityOverrides", Record(&Named("SeverityOverride"))),
            doc(
                opt("omitFixes", Bool),
                "Leave every diagnostic's `fixes` empty: ask `codeActionsProject` when the user does.",
            ),
        ],
    ),
    Decl::Interface(
        "AnalyzeResult",
        "",
        &[f("diagnostics", Array(&Named("Diagnostic")))],
    ),
    Decl::Union(
        "CompletionKind",
        "",
        &[
            "property", "value", "enum", "keyword", "snippet", "variable", "module", "constant",
        ],
    ),
    Decl::Interface(
        "CompletionItem",
        "",
        &[
            f("label", Str),
            f("kind", Named("CompletionKind")),
            opt("detail", Str),
            opt("documentation", Str),
            doc(
                opt("docId", Str),
                "Given instead of `documentation`: ask `completionDoc(docId)` when the item is shown.",
            ),
            f("insertText", Str),
            f("isSnippet", Bool),
            f("range", Named("Range")),
            f("sortText", Str),
            opt("filterText", Str),
            opt("additionalEdits", Array(&Named("TextEdit"))),
        ],
    ),
    Decl::Interface(
        "Hover",
        "",
        &[f("contents", Str), f("range", Named("Range"))],
    ),
    Decl::Interface(
        "CodeAction",
        "",
        &[
            f("title", Str),
            f("kind", Str),
            f("isPreferred", Bool),
            f("diagnosticCodes", Array(&Str)),
            f("edits", Array(&Named("TextEdit"))),
        ],
    ),
    Decl::Interface(
        "RuleEntry",
        "",
        &[
            f("code", Str),
            f("severity", Named("Severity")),
            f("summary", Str),
            f("docsUrl", Str),
        ],
    ),
    Decl::Union(
        "ApplyBy",
        "What applying a change to devcontainer.json takes, from cheapest to dearest.",
        &["nothing", "reload", "restart", "rebuild"],
    ),
    Decl::Interface(
        "ChangedProperty",
        "",
        &[f("key", Str), f("applyBy", Named("ApplyBy"))],
    ),
    Decl::Interface(
        "RebuildAdvice",
        "",
        &[
            doc(
                f("applyBy", Named("ApplyBy")),
                "The dearest of the changed properties; `nothing` when none changed.",
            ),
            doc(
                f("changed", Array(&Named("ChangedProperty"))),
                "Top-level properties added, removed or changed.",
            ),
            doc(
                f("hasSyntaxErrors", Bool),
                "The new text has syntax errors (a rebuild would fail).",
            ),
        ],
    ),
    Decl::Union("WantKind", "", &["file", "folder"]),
    Decl::Interface(
        "Wanted",
        "A path the host should read (a file) or list (a folder), relative to the devcontainer.json folder.",
        &[f("path", Str), f("kind", Named("WantKind"))],
    ),
    Decl::Union("ProjectFileKind", "", &["text", "missing", "folder"]),
    Decl::Interface(
        "ProjectFile",
        "One file or folder the host supplies, by its path relative to the devcontainer.json folder.",
        &[
            f("path", Str),
            f("kind", Named("ProjectFileKind")),
            doc(opt("text", Str), "For `text`."),
            doc(
                opt("entries", Array(&Str)),
                "For `folder`: the names in it, sub-folders ending with `/`.",
            ),
        ],
    ),
    Decl::Interface(
        "ProjectInput",
        "A configuration as the host hands it in: the main devcontainer.json and the files read so far.",
        &[
            doc(
                opt("mainPath", Str),
                "The main file's path as the host names it.",
            ),
            opt("text", Str),
            doc(
                opt("isolated", Bool),
                "Checked without its folder: nothing is wanted, one note says so.",
            ),
            doc(
                opt("workspaceFolder", Str),
                "What `${localWorkspaceFolder}` stands for.",
            ),
            doc(
                opt("configFolder", Str),
                "The absolute folder of devcontainer.json, for absolute paths.",
            ),
            doc(
                opt("localEnv", Record(&Str)),
                "Values for `${localEnv:NAME}`.",
            ),
            opt("files", Array(&Named("ProjectFile"))),
        ],
    ),
    Decl::Interface(
        "FileDiagnostics",
        "",
        &[
            doc(
                f("path", Str),
                "The main file's path as given, else the project path.",
            ),
            f("main", Bool),
            f("diagnostics", Array(&Named("Diagnostic"))),
        ],
    ),
    Decl::Interface(
        "ProjectResult",
        "Every file of the project that has a text, the main file first.",
        &[f("files", Array(&Named("FileDiagnostics")))],
    ),
];

fn ts_type(ty: Ty) -> String {
    match ty {
        Str => "string".into(),
        Num => "number".into(),
        Bool => "boolean".into(),
        Named(n) => n.into(),
        Array(inner) => format!("{}[]", ts_type(*inner)),
        Record(inner) => format!("Record<string, {}>", ts_type(*inner)),
    }
}

fn render() -> String {
    let mut out = format!(
        "// Generated by `{COMMAND}` from the table in crate/tests/engine_types.rs,\n\
         // checked there against the Rust types of crate/src/api.rs: do not edit by hand.\n"
    );
    for decl in DECLS {
        out.push('\n');
        match decl {
            Decl::Interface(name, about, fields) => {
                if !about.is_empty() {
                    out.push_str(&format!("/** {about} */\n"));
                }
                out.push_str(&format!("export interface {name} {{\n"));
                for field in *fields {
                    if !field.doc.is_empty() {
                        out.push_str(&format!("  /** {} */\n", field.doc));
                    }
                    let q = if field.optional { "?" } else { "" };
                    out.push_str(&format!("  {}{q}: {};\n", field.name, ts_type(field.ty)));
                }
                out.push_str("}\n");
            }
            Decl::Union(name, about, values) => {
                if !about.is_empty() {
                    out.push_str(&format!("/** {about} */\n"));
                }
                let values: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
                out.push_str(&format!("export type {name} = {};\n", values.join(" | ")));
            }
        }
    }
    out
}

fn decl(name: &str) -> &'static Decl {
    DECLS
        .iter()
        .find(|d| matches!(d, Decl::Interface(n, ..) | Decl::Union(n, ..) if *n == name))
        .unwrap_or_else(|| panic!("no declaration {name}"))
}

/// A value of the declared shape: every field when `full`, else only the required ones.
fn sample(ty: Ty, full: bool) -> Value {
    match ty {
        Str => json!("s"),
        Num => json!(1),
        Bool => json!(true),
        Array(inner) => json!([sample(*inner, full)]),
        Record(inner) => json!({ "k": sample(*inner, full) }),
        Named(name) => match decl(name) {
            Decl::Union(_, _, values) => json!(values[0]),
            Decl::Interface(_, _, fields) => {
                let mut object = Map::new();
                for field in fields.iter().filter(|f| full || !f.optional) {
                    object.insert(field.name.to_string(), sample(field.ty, full));
                }
                Value::Object(object)
            }
        },
    }
}

fn check<T: Serialize + DeserializeOwned>(name: &'static str, problems: &mut Vec<String>) {
    match decl(name) {
        Decl::Union(_, _, values) => {
            for v in *values {
                match serde_json::from_value::<T>(json!(v)) {
                    Ok(t) if serde_json::to_value(&t).ok() == Some(json!(v)) => {}
                    _ => problems.push(format!("{name}: '{v}' is not a Rust value")),
                }
            }
        }
        Decl::Interface(..) => {
            let full = sample(Named(name), true);
            match serde_json::from_value::<T>(full.clone()) {
                Ok(t) => {
                    let back = serde_json::to_value(&t).unwrap_or_default();
                    if back != full {
                        problems.push(format!("{name}: the table says {full}, Rust says {back}"));
                    }
                }
                Err(e) => problems.push(format!("{name}: {e} (from {full})")),
            }
            let minimal = sample(Named(name), false);
            if let Err(e) = serde_json::from_value::<T>(minimal.clone()) {
                problems.push(format!("{name}: a field marked optional is required: {e}"));
            }
        }
    }
}

#[test]
fn engine_types_match_the_rust_api_and_are_current() {
    let mut problems = Vec::new();
    check::<Position>("Position", &mut problems);
    check::<Range>("Range", &mut problems);
    check::<Severity>("Severity", &mut problems);
    check::<SeverityOverride>("SeverityOverride", &mut problems);
    check::<TextEdit>("TextEdit", &mut problems);
    check::<Fix>("Fix", &mut problems);
    check::<Diagnostic>("Diagnostic", &mut problems);
    check::<AnalyzeOptions>("AnalyzeOptions", &mut problems);
    check::<AnalyzeResult>("AnalyzeResult", &mut problems);
    check::<CompletionKind>("CompletionKind", &mut problems);
    check::<CompletionItem>("CompletionItem", &mut problems);
    check::<Hover>("Hover", &mut problems);
    check::<CodeAction>("CodeAction", &mut problems);
    check::<RuleEntry>("RuleEntry", &mut problems);
    check::<ApplyBy>("ApplyBy", &mut problems);
    check::<ChangedProperty>("ChangedProperty", &mut problems);
    check::<RebuildAdvice>("RebuildAdvice", &mut problems);
    check::<WantKind>("WantKind", &mut problems);
    check::<Wanted>("Wanted", &mut problems);
    check::<ProjectFileKind>("ProjectFileKind", &mut problems);
    check::<ProjectFile>("ProjectFile", &mut problems);
    check::<ProjectInput>("ProjectInput", &mut problems);
    check::<FileDiagnostics>("FileDiagnostics", &mut problems);
    check::<ProjectResult>("ProjectResult", &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../extension/src/engineTypes.ts");
    let generated = render();
    if std::env::var_os("UPDATE_TS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "extension/src/engineTypes.ts is stale; regenerate it with:\n  {COMMAND}"
    );
}
