//! Go extension settings that no longer do anything, and the one that switches gopls off.
//!
//! The removed ones are those the Go extension dropped in October 2023 (vscode-go commit
//! a3d76a5, golang/vscode-go#2799): the gocode settings, the old completion settings,
//! `go.gotoSymbol.includeCoroot`, `go.docsTool`, `go.liveErrors` and
//! `go.useGoProxyToCheckForToolUpdates` (replaced by `go.toolsManagement.checkForUpdates`).
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`go-removed-setting/`,
//! `go-language-server-off/`).

use crate::diag::{Diagnostic, Severity};
use crate::rules::support::config::settings_objects;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const GO_REMOVED_SETTING: RuleInfo = RuleInfo {
    code: "go-removed-setting",
    aliases: &[],
    severity: Severity::Info,
    summary: "A setting the Go extension removed: it has no effect any more.",
    why: "The Go extension removed these settings in October 2023 (golang/vscode-go#2799), so writing them has no effect.",
    fix: FixSafety::None,
    domain: Domain::Go,
};

pub const GO_LANGUAGE_SERVER_OFF: RuleInfo = RuleInfo {
    code: "go-language-server-off",
    aliases: &[],
    severity: Severity::Info,
    summary: "go.useLanguageServer is false, which turns gopls off.",
    why: "`go.useLanguageServer: false` turns gopls off, and with it most of the Go extension's features (completion, diagnostics, navigation).",
    fix: FixSafety::None,
    domain: Domain::Go,
};

pub const CODES: &[RuleInfo] = &[GO_REMOVED_SETTING, GO_LANGUAGE_SERVER_OFF];

/// Removed setting, and what replaces it (None: nothing, gopls covers it).
const REMOVED: &[(&str, Option<&str>)] = &[
    ("go.gocodeFlags", None),
    ("go.gocodeAutoBuild", None),
    ("go.gocodePackageLookupMode", None),
    ("go.useCodeSnippetsOnFunctionSuggest", None),
    ("go.useCodeSnippetsOnFunctionSuggestWithoutType", None),
    ("go.autocompleteUnimportedPackages", None),
    ("go.gotoSymbol.includeCoroot", None),
    ("go.docsTool", None),
    ("go.liveErrors", None),
    (
        "go.useGoProxyToCheckForToolUpdates",
        Some("go.toolsManagement.checkForUpdates (\"proxy\", \"local\" or \"off\")"),
    ),
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for settings in settings_objects(cx) {
        for member in settings.members() {
            let key = member.key();
            if let Some((_, replacement)) = REMOVED.iter().find(|(name, _)| *name == key) {
                let advice = match replacement {
                    Some(new) => format!("Use {new} instead."),
                    None => "gopls provides this now; remove the setting.".to_string(),
                };
                out.push(GO_REMOVED_SETTING.at(
                    member.key_range(),
                    format!(
                        "The Go extension removed \"{key}\" in 2023, so it does nothing. {advice}"
                    ),
                ));
            }
            if key == "go.useLanguageServer"
                && member.value.and_then(|v| v.as_bool()) == Some(false)
            {
                out.push(GO_LANGUAGE_SERVER_OFF.at(member.range(),
                    "go.useLanguageServer is false, so gopls is off and the Go extension loses most completion, \
                     navigation and diagnostics. Remove the setting (gopls is on by default) unless you need it off.",
                ));
            }
        }
    }
}
