//! Every check, grouped by family (`schema/`, `features/`, `go/`, ...), one file per code or
//! per scan; helpers that are not rules live in `support/`. A rule reads the [`Context`] and pushes diagnostics; it never
//! panics and never recurses once per nesting level without a bound.

use crate::diag::Diagnostic;
use crate::spec::{ConfigKind, config_kind};
use crate::syntax::{NodeRef, Tree};

mod doc;
mod rule_info;
pub(crate) mod support;

mod compose;
mod container;
mod dockerfile;
mod extensions;
mod features;
mod files;
mod go;
mod hooks;
mod image;
mod mounts;
mod ports;
mod schema;
mod syntax;
mod variables;

pub use doc::{DOCS_BASE, docs_url, markdown_table, rules_markdown};
pub use rule_info::{Domain, FixSafety, RuleInfo};

/// What a rule sees.
pub struct Context<'a> {
    pub text: &'a str,
    pub tree: &'a Tree,
    /// The root object, when the document is an object.
    pub root: Option<NodeRef<'a>>,
    pub kind: ConfigKind,
    /// The other files of the configuration, when the host gave a project.
    pub project: Option<&'a crate::project::Project>,
    /// Whether findings carry their fixes ([`Fixes`]).
    pub fixes: Fixes,
    line_index: std::cell::OnceCell<crate::text::LineIndex<'a>>,
    /// The line starts a kept document holds for this text, filled here if need be, so the
    /// rules and the positions of the result index the text once.
    kept_lines: Option<&'a KeptLines>,
    container: std::cell::OnceCell<Option<crate::container::Container>>,
    references: std::cell::OnceCell<Vec<crate::project::Reference>>,
    /// The references a kept document holds for this text and project, filled here if need
    /// be, so the files wanted and the rules resolve them once per keystroke.
    kept_references: Option<&'a KeptReferences>,
    commands: std::cell::OnceCell<Vec<crate::syntax::shell::Command>>,
    feature_entries: std::cell::OnceCell<Vec<support::features_keys::FeatureEntry<'a>>>,
    schema_visits: std::cell::OnceCell<Vec<support::schema_walk::Visit<'a>>>,
    vscode: std::cell::OnceCell<support::config::VscodeParts<'a>>,
    go_feature: std::cell::OnceCell<Option<crate::syntax::MemberRef<'a>>>,
    base_os: std::cell::OnceCell<Option<crate::docker::image_kind::BaseOs>>,
}

/// Whether a check makes the quick fixes of its findings. The check behind an editor's
/// diagnostics leaves them out: the editor asks for code actions when the user does, and a fix
/// often costs more than its finding (moving a deprecated property rewrites its whole value).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixes {
    Made,
    Skipped,
}

impl<'a> Context<'a> {
    /// True when findings should carry their fixes: a rule builds a fix only then.
    pub fn wants_fixes(&self) -> bool {
        self.fixes == Fixes::Made
    }

    pub fn new(text: &'a str, tree: &'a Tree) -> Self {
        let root = tree.root().filter(|r| r.is_object());
        let kind = root.map_or(ConfigKind::Missing, config_kind);
        Self {
            text,
            tree,
            root,
            kind,
            project: None,
            fixes: Fixes::Made,
            line_index: std::cell::OnceCell::new(),
            kept_lines: None,
            container: std::cell::OnceCell::new(),
            references: std::cell::OnceCell::new(),
            kept_references: None,
            commands: std::cell::OnceCell::new(),
            feature_entries: std::cell::OnceCell::new(),
            schema_visits: std::cell::OnceCell::new(),
            vscode: std::cell::OnceCell::new(),
            go_feature: std::cell::OnceCell::new(),
            base_os: std::cell::OnceCell::new(),
        }
    }

    /// The commands of the config's strings and arrays that may name a program or flag a rule
    /// reads ([`support::commands::WATCHED_WORDS`]), split once for all rules.
    pub fn commands(&self) -> &[crate::syntax::shell::Command] {
        self.commands
            .get_or_init(|| support::commands::watched_commands(self))
    }

