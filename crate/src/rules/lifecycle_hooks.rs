//! The six lifecycle hooks in their three forms (string, exec-form array, object of parallel
//! commands), and `waitFor` naming a hook the file does not define.
//!
//! Invalid: `"postCreateCommand": ["go mod download"]` (no program called "go mod download"),
//! `"postCreateCommand": {"tools": 1}`, `"onCreateCommand": ""`.
//! Valid: `"postCreateCommand": ["go", "mod", "download"]`, `"postCreateCommand": "go mod download && make"`.

use super::exec_form::{ShellNeed, shell_need, to_shell_string};
use super::{Context, RuleInfo};
use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::syntax::{NodeKind, NodeRef, clip};

pub const CODES: &[RuleInfo] = &[
    RuleInfo {
        code: "hook-exec-form",
        severity: Severity::Warning,
        summary: "An array command runs without a shell, but was written for one.",
    },
    RuleInfo {
        code: "hook-value-type",
        severity: Severity::Error,
        summary: "A lifecycle command that is neither a string nor an array of strings.",
    },
    RuleInfo {
        code: "hook-empty-command",
        severity: Severity::Hint,
        summary: "A lifecycle command that runs nothing.",
    },
    RuleInfo {
        code: "wait-for-undefined-hook",
        severity: Severity::Hint,
        summary: "`waitFor` names a hook this file does not define.",
    },
];

/// The six hooks, as the spec model names them.
pub const HOOKS: &[&str] = &crate::spec::HOOK_NAMES;

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else {
        return;
    };
    for hook in root.members().filter(|m| HOOKS.contains(&m.key())) {
        let Some(value) = hook.value else {
            continue;
        };
        if value.is_object() {
            for entry in value.members() {
                if let Some(command) = entry.value {
                    check_command(
                        cx,
                        command,
                        &format!("`{}` entry \"{}\"", hook.key(), clip(entry.key())),
                        out,
                    );
                }
            }
            if value.members().next().is_none() {
                out.push(Diagnostic::hint(
                    "hook-empty-command",
                    value.range(),
                    format!("`{}` is an empty object, so it runs nothing. Add a named command or remove the property.", hook.key()),
                ));
            }
        } else if value.is_array() || value.as_str().is_some() {
            check_command(cx, value, &format!("`{}`", hook.key()), out);
        }
    }
    check_wait_for(root, out);
}

/// One command: a string (run by `/bin/sh -c`) or an array (run directly).
fn check_command(cx: &Context, command: NodeRef, what: &str, out: &mut Vec<Diagnostic>) {
    match command.kind() {
        NodeKind::String(s) if s.trim().is_empty() => out.push(Diagnostic::hint(
            "hook-empty-command",
            command.range(),
            format!("{what} is an empty command. Write the command to run, or remove it."),
        )),
        NodeKind::String(_) => {}
        NodeKind::Array(_) => check_array(cx, command, what, out),
        NodeKind::Invalid => {}
        _ => out.push(Diagnostic::error(
            "hook-value-type",
            command.range(),
            format!(
                "{what} is {} {}, but a command must be a string (run by a shell) or an array of strings (run without one). Quote it as a string.",
                article(command.type_name()),
                command.type_name()
            ),
        )),
    }
}

fn check_array(cx: &Context, array: NodeRef, what: &str, out: &mut Vec<Diagnostic>) {
    let mut words = Vec::new();
    for item in array.items() {
        match item.as_str() {
            Some(s) => words.push(s),
            None => {
                if !matches!(item.kind(), NodeKind::Invalid) {
                    out.push(Diagnostic::error(
                        "hook-value-type",
                        item.range(),
                        format!(
                            "{what} holds {} {}; every item of a command array must be a string. Quote it.",
                            article(item.type_name()),
                            item.type_name()
                        ),
                    ));
                }
                return;
            }
        }
    }
    if words.is_empty() {
        out.push(Diagnostic::hint(
            "hook-empty-command",
            array.range(),
            format!(
                "{what} is an empty array, so no program runs. Write the command, or remove it."
            ),
        ));
        return;
    }
    let Some(need) = shell_need(&words) else {
        return;
    };
    let reason = match &need {
        ShellNeed::ProgramIsACommandLine(p) => format!(
            "the whole \"{}\" is taken as the program's name, which fails with \"not found\" (exit 127)",
            clip(p)
        ),
        ShellNeed::Builtin(b) => format!(
            "`{b}` is a shell builtin, not a program, so it fails with \"not found\" (exit 127)"
        ),
        ShellNeed::Operator(op) => format!("`{op}` is passed to the program as a plain argument"),
        ShellNeed::Expansion(w) => format!("\"{}\" is passed as written, not expanded", clip(w)),
    };
    let line = to_shell_string(&words);
    let message = format!(
        "{what} is an array, so it runs without a shell and {reason}. Write it as a string to run it in a shell: \"{}\".",
        clip(&line)
    );
    let mut d = Diagnostic::warning("hook-exec-form", array.range(), message);
    let literal = serde_json::to_string(&line).unwrap_or_default();
    // Comments inside the array would be lost, so then the fix is only offered, not preferred.
    let has_comment = cx
        .tree
        .comments
        .iter()
        .any(|c| array.range().contains_range(*c));
    if !literal.is_empty() && array.node().closed {
        let edits = vec![Edit::replace(array.range(), literal)];
        let title = "Run it in a shell (string form)";
        d = d.with_fix(if has_comment {
            Fix::unsafe_(title, edits)
        } else {
            Fix::safe(title, edits)
        });
    }
    out.push(d);
}

fn check_wait_for(root: NodeRef, out: &mut Vec<Diagnostic>) {
    let Some(wait_for) = root.get("waitFor") else {
        return;
    };
    let Some(hook) = wait_for.as_str() else {
        return;
    };
    // Values `waitFor` does not accept are the schema rules' business; here only valid ones
    // naming a hook the file leaves out.
    let valid = crate::spec::top_level("waitFor")
        .is_some_and(|p| p.enum_values.iter().any(|v| v.value == hook));
    if !valid || root.member(hook).is_some() {
        return;
    }
    out.push(Diagnostic::hint(
        "wait-for-undefined-hook",
        wait_for.range(),
        format!(
            "`waitFor` waits for `{hook}`, which this file does not define. That is fine if a feature or the image defines it; otherwise remove `waitFor` (the default waits for `updateContentCommand`)."
        ),
    ));
}

fn article(type_name: &str) -> &'static str {
    if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
