//! `mount-vscode-server-other-user`: a volume for the VS Code server's folder (its extensions
//! cache, usually) mounted in the home of a user the server does not run as.
//!
//! The server keeps its files in `~/.vscode-server` (`~/.vscode-server-insiders` for
//! Insiders) of the user it runs as: `remoteUser`, else the image's own `remoteUser` (which
//! devcontainers/images bakes into every image's metadata: `src/<image>/.devcontainer/devcontainer.json`),
//! else `containerUser`, else the image's user (`root` for Docker Hub official images). A volume
//! at `/root/.vscode-server/...` while that user is `vscode` (or at `/home/vscode/...` while it
//! is `root`) is a folder nobody writes, so the cache stays empty on every rebuild. Reported
//! only when the user is known from the file or from a known image.
//!
//! Fixtures: `crate/tests/fixtures/rules/mount-vscode-server-other-user/`.

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::docker::image::default_user;
use crate::docker::mount::mount_target;
use crate::rules::support::config::image;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec::ConfigKind;
use crate::syntax::{NodeRef, clip};

pub const MOUNT_VSCODE_SERVER_OTHER_USER: RuleInfo = RuleInfo {
    code: "mount-vscode-server-other-user",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A volume in another user's `~/.vscode-server`: the VS Code server never writes there, so it caches nothing.",
    why: "The VS Code server keeps its extensions in `~/.vscode-server` of the user it runs as (`remoteUser`, or the image's own, `vscode` for the devcontainers images per devcontainers/images `src/*/.devcontainer/devcontainer.json`). A volume mounted under another user's home is never written, so extensions are downloaded again after every rebuild.",
    fix: FixSafety::Unsafe {
        reason: "Moving the target to the server user's home is offered; the author may instead have meant to change `remoteUser`.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[MOUNT_VSCODE_SERVER_OTHER_USER];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else {
        return;
    };
    let Some(mounts) = root.get("mounts") else {
        return;
    };
    let Some((user, source)) = server_user(cx, root) else {
        return;
    };
    let home = if user == "root" {
        "/root".to_string()
    } else {
        format!("/home/{user}")
    };
    for item in mounts.items() {
        let (target, fix_at) = if let Some(spec) = item.as_str() {
            let Some((target, at)) = mount_target(spec) else {
                continue;
            };
            // Offsets map one to one only when the JSON string has no escapes.
            let raw = cx.text.get(item.range().start + 1..item.range().end - 1);
            let fix_at = (raw == Some(spec)).then_some(item.range().start + 1 + at);
            (target, fix_at)
        } else if let Some(t) = item.get("target") {
            let Some(target) = t.as_str() else { continue };
            let raw = cx.text.get(t.range().start + 1..t.range().end - 1);
            (target, (raw == Some(target)).then_some(t.range().start + 1))
        } else {
            continue;
        };
        let Some(mounted_home) = server_folder_home(target) else {
            continue;
        };
        if mounted_home == home {
            continue;
        }
        let fixed = format!("{home}{}", &target[mounted_home.len()..]);
        let mut d = MOUNT_VSCODE_SERVER_OTHER_USER.at(item.range(),
            format!(
                "This mount puts a volume at {}, but the VS Code server runs as \"{user}\" ({source}) and keeps its files in {home}/.vscode-server, so nothing is ever cached there. Mount it at {} instead.",
                clip(target),
                clip(&fixed)
            ),
        );
        if let Some(at) = fix_at {
            d = d.with_fix_if(cx.wants_fixes(), || {
                Fix::unsafe_(
                    format!("Mount it at {}", clip(&fixed)),
                    vec![Edit::replace(
                        crate::text::TextRange::new(at, at + mounted_home.len()),
                        home.clone(),
                    )],
                )
            });
        }
        out.push(d);
    }
}

/// The home folder of a target inside a VS Code server folder: `/root` for
/// `/root/.vscode-server/extensions`, `/home/dev` for `/home/dev/.vscode-server-insiders`.
fn server_folder_home(target: &str) -> Option<&str> {
    let target = target.trim();
    let home_len = if target.starts_with("/root/") {
        "/root".len()
    } else {
        let rest = target.strip_prefix("/home/")?;
        "/home/".len() + rest.find('/')?
    };
    let after = target.get(home_len..)?;
    let folder = after.trim_start_matches('/').split('/').next()?;
    matches!(folder, ".vscode-server" | ".vscode-server-insiders").then(|| &target[..home_len])
}

/// Who the VS Code server runs as, and where that is said, when it can be known.
fn server_user(cx: &Context, root: NodeRef) -> Option<(String, &'static str)> {
    let named = |key: &str| {
        root.get(key)
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_string)
    };
    let image_user = match cx.kind {
        ConfigKind::Image => image(cx).and_then(|(name, _)| default_user(name)),
        _ => None,
    };
    let metadata = image_user.filter(|u| *u != "root");
    let (user, source) = if let Some(u) = named("remoteUser") {
        (u, "remoteUser")
    } else if let Some(u) = metadata {
        (u.to_string(), "the image's remoteUser")
    } else if let Some(u) = named("containerUser") {
        (u, "containerUser")
    } else {
        (image_user?.to_string(), "the image's user")
    };
    // A variable or a uid:gid is not a name whose home this file can know.
    let plain = user
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && !user.bytes().all(|b| b.is_ascii_digit());
    plain.then_some((user, source))
}

#[cfg(test)]
mod tests {
    use super::server_folder_home;

    #[test]
    fn server_folders() {
        assert_eq!(
            server_folder_home("/root/.vscode-server/extensions"),
            Some("/root")
        );
        assert_eq!(
            server_folder_home("/home/vscode/.vscode-server"),
            Some("/home/vscode")
        );
        assert_eq!(
            server_folder_home("/home/dev/.vscode-server-insiders/extensions"),
            Some("/home/dev")
        );
        assert_eq!(server_folder_home("/root/.cache"), None);
        assert_eq!(server_folder_home("/home/vscode"), None);
        assert_eq!(server_folder_home("/workspaces/.vscode-server"), None);
    }
}
