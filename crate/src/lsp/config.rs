//! The `devcontainerDoctor` settings, the same as the VS Code extension's: `enable` and
//! `severityOverrides` (code -> error|warning|info|hint|off; "off" disables a rule). Read from
//! `initializationOptions`, pulled with `workspace/configuration` after `initialized` and on
//! `workspace/didChangeConfiguration`, or taken from that notification's settings when the
//! client sends them there. Malformed entries are dropped, as in the extension.

use super::engine::Engine;
use super::{Outgoing, Server, diagnostics, log};
use crate::api::{AnalyzeOptions, SeverityOverride};
use crate::sorted::SortedMap;
use lsp_types as lsp;
use serde_json::Value;

pub const SECTION: &str = "devcontainerDoctor";

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub enable: bool,
    pub severity_overrides: SortedMap<String, SeverityOverride>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            enable: true,
            severity_overrides: SortedMap::new(),
        }
    }
}

impl Settings {
    /// Our section's value: `{ "enable": ..., "severityOverrides": {...} }`.
    pub fn from_section(section: &Value) -> Settings {
        let mut settings = Settings::default();
        if let Some(enable) = section.get("enable").and_then(Value::as_bool) {
            settings.enable = enable;
        }
        if let Some(overrides) = section.get("severityOverrides").and_then(Value::as_object) {
            for (code, level) in overrides {
                match serde_json::from_value::<SeverityOverride>(level.clone()) {
                    Ok(level) => {
                        settings.severity_overrides.insert(code.clone(), level);
                    }
                    Err(_) => log(
                        "warn",
                        format!("severityOverrides.{code}: not error, warning, info, hint or off"),
                    ),
                }
            }
        }
        settings
    }

    /// A settings object that holds our section (`{ "devcontainerDoctor": {...} }`), or the
    /// section itself; `None` when neither is there.
    pub fn from_settings(settings: &Value) -> Option<Settings> {
        if let Some(section) = settings.get(SECTION) {
            return Some(Self::from_section(section));
        }
        let ours = settings.get("enable").is_some() || settings.get("severityOverrides").is_some();
        ours.then(|| Self::from_section(settings))
    }

    pub fn analyze_options(&self) -> AnalyzeOptions {
        AnalyzeOptions {
            severity_overrides: self.severity_overrides.clone(),
            ..AnalyzeOptions::default()
        }
    }
}

/// Asks the client for our section, when it answers such requests.
pub fn request<E: Engine>(server: &mut Server<E>) {
    if !server.client.configuration {
        return;
    }
    let params = lsp::ConfigurationParams {
        items: vec![lsp::ConfigurationItem {
            scope_uri: None,
            section: Some(SECTION.to_string()),
        }],
    };
    server.request::<lsp::request::WorkspaceConfiguration>(params, Outgoing::Configuration);
}

pub fn on_response<E: Engine>(server: &mut Server<E>, response: lsp_server::Response) {
    if let Some(e) = response.error {
        log(
            "warn",
            format!("workspace/configuration failed: {}", e.message),
        );
        return;
    }
    let section = response
        .result
        .as_ref()
        .and_then(Value::as_array)
        .and_then(|items| items.first())
        .cloned()
        .unwrap_or(Value::Null);
    if section.is_null() {
        // The client has nothing under our name: keep what initializationOptions said.
        return;
    }
    apply(server, Settings::from_section(&section));
}

pub fn did_change<E: Engine>(server: &mut Server<E>, params: lsp::DidChangeConfigurationParams) {
    match Settings::from_settings(&params.settings) {
        Some(settings) => apply(server, settings),
        None => request(server),
    }
}

fn apply<E: Engine>(server: &mut Server<E>, settings: Settings) {
    if settings == server.settings {
        return;
    }
    log("info", format!("settings: {settings:?}"));
    server.settings = settings;
    diagnostics::refresh_all(server);
}
