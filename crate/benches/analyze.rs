//! Prints how long one keystroke's check takes, next to peers run in the same process on the
//! same texts: jsonc-parser's own AST parse (the crate our scanner comes from, no recovery, no
//! rules) and serde_json (strict JSON only, so only on files without comments or trailing commas).
//! Run: `cargo bench --bench analyze`. Figures, not assertions: speed is read, not tested.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a benchmark prints its measurements and may panic on a broken set-up"
)]

#[path = "../tests/support/folders.rs"]
mod folders;

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

fn texts() -> (Vec<String>, &'static str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../../shared/corpus/real");
    if let Ok(rd) = fs::read_dir(&corpus) {
        let mut paths: Vec<_> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        let texts = paths
            .iter()
            .filter_map(|p| fs::read_to_string(p).ok())
            .collect();
        return (texts, "the real corpus (../shared/corpus/real)");
    }
    let example = root.join("../examples/go/.devcontainer/devcontainer.json");
    let text =
        fs::read_to_string(example).unwrap_or_else(|_| "{\"image\": \"golang:1.22\"}".into());
    (vec![text], "the bundled Go example (../shared is absent)")
}

/// Mean time per text of `f` over all texts, repeated until at least `budget` has passed.
fn measure(texts: &[&str], budget: Duration, mut f: impl FnMut(&str)) -> Duration {
    let start = Instant::now();
    let mut rounds = 0u32;
    while start.elapsed() < budget || rounds == 0 {
        for text in texts {
            f(text);
        }
        rounds += 1;
    }
    start.elapsed() / (rounds * texts.len() as u32)
}

fn row(name: &str, per_file: Duration, baseline: Duration) {
    println!(
        "{name:<44} {:>9.1} us/file  {:>6.2}x",
        per_file.as_secs_f64() * 1e6,
        per_file.as_secs_f64() / baseline.as_secs_f64()
    );
}

/// A config with `members` environment variables: a document far larger than anyone writes.
fn large_document(members: usize) -> String {
    let mut text = String::from("{\n  \"image\": \"golang:1\",\n  \"containerEnv\": {\n");
    for i in 0..members {
        text.push_str(&format!(
            "    \"VAR_{i}\": \"value ${{localEnv:HOME}} {i}\",\n"
        ));
    }
    text.push_str("    \"LAST\": \"x\"\n  },\n  \n}\n");
    text
}

/// Completion and hover at the end, middle and start of ever larger documents: the time per
/// call should grow with the size, not with its square.
fn intellisense_scaling(budget: Duration) {
    println!("\nIntelliSense on large documents (complete + hover at 3 offsets):");
    for members in [1_000, 10_000, 20_000] {
        let text = large_document(members);
        let utf16 = text.encode_utf16().count() as u32;
        let offsets = [utf16 - 4, utf16 / 2, 3];
        let per_call = measure(&[text.as_str()], budget, |t| {
            for &offset in &offsets {
                black_box(devcontainer_doctor::api::complete(t, offset));
                black_box(devcontainer_doctor::api::hover(t, offset));
            }
        }) / 6;
        println!(
            "{:>6} members, {:>8} bytes: {:>9.1} us per call",
            members,
            text.len(),
            per_call.as_secs_f64() * 1e6
        );
    }
}

/// `PROFILE=parse|analyze|api` runs that step once over every text and exits: a run short and
/// repeatable enough for `valgrind --tool=callgrind`, whose instruction counts stay the same on
/// a loaded machine where wall times do not.
fn profile_once(step: &str, all: &[&str]) {
    for text in all {
        match step {
            "parse" => drop(black_box(devcontainer_doctor::syntax::parse(text))),
            // Every finding, to compare two builds' output on the corpus with `diff`.
            "dump" => {
                for d in devcontainer_doctor::analysis::analyze(text).diagnostics {
                    println!("{d:?}");
                }
            }
            "api" => drop(black_box(devcontainer_doctor::api::analyze(
                text,
                &Default::default(),
            ))),
            _ => drop(black_box(devcontainer_doctor::analysis::analyze(text))),
        }
    }
    println!("{step}: {} files once", all.len());
}

fn main() {
    let (owned, source) = texts();
    let all: Vec<&str> = owned.iter().map(String::as_str).collect();
    if let Ok(step) = std::env::var("PROFILE") {
        return profile_once(&step, &all);
    }
    let bytes: usize = all.iter().map(|t| t.len()).sum();
    println!(
        "{} files from {source}, {} bytes on average",
        all.len(),
        bytes / all.len().max(1)
    );
    let budget = Duration::from_secs(2);
    let options = jsonc_parser::ParseOptions::default();
    let collect = jsonc_parser::CollectOptions::default();
    let peer = measure(&all, budget, |t| {
        black_box(jsonc_parser::parse_to_ast(t, &collect, &options).ok());
    });
    let parse = measure(&all, budget, |t| {
        black_box(devcontainer_doctor::syntax::parse(t));
    });
    let analyze = measure(&all, budget, |t| {
        black_box(devcontainer_doctor::analysis::analyze(t));
    });
    let api = measure(&all, budget, |t| {
        black_box(devcontainer_doctor::api::analyze(t, &Default::default()));
    });
    println!("{:<44} {:>15}  {:>7}", "", "mean", "vs peer");
    row("peer: jsonc_parser::parse_to_ast", peer, peer);
    row("ours: syntax::parse (recovering)", parse, peer);
    row("ours: analysis::analyze (parse + all rules)", analyze, peer);
    row("ours: api::analyze (+ UTF-16 positions)", api, peer);

    let strict: Vec<&str> = all
        .iter()
        .copied()
        .filter(|t| serde_json::from_str::<serde_json::Value>(t).is_ok())
        .collect();
    if !strict.is_empty() {
        println!("\n{} strict-JSON files:", strict.len());
        let serde = measure(&strict, budget, |t| {
            black_box(serde_json::from_str::<serde_json::Value>(t).ok());
        });
        let api = measure(&strict, budget, |t| {
            black_box(devcontainer_doctor::api::analyze(t, &Default::default()));
        });
        row("peer: serde_json::from_str::<Value>", serde, serde);
        row("ours: api::analyze", api, serde);
    }
    whole_container(budget);
    intellisense_scaling(budget / 2);
}

/// One keystroke in a devcontainer.json whose Dockerfile and Compose files the host already
/// read: `analyze_project` (parses them and builds the container view every time) next to the
/// same main text checked alone, over the corpus folders.
fn whole_container(budget: Duration) {
    let Some(list) = folders::load() else {
        return;
    };
    let projects: Vec<_> = list.iter().map(|f| folders::project(&f.config)).collect();
    let others: usize = projects.iter().map(|p| p.texts().count() - 1).sum();
    println!(
        "\n{} corpus folders: devcontainer.json with {others} Dockerfiles and Compose files:",
        projects.len()
    );
    let mains: Vec<&str> = projects.iter().map(|p| p.main_text()).collect();
    let single = measure(&mains, budget, |t| {
        black_box(devcontainer_doctor::analysis::analyze(t));
    });
    let mut at = 0;
    let whole = measure(&mains, budget, |_| {
        black_box(devcontainer_doctor::analysis::analyze_project(
            &projects[at % projects.len()],
        ));
        at += 1;
    });
    row("ours: analysis::analyze (main file alone)", single, single);
    row(
        "ours: analyze_project (+ Dockerfile, Compose)",
        whole,
        single,
    );
}
