//! Exec-form commands (`["go", "mod", "download"]`) run without a shell. This file decides when
//! an array was clearly written for a shell, and turns it into the shell string it meant.

/// Words that only a shell understands when they stand alone as an argument.
const OPERATORS: &[&str] = &[
    "&&", "||", "|", ";", "&", ">", ">>", "<", "<<", "2>", "2>>", "2>&1", ">&2", "1>&2", "&>",
];

/// Programs that run their `-c` argument as a shell script: such arrays are fine.
const SHELLS: &[&str] = &[
    "sh",
    "bash",
    "zsh",
    "dash",
    "ash",
    "ksh",
    "fish",
    "pwsh",
    "powershell",
    "cmd",
    "su",
];

/// Shell builtins with no program of that name on a typical image: exec form cannot run them.
const BUILTINS: &[&str] = &[
    "cd", "source", ".", "export", "alias", "set", "unset", "ulimit", "umask",
];

/// Why an array does not do what it says without a shell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShellNeed {
    /// The program item holds spaces or shell syntax: no such executable exists.
    ProgramIsACommandLine(String),
    /// The program is a shell builtin such as `cd` or `export`.
    Builtin(String),
    /// An item is a shell operator, passed to the program as a plain argument.
    Operator(String),
    /// An item holds `$VAR`, a leading `~` or a glob that no shell will expand.
    Expansion(String),
}

/// What in `items` needs a shell, if anything.
pub fn shell_need(items: &[&str]) -> Option<ShellNeed> {
    let program = *items.first()?;
    if is_shell_with_script(items) {
        return None;
    }
    if program.chars().any(char::is_whitespace) || has_shell_syntax(program) {
        return Some(ShellNeed::ProgramIsACommandLine(program.to_string()));
    }
    if BUILTINS.contains(&program) {
        return Some(ShellNeed::Builtin(program.to_string()));
    }
    if let Some(op) = items.iter().find(|i| OPERATORS.contains(i)) {
        return Some(ShellNeed::Operator((*op).to_string()));
    }
    items
        .iter()
        .find(|i| expects_expansion(i))
        .map(|i| ShellNeed::Expansion((*i).to_string()))
}

/// `["bash", "-c", "..."]`, `["/bin/sh", "-lc", "..."]`, `["sudo", "bash", "-c", ...]`,
/// `["cmd", "/c", ...]`, `["pwsh", "-Command", ...]`: a shell gets a script, so its items
/// may hold shell syntax.
fn is_shell_with_script(items: &[&str]) -> bool {
    items.iter().enumerate().any(|(k, program)| {
        let name = basename(program)
            .trim_end_matches(".exe")
            .to_ascii_lowercase();
        SHELLS.contains(&name.as_str()) && items.iter().skip(k + 1).any(|a| is_script_flag(a))
    })
}

/// `-c`, `-lc`, `-ec` (POSIX shells), `/c` `/k` (cmd), `-Command` (PowerShell).
fn is_script_flag(arg: &str) -> bool {
    let lower = arg.to_ascii_lowercase();
    (lower.starts_with('-') && !lower.starts_with("--") && lower.len() <= 4 && lower.contains('c'))
        || matches!(lower.as_str(), "/c" | "/k" | "-command" | "-encodedcommand")
}

fn basename(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Characters that mean a command line, not a program path.
fn has_shell_syntax(word: &str) -> bool {
    word.contains(['&', '|', ';', '<', '>', '$', '`', '(', ')', '*', '"', '\''])
        || word.starts_with('~')
}

/// `$HOME`, `${GOPATH}`, `$(go env GOPATH)`, `~/bin`, `*.go`: text a shell would expand.
/// Dev container variables (`${localEnv:X}`, `${containerWorkspaceFolder}`) are replaced by the
/// tools before the command runs, so they do not count.
fn expects_expansion(word: &str) -> bool {
    if word.starts_with('~') {
        return true;
    }
    let bytes = word.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'$' {
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'(') => return true,
            Some(c) if c.is_ascii_alphabetic() || *c == b'_' => return true,
            Some(b'{') if !is_devcontainer_variable(&word[i..]) => return true,
            _ => {}
        }
    }
    is_glob(word)
}

fn is_devcontainer_variable(from_dollar: &str) -> bool {
    let name = from_dollar
        .get(2..)
        .unwrap_or("")
        .split([':', '}'])
        .next()
        .unwrap_or("");
    [
        "localEnv",
        "containerEnv",
        "env",
        "localWorkspaceFolder",
        "containerWorkspaceFolder",
        "localWorkspaceFolderBasename",
        "containerWorkspaceFolderBasename",
        "devcontainerId",
        "templateOption",
    ]
    .iter()
    .any(|k| k.eq_ignore_ascii_case(name))
}

