//! A build context other than the devcontainer.json folder without a `.dockerignore`, used by
//! a Dockerfile that copies the whole context (`COPY . .`): all of it (often the workspace,
//! with `.git` and build output) goes into the image, and any change there rebuilds that layer
//! and every one after it. BuildKit sends only the files a build uses, so a Dockerfile that
//! copies single files is left alone. `<Dockerfile>.dockerignore` beside the Dockerfile counts
//! too (BuildKit reads it first). Judged only when the host listed the folder.
//!
//! Fixtures: `crate/tests/fixtures/rules/dockerfile-context-without-dockerignore/`.

use crate::diag::{Diagnostic, Severity};
use crate::project::{self, Entry, RefKind};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const CONTEXT_WITHOUT_DOCKERIGNORE: RuleInfo = RuleInfo {
    code: "dockerfile-context-without-dockerignore",
    aliases: &[],
    severity: Severity::Hint,
    summary: "The build context folder has no .dockerignore: everything in it is sent to each build.",
    why: "`COPY . .` copies the whole build context; without a `.dockerignore`, `.git`, dependencies and build output go into the image too, and any change among them rebuilds that layer and all after it.",
    fix: FixSafety::None,
    domain: Domain::Dockerfile,
};

pub const CODES: &[RuleInfo] = &[CONTEXT_WITHOUT_DOCKERIGNORE];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(project), Some(container)) = (cx.project, cx.container()) else {
        return;
    };
    let references = cx.references();
    for (at, r) in references.iter().enumerate() {
        if r.kind != RefKind::Context || r.path == "." {
            continue;
        }
        // A later Compose file that sets the same context is the one in effect: report there.
        if references[at + 1..]
            .iter()
            .any(|later| later.kind == RefKind::Context && later.path == r.path)
        {
            continue;
        }
        let Some(Entry::Folder(names)) = project.entry(&r.path) else {
            continue;
        };
        if names.iter().any(|n| n == ".dockerignore") {
            continue;
        }
        let users: Vec<_> = container
            .dockerfiles
            .iter()
            .filter(|d| d.context.as_deref() == Some(r.path.as_str()))
            .collect();
        if !users.iter().any(|d| copies_context(d)) {
            continue;
        }
        // `<name>.dockerignore` beside a Dockerfile built with this context.
        let beside = users
            .iter()
            .any(|d| match project.entry(&project::parent(&d.path)) {
                Some(Entry::Folder(list)) => {
                    let own = format!("{}.dockerignore", project::file_name(&d.path));
                    list.contains(&own)
                }
                _ => false,
            });
        if beside {
            continue;
        }
        out.push(
            CONTEXT_WITHOUT_DOCKERIGNORE
                .at(
                    r.range,
                    format!(
                        "The build context `{}` has no .dockerignore, and the Dockerfile copies all of it (COPY . .): .git, dependencies and build output go into the image, and any change there rebuilds the layers from that COPY on. Add a .dockerignore there.",
                        r.written
                    ),
                )
                .in_file(r.file),
        );
    }
}

/// Whether the Dockerfile copies the whole context (`COPY . <dest>`, `ADD . <dest>`).
fn copies_context(d: &crate::container::DockerfileView) -> bool {
    d.parsed.instructions.iter().any(|i| match &i.kind {
        crate::syntax::dockerfile::InstructionKind::Copy(t)
        | crate::syntax::dockerfile::InstructionKind::Add(t) => {
            i.flag("from").is_none()
                && t.sources
                    .iter()
                    .any(|s| matches!(s.value.as_str(), "." | "./"))
        }
        _ => false,
    })
}
