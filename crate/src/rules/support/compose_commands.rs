//! The `command` and `entrypoint` of the Compose services `docker compose up` starts, split into
//! words mapped onto the Compose file's bytes, for the rules that judge what a container runs
//! (the dlv flags). Compose splits the string form into arguments itself, shell-like, without
//! running a shell (compose-go `types.ShellCommand`, "command overrides the default command ...
//! can also be a list", docs.docker.com/reference/compose-file/services/#command); the list
//! form is one argument per item. `sh -c '<script>'` is split once more.

use crate::diag::FileId;
use crate::rules::Context;
use crate::sorted::sort_dedup;
use crate::syntax::compose::{CommandForm, Str};
use crate::syntax::shell::{Command, Word, program_name, split_shell};

/// One command a started service runs.
pub struct ServiceCommand {
    pub file: FileId,
    pub command: Command,
    /// True for the dev container's own service (the one VS Code attaches to).
    pub dev: bool,
    /// True for a YAML list (`- item`, or `[a, b]`): no fix inserts items into it.
    pub list: bool,
}

/// The commands of every started service; the dev service's only when it runs them (with
/// `overrideCommand: true` the dev containers CLI replaces them with its own loop).
pub fn service_commands(cx: &Context) -> Vec<ServiceCommand> {
    let mut out = Vec::new();
    let (Some(root), Some(container)) = (cx.root, cx.container()) else {
        return out;
    };
    let Some(view) = &container.compose else {
        return out;
    };
    let dev_name = view.service.as_ref().map(|s| s.value.as_str());
    // Sorted once, searched per service: `runServices` may be long in a hostile file.
    let started: Option<Vec<&str>> = root.get("runServices").map(|list| {
        let mut names: Vec<&str> = list
            .items()
            .filter_map(|i| i.as_str())
            .chain(dev_name)
            .collect();
        sort_dedup(&mut names);
        names
    });
    for service in &view.merged.services {
        if started
            .as_ref()
            .is_some_and(|s| s.binary_search(&service.name.as_str()).is_err())
        {
            continue;
        }
        let dev = dev_name == Some(service.name.as_str());
        if dev && container.start.override_command {
            continue;
        }
        for command in [&service.entrypoint, &service.command]
            .into_iter()
            .flatten()
        {
            let file = view.file(command.file);
            let Some(text) = cx.project.and_then(|p| p.text(file)) else {
                continue;
            };
            let (commands, list) = split(text, &command.form);
            out.extend(commands.into_iter().map(|command| ServiceCommand {
                file,
                command,
                dev,
                list,
            }));
        }
    }
    out
}

fn split(text: &str, form: &CommandForm) -> (Vec<Command>, bool) {
    let mut out = Vec::new();
    let list = match form {
        CommandForm::Shell(s) => {
            if !s.unresolved {
                split_shell(&s.value, s.range, content_start(text, s), 0, &mut out);
            }
            false
        }
        CommandForm::Exec(items) => {
            if items.iter().all(|i| !i.unresolved) {
                let words = items
                    .iter()
                    .map(|i| Word {
                        text: i.value.clone(),
                        range: i.range,
                        source_start: content_start(text, i),
                    })
                    .collect();
                out.push(Command {
                    words,
                    exec_form: true,
                    origin: 0,
                });
            }
            true
        }
    };
    // `sh -c '<script>'`: the script is one word of its command.
    let mut nested = Vec::new();
    for command in &out {
        let shell = command
            .program()
            .is_some_and(|p| matches!(program_name(p), "sh" | "bash" | "ash" | "dash" | "zsh"));
        let args = command.args();
        if let Some(at) = args.iter().position(|w| w.text == "-c" || w.text == "-lc")
            && shell
            && let Some(script) = args.get(at + 1)
        {
            split_shell(
                &script.text,
                script.range,
                script.source_start,
                0,
                &mut nested,
            );
        }
    }
    out.extend(nested);
    (out, list)
}

/// Where the scalar's value starts in the file when it maps 1:1 onto the source: a plain
/// scalar, or a quoted one without escapes. Interpolated values never do.
fn content_start(text: &str, s: &Str) -> Option<usize> {
    if s.value != s.raw {
        return None;
    }
    let written = text.get(s.range.start..s.range.end)?;
    if written == s.value {
        return Some(s.range.start);
    }
    let quoted = written.len() == s.value.len() + 2
        && (written.starts_with('"') || written.starts_with('\''))
        && written[1..written.len() - 1] == s.value;
    quoted.then_some(s.range.start + 1)
}
