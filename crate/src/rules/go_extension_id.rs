//! The Go extension's old id `ms-vscode.go`: the extension moved to `golang.go`.
//!
//! Invalid: `{"customizations": {"vscode": {"extensions": ["ms-vscode.Go"]}}}`.
//! Valid: `{"customizations": {"vscode": {"extensions": ["golang.go"]}}}`.

use super::go_common::extension_items;
use super::{Context, RuleInfo};
use crate::diag::{Diagnostic, Edit, Fix, Severity};

pub const CODES: &[RuleInfo] = &[RuleInfo {
    code: "go-extension-old-id",
    severity: Severity::Warning,
    summary: "ms-vscode.go is the Go extension's old id; it is golang.go now.",
}];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for item in extension_items(cx) {
        let Some(id) = item.as_str() else {
            continue;
        };
        if !id.trim().eq_ignore_ascii_case("ms-vscode.go") {
            continue;
        }
        out.push(
            Diagnostic::warning(
                "go-extension-old-id",
                item.range(),
                format!(
                    "\"{}\" is the Go extension's old id; the extension is published as golang.go now. Use \"golang.go\".",
                    id.trim()
                ),
            )
            .with_fix(Fix::safe(
                "Use golang.go",
                vec![Edit::replace(item.range(), "\"golang.go\"")],
            )),
        );
    }
}
