//! Extension ids, judged against the well-known ids (`crate::features::extensions`):
//! `extension-id-misspelled` (one or two edits from a well-known id), `extension-id-renamed`
//! (an id that moved; the Go extension's are `go-extension-old-id`), `extension-local-only`
//! (an extension of the local window, which does nothing in the container). An id that is
//! merely unknown is never reported. Fixtures: `crate/tests/fixtures/rules/extension-*/`.

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::features::extensions::{did_you_mean, find, is_local_only, renamed_to};
use crate::rules::go::extension_old_id::is_old_go_id;
use crate::rules::support::config::{array_item_removal, extension_items};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::NodeRef;

pub const EXTENSION_ID_MISSPELLED: RuleInfo = RuleInfo {
    code: "extension-id-misspelled",
    aliases: &[],
    severity: Severity::Warning,
    summary: "An extension id one or two letters from a well-known one.",
    why: "VS Code installs extensions by exact id (ignoring case), so an id with a typo installs nothing and the container starts without the extension. Only ids one or two edits from a well-known id are reported (the ids in the corpus, the official features' own `customizations`, the official extensions); an unknown id is not.",
    fix: FixSafety::Unsafe {
        reason: "An id close to a well-known one may still be another, private extension.",
    },
    domain: Domain::Any,
};

pub const EXTENSION_ID_RENAMED: RuleInfo = RuleInfo {
    code: "extension-id-renamed",
    aliases: &[],
    severity: Severity::Warning,
    summary: "An extension id that moved to another id (rust-lang.rust -> rust-lang.rust-analyzer).",
    why: "Some extensions moved to a new publisher or id (`matklad.rust-analyzer` -> `rust-lang.rust-analyzer`, `ms-vscode.csharp` -> `ms-dotnettools.csharp`); the old id installs a deprecated extension or nothing.",
    fix: FixSafety::Safe {
        reason: "The new id names the extension the old one stood for; when it is listed already, the old id is removed instead of duplicated.",
    },
    domain: Domain::Any,
};

pub const EXTENSION_LOCAL_ONLY: RuleInfo = RuleInfo {
    code: "extension-local-only",
    aliases: &[],
    severity: Severity::Warning,
    summary: "An extension of the local window (Dev Containers, Remote - SSH, WSL, Codespaces) listed for the container.",
    why: "The remote connection extensions (Dev Containers `ms-vscode-remote.remote-containers`, Remote - SSH, WSL, the Remote Development pack, GitHub Codespaces) run in the local VS Code window and open the connection; listed in `customizations.vscode.extensions` they are meant for the container, where they do nothing.",
    fix: FixSafety::Unsafe {
        reason: "Removing the entry changes nothing in the container, but the author may have meant another extension.",
    },
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[
    EXTENSION_ID_MISSPELLED,
    EXTENSION_ID_RENAMED,
    EXTENSION_LOCAL_ONLY,
];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let items = extension_items(cx);
    let listed = |wanted: &str| {
        items.iter().any(|i| {
            i.as_str()
                .is_some_and(|id| id.trim().eq_ignore_ascii_case(wanted))
        })
    };
    for item in items.iter().copied() {
        let Some(raw) = item.as_str() else {
            continue;
        };
        let id = raw.trim();
        // Versioned (`id@1.2.3`) and `.vsix` entries are left alone.
        if id.is_empty() || id.contains('@') || id.contains('/') || id.ends_with(".vsix") {
            continue;
        }
        if is_local_only(id) {
            local_only(cx, item, id, out);
        } else if let Some(new) = renamed_to(id).filter(|_| !is_old_go_id(id)) {
            renamed(cx, item, id, new, listed(new), out);
        } else if find(id).is_none()
            && let Some(known) = did_you_mean(id)
        {
            out.push(
                EXTENSION_ID_MISSPELLED
                    .at(
                        item.range(),
                        format!(
                            "No extension \"{id}\" is known; did you mean \"{known}\"? VS Code installs extensions by exact id, so this entry installs nothing."
                        ),
                    )
                    .with_fix_if(cx.wants_fixes(), || Fix::unsafe_(
                        format!("Use {known}"),
                        vec![Edit::replace(item.range(), format!("\"{known}\""))],
                    )),
            );
        }
    }
}

fn local_only(cx: &Context, item: NodeRef, id: &str, out: &mut Vec<Diagnostic>) {
    let d = EXTENSION_LOCAL_ONLY.at(
        item.range(),
        format!(
            "\"{id}\" runs in the local VS Code window to open remote connections; installed in the container it does nothing. Remove it from the container's extensions (install it locally)."
        ),
    );
    out.push(
        match cx.wants_fixes().then(|| array_item_removal(cx, item)) {
            Some(Some(edit)) => d.with_fix(Fix::unsafe_("Remove this entry", vec![edit])),
            _ => d,
        },
    );
}

fn renamed(
    cx: &Context,
    item: NodeRef,
    id: &str,
    new: &str,
    new_listed: bool,
    out: &mut Vec<Diagnostic>,
) {
    let d = EXTENSION_ID_RENAMED.at(
        item.range(),
        format!(
            "\"{id}\" is an old id; the extension is published as \"{new}\" now. {}",
            if new_listed {
                format!("{new} is listed already: remove this entry.")
            } else {
                format!("Use \"{new}\".")
            }
        ),
    );
    let fix = || {
        if new_listed {
            array_item_removal(cx, item).map(|edit| Fix::safe("Remove the old id", vec![edit]))
        } else {
            Some(Fix::safe(
                format!("Use {new}"),
                vec![Edit::replace(item.range(), format!("\"{new}\""))],
            ))
        }
    };
    out.push(match cx.wants_fixes().then(fix).flatten() {
        Some(fix) => d.with_fix(fix),
        None => d,
    });
}
