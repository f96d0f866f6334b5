//! The YAML tree of one file read into the service model. Each attribute accepts the forms the
//! Compose specification documents (`environment` as a list of `KEY=VALUE` or a map, `build` as
//! a string or a map, `command` as a string or a list, ...); a value of another shape is an error
//! on that value and is left out, so one bad attribute does not hide the others. Several YAML
//! documents in one file are merged in order, as compose-go's loader does.

use super::interp::interpolate;
use super::model::{Build, Command, CommandForm, ComposeFile, Entry, EnvVar, Origin, Service, Str};
use super::yaml::{Yaml, YamlId, YamlKind};
use crate::syntax::SyntaxError;
use crate::text::TextRange;
use std::collections::HashMap;

pub fn read(text: &str, yaml: &Yaml, env: &HashMap<String, String>) -> ComposeFile {
    let mut r = Reader {
        text,
        yaml,
        env,
        errors: yaml.errors.clone(),
    };
    let mut file = ComposeFile::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for &doc in &yaml.docs {
        let node = yaml.node(doc);
        match &node.kind {
            YamlKind::Map(_) => {}
            _ if node.is_null() => continue,
            _ => {
                r.shape(doc, "A Compose file is a mapping with a `services` key.");
                continue;
            }
        }
        if let Some(name) = yaml.get(doc, "name").and_then(|n| r.str(n)) {
            file.name = Some(name);
        }
        let Some(services) = yaml.get(doc, "services") else {
            continue;
        };
        let YamlKind::Map(entries) = &yaml.node(services).kind else {
            if !yaml.node(services).is_null() {
                r.shape(
                    services,
                    "`services` is a mapping from service names to services.",
                );
            }
            continue;
        };
        for &(key, value) in entries {
            let Some(service) = r.service(key, value) else {
                continue;
            };
            match index.get(&service.name) {
                Some(&at) => super::merge::merge_service(&mut file.services[at], service),
                None => {
                    index.insert(service.name.clone(), file.services.len());
                    file.services.push(service);
                }
            }
        }
    }
    file.errors = r.errors;
    file
}

struct Reader<'a> {
    text: &'a str,
    yaml: &'a Yaml,
    env: &'a HashMap<String, String>,
    errors: Vec<SyntaxError>,
}

