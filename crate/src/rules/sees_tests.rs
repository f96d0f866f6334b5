//! The rules marked [`Sees::Project`] are skipped when a text is checked without a project;
//! this shows that skipping them drops nothing: on every rule fixture's devcontainer.json,
//! checked without its folder, each of them reports nothing. (A rule wrongly marked the other
//! way loses its findings on the fixtures checked alone, which `rule_fixtures` compares.)

#![allow(clippy::unwrap_used, reason = "a test fails loudly on a broken set-up")]

#[path = "../../tests/support/walk.rs"]
mod walk;

use super::{Context, RULES, Sees};
use std::path::Path;

#[test]
fn project_rules_report_nothing_without_a_project() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut files = Vec::new();
    walk::files_with_extension(&fixtures, &["json", "jsonc"], &mut files);
    let configs: Vec<_> = files
        .iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n != "devcontainer-feature.json")
        })
        .collect();
    assert!(configs.len() > 300, "{} fixtures found", configs.len());
    let project_rules: Vec<_> = RULES.iter().filter(|r| r.2 == Sees::Project).collect();
    assert_eq!(project_rules.len(), 13);
    for path in configs {
        let text = std::fs::read_to_string(path).unwrap();
        let tree = crate::syntax::parse(&text);
        let cx = Context::new(&text, &tree);
        for (check, codes, _) in &project_rules {
            let mut out = Vec::new();
            check(&cx, &mut out);
            assert!(
                out.is_empty(),
                "{} reported {:?} in {} without a project",
                codes[0].code,
                out.iter().map(|d| d.code).collect::<Vec<_>>(),
                path.display()
            );
        }
    }
}
