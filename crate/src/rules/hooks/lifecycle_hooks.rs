//! The six lifecycle hooks in their three forms (string, exec-form array, object of parallel
//! commands), and `waitFor` naming a hook the file does not define.
//!
//! The forms as the dev containers CLI runs them (`runLifecycleCommand` in devcontainers/cli
//! `src/spec-common/injectHeadless.ts`): a string goes to `/bin/sh -c`, an array is exec'd as
//! it is, without a shell, and the entries of an object all start at once
//! (`Promise.allSettled`). So an array whose entries each look like a whole command
//! (`["nvm install 18", "nvm use 18"]`) was meant as a sequence: the preferred fix joins them
//! with `&&`, and the object form is offered second, saying that it runs them in parallel.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`hook-exec-form/`, `hook-value-type/`,
//! `hook-empty-command/`, `wait-for-undefined-hook/`).

use crate::diag::{Diagnostic, Edit, Fix, Severity};
use crate::rules::support::exec_form::{ShellNeed, shell_need, to_shell_string};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::{NodeKind, NodeRef, Value, clip};

pub const HOOK_EXEC_FORM: RuleInfo = RuleInfo {
    code: "hook-exec-form",
    aliases: &[],
    severity: Severity::Warning,
    summary: "An array command runs without a shell, but was written for one.",
    why: "An array command is exec'd directly, without a shell (devcontainers/cli), so `[\"go mod download\"]` looks for a program of that name and `&&`, pipes or `cd` do nothing; it fails with exit 126 or \"executable file not found\" (spec#491).",
    fix: FixSafety::Safe {
        reason: "The string form runs the same words in `/bin/sh -c`, which is what the array was written for. When every entry is a whole command, joining them with `&&` is safe only if each is a plain command (no `;`, `&` or `|` whose precedence `&&` would change); the object form runs them in parallel, so it is never applied without asking. When comments sit inside the array the fix would drop them, so it is then offered but not preferred.",
    },
    domain: Domain::Any,
};

pub const HOOK_VALUE_TYPE: RuleInfo = RuleInfo {
    code: "hook-value-type",
    aliases: &[],
    severity: Severity::Error,
    summary: "A lifecycle command that is neither a string nor an array of strings.",
    why: "A lifecycle command must be a string, an array of strings or an object of those; the tools fail to start the container on any other value.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const HOOK_EMPTY_COMMAND: RuleInfo = RuleInfo {
    code: "hook-empty-command",
    aliases: &[],
    severity: Severity::Hint,
    summary: "A lifecycle command that runs nothing.",
    why: "An empty command runs nothing, which is usually a placeholder that was never filled in.",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const WAIT_FOR_UNDEFINED_HOOK: RuleInfo = RuleInfo {
    code: "wait-for-undefined-hook",
    aliases: &[],
    severity: Severity::Hint,
    summary: "`waitFor` names a hook this file does not define.",
    why: "`waitFor` names the hook the editor waits for before it connects; naming one this file does not define makes the wait end at once (unless a feature or image defines that hook).",
    fix: FixSafety::None,
    domain: Domain::Any,
};

pub const CODES: &[RuleInfo] = &[
    HOOK_EXEC_FORM,
    HOOK_VALUE_TYPE,
    HOOK_EMPTY_COMMAND,
    WAIT_FOR_UNDEFINED_HOOK,
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
                        true,
                        out,
                    );
                }
            }
            if value.members().next().is_none() {
                out.push(HOOK_EMPTY_COMMAND.at(value.range(),
                    format!("`{}` is an empty object, so it runs nothing. Add a named command or remove the property.", hook.key()),
                ));
            }
        } else if value.is_array() || value.as_str().is_some() {
            check_command(cx, value, &format!("`{}`", hook.key()), false, out);
        }
    }
    check_wait_for(root, out);
}

/// One command: a string (run by `/bin/sh -c`) or an array (run directly).
/// `in_object`: the command is an entry of an object hook, where an object cannot nest.
fn check_command(
    cx: &Context,
    command: NodeRef,
    what: &str,
    in_object: bool,
    out: &mut Vec<Diagnostic>,
) {
    match command.value() {
        Value::String(s) if s.trim().is_empty() => out.push(HOOK_EMPTY_COMMAND.at(command.range(),
            format!("{what} is an empty command. Write the command to run, or remove it."),
        )),
        Value::String(_) => {}
        Value::Array(_) => check_array(cx, command, what, in_object, out),
        Value::Invalid => {}
        _ => out.push(HOOK_VALUE_TYPE.at(command.range(),
            format!(
                "{what} is {} {}, but a command must be a string (run by a shell) or an array of strings (run without one). Quote it as a string.",
                article(command.type_name()),
                command.type_name()
            ),
        )),
    }
}

