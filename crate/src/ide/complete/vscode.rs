//! `customizations.vscode`: well-known extension ids (the Go extension first in a Go
//! configuration), and the Go extension's common settings with values of the right type.

use super::{Insert, Item, Request, rank};
use crate::ide::complete::CompletionKind;

/// (id, what it is, for Go)
const EXTENSIONS: &[(&str, &str, bool)] = &[
    (
        "golang.go",
        "Go: language server (gopls), debugging with Delve, tests.",
        true,
    ),
    (
        "ms-azuretools.vscode-docker",
        "Docker files, images and containers.",
        false,
    ),
    (
        "github.vscode-github-actions",
        "GitHub Actions workflows.",
        false,
    ),
    (
        "github.vscode-pull-request-github",
        "GitHub pull requests and issues.",
        false,
    ),
    ("github.copilot", "GitHub Copilot.", false),
    ("eamodio.gitlens", "Git history and blame.", false),
    ("editorconfig.editorconfig", "EditorConfig support.", false),
    ("redhat.vscode-yaml", "YAML with schemas.", false),
    ("zxh404.vscode-proto3", "Protocol Buffers.", true),
    ("ms-vscode.makefile-tools", "Makefiles.", false),
    (
        "streetsidesoftware.code-spell-checker",
        "Spell checking.",
        false,
    ),
    ("esbenp.prettier-vscode", "Prettier formatter.", false),
    ("dbaeumer.vscode-eslint", "ESLint.", false),
    ("ms-python.python", "Python.", false),
    ("rust-lang.rust-analyzer", "Rust.", false),
    ("hashicorp.terraform", "Terraform.", false),
];

/// The value type of a setting, for its snippet and value completion.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SettingType {
    Bool,
    String,
    Enum(&'static [&'static str]),
    Array,
    Object,
}

/// (setting, type, what it does)
pub const GO_SETTINGS: &[(&str, SettingType, &str)] = &[
    (
        "go.toolsManagement.checkForUpdates",
        SettingType::Enum(&["local", "proxy", "off"]),
        "How the Go extension checks for newer tools: `local` compares with the local Go, `proxy` asks the module proxy, `off` never checks.",
    ),
    (
        "go.toolsManagement.autoUpdate",
        SettingType::Bool,
        "Update Go tools without asking when the extension finds them outdated.",
    ),
    (
        "go.useLanguageServer",
        SettingType::Bool,
        "Use gopls for completion, navigation and diagnostics.",
    ),
    (
        "gopls",
        SettingType::Object,
        "Settings passed to gopls, e.g. `\"ui.semanticTokens\": true`.",
    ),
    (
        "go.testFlags",
        SettingType::Array,
        "Flags for `go test`, e.g. `[\"-v\", \"-race\"]` (`-race` needs cgo).",
    ),
    (
        "go.buildTags",
        SettingType::String,
        "Build tags for builds, tests and gopls, comma separated.",
    ),
    (
        "go.buildFlags",
        SettingType::Array,
        "Extra flags for `go build` and friends.",
    ),
    (
        "go.testTimeout",
        SettingType::String,
        "Timeout for one `go test` run, e.g. `\"30s\"`.",
    ),
    (
        "go.lintTool",
        SettingType::Enum(&["staticcheck", "golangci-lint", "golint", "revive"]),
        "The linter run on save.",
    ),
    (
        "go.lintOnSave",
        SettingType::Enum(&["package", "file", "workspace", "off"]),
        "What to lint when a file is saved.",
    ),
    (
        "go.coverOnSave",
        SettingType::Bool,
        "Run the tests with coverage when a file is saved.",
    ),
    (
        "go.gopath",
        SettingType::String,
        "GOPATH for the extension, e.g. `\"/go\"` in the official Go image.",
    ),
    (
        "go.goroot",
        SettingType::String,
        "The Go installation to use.",
    ),
    (
        "go.toolsGopath",
        SettingType::String,
        "Where the extension installs its tools.",
    ),
    (
        "go.testEnvVars",
        SettingType::Object,
        "Environment variables for tests run from the editor.",
    ),
    (
        "go.delveConfig",
        SettingType::Object,
        "Defaults for Delve debug sessions.",
    ),
    (
        "go.alternateTools",
        SettingType::Object,
        "Use other binaries for Go tools (tool name -> path).",
    ),
    (
        "[go]",
        SettingType::Object,
        "Editor settings for Go files only, e.g. format on save.",
    ),
    (
        "editor.formatOnSave",
        SettingType::Bool,
        "Format a file when it is saved.",
    ),
    (
        "terminal.integrated.defaultProfile.linux",
        SettingType::String,
        "The shell new terminals open with, e.g. `\"bash\"` or `\"zsh\"`.",
    ),
];

