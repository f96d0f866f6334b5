//! `COPY`/`ADD` sources that are not in the build context, judged only from the folder listings
//! the host handed in (`Project::wanted` asks for the context and the folders the sources lead
//! through) and only in the stages the build runs (BuildKit skips a stage nothing needs):
//!
//! - `dockerfile-copy-source-missing`: a plain path that is not there, or that `.dockerignore`
//!   keeps out of the context: BuildKit stops with `failed to compute cache key: ... "/path":
//!   not found`.
//! - `dockerfile-copy-glob-unmatched`: a wildcard that matches nothing: BuildKit copies nothing
//!   and goes on, so the step silently does nothing. `name*` is left alone: it is how
//!   Dockerfiles copy a file that may be absent (`COPY poetry.lock* ./`).
//!
//! The facts and their sources are in `crate::project::context_paths`.
//! Fixtures: `crate/tests/fixtures/rules/dockerfile-copy-source-missing/`,
//! `crate/tests/fixtures/rules/dockerfile-copy-glob-unmatched/`.

use crate::container::DockerfileView;
use crate::diag::{Diagnostic, Severity};
use crate::project::context_paths::{
    Ignore, SourceState, clean_source, local_sources, source_state,
};
use crate::project::{self, Entry, Project};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::sorted::SortedMap;
use crate::syntax::dockerfile::{DockerfileFile, InstructionKind};

pub const COPY_SOURCE_MISSING: RuleInfo = RuleInfo {
    code: "dockerfile-copy-source-missing",
    aliases: &[],
    severity: Severity::Error,
    summary: "A COPY or ADD source that is not in the build context (or that .dockerignore leaves out).",
    why: "BuildKit copies from the files the build context holds after `.dockerignore` is applied; a source path that is not among them stops the build with `failed to compute cache key: ... \"/path\": not found` (moby/buildkit `cache/contenthash/checksum.go`). Paths are relative to the context folder, not to the Dockerfile.",
    fix: FixSafety::None,
    domain: Domain::Dockerfile,
};

pub const COPY_GLOB_UNMATCHED: RuleInfo = RuleInfo {
    code: "dockerfile-copy-glob-unmatched",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A COPY or ADD wildcard that matches nothing in the build context.",
    why: "BuildKit lets a wildcard source match nothing (`AllowEmptyWildcard`, moby/buildkit `frontend/dockerfile/dockerfile2llb/convert_copy.go`): the step copies nothing and the build goes on, so what the Dockerfile expected to copy is not in the image.",
    fix: FixSafety::None,
    domain: Domain::Dockerfile,
};

pub const CODES: &[RuleInfo] = &[COPY_SOURCE_MISSING, COPY_GLOB_UNMATCHED];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(project), Some(container)) = (cx.project, cx.container()) else {
        return;
    };
    for view in &container.dockerfiles {
        let (Some(context), Some(stage)) = (&view.context, view.stage) else {
            continue;
        };
        if !matches!(project.entry(context), Some(Entry::Folder(_))) {
            continue;
        }
        let ignore = dockerignore(project, view, context);
        let listing = |folder: &str| match project.entry(folder) {
            Some(Entry::Folder(names)) => Some(names.as_slice()),
            _ => None,
        };
        let df = &view.parsed;
        let built = built_stages(df, stage, &view.build_args);
        for i in df
            .instructions
            .iter()
            .filter(|i| i.stage.is_some_and(|s| built.get(s) == Some(&true)))
        {
            for word in local_sources(i) {
                let source = clean_source(&word.value);
                let d = match source_state(context, &source, listing) {
                    SourceState::Missing { missing, near } => {
                        let near = near.or_else(|| beside_dockerfile(project, view, context, &source));
                        let hint = match near {
                            Some(n) => format!(" Did you mean `{n}`?"),
                            None if in_folder_above(context, &source, listing) => " It is in the folder above: set the build context to `..` (`\"context\": \"..\"` in `build`, or beside the old `dockerFile`).".to_string(),
                            None => String::new(),
                        };
                        COPY_SOURCE_MISSING.at(
                            word.range,
                            format!(
                                "`{}` is not in the build context{}: `{missing}` does not exist there, so the build stops with \"{}\": not found. Paths are relative to the context folder.{hint}",
                                crate::syntax::clip(&word.value),
                                context_name(context),
                                format_args!("/{source}"),
                            ),
                        )
                    }
                    SourceState::Present if ignore.as_ref().is_some_and(|(ig, _)| ig.excludes(&source)) => {
                        let file = ignore.as_ref().map_or("", |(_, f)| f.as_str());
                        COPY_SOURCE_MISSING.at(
                            word.range,
                            format!(
                                "`{}` is left out of the build context by {file}, so the build stops with \"/{source}\": not found. Remove the pattern that excludes it, or add `!{source}` after it.",
                                crate::syntax::clip(&word.value),
                            ),
                        )
                    }
                    SourceState::Unmatched if optional_idiom(&source) => continue,
                    SourceState::Unmatched => COPY_GLOB_UNMATCHED.at(
                        word.range,
                        format!(
                            "`{}` matches nothing in the build context{}: BuildKit copies nothing here and goes on, so those files are not in the image.",
                            crate::syntax::clip(&word.value),
                            context_name(context),
                        ),
                    ),
                    _ => continue,
                };
                out.push(d.in_file(view.file));
            }
        }
    }
}

