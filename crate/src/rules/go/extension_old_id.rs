//! The Go extension's old ids: `ms-vscode.go` and `lukehoban.go` (where it was published
//! before), and `ms-vscode.vscode-go`, which never existed; the extension is `golang.go`
//! (`features::extensions::renamed_to`). When `golang.go` is listed as well, the fix removes
//! the old id instead of duplicating it. Other renamed ids: `extension-id-renamed`.
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`go-extension-old-id/`).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::features::extensions::renamed_to;
use crate::rules::support::config::{array_item_removal as removal, extension_items};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

/// The Go extension's id.
pub const GO_EXTENSION_ID: &str = "golang.go";

/// True for an old or never-existing id of the Go extension (`ms-vscode.go`).
pub fn is_old_go_id(id: &str) -> bool {
    renamed_to(id) == Some(GO_EXTENSION_ID)
}

pub const GO_EXTENSION_OLD_ID: RuleInfo = RuleInfo {
    code: "go-extension-old-id",
    aliases: &[],
    severity: Severity::Warning,
    summary: "ms-vscode.go (or lukehoban.go, ms-vscode.vscode-go) is not the Go extension's id; it is golang.go.",
    why: "`ms-vscode.go` and `lukehoban.go` are the Go extension's old ids and `ms-vscode.vscode-go` never existed; the extension is published as `golang.go`, and the other ids do not install the maintained extension.",
    fix: FixSafety::Safe {
        reason: "Extension ids are case-insensitive and the new id names the same extension; when `golang.go` is listed already, the old id is removed instead of duplicated.",
    },
    domain: Domain::Go,
};

pub const CODES: &[RuleInfo] = &[GO_EXTENSION_OLD_ID];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let items = extension_items(cx);
    let has_new_id = items.iter().any(|i| {
        i.as_str()
            .is_some_and(|id| id.trim().eq_ignore_ascii_case("golang.go"))
    });
    for item in items.iter().copied() {
        let Some(id) = item.as_str() else {
            continue;
        };
        if !is_old_go_id(id) {
            continue;
        }
        let what = if id.trim().eq_ignore_ascii_case("ms-vscode.vscode-go") {
            "is not an extension id (it never existed)"
        } else {
            "is the Go extension's old id"
        };
        let d = GO_EXTENSION_OLD_ID.at(
            item.range(),
            format!(
                "\"{}\" {what}; the Go extension is published as golang.go. {}",
                id.trim(),
                if has_new_id {
                    "golang.go is listed already: remove this entry."
                } else {
                    "Use \"golang.go\"."
                }
            ),
        );
        let fix = || {
            if has_new_id {
                removal(cx, item).map(|edit| Fix::safe("Remove the old id", vec![edit]))
            } else {
                Some(Fix::safe(
                    "Use golang.go",
                    vec![Edit::replace(item.range(), "\"golang.go\"")],
                ))
            }
        };
        out.push(match cx.wants_fixes().then(fix).flatten() {
            Some(fix) => d.with_fix(fix),
            None => d,
        });
    }
}
