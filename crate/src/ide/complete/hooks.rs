//! Lifecycle hooks: ready-made commands in string form (run by a shell, so `&&` works),
//! Go commands first when the configuration uses Go.

use super::{Item, Request, rank};
use crate::ide::complete::CompletionKind;
use crate::ide::props::HOOK_NAMES;

/// (command, what it does, only for Go)
const COMMANDS: &[(&str, &str, bool)] = &[
    (
        "go mod download",
        "Fetch the module's dependencies once, so the first build is fast.",
        true,
    ),
    (
        "go mod download && go install github.com/go-delve/delve/cmd/dlv@latest",
        "Fetch dependencies and install the Delve debugger.",
        true,
    ),
    (
        "go install golang.org/x/tools/gopls@latest",
        "Install the Go language server.",
        true,
    ),
    (
        "go install honnef.co/go/tools/cmd/staticcheck@latest",
        "Install staticcheck.",
        true,
    ),
    (
        "go build ./...",
        "Build every package once to warm the build cache.",
        true,
    ),
    (
        "git config --global --add safe.directory ${containerWorkspaceFolder}",
        "Trust the mounted repository: avoids git's dubious-ownership error (and Go's VCS stamping error).",
        false,
    ),
];

pub fn complete(req: &Request, items: &mut Vec<Item>) {
    // The hook's own value, or an entry of its object form (`{"deps": "go mod download"}`).
    let keys = req.keys();
    let hook = match (keys.as_slice(), req.value_key()) {
        ([], Some(key)) => key,
        ([Some(hook)], Some(_)) => hook,
        _ => return,
    };
    if !HOOK_NAMES.contains(&hook) {
        return;
    }
    let key = hook;
    let mut commands: Vec<&(&str, &str, bool)> = COMMANDS.iter().filter(|c| c.2).collect();
    if !req.go {
        commands.clear();
    }
    commands.extend(COMMANDS.iter().filter(|c| !c.2));
    if key == "initializeCommand" {
        // It runs on the host, where Go tools are not what the container needs.
        commands.retain(|c| !c.2 && !c.0.contains("containerWorkspaceFolder"));
    }
    for (i, (command, doc, _)) in commands.into_iter().enumerate() {
        let mut item = req.string_item(command, CompletionKind::Snippet);
        item.documentation = Some(format!("{doc}\n\nRuns in a shell (string form)."));
        item.sort_text = rank(0, i);
        items.push(item);
    }
}
