//! The spec model against the official schemas in `../shared/spec`: every property and every
//! enum value the schemas define must be in the model at the same place.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod support;

use devcontainer_doctor::spec;
use devcontainer_doctor::syntax::PathSegment;
use serde_json::Value;
use std::fs;

/// Keys the schemas declare that are not real properties: `additionalProperties` written by
/// mistake inside `properties`, and the deprecated feature ids (owned by the features rule).
const NOT_PROPERTIES: &[&str] = &[
    "additionalProperties",
    "fish",
    "maven",
    "gradle",
    "homebrew",
    "jupyterlab",
];

/// A key that matches each `patternProperties` pattern, to follow it into the model.
fn sample_key(pattern: &str) -> &'static str {
    if pattern.contains("a-zA-Z_") {
        "GITHUB_TOKEN"
    } else if pattern.contains('/') {
        "octo/repo"
    } else {
        "3000"
    }
}

struct Walker<'a> {
    root: &'a Value,
    problems: Vec<String>,
    checked: usize,
}

impl Walker<'_> {
    fn resolve<'v>(&'v self, schema: &'v Value) -> &'v Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) if r.starts_with("#/definitions/") => {
                self.root.pointer(&r[1..]).unwrap_or(&Value::Null)
            }
            _ => schema,
        }
    }

    fn visit(&mut self, schema: &Value, path: &mut Vec<PathSegment>, depth: usize) {
        assert!(depth < 40, "schema nesting is deeper than expected");
        let schema = self.resolve(schema).clone();
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            self.check_enum(values, path);
        }
        for key in ["oneOf", "anyOf", "allOf"] {
            for branch in schema
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                self.visit(branch, path, depth + 1);
            }
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (name, sub) in props {
                if NOT_PROPERTIES.contains(&name.as_str()) {
                    continue;
                }
                path.push(PathSegment::Key(name.clone()));
                self.checked += 1;
                if spec::prop_at(path).is_none() {
                    self.problems
                        .push(format!("missing in the model: {}", show(path)));
                } else {
                    self.visit(sub, path, depth + 1);
                }
                path.pop();
            }
        }
        if let Some(patterns) = schema.get("patternProperties").and_then(Value::as_object) {
            for (pattern, sub) in patterns {
                if NOT_PROPERTIES.contains(&pattern.as_str()) {
                    continue;
                }
                path.push(PathSegment::Key(sample_key(pattern).to_string()));
                if spec::prop_at(path).is_some() {
                    self.visit(sub, path, depth + 1);
                } else {
                    self.problems
                        .push(format!("no map value at {}", show(path)));
                }
                path.pop();
            }
        }
        if let Some(items) = schema.get("items").filter(|i| i.is_object()) {
            path.push(PathSegment::Index(0));
            if spec::prop_at(path).is_some() {
                self.visit(items, path, depth + 1);
            }
            path.pop();
        }
    }

    fn check_enum(&mut self, values: &[Value], path: &[PathSegment]) {
        let Some(prop) = spec::prop_at(path) else {
            return;
        };
        for value in values.iter().filter_map(Value::as_str) {
            if !prop.enum_values.iter().any(|v| v.value == value) {
                self.problems
                    .push(format!("{}: enum value {value} missing", show(path)));
            }
        }
    }
}

fn show(path: &[PathSegment]) -> String {
    path.iter()
        .map(|s| match s {
            PathSegment::Key(k) => k.clone(),
            PathSegment::Index(i) => i.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

#[test]
fn every_schema_property_is_in_the_model() {
    let Some(dir) = support::shared::dir("spec") else {
        return;
    };
    let mut total = 0;
    let mut problems = Vec::new();
    for name in [
        "devContainer.base.schema.json",
        "devContainer.vscode.schema.json",
        "devContainer.codespaces.schema.json",
    ] {
        let text = fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join(name).display()));
        let root: Value = serde_json::from_str(&text).expect("schema is JSON");
        let mut walker = Walker {
            root: &root,
            problems: Vec::new(),
            checked: 0,
        };
        walker.visit(&root, &mut Vec::new(), 0);
        total += walker.checked;
        problems.extend(walker.problems);
    }
    eprintln!("{total} schema properties found in the model");
    assert!(total > 60, "too few properties walked: {total}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
