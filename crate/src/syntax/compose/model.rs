//! What a Compose file says about its services, with the byte range and the file of every value
//! a rule may point at. The same types describe one file ([`ComposeFile`], every `file` is 0)
//! and several merged in order ([`MergedCompose`], `file` is the index in the list given to
//! [`super::merge`]), so a rule reads one view and still knows where each value came from.

use crate::syntax::SyntaxError;
use crate::text::TextRange;

/// A scalar as written and as interpolated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Str {
    /// After `${...}` interpolation; equal to `raw` when there was nothing to resolve.
    pub value: String,
    /// The YAML value (quotes and escapes already removed), before interpolation.
    pub raw: String,
    /// Bytes of the scalar in its file, with quotes when quoted.
    pub range: TextRange,
    pub file: usize,
    /// Some `${...}` in it could not be resolved and was kept as written.
    pub unresolved: bool,
}

/// One variable of `environment` or `build.args`, from `KEY=VALUE` or `KEY: VALUE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvVar {
    pub name: String,
    /// The name alone: part of the list item, or the map key.
    pub name_range: TextRange,
    /// `None` for `- KEY` and `KEY:` (take it from the shell), else the value with its range
    /// (after `=` in the list form).
    pub value: Option<Str>,
    /// The whole list item, or the key through the value.
    pub range: TextRange,
    pub file: usize,
}

/// A `ports` or `volumes` entry: the short string, or the long form's scalar fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub short: Option<Str>,
    /// The long form's `key: scalar` pairs in order (nested values are left out).
    pub fields: Vec<(Str, Str)>,
    pub range: TextRange,
    pub file: usize,
}

impl Entry {
    pub fn field(&self, key: &str) -> Option<&Str> {
        self.fields
            .iter()
            .find(|(k, _)| k.value == key)
            .map(|(_, v)| v)
    }
}

/// `command` or `entrypoint`: a string run by a shell-like split, or an exec list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandForm {
    Shell(Str),
    Exec(Vec<Str>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    pub form: CommandForm,
    pub range: TextRange,
    pub file: usize,
}

/// `build`: `build: ./dir` sets `context` only (`short` is true).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Build {
    pub short: bool,
    pub context: Option<Str>,
    pub dockerfile: Option<Str>,
    pub target: Option<Str>,
    pub args: Vec<EnvVar>,
    pub range: TextRange,
    /// The `build` key, where a finding about the whole build (its default Dockerfile) points.
    pub key_range: TextRange,
    pub file: usize,
}

/// Where a service is defined: its name as a key in `services`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: usize,
    pub name_range: TextRange,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Service {
    pub name: String,
    /// The first definition: the key in `services` (merged: in the first file that has it).
    pub name_range: TextRange,
    pub file: usize,
    /// Every file that defines or overrides the service, in order.
    pub defined_in: Vec<Origin>,
    pub image: Option<Str>,
    pub build: Option<Build>,
    pub cap_add: Vec<Str>,
    pub security_opt: Vec<Str>,
    pub privileged: Option<Str>,
    pub environment: Vec<EnvVar>,
    pub env_file: Vec<Str>,
    pub ports: Vec<Entry>,
    pub command: Option<Command>,
    pub entrypoint: Option<Command>,
    pub user: Option<Str>,
    pub volumes: Vec<Entry>,
    pub profiles: Vec<Str>,
    /// Attributes tagged `!reset` (cleared by this file) or `!override` (replaced, not merged).
    pub reset: Vec<String>,
    pub overridden: Vec<String>,
}

impl Service {
    /// The last value set for `name` in `environment`.
    pub fn env(&self, name: &str) -> Option<&EnvVar> {
        self.environment.iter().rev().find(|v| v.name == name)
    }
}

/// One Compose file.
#[derive(Clone, Debug, Default)]
pub struct ComposeFile {
    /// The top-level `name`, when given.
    pub name: Option<Str>,
    pub services: Vec<Service>,
    /// YAML syntax errors and misshapen values, each with its range.
    pub errors: Vec<SyntaxError>,
}

impl ComposeFile {
    pub fn service(&self, name: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.name == name)
    }
}

/// Several Compose files merged in order, as `docker compose -f a -f b` does.
#[derive(Clone, Debug, Default)]
pub struct MergedCompose {
    pub name: Option<Str>,
    /// Services in the order they first appear.
    pub services: Vec<Service>,
}

impl MergedCompose {
    pub fn service(&self, name: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.name == name)
    }
}
