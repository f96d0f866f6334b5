//! The command-line checker: parses arguments, finds and reads the files, optionally fixes
//! them, and prints the findings in the chosen format. Returns the process exit code.

mod args;
mod discover;
mod files;
mod fix;
mod github;
mod human;
mod json;
mod rules_doc;
mod sarif;
mod source;

use args::{CheckArgs, ColorChoice, Command, Format, RulesFormat};
use devcontainer_doctor::api::{self, AnalyzeOptions};
use source::SourceFile;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

/// One checked file and what remains in it.
pub struct Checked {
    pub file: SourceFile,
    pub diagnostics: Vec<api::Diagnostic>,
}

pub fn run(args: Vec<OsString>) -> i32 {
    match args::parse(args) {
        Ok(Command::Help) => print_out(args::USAGE),
        Ok(Command::Version) => print_out(&format!("devcontainer-doctor {}\n", api::version())),
        Ok(Command::Rules(RulesFormat::Markdown)) => print_out(&rules_doc::markdown()),
        Ok(Command::Rules(RulesFormat::Json)) => print_out(&rules_doc::json()),
        Ok(Command::Lsp) => devcontainer_doctor::lsp::run_stdio(),
        Ok(Command::Check(check_args)) => match check(&check_args) {
            Ok(code) => code,
            Err(message) => fail(&message),
        },
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> i32 {
    // One line, whatever the message holds.
    let line = message.replace(['\n', '\r'], " ");
    let _ = writeln!(std::io::stderr(), "devcontainer-doctor: error: {line}");
    EXIT_USAGE
}

/// Writes to stdout; a closed pipe (`| head`) is not worth a panic.
fn print_out(text: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
    EXIT_OK
}

fn note(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

fn check(a: &CheckArgs) -> Result<i32, String> {
    let stdin = a.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && a.paths.len() > 1 {
        return Err("'-' (standard input) cannot be mixed with other paths".to_string());
    }
    if stdin && a.fix {
        return Err("--fix writes files; it cannot fix standard input".to_string());
    }
    let mains = if stdin {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| format!("standard input: {e}"))?;
        vec![SourceFile::from_text(PathBuf::from("<stdin>"), text)]
    } else {
        let paths = if a.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            a.paths.clone()
        };
        let found = discover::discover(&paths)?;
        if found.is_empty() {
            note(
                "no devcontainer.json found (looked for .devcontainer/devcontainer.json, .devcontainer.json and .devcontainer/*/devcontainer.json)",
            );
        }
        // Read every main file first, so an unreadable one stops the run before any output.
        found
            .iter()
            .map(|p| SourceFile::read(p))
            .collect::<Result<Vec<_>, _>>()?
    };
    // Without its folder (standard input, --isolated) the referenced files are not read.
    let mut loaded: Vec<files::Loaded> = mains
        .into_iter()
        .map(|main| files::load(main, stdin || a.isolated))
        .collect();
    if a.fix {
        for l in &mut loaded {
            fix::fix_project(l)?;
        }
    }
    let options = AnalyzeOptions::default();
    let checked: Vec<Checked> = loaded
        .iter()
        .flat_map(|l| {
            let result = api::analyze_project_in(&l.project, &options);
            result.files.into_iter().map(move |f| {
                let file = if f.main {
                    SourceFile::from_text(l.main.path.clone(), l.main.text.clone())
                } else {
                    let path = l
                        .disk_path(&f.path)
                        .map(PathBuf::from)
                        .unwrap_or_else(|| PathBuf::from(&f.path));
                    let text = l
                        .project
                        .id(&f.path)
                        .and_then(|id| l.project.text(id))
                        .unwrap_or_default();
                    SourceFile::from_text(path, text.to_string())
                };
                Checked {
                    file,
                    diagnostics: f.diagnostics,
                }
            })
        })
        .collect();

    let mut totals = human::Totals::default();
    for c in &checked {
        for d in &c.diagnostics {
            totals.add(d.severity);
        }
    }
    let output = match a.format {
        Format::Json => json::render(&checked) + "\n",
        Format::Sarif => sarif::render(&checked) + "\n",
        Format::Github => github::render(&checked),
        Format::Human => {
            let palette = human::Palette {
                color: use_color(a.color),
            };
            let mut out = String::new();
            for c in &checked {
                human::render_file(&mut out, &c.file, &c.diagnostics, palette);
            }
            out + &human::summary(&totals, checked.len()) + "\n"
        }
    };
    print_out(&output);

    let failed = totals.errors > 0 || (a.deny_warnings && totals.warnings > 0);
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}

/// `auto` colours a terminal unless NO_COLOR is set (non-empty) or the terminal is dumb.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            !no_color && !dumb && std::io::stdout().is_terminal()
        }
    }
}
