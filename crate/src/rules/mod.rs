//! Every check, one file each. A rule reads the [`Context`] and pushes diagnostics; it never
//! panics and never recurses once per nesting level without a bound.

use crate::diag::Diagnostic;
use crate::syntax::{NodeRef, Tree};

mod exec_form;
mod rule_info;

pub use rule_info::{Domain, FixSafety, RuleInfo};
mod compose;
mod container;
mod dockerfile;
mod features_install_order;
mod features_keys;
mod features_options;
mod features_reference;
mod features_version;
mod files;
mod go_common;
mod go_delve_ptrace;
mod go_dlv_flags;
mod go_extension_id;
mod go_feature_alpine;
mod go_race_cgo;
mod go_settings;
mod lifecycle_hooks;
mod mount_spec;
mod mounts;
mod move_fix;
mod port_publish;
mod port_syntax;
mod ports;
mod schema_container_source;
mod schema_deprecated;
mod schema_enums;
mod schema_kind_properties;
mod schema_properties;
mod schema_types;
mod schema_values;
mod schema_walk;
mod string_source;
mod syntax_errors;
mod text_layout;
mod variable_scan;
mod variables;

/// The three ways a dev container gets its container, or why it has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigKind {
    Image,
    Dockerfile,
    Compose,
    /// No `image`, Dockerfile or `dockerComposeFile` (an error unless the file is empty).
    Missing,
    /// More than one source: the rules treat it as the first in image, Dockerfile, Compose order.
    Mixed,
}

/// What a rule sees.
pub struct Context<'a> {
    pub text: &'a str,
    pub tree: &'a Tree,
    /// The root object, when the document is an object.
    pub root: Option<NodeRef<'a>>,
    pub kind: ConfigKind,
    /// The other files of the configuration, when the host gave a project.
    pub project: Option<&'a crate::project::Project>,
    line_index: std::cell::OnceCell<crate::text::LineIndex<'a>>,
    container: std::cell::OnceCell<Option<crate::container::Container>>,
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
            project: None,
            line_index: std::cell::OnceCell::new(),
            container: std::cell::OnceCell::new(),
        }
    }

    /// The merged view of the container (Dockerfile, Compose files, devcontainer.json), built
    /// once on first use; `None` without a project or when checked without its folder.
    pub fn container(&self) -> Option<&crate::container::Container> {
        self.container
            .get_or_init(|| {
                let project = self.project.filter(|p| !p.isolated)?;
                Some(crate::container::Container::new(project, self.tree))
            })
            .as_ref()
    }

    /// Line starts of the text, built on first use (only some messages need line numbers).
    pub fn line_index(&self) -> &crate::text::LineIndex<'a> {
        self.line_index
            .get_or_init(|| crate::text::LineIndex::new(self.text))
    }
}

/// Classifies a root object by the properties that pick its container source.
pub fn config_kind(root: NodeRef<'_>) -> ConfigKind {
    let has_image = root.member("image").is_some();
    let has_dockerfile = root.member("dockerFile").is_some()
        || root
            .get("build")
            .is_some_and(|b| b.member("dockerfile").is_some());
    let has_compose = root.member("dockerComposeFile").is_some();
    match (has_image, has_dockerfile, has_compose) {
        (false, false, false) => ConfigKind::Missing,
        (true, false, false) => ConfigKind::Image,
        (false, true, false) => ConfigKind::Dockerfile,
        (false, false, true) => ConfigKind::Compose,
        _ => ConfigKind::Mixed,
    }
}

type RuleFn = fn(&Context, &mut Vec<Diagnostic>);

/// Each rule module contributes its `check` and its codes here.
const RULES: &[(RuleFn, &[RuleInfo])] = &[
    (syntax_errors::check, syntax_errors::CODES),
    (go_delve_ptrace::check, go_delve_ptrace::CODES),
    (go_dlv_flags::check, go_dlv_flags::CODES),
    (go_race_cgo::check, go_race_cgo::CODES),
    (go_feature_alpine::check, go_feature_alpine::CODES),
    (go_extension_id::check, go_extension_id::CODES),
    (go_settings::check, go_settings::CODES),
    (lifecycle_hooks::check, lifecycle_hooks::CODES),
    (mounts::check, mounts::CODES),
    (ports::check, ports::CODES),
    (port_publish::check, port_publish::CODES),
    (variables::check, variables::CODES),
    (features_reference::check, features_reference::CODES),
    (features_version::check, features_version::CODES),
    (features_options::check, features_options::CODES),
    (features_install_order::check, features_install_order::CODES),
    (schema_properties::check, schema_properties::CODES),
    (schema_types::check, schema_types::CODES),
    (schema_enums::check, schema_enums::CODES),
    (schema_values::check, schema_values::CODES),
    (
        schema_container_source::check,
        schema_container_source::CODES,
    ),
    (schema_kind_properties::check, schema_kind_properties::CODES),
    (schema_deprecated::check, schema_deprecated::CODES),
    (files::missing::check, files::missing::CODES),
    (files::unchecked::check, files::unchecked::CODES),
    (compose::service::check, compose::service::CODES),
    (dockerfile::target::check, dockerfile::target::CODES),
    (
        dockerfile::busybox_flags::check,
        dockerfile::busybox_flags::CODES,
    ),
    (
        dockerfile::apt_get_yes::check,
        dockerfile::apt_get_yes::CODES,
    ),
    (dockerfile::unpinned::check, dockerfile::unpinned::CODES),
    (dockerfile::copy_order::check, dockerfile::copy_order::CODES),
    (
        dockerfile::dockerignore::check,
        dockerfile::dockerignore::CODES,
    ),
    (dockerfile::user::check, dockerfile::user::CODES),
    (
        container::command_overridden::check,
        container::command_overridden::CODES,
    ),
    (
        container::go_feature_over_golang::check,
        container::go_feature_over_golang::CODES,
    ),
];

pub fn run_all(text: &str, tree: &Tree, out: &mut Vec<Diagnostic>) {
    run_all_in(None, text, tree, out);
}

/// Every rule over the main file's `text` and `tree`, seeing the other files of `project`.
pub fn run_all_in(
    project: Option<&crate::project::Project>,
    text: &str,
    tree: &Tree,
    out: &mut Vec<Diagnostic>,
) {
    let mut cx = Context::new(text, tree);
    cx.project = project;
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
