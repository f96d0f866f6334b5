//! The generated feature catalog (`crate/src/features/generated/`) must match its inputs: the
//! newest version of each feature against the metadata in ../shared, and the extracted
//! install-script facts against the options of each major version. With `FEATURES_GIT` set to
//! a clone of devcontainers/features, the generator itself checks every generated file.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use devcontainer_doctor::features::{self, OptionType, OptionValue};
use serde_json::Value;
use std::fs;
use std::path::Path;

const REGENERATE: &str = "run `python3 scripts/gen-features.py --features-git PATH/TO/devcontainers/features` from the workspace root";

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn namespace_of(folder: &Path) -> String {
    let source = fs::read_to_string(folder.join("SOURCE.txt")).unwrap();
    let line = source
        .lines()
        .find_map(|l| l.strip_prefix("Published as:"))
        .expect("SOURCE.txt names where the features are published");
    line.trim()
        .split("/<id>")
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn catalog_matches_shared_metadata() {
    if support::shared::dir("features").is_none() {
        return;
    }
    let shared = support::shared::root();
    let mut seen = 0;
    for folder_name in ["features", "features-extra"] {
        let folder = shared.join(folder_name);
        let namespace = namespace_of(&folder);
        let mut paths: Vec<_> = fs::read_dir(&folder)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        for path in paths {
            seen += 1;
            let meta: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
            let id = meta["id"].as_str().unwrap();
            let info = features::find(&namespace, id).unwrap_or_else(|| {
                panic!("{namespace}/{id} missing from the catalog: {REGENERATE}")
            });
            let stale = |what: &str| panic!("{namespace}/{id}: {what} differs: {REGENERATE}");
            if info.version != meta["version"].as_str().unwrap() {
                stale("version");
            }
            let options = meta["options"].as_object().cloned().unwrap_or_default();
            if info.options.len() != options.len() {
                stale("option count");
            }
            for (name, spec) in &options {
                let Some(option) = info.option(name) else {
                    stale(name);
                    return;
                };
                let kind = if spec["type"] == "boolean" {
                    OptionType::Boolean
                } else {
                    OptionType::String
                };
                let same_default = match (option.default, &spec["default"]) {
                    (Some(OptionValue::Str(a)), Value::String(b)) => a == b,
                    (Some(OptionValue::Bool(a)), Value::Bool(b)) => a == *b,
                    (None, Value::Null) => true,
                    _ => false,
                };
                let description = one_line(spec["description"].as_str().unwrap_or(""));
                if option.kind != kind
                    || !same_default
                    || option.description != description
                    || option.enum_values != strings(spec.get("enum"))
                    || option.proposals != strings(spec.get("proposals"))
                {
                    stale(name);
                }
            }
            if info.legacy_ids != strings(meta.get("legacyIds"))
                || info.deprecated != meta["deprecated"].as_bool().unwrap_or(false)
                || info.cap_add != strings(meta.get("capAdd"))
                || info.security_opt != strings(meta.get("securityOpt"))
                || info.privileged != meta["privileged"].as_bool().unwrap_or(false)
                || info.init != meta["init"].as_bool().unwrap_or(false)
                || info.installs_after != strings(meta.get("installsAfter"))
            {
                stale("container settings or legacy ids");
            }
        }
    }
    assert_eq!(
        features::all().len(),
        seen,
        "the catalog holds features no longer in ../shared: {REGENERATE}"
    );
}

#[test]
fn majors_are_ordered_and_end_with_the_newest() {
    for f in features::all() {
        assert!(!f.majors.is_empty(), "{}: no major", f.id);
        assert!(
            f.majors.windows(2).all(|w| w[0].major < w[1].major),
            "{}",
            f.id
        );
        let newest = f.newest();
        assert_eq!(newest.version, f.version, "{}", f.id);
        assert!(std::ptr::eq(newest.options, f.options), "{}", f.id);
        for m in f.majors {
            assert!(
                m.version.starts_with(&format!("{}.", m.major)),
                "{} {}",
                f.id,
                m.version
            );
        }
        // The official namespace was read with its history and scripts.
        if features::knows_namespace_fully(f.namespace) {
            assert!(f.majors.iter().all(|m| m.script.is_some()), "{}", f.id);
        }
    }
}

/// Every declared option of every major sets a variable its script reads, or is listed as
/// unread; nothing else is listed.
#[test]
fn script_facts_agree_with_the_options() {
    let mut unread = Vec::new();
    for f in features::all() {
        for m in f.majors {
            let Some(script) = &m.script else { continue };
            let listed: Vec<&str> = script.unread_options().collect();
            for o in m.options {
                let read = script.reads(&features::env_var_name(o.name));
                assert_eq!(
                    read,
                    !listed.contains(&o.name),
                    "{}:{} option {}: read and unread disagree: {REGENERATE}",
                    f.id,
                    m.major,
                    o.name
                );
                if !read {
                    unread.push(format!("{}:{} {}", f.id, m.major, o.name));
                }
            }
            assert!(
                listed.iter().all(|n| m.option(n).is_some()),
                "{}:{}",
                f.id,
                m.major
            );
            assert!(
                script
                    .read_vars()
                    .all(|v| !v.is_empty() && v == v.to_ascii_uppercase())
            );
        }
    }
    // Known today (both say "Currently unused" in their metadata).
    assert_eq!(unread, ["desktop-lite:1 version", "sshd:1 version"]);
}

#[test]
fn generator_check_passes_when_the_features_repository_is_given() {
    let Some(repo) = std::env::var_os("FEATURES_GIT") else {
        eprintln!("skipped: set FEATURES_GIT to a clone of devcontainers/features");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let status = std::process::Command::new("python3")
        .arg(root.join("scripts/gen-features.py"))
        .arg("--features-git")
        .arg(repo)
        .arg("--check")
        .status()
        .expect("python3 runs");
    assert!(status.success(), "generated files are stale: {REGENERATE}");
}

/// The extensions the features themselves install are among the well-known ids.
#[test]
fn feature_extensions_are_well_known() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    if !shared.join("features").is_dir() {
        eprintln!("skipped: {} not found", shared.display());
        return;
    }
    let mut seen = 0;
    for folder in ["features", "features-extra"] {
        for entry in fs::read_dir(shared.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let meta: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
            for id in strings(meta.pointer("/customizations/vscode/extensions")) {
                seen += 1;
                assert!(
                    features::extensions::find(&id).is_some(),
                    "{id} (from {}) is not well-known: {REGENERATE}",
                    path.display()
                );
            }
        }
    }
    assert!(seen > 10);
}