fn check_array(
    cx: &Context,
    array: NodeRef,
    what: &str,
    in_object: bool,
    out: &mut Vec<Diagnostic>,
) {
    let mut words = Vec::new();
    for item in array.items() {
        match item.as_str() {
            Some(s) => words.push(s),
            None => {
                if !matches!(item.kind(), NodeKind::Invalid) {
                    out.push(HOOK_VALUE_TYPE.at(item.range(),
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
        out.push(HOOK_EMPTY_COMMAND.at(
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
    // Comments inside the array would be lost, so then no fix is applied without asking.
    let has_comment = cx
        .tree
        .comments
        .iter()
        .any(|c| array.range().contains_range(*c));
    // Without its `:` the member is not read as written; a string in the array's place would
    // sit right after the key and add a syntax error (fuzz finding).
    let fixable = array.node().closed
        && array
            .key_in_parent()
            .is_none_or(|m| m.member.colon.is_some());
    if is_sequence(&words) {
        let line = words
            .iter()
            .map(|w| w.trim())
            .collect::<Vec<_>>()
            .join(" && ");
        let message = format!(
            "{what} is an array, so it runs without a shell and {reason}. Each entry looks like a whole command: to run them one after another in a shell, write \"{}\".",
            clip(&line)
        );
        let mut d = HOOK_EXEC_FORM.at(array.range(), message);
        if fixable {
            let plain = words.iter().all(|w| is_plain_command(w));
            let edits = vec![Edit::replace(array.range(), json_string(&line))];
            let title = "Run them one after another in a shell (a && b)";
            d = d.with_fix_if(cx.wants_fixes(), || {
                if plain && !has_comment {
                    Fix::safe(title, edits)
                } else {
                    Fix::unsafe_(title, edits)
                }
            });
            if !in_object {
                let entries = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| format!("\"{}\": {}", i + 1, json_string(w.trim())))
                    .collect::<Vec<_>>()
                    .join(", ");
                d = d.with_fix_if(cx.wants_fixes(), || {
                    Fix::unsafe_(
                        "Run them at the same time, in parallel (object form)",
                        vec![Edit::replace(array.range(), format!("{{{entries}}}"))],
                    )
                });
            }
        }
        out.push(d);
        return;
    }
    let line = to_shell_string(&words);
    let message = format!(
        "{what} is an array, so it runs without a shell and {reason}. Write it as a string to run it in a shell: \"{}\".",
        clip(&line)
    );
    let mut d = HOOK_EXEC_FORM.at(array.range(), message);
    let literal = json_string(&line);
    if !literal.is_empty() && fixable {
        let edits = vec![Edit::replace(array.range(), literal)];
        let title = "Run it in a shell (string form)";
        d = d.with_fix_if(cx.wants_fixes(), || {
            if has_comment {
                Fix::unsafe_(title, edits)
            } else {
                Fix::safe(title, edits)
            }
        });
    }
    out.push(d);
}

fn json_string(s: &str) -> String {
    crate::syntax::json::quote(s)
}

/// Two or more entries that each look like a whole command line (`"nvm install 18"`): a
/// program word, then arguments. An entry that is a lone word or starts with `-` is an argument
/// of the first, so such arrays are not sequences.
fn is_sequence(words: &[&str]) -> bool {
    words.len() >= 2
        && words.iter().all(|w| {
            let w = w.trim();
            w.split_whitespace().count() >= 2 && !w.starts_with(['-', '"', '\'', '$'])
        })
}

/// A command that `&&` joins without changing its meaning: no list or pipe operator, no
/// background `&`, no line break, no quotes that could hide them.
fn is_plain_command(word: &str) -> bool {
    !word.contains([';', '&', '|', '\n', '`', '"', '\'', '(', ')', '#'])
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
    out.push(WAIT_FOR_UNDEFINED_HOOK.at(wait_for.range(),
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
