//! A referenced file or folder that the host looked for and did not find: an error on the value
//! (or feature key) that names it, with a "did you mean" from the listing of its folder. A path
//! the host did not look at (not supplied) is no finding.
//!
//! Invalid: `"build": { "dockerfile": "Dockerfle" }` beside a `Dockerfile`.
//! Valid: the same with `Dockerfile`; a path with an unknown variable (skipped).

use crate::diag::{Diagnostic, Fix, Severity};
use crate::project::{self, Entry, Project, RefKind, Reference};
use crate::rules::support::variable_scan::has_variable;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const DOCKERFILE: RuleInfo = RuleInfo {
    code: "file-dockerfile-missing",
    aliases: &[],
    severity: Severity::Error,
    summary: "The Dockerfile that build.dockerfile (or a Compose service's build) names does not exist.",
    why: "The build fails at once when the Dockerfile is not there; the dev containers CLI resolves the path from the folder of devcontainer.json (a Compose service's from its build context).",
    fix: FixSafety::Unsafe {
        reason: "The near name in the folder is a guess: the file may be meant to be created, or named elsewhere.",
    },
    domain: Domain::Dockerfile,
};
pub const COMPOSE: RuleInfo = RuleInfo {
    code: "file-compose-missing",
    aliases: &[],
    severity: Severity::Error,
    summary: "A file listed in dockerComposeFile does not exist.",
    why: "`docker compose` stops before starting anything when a file given with -f does not exist; the path is resolved from the folder of devcontainer.json.",
    fix: FixSafety::Unsafe {
        reason: "The near name in the folder is a guess: the file may be meant to be created, or named elsewhere.",
    },
    domain: Domain::Compose,
};
pub const CONTEXT: RuleInfo = RuleInfo {
    code: "file-context-missing",
    aliases: &[],
    severity: Severity::Error,
    summary: "The build context folder (build.context, or a Compose service's build.context) does not exist.",
    why: "`docker build` fails when its context folder does not exist; `build.context` is resolved from the folder of devcontainer.json, a Compose service's from the folder of the first Compose file.",
    fix: FixSafety::Unsafe {
        reason: "The near name in the folder is a guess: the file may be meant to be created, or named elsewhere.",
    },
    domain: Domain::Dockerfile,
};
pub const FEATURE: RuleInfo = RuleInfo {
    code: "file-feature-missing",
    aliases: &[],
    severity: Severity::Error,
    summary: "A local feature (./name) whose folder or devcontainer-feature.json does not exist.",
    why: "A local feature is a folder beside devcontainer.json with a devcontainer-feature.json; without it the CLI cannot install the feature and the build stops.",
    fix: FixSafety::Unsafe {
        reason: "The near name in the folder is a guess: the file may be meant to be created, or named elsewhere.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[
    DOCKERFILE,
    COMPOSE,
    CONTEXT,
    FEATURE,
    super::backslash::BACKSLASH,
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(project) = cx.project.filter(|p| !p.isolated) else {
        return;
    };
    // A Compose build that a later Compose file overrides is not built: its paths do not count.
    let merged_builds: Option<Vec<(String, String)>> =
        cx.container().and_then(|c| c.compose.as_ref()).map(|view| {
            view.builds(project)
                .into_iter()
                .map(|(_, context, dockerfile)| (context, dockerfile))
                .collect()
        });
    for reference in cx.references() {
        if reference.file != crate::diag::FileId::MAIN
            && let Some(builds) = &merged_builds
        {
            let used = builds
                .iter()
                .any(|(context, dockerfile)| match reference.kind {
                    RefKind::Dockerfile => *dockerfile == reference.path,
                    RefKind::Context => *context == reference.path,
                    _ => true,
                });
            if !used {
                continue;
            }
        }
        if let Some(d) = report(cx.wants_fixes(), project, reference) {
            out.push(d);
        }
    }
}

fn report(fixes: bool, project: &Project, r: &Reference) -> Option<Diagnostic> {
    let target = r.target();
    let entry = project.entry(&target.path)?;
    if entry.is(target.kind) {
        return None;
    }
    if let Some(d) = super::backslash::report(fixes, project, r) {
        return Some(d);
    }
    let folder = project::parent(&r.path);
    let listing = match project.entry(&folder) {
        Some(Entry::Folder(names)) => Some(names.as_slice()),
        _ => None,
    };
    let name = project::file_name(&r.path);
    let wants_folder = matches!(r.kind, RefKind::Context | RefKind::Feature);
    let candidates = listing
        .into_iter()
        .flatten()
        .filter_map(|n| match n.strip_suffix('/') {
            Some(folder_name) if wants_folder => Some(folder_name),
            None if !wants_folder => Some(n.as_str()),
            _ => None,
        });
    let suggestion = crate::suggest::closest(name, candidates);
    let feature_folder_exists = r.kind == RefKind::Feature
        && listing.is_some_and(|names| names.iter().any(|n| n.strip_suffix('/') == Some(name)));
    let shown = if r.file != crate::diag::FileId::MAIN
        || r.written == r.path
        || r.written == format!("./{}", r.path)
    {
        format!("`{}`", r.written)
    } else {
        format!(
            "`{}` (`{}` from the folder of devcontainer.json)",
            r.written, r.path
        )
    };
    let (rule, mut message) = match r.kind {
        RefKind::Dockerfile if !r.explicit => (
            DOCKERFILE,
            format!("This service builds with the default Dockerfile, but {shown} does not exist"),
        ),
        RefKind::Dockerfile => (DOCKERFILE, format!("The Dockerfile {shown} does not exist")),
        RefKind::Compose => (COMPOSE, format!("The Compose file {shown} does not exist")),
        RefKind::Context if matches!(entry, Entry::Text(_)) => (
            CONTEXT,
            format!("The build context {shown} is a file; it must be a folder"),
        ),
        RefKind::Context => (
            CONTEXT,
            format!("The build context folder {shown} does not exist"),
        ),
        RefKind::Feature if feature_folder_exists => (
            FEATURE,
            format!(
                "The local feature folder {shown} has no {}",
                project::FEATURE_FILE
            ),
        ),
        RefKind::Feature => (
            FEATURE,
            format!("The local feature folder {shown} does not exist"),
        ),
    };
    let replaced = suggestion
        .filter(|_| !feature_folder_exists)
        .map(|s| with_last_segment(&r.written, s));
    match &replaced {
        Some(s) => message.push_str(&format!("; did you mean `{s}`?")),
        None => message.push('.'),
    }
    let mut d = rule.at(r.range, message).in_file(r.file);
    if let Some(replaced) = replaced
        && r.explicit
        && r.file == crate::diag::FileId::MAIN
        && !has_variable(&r.written)
    {
        let text = crate::syntax::json::quote(&replaced);
        d = d.with_fix_if(fixes, || {
            Fix::unsafe_(
                format!("Use `{replaced}`"),
                vec![crate::diag::Edit::replace(r.range, text)],
            )
        });
    }
    Some(d)
}

/// `written` with its last path segment replaced by `name` (`docker/Dockerfle` ->
/// `docker/Dockerfile`).
fn with_last_segment(written: &str, name: &str) -> String {
    let trimmed = written.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(at) => format!("{}/{name}", &trimmed[..at]),
        None => name.to_string(),
    }
}