    /// The settings and extension lists of `customizations.vscode`, found once for all rules.
    pub(crate) fn vscode(&self) -> &support::config::VscodeParts<'a> {
        self.vscode
            .get_or_init(|| support::config::VscodeParts::of(self.root))
    }

    /// The `features` member that installs Go, found once for the Go rules that ask.
    pub(crate) fn go_feature(&self) -> Option<crate::syntax::MemberRef<'a>> {
        *self
            .go_feature
            .get_or_init(|| support::config::find_go_feature(self))
    }

    /// The distribution of the base image ([`support::config::base_image`]), read from its
    /// name once for the rules that ask (parsing the name cost about 3 K instructions).
    pub(crate) fn base_os(&self) -> Option<&crate::docker::image_kind::BaseOs> {
        self.base_os
            .get_or_init(|| {
                let base = support::config::base_image(self)?;
                crate::docker::image_kind::base_os(base.name)
            })
            .as_ref()
    }

    /// The keys of the root `features` object, each reference parsed once for all rules.
    pub(crate) fn feature_entries(&self) -> &[support::features_keys::FeatureEntry<'a>] {
        self.feature_entries
            .get_or_init(|| support::features_keys::feature_entries(self))
    }

    /// The values the spec model describes, with their specs: one walk for all schema rules.
    pub(crate) fn schema_visits(&self) -> &[support::schema_walk::Visit<'a>] {
        self.schema_visits
            .get_or_init(|| support::schema_walk::visits(self))
    }

    /// The paths the configuration references (`Project::references`), resolved once per
    /// analysis: several rules and the container view read them. Empty without a project.
    pub fn references(&self) -> &[crate::project::Reference] {
        let resolve = || {
            self.project
                .map(|p| p.references(self.tree))
                .unwrap_or_default()
        };
        match self.kept_references {
            Some(kept) => kept.get_or_init(resolve),
            None => self.references.get_or_init(resolve),
        }
    }

    /// The merged view of the container (Dockerfile, Compose files, devcontainer.json), built
    /// once on first use; `None` without a project or when checked without its folder.
    pub fn container(&self) -> Option<&crate::container::Container> {
        self.container
            .get_or_init(|| {
                let project = self.project.filter(|p| !p.isolated)?;
                Some(crate::container::Container::new(
                    project,
                    self.tree,
                    self.references(),
                ))
            })
            .as_ref()
    }

    /// Whether a syntax error lies inside `range`: there a fix's edit can change how the
    /// recovering parser reads the text around it, so fixes there are withheld.
    pub fn broken_within(&self, range: crate::text::TextRange) -> bool {
        self.tree.errors.iter().any(|e| range.intersects(e.range))
    }

    /// Line starts of the text, built on first use (only some messages need line numbers).
    pub fn line_index(&self) -> &crate::text::LineIndex<'a> {
        self.line_index.get_or_init(|| match self.kept_lines {
            Some(kept) => {
                let (starts, ascii) =
                    kept.get_or_init(|| crate::text::LineIndex::new(self.text).into_parts());
                crate::text::LineIndex::from_line_starts(self.text, starts, *ascii)
            }
            None => crate::text::LineIndex::new(self.text),
        })
    }

    /// Line starts of a file of the project, kept by the project per text, so a rule reporting
    /// many lines of a Dockerfile does not rescan it per finding, nor per keystroke.
    pub fn file_line_index(&self, file: crate::diag::FileId) -> Option<crate::text::LineIndex<'_>> {
        if file == crate::diag::FileId::MAIN {
            return Some(self.line_index().view());
        }
        self.project?.line_index(file)
    }
}

#[cfg(test)]
mod sees_tests;

type RuleFn = fn(&Context, &mut Vec<Diagnostic>);

/// What a rule reads to report anything: the devcontainer.json alone, or the other files of a
/// project (its Dockerfiles, Compose files, folders). A check without a project skips the
/// second kind: they could only return, and in WASM each function is compiled on its first
/// call (13 functions, 28 KB of the 177 KB the first check of the Go example compiled).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sees {
    Document,
    Project,
}

