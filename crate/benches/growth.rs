//! Grows realistic inputs from 10 KB to 1 MB and prints the cost per KB of one check at each
//! size. A linear path keeps the per-KB figure flat; a quadratic one (a line index rebuilt per
//! finding, a scan of the text per member) makes it grow with the size. Figures, not
//! assertions: run `cargo bench --bench growth` and read the last column.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a benchmark prints its measurements and may panic on a broken set-up"
)]

use devcontainer_doctor::analysis;
use devcontainer_doctor::project::{Entry, Project, WantKind};
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SIZES_KB: &[usize] = &[10, 40, 160, 640, 1024];

/// Builds a devcontainer.json of about the given number of bytes.
type Shape = fn(usize) -> String;

/// Repeats `unit(i)` between `head` and `tail` until the text reaches `bytes`.
fn grow(head: &str, tail: &str, bytes: usize, mut unit: impl FnMut(usize, &mut String)) -> String {
    let mut text = String::from(head);
    let mut i = 0;
    while text.len() + tail.len() < bytes {
        unit(i, &mut text);
        i += 1;
    }
    text.push_str(tail);
    text
}

fn many_members(bytes: usize) -> String {
    grow(
        "{\"image\": \"golang:1\", \"containerEnv\": {\n",
        "\"LAST\": \"x\"}}\n",
        bytes,
        |i, t| {
            let _ = writeln!(t, "  \"VAR_{i}\": \"value ${{localEnv:HOME}} {i}\",");
        },
    )
}

fn duplicate_keys(bytes: usize) -> String {
    grow(
        "{\"image\": \"golang:1\", \"containerEnv\": {\n",
        "\"A\": \"x\"}}\n",
        bytes,
        |i, t| {
            let _ = writeln!(t, "  \"A\": \"{i}\",");
        },
    )
}

/// `-race` with CGO_ENABLED=0 from `containerEnv`: one finding per command, each naming a line.
fn race_commands(bytes: usize) -> String {
    let head = "{\"image\": \"golang:1\", \"containerEnv\": {\"CGO_ENABLED\": \"0\"},\n \"postCreateCommand\": {\n";
    grow(head, "\"last\": \"true\"}}\n", bytes, |i, t| {
        let _ = writeln!(t, "  \"t{i}\": \"go test -race ./pkg{i}/...\",");
    })
}

/// One command string of many `&&`-joined commands.
fn long_command(bytes: usize) -> String {
    let head = "{\"image\": \"golang:1\", \"postCreateCommand\": \"true";
    grow(head, "\"}\n", bytes, |i, t| {
        let _ = write!(t, " && go install example.com/tool{i}@latest");
    })
}

fn many_features(bytes: usize) -> String {
    let head = "{\"image\": \"mcr.microsoft.com/devcontainers/base:ubuntu\", \"features\": {\n";
    grow(
        head,
        "\"ghcr.io/devcontainers/features/go:1\": {}}}\n",
        bytes,
        |i, t| {
            let _ = writeln!(
                t,
                "  \"ghcr.io/example/features/tool{i}:1\": {{\"version\": \"{i}\"}},"
            );
        },
    )
}

/// Objects nested in objects, as deep as the size allows (past the parser's depth limit).
fn deep_nesting(bytes: usize) -> String {
    let depth = bytes / 12;
    let mut text = String::from("{\"customizations\": ");
    for _ in 0..depth {
        text.push_str("{\"a\": [1, ");
    }
    text.push('2');
    for _ in 0..depth {
        text.push_str("]}");
    }
    text.push('}');
    text
}

fn big_dockerfile(bytes: usize) -> String {
    grow(
        "FROM golang:1.22 AS build\nWORKDIR /src\n",
        "CMD [\"bash\"]\n",
        bytes,
        |i, t| {
            let _ = writeln!(
                t,
                "ENV VAR_{i}=value{i}\nRUN go install example.com/tool{i}@latest && \\\n    echo done {i}"
            );
            if i % 50 == 49 {
                let _ = writeln!(t, "FROM build AS stage{i}\nCOPY . .\nRUN go mod download");
            }
        },
    )
}

