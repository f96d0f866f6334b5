//! `deprecated-property`: top-level `extensions`, `settings`, `devPort` and `codespaces` (only
//! some tools still read them there), and `build-property-old-spelling`: `dockerFile` /
//! `context` (still honoured, but the spec documents `build.dockerfile` / `build.context`).
//! Safe fixes move them.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`deprecated-property/`,
//! `build-property-old-spelling/`).

use crate::diag::{Diagnostic, Fix, Severity};
use crate::rules::support::move_fix::{Move, move_into};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::spec;
use crate::spec::ConfigKind;

pub const DEPRECATED_PROPERTY: RuleInfo = RuleInfo {
    code: "deprecated-property",
    aliases: &[],
    severity: Severity::Warning,
    summary: "A property from an older version of the spec; it has a new place.",
    why: "Top-level `extensions`, `settings`, `devPort` and `codespaces` are from an older spec; their place is under `customizations`, and tools may stop reading the old place (VS Code's own schema flags them).",
    fix: FixSafety::Safe {
        reason: "The properties move into `customizations.vscode` under the same names, merged with what is there and with their comments; one joint fix moves the whole group.",
    },
    domain: Domain::Any,
};

pub const BUILD_PROPERTY_OLD_SPELLING: RuleInfo = RuleInfo {
    code: "build-property-old-spelling",
    aliases: &["deprecated-property"],
    severity: Severity::Hint,
    summary: "Top-level `dockerFile` or `context`: still honoured, but the spec documents `build.dockerfile` and `build.context`.",
    why: "Top-level `dockerFile` and `context` still work, but the spec documents only `build.dockerfile` and `build.context`.",
    fix: FixSafety::Safe {
        reason: "The properties move into `build` with their values and comments, which the tools read the same way.",
    },
    domain: Domain::Dockerfile,
};

pub const CODES: &[RuleInfo] = &[DEPRECATED_PROPERTY, BUILD_PROPERTY_OLD_SPELLING];

/// Top-level properties that move into `customizations.vscode` under the same name.
const VSCODE_MOVES: &[&str] = &["extensions", "settings", "devPort"];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else {
        return;
    };
    let vscode_moves: Vec<Move> = root
        .members()
        .filter_map(|m| {
            let new_key = VSCODE_MOVES.iter().find(|k| **k == m.key())?;
            Some(Move { member: m, new_key })
        })
        .collect();
    let build_moves: Vec<Move> = if cx.kind == ConfigKind::Dockerfile {
        root.members()
            .filter_map(|m| {
                let new_key = match m.key() {
                    "dockerFile" => "dockerfile",
                    "context" => "context",
                    _ => return None,
                };
                Some(Move { member: m, new_key })
            })
            .collect()
    } else {
        Vec::new()
    };
    // The moves rewrite whole values: the costliest fixes of all, made only when wanted.
    let fixes = cx.wants_fixes();
    let vscode_fix = fixes
        .then(|| move_into(cx, &vscode_moves, &["customizations", "vscode"]))
        .flatten()
        .map(|edits| {
            let names: Vec<&str> = vscode_moves.iter().map(|m| m.member.key()).collect();
            (
                format!("Move {} into customizations.vscode", names.join(" and ")),
                edits,
            )
        });
    let build_fix = fixes
        .then(|| move_into(cx, &build_moves, &["build"]))
        .flatten()
        .map(|edits| {
            let names: Vec<&str> = build_moves.iter().map(|m| m.member.key()).collect();
            (format!("Move {} into build", names.join(" and ")), edits)
        });
    let mut vscode_fix_given = false;
    let mut build_fix_given = false;
    for member in root.members() {
        let Some(prop) = spec::top_level(member.key()) else {
            continue;
        };
        let Some(deprecation) = prop.deprecated else {
            continue;
        };
        // `context` next to an image is ignored altogether: kind-mismatch-property says so.
        if deprecation.still_works && !prop.kinds.allows(cx.kind) {
            continue;
        }
        let key = member.key();
        let mut d = if deprecation.still_works {
            BUILD_PROPERTY_OLD_SPELLING.at(member.key_range(),
                format!(
                    "\"{key}\" is the older spelling of `{}`: it still works, but the spec documents only the new one. Move it there.",
                    deprecation.replacement
                ),
            )
        } else {
            DEPRECATED_PROPERTY.at(member.key_range(),
                format!(
                    "Top-level \"{key}\" is deprecated: the spec puts it in `{}` now, and tools may stop reading the old place. Move it there.",
                    deprecation.replacement
                ),
            )
        };
        // One joint fix moves every property of the group; it is the preferred fix on the first
        // diagnostic only, so applying all safe fixes moves each property once.
        let (fix, given) = if VSCODE_MOVES.contains(&key) {
            (&vscode_fix, &mut vscode_fix_given)
        } else {
            (&build_fix, &mut build_fix_given)
        };
        let in_group = vscode_moves
            .iter()
            .chain(&build_moves)
            .any(|m| m.member.key_range() == member.key_range());
        if let (true, Some((title, edits))) = (in_group, fix) {
            d = d.with_fix(if *given {
                Fix::unsafe_(title.clone(), edits.clone())
            } else {
                Fix::safe(title.clone(), edits.clone())
            });
            *given = true;
        }
        out.push(d);
    }
}
