//! Every check, grouped by family (`schema/`, `features/`, `go/`, ...), one file per code or
//! per scan; helpers that are not rules live in `support/`. A rule reads the [`Context`] and pushes diagnostics; it never
//! panics and never recurses once per nesting level without a bound.

use crate::diag::Diagnostic;
use crate::spec::{ConfigKind, config_kind};
use crate::syntax::{NodeRef, Tree};

mod rule_info;
pub(crate) mod support;

mod features;
mod go;
mod hooks;
mod mounts;
mod ports;
mod schema;
mod syntax;
mod variables;

pub use rule_info::{Domain, FixSafety, RuleInfo};

/// What a rule sees.
pub struct Context<'a> {
    pub text: &'a str,
    pub tree: &'a Tree,
    /// The root object, when the document is an object.
    pub root: Option<NodeRef<'a>>,
    pub kind: ConfigKind,
    line_index: std::cell::OnceCell<crate::text::LineIndex<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, tree: &'a Tree) -> Self {
        let root = tree.root().filter(|r| r.is_object());
        let kind = root.map_or(ConfigKind::Missing, config_kind);
        Self {
            text,
            tree,
            root,
            kind,
            line_index: std::cell::OnceCell::new(),
        }
    }

    /// Line starts of the text, built on first use (only some messages need line numbers).
    pub fn line_index(&self) -> &crate::text::LineIndex<'a> {
        self.line_index
            .get_or_init(|| crate::text::LineIndex::new(self.text))
    }
}

type RuleFn = fn(&Context, &mut Vec<Diagnostic>);

/// Each rule module contributes its `check` and its codes here.
const RULES: &[(RuleFn, &[RuleInfo])] = &[
    (syntax::syntax_errors::check, syntax::syntax_errors::CODES),
    (go::delve_ptrace::check, go::delve_ptrace::CODES),
    (go::dlv_flags::check, go::dlv_flags::CODES),
    (go::race_without_cgo::check, go::race_without_cgo::CODES),
    (go::feature_on_alpine::check, go::feature_on_alpine::CODES),
    (go::extension_old_id::check, go::extension_old_id::CODES),
    (go::settings::check, go::settings::CODES),
    (hooks::lifecycle_hooks::check, hooks::lifecycle_hooks::CODES),
    (mounts::mount_specs::check, mounts::mount_specs::CODES),
    (
        mounts::vscode_server_other_user::check,
        mounts::vscode_server_other_user::CODES,
    ),
    (ports::forward_ports::check, ports::forward_ports::CODES),
    (ports::port_published::check, ports::port_published::CODES),
    (
        variables::variable_refs::check,
        variables::variable_refs::CODES,
    ),
    (features::reference::check, features::reference::CODES),
    (features::version::check, features::version::CODES),
    (features::options::check, features::options::CODES),
    (
        features::install_order::check,
        features::install_order::CODES,
    ),
    (
        schema::unknown_property::check,
        schema::unknown_property::CODES,
    ),
    (schema::type_mismatch::check, schema::type_mismatch::CODES),
    (
        schema::invalid_enum_value::check,
        schema::invalid_enum_value::CODES,
    ),
    (schema::invalid_value::check, schema::invalid_value::CODES),
    (
        schema::container_source::check,
        schema::container_source::CODES,
    ),
    (
        schema::kind_mismatch_property::check,
        schema::kind_mismatch_property::CODES,
    ),
    (
        schema::deprecated_property::check,
        schema::deprecated_property::CODES,
    ),
];

pub fn run_all(text: &str, tree: &Tree, out: &mut Vec<Diagnostic>) {
    let cx = Context::new(text, tree);
    for (rule, _) in RULES {
        rule(&cx, out);
    }
}

/// Every code any rule can emit.
pub fn catalog() -> impl Iterator<Item = &'static RuleInfo> {
    RULES.iter().flat_map(|(_, codes)| codes.iter())
}

/// The catalog entry of `code` (not of an alias).
pub fn info(code: &str) -> Option<&'static RuleInfo> {
    catalog().find(|r| r.code == code)
}

/// What a user's settings say about `code`: the entry under the code itself, else the one under
/// an alias (a code split from an older one follows the old one's setting).
pub fn setting_for<'m, T>(
    settings: &'m std::collections::BTreeMap<String, T>,
    code: &str,
) -> Option<&'m T> {
    settings
        .get(code)
        .or_else(|| info(code)?.aliases.iter().find_map(|a| settings.get(*a)))
}

/// Where each code is explained (an anchor per code in docs/rules.md).
pub const DOCS_BASE: &str =
    "https://github.com/devcontainer-doctor/devcontainer-doctor/blob/main/docs/rules.md";

pub fn docs_url(code: &str) -> String {
    format!("{DOCS_BASE}#{code}")
}

/// The catalog as a Markdown table, each code linking to `{anchor_prefix}#code`
/// (the CLI's `rules` output, docs/rules.md and the README share it).
pub fn markdown_table(anchor_prefix: &str) -> String {
    let mut out = String::from("| Code | Default severity | Summary |\n|---|---|---|\n");
    for r in catalog() {
        out.push_str(&format!(
            "| [`{0}`]({anchor_prefix}#{0}) | {1} | {2} |\n",
            r.code,
            r.severity.as_str(),
            r.summary.replace('|', "\\|")
        ));
    }
    out
}