fn big_compose(bytes: usize) -> String {
    let head = "services:\n  app:\n    build:\n      context: .\n      dockerfile: Dockerfile\n    environment:\n";
    grow(head, "    command: sleep infinity\n", bytes, |i, t| {
        let _ = writeln!(t, "      VAR_{i}: \"value {i}\"");
    })
}

/// devcontainer.json naming a Compose file and a Dockerfile, each grown to `bytes`.
fn project_with_files(bytes: usize) -> Project {
    let main = "{\"dockerComposeFile\": \"compose.yaml\", \"service\": \"app\", \"workspaceFolder\": \"/src\"}\n";
    let mut project = Project::new("devcontainer.json", main);
    let compose = big_compose(bytes / 2);
    let dockerfile = big_dockerfile(bytes / 2);
    for _ in 0..4 {
        for want in project.wanted() {
            let entry = match want.kind {
                WantKind::File if want.path.ends_with(".yaml") => Entry::Text(compose.clone()),
                WantKind::File if want.path.ends_with("Dockerfile") => {
                    Entry::Text(dockerfile.clone())
                }
                WantKind::Folder => Entry::Folder(vec!["Dockerfile".into(), "compose.yaml".into()]),
                WantKind::File => Entry::Missing,
            };
            project.add(&want.path, entry);
        }
    }
    project
}

/// Mean time of `f`, repeated until `budget` has passed (at least once).
fn measure(budget: Duration, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || start.elapsed() < budget {
        f();
        runs += 1;
    }
    start.elapsed() / runs
}

fn print_row(shape: &str, bytes: usize, findings: usize, took: Duration) {
    let kb = bytes as f64 / 1024.0;
    println!(
        "{shape:<18} {kb:>8.0} KB {findings:>7} findings {:>10.2} ms {:>9.2} us/KB",
        took.as_secs_f64() * 1e3,
        took.as_secs_f64() * 1e6 / kb
    );
}

/// "Fix all" (what every code-action request computes) on many single-quoted values, each a
/// syntax error with a safe fix.
fn fix_all_quotes(budget: Duration) {
    println!("\nfix::fix_all on single-quoted values (one safe fix each):");
    for kb in SIZES_KB {
        let text = grow(
            "{\"containerEnv\": {\n",
            "\"LAST\": \"x\"}}\n",
            kb * 1024,
            |i, t| {
                let _ = writeln!(t, "  \"VAR_{i}\": 'value {i}',");
            },
        );
        let fixed = devcontainer_doctor::fix::fix_all(&text).applied;
        let took = measure(budget, || {
            black_box(devcontainer_doctor::fix::fix_all(&text));
        });
        print_row("fix all", text.len(), fixed, took);
    }
}

/// `cargo bench --bench growth -- race` runs only the shapes whose name contains "race".
fn wanted(shape: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    filters.is_empty() || filters.iter().any(|f| shape.contains(f.as_str()))
}

fn main() {
    let budget = Duration::from_millis(300);
    let shapes: &[(&str, Shape)] = &[
        ("many members", many_members),
        ("duplicate keys", duplicate_keys),
        ("-race commands", race_commands),
        ("long command", long_command),
        ("many features", many_features),
        ("deep nesting", deep_nesting),
    ];
    println!("analysis::analyze on one devcontainer.json:");
    for (shape, make) in shapes.iter().filter(|(s, _)| wanted(s)) {
        for kb in SIZES_KB {
            let text = make(kb * 1024);
            let findings = analysis::analyze(&text).diagnostics.len();
            let took = measure(budget, || {
                black_box(analysis::analyze(&text));
            });
            print_row(shape, text.len(), findings, took);
        }
    }
    if wanted("fix all") {
        fix_all_quotes(budget);
    }
    if !wanted("project files") {
        return;
    }
    println!("\nanalysis::analyze_project with a Dockerfile and a Compose file (half each):");
    for kb in SIZES_KB {
        let project = project_with_files(kb * 1024);
        let bytes: usize = project.texts().map(|(_, _, t)| t.len()).sum();
        let findings = analysis::analyze_project(&project).diagnostics.len();
        let took = measure(budget, || {
            black_box(analysis::analyze_project(&project));
        });
        print_row("project files", bytes, findings, took);
    }
}
