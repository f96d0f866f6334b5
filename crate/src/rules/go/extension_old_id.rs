//! The Go extension's old id `ms-vscode.go`: the extension moved to `golang.go`.
//!
//! When `golang.go` is listed as well, the fix removes the old id instead of duplicating it.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`go-extension-old-id/`).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::support::config::extension_items;
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::NodeRef;
use crate::text::TextRange;

pub const GO_EXTENSION_OLD_ID: RuleInfo = RuleInfo {
    code: "go-extension-old-id",
    aliases: &[],
    severity: Severity::Warning,
    summary: "ms-vscode.go is the Go extension's old id; it is golang.go now.",
    why: "`ms-vscode.go` is the Go extension's old id; the extension is published as `golang.go` now, and the old id no longer installs the maintained extension.",
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
        if !id.trim().eq_ignore_ascii_case("ms-vscode.go") {
            continue;
        }
        let d = GO_EXTENSION_OLD_ID.at(item.range(),
            format!(
                "\"{}\" is the Go extension's old id; the extension is published as golang.go now. {}",
                id.trim(),
                if has_new_id {
                    "golang.go is listed already: remove this entry."
                } else {
                    "Use \"golang.go\"."
                }
            ),
        );
        let fix = if has_new_id {
            removal(cx, item).map(|edit| Fix::safe("Remove the old id", vec![edit]))
        } else {
            Some(Fix::safe(
                "Use golang.go",
                vec![Edit::replace(item.range(), "\"golang.go\"")],
            ))
        };
        out.push(match fix {
            Some(fix) => d.with_fix(fix),
            None => d,
        });
    }
}

/// Deletes an array item with the comma that separates it from a neighbour; `None` when a
/// comment sits in between (deleting it would lose the author's words).
fn removal(cx: &Context, item: NodeRef) -> Option<Edit> {
    let array = item.parent()?;
    let items: Vec<_> = array.items().collect();
    let index = items.iter().position(|i| i.id == item.id)?;
    let range = match (
        items.get(index + 1),
        index.checked_sub(1).and_then(|p| items.get(p)),
    ) {
        (Some(next), _) => TextRange::new(item.range().start, next.range().start),
        (None, Some(prev)) => TextRange::new(prev.range().end, item.range().end),
        (None, None) => return None,
    };
    let commented = cx.tree.comments.iter().any(|c| range.intersects(*c));
    (!commented).then(|| Edit::delete(range))
}
