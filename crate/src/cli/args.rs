//! Command-line parsing, by hand: the surface is two commands and a handful of flags, which
//! does not justify a dependency.

use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesFormat {
    Markdown,
    Json,
}

#[derive(Debug, PartialEq, Eq)]
pub struct CheckArgs {
    pub paths: Vec<PathBuf>,
    pub format: Format,
    pub fix: bool,
    pub deny_warnings: bool,
    pub color: ColorChoice,
    /// Check each devcontainer.json without the files it references.
    pub isolated: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Version,
    Check(CheckArgs),
    Rules(RulesFormat),
    /// The language server on stdio.
    Lsp,
}

pub const USAGE: &str = "\
devcontainer-doctor: checks devcontainer.json files

Usage:
  devcontainer-doctor check [PATH ...] [OPTIONS]
  devcontainer-doctor rules [--format markdown|json]
  devcontainer-doctor lsp     (a language server on stdin/stdout, for editors)
  devcontainer-doctor --help | --version

check: PATH is a file or a folder (default: the current folder), or - for standard input.
A folder is searched, recursively, for .devcontainer/devcontainer.json, .devcontainer.json and
.devcontainer/<name>/devcontainer.json (skipping .git, node_modules and hidden folders).
The Dockerfiles, Compose files, build contexts and local features each configuration names
are read and checked too, and reported under their own paths.

Options of check:
  --format human|json|sarif|github
                              output format (default: human; github: workflow-command
                              annotations for GitHub Actions)
  --fix                       apply the safe fixes in place (in every file), then report
                              what remains
  --isolated                  check each devcontainer.json without the files it references
                              (as with standard input; one note says they were not checked)
  --deny-warnings             exit with 1 on warnings too
  --color auto|always|never   colour the human output (default: auto; NO_COLOR is honoured)

Exit status: 0 no errors, 1 errors found (or warnings with --deny-warnings),
2 usage or I/O error.
";

/// Parses the arguments after the program name; an `Err` is a one-line usage message.
pub fn parse(args: Vec<OsString>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let Some(first) = args.next() else {
        return Err("missing command; try 'devcontainer-doctor --help'".to_string());
    };
    match first.to_str() {
        Some("-h" | "--help" | "help") => Ok(Command::Help),
        Some("-V" | "--version") => Ok(Command::Version),
        Some("check") => parse_check(args),
        Some("rules") => parse_rules(args),
        Some("lsp") => parse_lsp(args),
        _ => Err(format!(
            "unknown command '{}'; try 'devcontainer-doctor --help'",
            first.to_string_lossy()
        )),
    }
}

/// Splits `--name=value` or takes the value from the next argument.
fn flag_value(
    name: &str,
    inline: Option<&str>,
    rest: &mut impl Iterator<Item = OsString>,
) -> Result<String, String> {
    if let Some(value) = inline {
        return Ok(value.to_string());
    }
    match rest.next() {
        Some(value) => value
            .into_string()
            .map_err(|v| format!("invalid value '{}' for {name}", v.to_string_lossy())),
        None => Err(format!("{name} needs a value")),
    }
}

fn split_flag(arg: &str) -> (&str, Option<&str>) {
    match arg.split_once('=') {
        Some((name, value)) if name.starts_with("--") => (name, Some(value)),
        _ => (arg, None),
    }
}

fn parse_check(mut args: impl Iterator<Item = OsString>) -> Result<Command, String> {
    let mut check = CheckArgs {
        paths: Vec::new(),
        format: Format::Human,
        fix: false,
        deny_warnings: false,
        color: ColorChoice::Auto,
        isolated: false,
    };
    let mut only_paths = false;
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        if only_paths || !text.starts_with('-') || text == "-" {
            check.paths.push(PathBuf::from(arg));
            continue;
        }
        let (name, inline) = split_flag(&text);
        match name {
            "--" => only_paths = true,
            "-h" | "--help" => return Ok(Command::Help),
            "--fix" | "--deny-warnings" | "--isolated" if inline.is_some() => {
                return Err(format!("{name} takes no value"));
            }
            "--fix" => check.fix = true,
            "--deny-warnings" => check.deny_warnings = true,
            "--isolated" => check.isolated = true,
            "--format" => {
                check.format = match flag_value(name, inline, &mut args)?.as_str() {
                    "human" => Format::Human,
                    "json" => Format::Json,
                    "sarif" => Format::Sarif,
                    "github" => Format::Github,
                    other => {
                        return Err(format!(
                            "unknown format '{other}'; use human, json, sarif or github"
                        ));
                    }
                }
            }
            "--color" | "--colour" => {
                check.color = match flag_value(name, inline, &mut args)?.as_str() {
                    "auto" => ColorChoice::Auto,
                    "always" => ColorChoice::Always,
                    "never" => ColorChoice::Never,
                    other => {
                        return Err(format!(
                            "unknown colour choice '{other}'; use auto, always or never"
                        ));
                    }
                }
            }
            _ => return Err(unknown_option(&text)),
        }
    }
    Ok(Command::Check(check))
}

fn parse_rules(mut args: impl Iterator<Item = OsString>) -> Result<Command, String> {
    let mut format = RulesFormat::Markdown;
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        let (name, inline) = split_flag(&text);
        match name {
            "-h" | "--help" => return Ok(Command::Help),
            "--format" => {
                format = match flag_value(name, inline, &mut args)?.as_str() {
                    "markdown" | "md" => RulesFormat::Markdown,
                    "json" => RulesFormat::Json,
                    other => {
                        return Err(format!("unknown format '{other}'; use markdown or json"));
                    }
                }
            }
            _ if text.starts_with('-') => return Err(unknown_option(&text)),
            _ => return Err(format!("unexpected argument '{text}' for rules")),
        }
    }
    Ok(Command::Rules(format))
}

/// `--stdio` is accepted (and implied), as many editors pass it.
fn parse_lsp(args: impl Iterator<Item = OsString>) -> Result<Command, String> {
    for arg in args {
        match arg.to_string_lossy().as_ref() {
            "--stdio" => {}
            "-h" | "--help" => return Ok(Command::Help),
            other => return Err(format!("unexpected argument '{other}' for lsp")),
        }
    }
    Ok(Command::Lsp)
}

fn unknown_option(arg: &str) -> String {
    format!("unknown option '{arg}'; try 'devcontainer-doctor --help'")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn check_flags_in_both_spellings() {
        let Ok(Command::Check(c)) = parse(args(&[
            "check",
            "a",
            "--format=json",
            "--color",
            "never",
            "--fix",
            "--",
            "--b",
        ])) else {
            panic!("not parsed");
        };
        assert_eq!(c.format, Format::Json);
        assert_eq!(c.color, ColorChoice::Never);
        assert!(c.fix && !c.deny_warnings);
        assert_eq!(c.paths, vec![PathBuf::from("a"), PathBuf::from("--b")]);
    }

    #[test]
    fn usage_errors() {
        assert!(parse(args(&[])).is_err());
        assert!(parse(args(&["check", "--nope"])).is_err());
        assert!(parse(args(&["check", "--format"])).is_err());
        assert!(parse(args(&["check", "--format", "xml"])).is_err());
        assert!(parse(args(&["rules", "x"])).is_err());
        assert_eq!(parse(args(&["lsp", "--stdio"])), Ok(Command::Lsp));
        assert!(parse(args(&["lsp", "--tcp"])).is_err());
        assert_eq!(
            parse(args(&["rules", "--format", "json"])),
            Ok(Command::Rules(RulesFormat::Json))
        );
    }
}
