//! A referenced path written with `\` between folders that exists once `\` reads as `/`: the
//! dev containers CLI turns `\` into `/` only on a Windows host, so the same configuration
//! fails on Linux, macOS, WSL and in Codespaces (`missing` calls on this before it reports).
//!
//! Invalid: `"dockerComposeFile": ["..\\docker-compose.yml"]` beside `../docker-compose.yml`.
//! Valid: `"dockerComposeFile": ["../docker-compose.yml"]`.

use crate::diag::{Diagnostic, Edit, FileId, Fix, Severity};
use crate::project::{Project, Reference};
use crate::rules::support::variable_scan::has_variable;
use crate::rules::{Domain, FixSafety, RuleInfo};

pub const BACKSLASH: RuleInfo = RuleInfo {
    code: "file-path-backslash",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A referenced path that uses `\\` between folders, which only Windows hosts read as a separator.",
    why: "The dev containers CLI resolves `build.dockerfile`, `dockerComposeFile` and the other paths of devcontainer.json from its folder and replaces `\\` with `/` only when the host is Windows (devcontainers/cli, `resolveConfigFilePath` in `src/spec-configuration/configuration.ts`); elsewhere `\\` is part of the file name, so the file is not found and the build or start stops. `/` works on every host, Windows included.",
    fix: FixSafety::Safe {
        reason: "`/` names the same file on Windows, and the only one everywhere else.",
    },
    domain: Domain::Any,
};

/// The warning for `r` when its path is missing as written but present with `/` for `\`.
pub(super) fn report(fixes: bool, project: &Project, r: &Reference) -> Option<Diagnostic> {
    let alt = r.with_slashes()?;
    if !project.entry(&alt.path)?.is(alt.kind) {
        return None;
    }
    let slashed = r.written.replace('\\', "/");
    let mut d = BACKSLASH
        .at(
            r.range,
            format!(
                "`{}` uses `\\` between folders: only a Windows host reads it that way. On Linux, macOS, WSL and in Codespaces the tools look for a file with `\\` in its name and stop. Write `{slashed}`.",
                r.written
            ),
        )
        .in_file(r.file);
    if r.explicit && r.file == FileId::MAIN && !has_variable(&r.written) {
        d = d.with_fix_if(fixes, || {
            Fix::safe(
                format!("Use `{slashed}`"),
                vec![Edit::replace(r.range, crate::syntax::json::quote(&slashed))],
            )
        });
    }
    Some(d)
}