/// `source` as a path in the context when it exists beside the Dockerfile in a sub-folder of
/// the context (a path written relative to the Dockerfile, as a common mistake has it).
fn beside_dockerfile(
    project: &Project,
    view: &DockerfileView,
    context: &str,
    source: &str,
) -> Option<String> {
    let folder = project::parent(&view.path);
    let Some(Entry::Folder(names)) = project.entry(context) else {
        return None;
    };
    let sub = names
        .iter()
        .filter_map(|n| n.strip_suffix('/'))
        .find(|n| project::normalize(&project::join(context, n)) == folder)?;
    let listing = |f: &str| match project.entry(f) {
        Some(Entry::Folder(names)) => Some(names.as_slice()),
        _ => None,
    };
    (source_state(&folder, source, listing) == SourceState::Present)
        .then(|| format!("{sub}/{source}"))
}

/// `name*` (`poetry.lock*`, `yarn.lock*`): written so that the file may be absent, since a
/// wildcard may match nothing; the corpus folders use it that way.
fn optional_idiom(source: &str) -> bool {
    let last = source.rsplit('/').next().unwrap_or(source);
    last.strip_suffix('*')
        .is_some_and(|stem| !stem.is_empty() && !stem.contains(['*', '?', '[']))
}

/// How a message names the context folder.
fn context_name(context: &str) -> String {
    if project::normalize(context) == "." {
        " (the devcontainer.json folder)".to_string()
    } else {
        format!(" `{context}`")
    }
}

/// True when the context is the devcontainer.json folder and `source` is in the folder above
/// it (the workspace folder in the `.devcontainer/` layout): a Dockerfile written for a build
/// from the project root.
fn in_folder_above<'l>(
    context: &str,
    source: &str,
    listing: impl Fn(&str) -> Option<&'l [String]>,
) -> bool {
    project::normalize(context) == "."
        && source_state("..", source, listing) == SourceState::Present
}

/// The `.dockerignore` that applies, with its project path: `<Dockerfile>.dockerignore` beside
/// the Dockerfile first, else the context's; `None` when none is known.
fn dockerignore(
    project: &Project,
    view: &DockerfileView,
    context: &str,
) -> Option<(Ignore, String)> {
    let own = project::join(
        &project::parent(&view.path),
        &format!("{}.dockerignore", project::file_name(&view.path)),
    );
    let root = project::join(context, ".dockerignore");
    [own, root]
        .into_iter()
        .find_map(|path| match project.entry(&path) {
            Some(Entry::Text(text)) => Some((Ignore::parse(text), path)),
            _ => None,
        })
}

/// The stages a build of `target` runs: the target, the stages it is built `FROM`, and the
/// stages their `COPY --from` names (by name or index), transitively.
fn built_stages(
    df: &DockerfileFile,
    target: usize,
    build_args: &SortedMap<String, String>,
) -> Vec<bool> {
    let find = |name: &str, before: usize| -> Option<usize> {
        let lower = name.to_ascii_lowercase();
        if let Ok(n) = lower.parse::<usize>() {
            return (n < before).then_some(n);
        }
        df.stages[..before.min(df.stages.len())]
            .iter()
            .rev()
            .find(|s| s.name.as_deref() == Some(lower.as_str()))
            .map(|s| s.index)
    };
    let mut built = vec![false; df.stages.len()];
    let mut todo = vec![target];
    while let Some(stage) = todo.pop() {
        let Some(s) = df.stages.get(stage) else {
            continue;
        };
        match built.get_mut(stage) {
            Some(seen) if !*seen => *seen = true,
            _ => continue,
        }
        for i in df.instructions.get(s.from..s.end).unwrap_or(&[]) {
            let name = match &i.kind {
                InstructionKind::From(from) => from
                    .image
                    .as_ref()
                    .and_then(|w| df.expand_global(&w.text, build_args)),
                InstructionKind::Copy(_) | InstructionKind::Add(_) => {
                    i.flag("from").and_then(|f| f.value.clone())
                }
                _ => None,
            };
            if let Some(earlier) = name.and_then(|n| find(&n, stage)) {
                todo.push(earlier);
            }
        }
    }
    built
}
