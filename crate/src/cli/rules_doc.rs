//! `rules`: the rule catalog as Markdown (the renderer of docs/rules.md, without its examples)
//! or JSON.

use devcontainer_doctor::rules;
use serde_json::json;

pub fn markdown() -> String {
    rules::rules_markdown("", &|_| String::new())
}

pub fn json() -> String {
    let rules: Vec<_> = rules::catalog()
        .map(|r| {
            json!({
                "code": r.code,
                "severity": r.severity.as_str(),
                "summary": r.summary,
                "why": r.why,
                "fix": r.fix.as_str(),
                "fixReason": r.fix.reason(),
                "domain": r.domain.as_str(),
                "aliases": r.aliases,
                "docsUrl": rules::docs_url(r.code),
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({ "rules": rules })).unwrap_or_default() + "\n"
}