/// A path glob such as `*.go` or `./cmd/*`; regular expressions (`Test.*`, `^Fuzz`) are left alone.
fn is_glob(word: &str) -> bool {
    word.contains('*') && !word.contains(".*") && !word.contains(['^', '+', '(', '|', '\\', '='])
}

/// The shell string equivalent to what the array was meant to do: shell syntax the author
/// wrote stays as written (that is what they expected a shell to see), every other item is
/// quoted so it reaches the program unchanged.
pub fn to_shell_string(items: &[&str]) -> String {
    let mut words = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let meant_for_shell = OPERATORS.contains(item)
            || (i == 0 && (item.chars().any(char::is_whitespace) || has_shell_syntax(item)))
            || (expects_expansion(item) && !item.chars().any(char::is_whitespace));
        if meant_for_shell {
            words.push((*item).to_string());
        } else if expects_expansion(item) {
            words.push(double_quote(item));
        } else {
            words.push(quote(item));
        }
    }
    words.join(" ")
}

/// Quotes a word for a POSIX shell only when it needs it.
pub fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word.chars().all(|c| {
            c.is_ascii_alphanumeric() || "-_./=:,@%+".contains(c) || ('\u{80}'..).contains(&c)
        });
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Double quotes keep `$` expansion but stop word splitting and globbing.
fn double_quote(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    out.push('"');
    for c in word.chars() {
        if matches!(c, '"' | '\\' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_forms_that_are_fine() {
        assert_eq!(shell_need(&["go", "mod", "download"]), None);
        assert_eq!(shell_need(&["bash", "-c", "go mod download && make"]), None);
        assert_eq!(shell_need(&["/bin/sh", "-lc", "echo $HOME"]), None);
        assert_eq!(
            shell_need(&["/usr/bin/env", "bash", "-c", "make | tee x"]),
            None
        );
        assert_eq!(shell_need(&["go", "test", "-run", "Test.*", "./..."]), None);
        assert_eq!(shell_need(&["git", "commit", "-m", "a b"]), None);
        assert_eq!(shell_need(&["ls", "${containerWorkspaceFolder}"]), None);
        assert_eq!(
            shell_need(&["sudo", "bash", "-c", "echo $HOME > /tmp/h"]),
            None
        );
        assert_eq!(
            shell_need(&["cmd.exe", "/c", "echo", "a", "&&", "dir"]),
            None
        );
        assert_eq!(
            shell_need(&["pwsh", "-Command", "Get-ChildItem $HOME"]),
            None
        );
        assert_eq!(
            shell_need(&["su", "vscode", "-c", "make && make test"]),
            None
        );
        assert_eq!(shell_need(&[]), None);
    }

    #[test]
    fn exec_forms_that_need_a_shell() {
        assert!(matches!(
            shell_need(&["go mod download"]),
            Some(ShellNeed::ProgramIsACommandLine(_))
        ));
        assert!(matches!(
            shell_need(&["cd src && make"]),
            Some(ShellNeed::ProgramIsACommandLine(_))
        ));
        assert_eq!(
            shell_need(&["go", "build", "&&", "make"]),
            Some(ShellNeed::Operator("&&".into()))
        );
        assert_eq!(
            shell_need(&["make", "2>&1"]),
            Some(ShellNeed::Operator("2>&1".into()))
        );
        assert!(matches!(
            shell_need(&["echo", "$HOME"]),
            Some(ShellNeed::Expansion(_))
        ));
        assert!(matches!(
            shell_need(&["ls", "~/go"]),
            Some(ShellNeed::Expansion(_))
        ));
        assert!(matches!(
            shell_need(&["gofmt", "-l", "*.go"]),
            Some(ShellNeed::Expansion(_))
        ));
        assert!(matches!(
            shell_need(&["echo", "$(go env GOPATH)"]),
            Some(ShellNeed::Expansion(_))
        ));
    }

    #[test]
    fn shell_strings_keep_meaning() {
        assert_eq!(to_shell_string(&["go mod download"]), "go mod download");
        assert_eq!(to_shell_string(&["cd src && make"]), "cd src && make");
        assert_eq!(
            to_shell_string(&["go", "build", "&&", "make", "test"]),
            "go build && make test"
        );
        assert_eq!(
            to_shell_string(&["git", "commit", "-m", "it's done", "&&", "echo", "ok"]),
            r"git commit -m 'it'\''s done' && echo ok"
        );
        assert_eq!(
            to_shell_string(&["echo", "$HOME", "|", "cat"]),
            "echo $HOME | cat"
        );
        assert_eq!(
            to_shell_string(&["ls", "$HOME/my dir", ";"]),
            r#"ls "$HOME/my dir" ;"#
        );
        assert_eq!(
            to_shell_string(&["echo", "", "a;b", "&&", "x"]),
            "echo '' 'a;b' && x"
        );
        assert_eq!(
            to_shell_string(&["go", "test", "-run", "Test.*", "|", "tee"]),
            "go test -run 'Test.*' | tee"
        );
    }
}