impl Reader<'_> {
    fn shape(&mut self, id: YamlId, message: &str) {
        self.error_at(self.yaml.node(id).range, message.to_string());
    }

    fn error_at(&mut self, range: TextRange, message: String) {
        if self.errors.len() < 200 {
            self.errors.push(SyntaxError {
                code: "compose-value-shape",
                message,
                range,
                replacement: None,
            });
        }
    }

    fn service(&mut self, key: YamlId, value: YamlId) -> Option<Service> {
        let name = self.yaml.node(key).scalar()?.to_string();
        let mut s = Service {
            name,
            name_range: self.yaml.node(key).range,
            defined_in: vec![Origin {
                file: 0,
                name_range: self.yaml.node(key).range,
            }],
            ..Service::default()
        };
        let YamlKind::Map(fields) = &self.yaml.node(value).kind else {
            if !self.yaml.node(value).is_null() {
                self.shape(
                    value,
                    "A service is a mapping of attributes such as `image`.",
                );
            }
            return Some(s);
        };
        for &(k, v) in fields {
            let Some(field) = self.yaml.node(k).scalar() else {
                continue;
            };
            match self.yaml.node(v).tag.as_deref() {
                Some("reset") => {
                    s.reset.push(field.to_string());
                    continue;
                }
                Some("override") => s.overridden.push(field.to_string()),
                _ => {}
            }
            match field {
                "image" => s.image = self.str(v),
                "user" => s.user = self.str(v),
                "privileged" => s.privileged = self.str(v),
                "build" => {
                    let key_range = self.yaml.node(k).range;
                    s.build = self.build(v).map(|b| Build { key_range, ..b });
                }
                "cap_add" => s.cap_add = self.list(v, field, false),
                "security_opt" => s.security_opt = self.list(v, field, false),
                "profiles" => s.profiles = self.list(v, field, false),
                "env_file" => s.env_file = self.list(v, field, true),
                "environment" => s.environment = self.env_vars(v, field),
                "ports" => s.ports = self.entries(v, field),
                "volumes" => s.volumes = self.entries(v, field),
                "command" => s.command = self.command(v, field),
                "entrypoint" => s.entrypoint = self.command(v, field),
                _ => {}
            }
        }
        Some(s)
    }

    /// A scalar value, interpolated; `None` for null and (with an error) for other shapes.
    fn str(&mut self, id: YamlId) -> Option<Str> {
        let node = self.yaml.node(id);
        if node.is_null() {
            return None;
        }
        let Some(raw) = node.scalar() else {
            self.shape(
                id,
                "A single value is expected here, not a list or mapping.",
            );
            return None;
        };
        Some(self.make_str(id, raw, 0))
    }

    /// `raw` is the scalar's value from byte `at` on (for the part after `=`).
    fn make_str(&mut self, id: YamlId, raw: &str, at: usize) -> Str {
        let done = interpolate(raw, self.env);
        let range = self.sub_range(id, at, at + raw.len());
        if let Some((start, end, message)) = done.error {
            let r = self.sub_range(id, at + start, at + end);
            self.error_at(r, message);
        }
        Str {
            value: done.value,
            raw: raw.to_string(),
            range,
            file: 0,
            unresolved: done.unresolved,
        }
    }

    /// The bytes of `start..end` of a scalar's value in the text, when the scalar is written
    /// verbatim (plain, or quoted without escapes); else the whole scalar.
    fn sub_range(&self, id: YamlId, start: usize, end: usize) -> TextRange {
        let node = self.yaml.node(id);
        let YamlKind::Scalar { value, plain } = &node.kind else {
            return node.range;
        };
        if start == 0 && end == value.len() {
            return node.range;
        }
        let r = node.range;
        let inner = if *plain {
            r
        } else if r.len() >= 2 {
            TextRange::new(r.start + 1, r.end - 1)
        } else {
            return r;
        };
        match self.text.get(inner.start..inner.end) {
            Some(written) if written == value => {
                TextRange::new(inner.start + start, inner.start + end)
            }
            _ => r,
        }
    }

    /// A list of scalars; with `one_ok` a single string counts as a list of one, and a
    /// mapping's `path` (the long form of `env_file`) stands for it.
    fn list(&mut self, id: YamlId, field: &str, one_ok: bool) -> Vec<Str> {
        let node = self.yaml.node(id);
        match &node.kind {
            YamlKind::Seq(items) => items
                .iter()
                .filter_map(|&item| match &self.yaml.node(item).kind {
                    YamlKind::Map(_) if one_ok => self.yaml.get(item, "path"),
                    _ => Some(item),
                })
                .collect::<Vec<_>>()
                .into_iter()
                .filter_map(|item| self.str(item))
                .collect(),
            YamlKind::Scalar { .. } if one_ok => self.str(id).into_iter().collect(),
            _ if node.is_null() => Vec::new(),
            _ => {
                self.error_at(node.range, format!("`{field}` is a list of strings."));
                Vec::new()
            }
        }
    }

    fn env_vars(&mut self, id: YamlId, field: &str) -> Vec<EnvVar> {
        let node = self.yaml.node(id);
        let mut vars = Vec::new();
        match &node.kind {
            YamlKind::Seq(items) => {
                for &item in items {
                    let n = self.yaml.node(item);
                    let Some(raw) = n.scalar().filter(|_| !n.is_null()) else {
                        if !n.is_null() {
                            self.shape(item, "An item here is `KEY=VALUE` or `KEY`.");
                        }
                        continue;
                    };
                    let (name, value) = match raw.split_once('=') {
                        Some((name, value)) => {
                            let at = name.len() + 1;
                            (name, Some(self.make_str(item, value, at)))
                        }
                        None => (raw, None),
                    };
                    vars.push(EnvVar {
                        name: name.to_string(),
                        name_range: self.sub_range(item, 0, name.len()),
                        value,
                        range: n.range,
                        file: 0,
                    });
                }
            }
            YamlKind::Map(entries) => {
                for &(k, v) in entries {
                    let key = self.yaml.node(k);
                    let Some(name) = key.scalar() else {
                        continue;
                    };
                    let value = self.str(v);
                    let end = self.yaml.node(v).range.end.max(key.range.end);
                    vars.push(EnvVar {
                        name: name.to_string(),
                        name_range: key.range,
                        value,
                        range: TextRange::new(key.range.start, end),
                        file: 0,
                    });
                }
            }
            _ if node.is_null() => {}
            _ => self.error_at(
                node.range,
                format!("`{field}` is a list of `KEY=VALUE` or a mapping of `KEY: VALUE`."),
            ),
        }
        vars
    }

    fn entries(&mut self, id: YamlId, field: &str) -> Vec<Entry> {
        let node = self.yaml.node(id);
        let YamlKind::Seq(items) = &node.kind else {
            if !node.is_null() {
                self.error_at(node.range, format!("`{field}` is a list."));
            }
            return Vec::new();
        };
        let mut out = Vec::new();
        for &item in items {
            let n = self.yaml.node(item);
            let mut entry = Entry {
                short: None,
                fields: Vec::new(),
                range: n.range,
                file: 0,
            };
            match &n.kind {
                YamlKind::Map(pairs) => {
                    for &(k, v) in pairs {
                        let scalar_value =
                            matches!(self.yaml.node(v).kind, YamlKind::Scalar { .. });
                        if let (Some(key), true) = (self.str(k), scalar_value)
                            && let Some(value) = self.str(v)
                        {
                            entry.fields.push((key, value));
                        }
                    }
                }
                _ if n.is_null() => continue,
                YamlKind::Scalar { .. } => entry.short = self.str(item),
                YamlKind::Seq(_) => {
                    self.shape(item, "An item here is a string or a mapping.");
                    continue;
                }
            }
            out.push(entry);
        }
        out
    }

    fn command(&mut self, id: YamlId, field: &str) -> Option<Command> {
        let node = self.yaml.node(id);
        let form = match &node.kind {
            _ if node.is_null() => return None,
            YamlKind::Scalar { .. } => CommandForm::Shell(self.str(id)?),
            YamlKind::Seq(_) => CommandForm::Exec(self.list(id, field, false)),
            YamlKind::Map(_) => {
                self.shape(id, "A command is a string or a list of strings.");
                return None;
            }
        };
        Some(Command {
            form,
            range: node.range,
            file: 0,
        })
    }

    fn build(&mut self, id: YamlId) -> Option<Build> {
        let node = self.yaml.node(id);
        let mut build = Build {
            range: node.range,
            ..Build::default()
        };
        match &node.kind {
            _ if node.is_null() => return None,
            YamlKind::Scalar { .. } => {
                build.short = true;
                build.context = self.str(id);
            }
            YamlKind::Seq(_) => {
                self.shape(id, "`build` is a path or a mapping with `context`.");
                return None;
            }
            YamlKind::Map(fields) => {
                for &(k, v) in fields {
                    match self.yaml.node(k).scalar() {
                        Some("context") => build.context = self.str(v),
                        Some("dockerfile") => build.dockerfile = self.str(v),
                        Some("target") => build.target = self.str(v),
                        Some("args") => build.args = self.env_vars(v, "args"),
                        _ => {}
                    }
                }
            }
        }
        Some(build)
    }
}
