//! The handshake: what the client can do (column encoding, snippets, pull diagnostics,
//! configuration) and what this server offers in return.

use super::proto::Encoding;
use lsp_types as lsp;

#[derive(Clone, Copy, Debug)]
pub struct ClientFlags {
    pub encoding: Encoding,
    pub snippets: bool,
    /// The client pulls diagnostics (`textDocument/diagnostic`); then nothing is pushed.
    pub pull_diagnostics: bool,
    pub diagnostic_refresh: bool,
    /// The client answers `workspace/configuration`.
    pub configuration: bool,
    /// The client takes file watchers registered at run time.
    pub watch_files: bool,
    /// Its watchers take a `RelativePattern` (a base URI and a pattern, LSP 3.17).
    pub relative_patterns: bool,
    /// The client asks `completionItem/resolve` for `documentation` (LSP 3.16
    /// `completionItem.resolveSupport`); else completion sends it with every item.
    pub resolve_docs: bool,
}

/// `raw` is the params as sent, for what `lsp_types` misspells: it reads the workspace's
/// diagnostic capabilities from `diagnostic`, where the specification says `diagnostics`.
pub fn negotiate(params: &lsp::InitializeParams, raw: &serde_json::Value) -> ClientFlags {
    let caps = &params.capabilities;
    let offers_utf8 = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|kinds| kinds.contains(&lsp::PositionEncodingKind::UTF8));
    let text = caps.text_document.as_ref();
    let workspace = caps.workspace.as_ref();
    ClientFlags {
        encoding: if offers_utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        },
        snippets: text
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.snippet_support)
            .unwrap_or(false),
        pull_diagnostics: text.is_some_and(|t| t.diagnostic.is_some()),
        diagnostic_refresh: ["diagnostics", "diagnostic"].iter().any(|name| {
            raw["capabilities"]["workspace"][name]["refreshSupport"]
                == serde_json::Value::Bool(true)
        }),
        configuration: workspace.and_then(|w| w.configuration).unwrap_or(false),
        watch_files: workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false),
        relative_patterns: workspace
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.relative_pattern_support)
            .unwrap_or(false),
        resolve_docs: text
            .and_then(|t| t.completion.as_ref())
            .and_then(|c| c.completion_item.as_ref())
            .and_then(|i| i.resolve_support.as_ref())
            .is_some_and(|r| r.properties.iter().any(|p| p == "documentation")),
    }
}

pub const TRIGGER_CHARACTERS: [&str; 4] = ["\"", ":", "$", "{"];

pub fn result(client: &ClientFlags) -> lsp::InitializeResult {
    let capabilities = lsp::ServerCapabilities {
        position_encoding: Some(client.encoding.kind()),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                // A saved Dockerfile re-checks the configurations that read it.
                save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(TRIGGER_CHARACTERS.iter().map(|c| c.to_string()).collect()),
            resolve_provider: Some(true),
            ..Default::default()
        }),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::SOURCE_FIX_ALL,
                ]),
                ..Default::default()
            },
        )),
        diagnostic_provider: client.pull_diagnostics.then(|| {
            lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
                identifier: Some(super::proto::SOURCE.to_string()),
                // A devcontainer.json's findings depend on its Dockerfile and Compose files.
                inter_file_dependencies: true,
                workspace_diagnostics: false,
                ..Default::default()
            })
        }),
        workspace: Some(lsp::WorkspaceServerCapabilities {
            workspace_folders: Some(lsp::WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(lsp::OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    };
    lsp::InitializeResult {
        capabilities,
        server_info: Some(lsp::ServerInfo {
            name: "devcontainer-doctor".to_string(),
            version: Some(crate::api::version().to_string()),
        }),
    }
}