/// Hover text of a well-known extension id (ids are case-insensitive).
pub fn extension_doc(id: &str) -> Option<String> {
    let lower = id.to_ascii_lowercase();
    if lower == "ms-vscode.go" {
        return Some(
            "`ms-vscode.go` is the old id of the Go extension: write `golang.go`.".to_string(),
        );
    }
    let base = lower.split('@').next().unwrap_or(&lower);
    let (known, doc, _) = EXTENSIONS.iter().find(|(e, _, _)| *e == base)?;
    Some(format!("**{known}**\n\n{doc}"))
}

fn in_settings(req: &Request) -> bool {
    matches!(
        req.keys().as_slice(),
        [Some("customizations"), Some("vscode"), Some("settings")] | [Some("settings")]
    )
}

fn in_extensions(req: &Request) -> bool {
    matches!(
        req.keys().as_slice(),
        [Some("customizations"), Some("vscode"), Some("extensions")] | [Some("extensions")]
    )
}

pub fn complete_extensions(req: &Request, items: &mut Vec<Item>) {
    if !in_extensions(req) {
        return;
    }
    let present = req.present_strings();
    let mut ordered: Vec<&(&str, &str, bool)> = Vec::new();
    if req.go {
        ordered.extend(EXTENSIONS.iter().filter(|e| e.2));
        ordered.extend(EXTENSIONS.iter().filter(|e| !e.2));
    } else {
        ordered.extend(EXTENSIONS.iter());
    }
    for (i, (id, doc, _)) in ordered.into_iter().enumerate() {
        // Ids are case-insensitive, and the old Go id counts as the new one.
        let taken = present
            .iter()
            .any(|p| p == id || (*id == "golang.go" && p == "ms-vscode.go"));
        if taken {
            continue;
        }
        let mut item = req.string_item(id, CompletionKind::Module);
        item.documentation = Some(doc.to_string());
        item.sort_text = rank(0, i);
        items.push(item);
    }
}

pub fn complete_setting_keys(req: &Request, items: &mut Vec<Item>) {
    if !in_settings(req) {
        return;
    }
    let present = req.present_keys();
    for (i, (name, ty, doc)) in GO_SETTINGS.iter().enumerate() {
        if present.contains(name) {
            continue;
        }
        let value = match ty {
            SettingType::Bool => "${1|true,false|}".to_string(),
            SettingType::String => "\"$1\"".to_string(),
            SettingType::Enum(values) => format!("\"${{1|{}|}}\"", values.join(",")),
            SettingType::Array => "[$1]".to_string(),
            SettingType::Object => "{$1}".to_string(),
        };
        let insert = req.key_insert(name, &value);
        let mut item = req.item(*name, CompletionKind::Property, insert);
        item.documentation = Some(doc.to_string());
        item.sort_text = rank(u8::from(!req.go), i);
        items.push(item);
    }
}

pub fn complete_setting_values(req: &Request, items: &mut Vec<Item>) {
    if !in_settings(req) {
        return;
    }
    let Some(key) = req.value_key() else {
        return;
    };
    let Some((_, ty, _)) = GO_SETTINGS.iter().find(|(name, _, _)| *name == key) else {
        return;
    };
    match ty {
        SettingType::Enum(values) => {
            for value in *values {
                items.push(req.string_item(value, CompletionKind::Enum));
            }
        }
        SettingType::Bool => {
            for value in ["true", "false"] {
                items.push(req.item(value, CompletionKind::Keyword, Insert::Plain(value.into())));
            }
        }
        _ => {}
    }
}
