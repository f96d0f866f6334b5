//! `rules`: the rule catalog as Markdown (the source of docs/rules.md) or JSON.

use devcontainer_doctor::rules::{self, RuleInfo};
use serde_json::json;
use std::fmt::Write as _;

pub fn markdown() -> String {
    let catalog: Vec<&RuleInfo> = rules::catalog().collect();
    let mut out = String::new();
    out.push_str("# Rules\n\n");
    out.push_str(
        "Every finding of Devcontainer Doctor carries one of these codes. The severity is the \
         default; errors are what breaks the dev container, warnings what its author would \
         want to know, hints matters of style.\n\n",
    );
    out.push_str(&rules::markdown_table(""));
    for r in &catalog {
        let _ = write!(
            out,
            "\n## {}\n\nDefault severity: **{}**.\n\n{}\n",
            r.code,
            r.severity.as_str(),
            r.summary
        );
    }
    out
}

pub fn json() -> String {
    let rules: Vec<_> = rules::catalog()
        .map(|r| {
            json!({
                "code": r.code,
                "severity": r.severity.as_str(),
                "summary": r.summary,
                "docsUrl": rules::docs_url(r.code),
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "rules": rules })).unwrap_or_default() + "\n"
}
