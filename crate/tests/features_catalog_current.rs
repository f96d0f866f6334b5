//! The committed feature catalog must match the metadata in ../shared. When it does not,
//! regenerate it with `python3 scripts/gen-features.py` from the workspace root.

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

const REGENERATE: &str = "run `python3 scripts/gen-features.py` from the workspace root";

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
                if option.kind != kind
                    || !same_default
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
