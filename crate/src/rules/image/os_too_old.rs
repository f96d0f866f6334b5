//! `image-os-too-old`: a base image whose release ships a glibc older than 2.28, which VS
//! Code's server needs since VS Code 1.86. Fixtures: `crate/tests/fixtures/rules/image-os-too-old/`.

use crate::diag::{Diagnostic, Severity};
use crate::rules::support::config::base_image;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const IMAGE_OS_TOO_OLD: RuleInfo = RuleInfo {
    code: "image-os-too-old",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A base image too old for the VS Code server (glibc older than 2.28).",
    why: "Since VS Code 1.86 its server needs glibc 2.28 or newer (microsoft/vscode#203375, code.visualstudio.com/docs/remote/linux), so VS Code cannot connect to a container on Ubuntu 18.04 (glibc 2.27), Debian 9 (2.24), CentOS 7 (2.17) or Amazon Linux 2 (2.26); the container itself still starts, and other tools may work.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[IMAGE_OS_TOO_OLD];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(base) = base_image(cx) else {
        return;
    };
    let (image, range) = (base.name, base.range);
    let Some(os) = cx.base_os().filter(|o| o.too_old_for_vscode_server()) else {
        return;
    };
    let glibc = os.glibc().unwrap_or("?");
    out.push(IMAGE_OS_TOO_OLD.at(
        range,
        format!(
            "{} is built on {}, whose glibc {glibc} is older than the 2.28 that VS Code's server needs since VS Code 1.86: VS Code cannot connect to this container. Use an image on a newer release (Debian 10 or later, Ubuntu 20.04 or later).",
            crate::syntax::clip(image),
            os.describe()
        ),
    ).in_file(base.file));
}