/// Each rule module contributes its `check` and its codes here.
const RULES: &[(RuleFn, &[RuleInfo], Sees)] = &[
    (
        syntax::syntax_error::check,
        syntax::syntax_error::CODES,
        Sees::Document,
    ),
    (
        syntax::duplicate_key::check,
        syntax::duplicate_key::CODES,
        Sees::Document,
    ),
    (
        go::delve_ptrace::check,
        go::delve_ptrace::CODES,
        Sees::Document,
    ),
    (go::dlv_flags::check, go::dlv_flags::CODES, Sees::Document),
    (
        go::race_without_cgo::check,
        go::race_without_cgo::CODES,
        Sees::Document,
    ),
    (
        go::feature_on_alpine::check,
        go::feature_on_alpine::CODES,
        Sees::Document,
    ),
    (
        go::extension_old_id::check,
        go::extension_old_id::CODES,
        Sees::Document,
    ),
    (go::settings::check, go::settings::CODES, Sees::Document),
    (
        hooks::lifecycle_hooks::check,
        hooks::lifecycle_hooks::CODES,
        Sees::Document,
    ),
    (
        mounts::mount_malformed::check,
        mounts::mount_malformed::CODES,
        Sees::Document,
    ),
    (
        mounts::workspace_mount_folder_pair::check,
        mounts::workspace_mount_folder_pair::CODES,
        Sees::Document,
    ),
    (
        mounts::vscode_server_other_user::check,
        mounts::vscode_server_other_user::CODES,
        Sees::Document,
    ),
    (
        ports::forward_ports::check,
        ports::forward_ports::CODES,
        Sees::Document,
    ),
    (
        ports::port_published::check,
        ports::port_published::CODES,
        Sees::Document,
    ),
    (
        variables::variable_refs::check,
        variables::variable_refs::CODES,
        Sees::Document,
    ),
    (
        features::reference::check,
        features::reference::CODES,
        Sees::Document,
    ),
    (
        features::language_reinstalled::check,
        features::language_reinstalled::CODES,
        Sees::Document,
    ),
    (
        features::os_unsupported::check,
        features::os_unsupported::CODES,
        Sees::Document,
    ),
    (
        image::repository_retired::check,
        image::repository_retired::CODES,
        Sees::Document,
    ),
    (
        image::os_too_old::check,
        image::os_too_old::CODES,
        Sees::Document,
    ),
    (
        extensions::extension_ids::check,
        extensions::extension_ids::CODES,
        Sees::Document,
    ),
    (
        features::version::check,
        features::version::CODES,
        Sees::Document,
    ),
    (
        features::options::check,
        features::options::CODES,
        Sees::Document,
    ),
    (
        features::install_order::check,
        features::install_order::CODES,
        Sees::Document,
    ),
    (
        schema::unknown_property::check,
        schema::unknown_property::CODES,
        Sees::Document,
    ),
    (
        schema::type_mismatch::check,
        schema::type_mismatch::CODES,
        Sees::Document,
    ),
    (
        schema::invalid_enum_value::check,
        schema::invalid_enum_value::CODES,
        Sees::Document,
    ),
    (
        schema::invalid_value::check,
        schema::invalid_value::CODES,
        Sees::Document,
    ),
    (
        schema::container_source::check,
        schema::container_source::CODES,
        Sees::Document,
    ),
    (
        schema::kind_mismatch_property::check,
        schema::kind_mismatch_property::CODES,
        Sees::Document,
    ),
    (
        schema::deprecated_property::check,
        schema::deprecated_property::CODES,
        Sees::Document,
    ),
    (files::missing::check, files::missing::CODES, Sees::Project),
    (
        files::unchecked::check,
        files::unchecked::CODES,
        Sees::Project,
    ),
    (
        compose::service::check,
        compose::service::CODES,
        Sees::Project,
    ),
    (
        dockerfile::target::check,
        dockerfile::target::CODES,
        Sees::Project,
    ),
    (
        dockerfile::busybox_flags::check,
        dockerfile::busybox_flags::CODES,
        Sees::Project,
    ),
    (
        dockerfile::apt_get_yes::check,
        dockerfile::apt_get_yes::CODES,
        Sees::Project,
    ),
    (
        dockerfile::unpinned::check,
        dockerfile::unpinned::CODES,
        Sees::Project,
    ),
    (
        dockerfile::copy_order::check,
        dockerfile::copy_order::CODES,
        Sees::Project,
    ),
    (
        dockerfile::copy_source::check,
        dockerfile::copy_source::CODES,
        Sees::Project,
    ),
    (
        dockerfile::dockerignore::check,
        dockerfile::dockerignore::CODES,
        Sees::Project,
    ),
    (
        dockerfile::user::check,
        dockerfile::user::CODES,
        Sees::Project,
    ),
    (
        container::command_overridden::check,
        container::command_overridden::CODES,
        Sees::Project,
    ),
    (
        container::go_feature_over_golang::check,
        container::go_feature_over_golang::CODES,
        Sees::Project,
    ),
];

