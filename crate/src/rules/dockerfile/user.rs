//! `USER name` in the built stage of a Dockerfile on a plain official image (Docker Hub's
//! `golang`, `debian`, `alpine`, ...) when no instruction creates that user: those images
//! have only their system users, so `docker run` stops with "unable to find user name: no
//! matching entries in passwd file" and the container never starts. Left alone: numeric ids,
//! users the official images ship (`root`, `nobody`, `node`, ...), a `USER` with a variable,
//! Dockerfiles whose `RUN` runs a script this check cannot read, and configurations with a
//! feature that creates users (`common-utils`). Images such as `mcr.microsoft.com/devcontainers/*`
//! already have their user (`vscode`) and are not judged.
//!
//! Fixtures: `crate/tests/fixtures/rules/dockerfile-user-not-created/`.

use crate::container::is_docker_hub;
use crate::diag::{Diagnostic, Severity};
use crate::docker::image::split_image;
use crate::rules::support::dockerfile::{instruction_commands, program, text_of};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::dockerfile::InstructionKind;

pub const USER_NOT_CREATED: RuleInfo = RuleInfo {
    code: "dockerfile-user-not-created",
    aliases: &[],
    severity: Severity::Warning,
    summary: "USER names a user that the base image does not have and no RUN creates.",
    why: "A plain official image has only its system users; `USER dev` without a `useradd`/`adduser` of `dev` makes `docker run` fail with \"unable to find user\", so the dev container does not start.",
    fix: FixSafety::None,
    domain: Domain::Dockerfile,
};

pub const CODES: &[RuleInfo] = &[USER_NOT_CREATED];

/// Users the official images ship (Debian's and Alpine's system users, `node` in `node`).
const SHIPPED: &[&str] = &[
    "root", "nobody", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp",
    "proxy", "www-data", "backup", "list", "irc", "gnats", "_apt", "operator", "guest", "adm",
    "postgres", "node", "nginx", "redis", "mysql",
];

const CREATORS: &[&str] = &["useradd", "adduser", "usermod"];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(container) = cx.container() else {
        return;
    };
    let (Some(view), Some(user)) = (container.dockerfile(), &container.dockerfile_user) else {
        return;
    };
    let Some(base) = &container.base_image else {
        return;
    };
    let (repo, _) = split_image(&base.value);
    if !is_docker_hub(&repo) {
        return;
    }
    let name = user.value.split(':').next().unwrap_or("").trim();
    if name.is_empty()
        || name.contains('$')
        || name.chars().all(|c| c.is_ascii_digit())
        || SHIPPED.contains(&name)
    {
        return;
    }
    let creates_users = cx.root.and_then(|r| r.get("features")).is_some_and(|f| {
        f.members()
            .any(|m| m.key().contains("common-utils") || m.key().contains("/common:"))
    });
    if creates_users {
        return;
    }
    let Some(text) = text_of(cx, view) else {
        return;
    };
    let mut created = false;
    let mut unreadable = false;
    for i in &view.parsed.instructions {
        if !matches!(i.kind, InstructionKind::Run(_)) {
            continue;
        }
        for command in instruction_commands(view, text, i) {
            let p = program(command).unwrap_or("");
            if CREATORS.contains(&p) && command.args().iter().any(|w| w.text == name) {
                created = true;
            }
            if p.ends_with(".sh")
                || (matches!(p, "sh" | "bash")
                    && command.args().iter().any(|w| !w.text.starts_with('-')))
            {
                unreadable = true;
            }
        }
    }
    if created || unreadable {
        return;
    }
    let remote = cx
        .root
        .and_then(|r| r.get("remoteUser"))
        .and_then(|u| u.as_str())
        .filter(|u| *u != name)
        .map(|u| format!(" (remoteUser is `{u}`)"))
        .unwrap_or_default();
    out.push(
        USER_NOT_CREATED
            .at(
                user.place.range,
                format!(
                    "`USER {name}`{remote}, but {} has no user `{name}` and no RUN here creates one: the container stops at start with \"unable to find user {name}\". Create it (e.g. `RUN useradd -m {name}`) before USER.",
                    crate::syntax::clip(&base.value)
                ),
            )
            .in_file(user.place.file),
    );
}