pub fn run_all(text: &str, tree: &Tree, out: &mut Vec<Diagnostic>) {
    run_all_in(None, text, tree, KeptForText::default(), Fixes::Made, out);
}

/// Line starts of a text and whether it is ASCII, made on first use and kept with the text.
pub type KeptLines = std::cell::OnceCell<(Vec<usize>, bool)>;

/// The paths a configuration references in its project (`Project::references`), made on first
/// use and kept with the text and the project they were resolved for.
pub type KeptReferences = std::cell::OnceCell<Vec<crate::project::Reference>>;

/// What a kept document holds for its text, for the rules to use instead of making it again.
#[derive(Clone, Copy, Default)]
pub struct KeptForText<'a> {
    pub lines: Option<&'a KeptLines>,
    pub references: Option<&'a KeptReferences>,
}

impl<'a> KeptForText<'a> {
    /// Only the line starts (a text checked without a project).
    pub fn lines(lines: &'a KeptLines) -> Self {
        Self {
            lines: Some(lines),
            references: None,
        }
    }
}

/// Every rule over the main file's `text` and `tree`, seeing the other files of `project`,
/// with what is kept for that text if anything is, making fixes or not.
pub fn run_all_in<'a>(
    project: Option<&'a crate::project::Project>,
    text: &'a str,
    tree: &'a Tree,
    kept: KeptForText<'a>,
    fixes: Fixes,
    out: &mut Vec<Diagnostic>,
) {
    let mut cx = Context::new(text, tree);
    cx.project = project;
    cx.fixes = fixes;
    cx.kept_lines = kept.lines;
    cx.kept_references = kept.references;
    for (rule, sees) in CHECKS {
        if sees == Sees::Project && project.is_none() {
            continue;
        }
        rule(&cx, out);
    }
}

/// Every code any rule can emit.
pub fn catalog() -> impl Iterator<Item = &'static RuleInfo> {
    CATALOG.iter()
}

// `RULES` is read at compile time only; the engine reads these two tables, so the texts only
// the docs print (`why`, the fix's reason) are left out of the WASM core (~21 KB there).
static CHECKS: [(RuleFn, Sees); RULES.len()] = checks();
static CATALOG: [RuleInfo; code_count()] = codes_for_this_target();

const fn checks() -> [(RuleFn, Sees); RULES.len()] {
    let mut out = [(RULES[0].0, RULES[0].2); RULES.len()];
    let mut i = 0;
    while i < RULES.len() {
        out[i] = (RULES[i].0, RULES[i].2);
        i += 1;
    }
    out
}

const fn code_count() -> usize {
    let (mut n, mut i) = (0, 0);
    while i < RULES.len() {
        n += RULES[i].1.len();
        i += 1;
    }
    n
}

const fn codes_for_this_target() -> [RuleInfo; code_count()] {
    let mut out = [RULES[0].1[0]; code_count()];
    let (mut i, mut k) = (0, 0);
    while i < RULES.len() {
        let mut j = 0;
        while j < RULES[i].1.len() {
            out[k] = RULES[i].1[j];
            if cfg!(target_arch = "wasm32") {
                out[k] = out[k].without_docs();
            }
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// The catalog entry of `code` (not of an alias).
pub fn info(code: &str) -> Option<&'static RuleInfo> {
    catalog().find(|r| r.code == code)
}

/// What a user's settings say about `code`: the entry under the code itself, else the one under
/// an alias (a code split from an older one follows the old one's setting).
pub fn setting_for<'m, T>(
    settings: &'m crate::sorted::SortedMap<String, T>,
    code: &str,
) -> Option<&'m T> {
    settings
        .get(code)
        .or_else(|| info(code)?.aliases.iter().find_map(|a| settings.get(*a)))
}
