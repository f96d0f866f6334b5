//! Questions about the build stages: which stage a build ends in (the last, or the one
//! `build.target` names), the global `ARG`s before the first `FROM` with the caller's build
//! arguments applied as BuildKit's `buildMetaArgs` does, and the image a stage is built on,
//! following `FROM <earlier stage>` chains.

use super::ast::{DockerfileFile, InstructionKind, KeyValue, Stage};
use super::expand::{Var, expand};
use crate::sorted::SortedMap;

/// Arguments BuildKit sets itself; their values are only known at build time.
const BUILDER_ARGS: &[&str] = &[
    "TARGETPLATFORM",
    "TARGETOS",
    "TARGETARCH",
    "TARGETVARIANT",
    "BUILDPLATFORM",
    "BUILDOS",
    "BUILDARCH",
    "BUILDVARIANT",
    "TARGETSTAGE",
];

/// The image a stage is finally built on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseImage {
    /// The reference after expansion, such as `golang:1.22-alpine3.19` or `scratch`.
    pub image: String,
    /// The stage whose `FROM` names that image (the stage asked about, or an earlier one).
    pub stage: usize,
}

impl DockerfileFile {
    /// The stage a build ends in: the one named `target` (compared lower-cased, as BuildKit
    /// does), or the last stage when `target` is `None`.
    pub fn target_stage(&self, target: Option<&str>) -> Option<&Stage> {
        match target {
            None => self.stages.last(),
            Some(t) => {
                let t = t.to_ascii_lowercase();
                self.stages
                    .iter()
                    .find(|s| s.name.as_deref() == Some(t.as_str()))
            }
        }
    }

    /// The `ARG`s before the first `FROM`, in order.
    pub fn global_args(&self) -> impl Iterator<Item = &KeyValue> {
        self.instructions
            .iter()
            .take_while(|i| i.stage.is_none())
            .filter_map(|i| match &i.kind {
                InstructionKind::Arg(kvs) => Some(kvs.iter()),
                _ => None,
            })
            .flatten()
    }

    /// The value of each global `ARG` after `build_args` (devcontainer.json `build.args`):
    /// a given build argument wins; otherwise the default, expanded with the arguments before
    /// it. A name with neither is absent; a default that cannot be resolved is `Var::Unknown`.
    pub fn global_arg_values(&self, build_args: &SortedMap<String, String>) -> Vec<(String, Var)> {
        // A list, not a map: a Dockerfile has a few global `ARG`s, and a map type costs WASM code.
        let mut env: Vec<(String, Var)> = Vec::new();
        for kv in self.global_args() {
            let value = match (build_args.get(&kv.key), &kv.value) {
                (Some(v), _) => Var::Set(v.clone()),
                (None, Some(default)) => {
                    let lookup = |name: &str| lookup(&env, build_args, name);
                    match expand(&default.text, self.escape, &lookup) {
                        Some(v) => Var::Set(v),
                        None => Var::Unknown,
                    }
                }
                (None, None) => continue,
            };
            match env.iter_mut().find(|(name, _)| *name == kv.key) {
                Some((_, earlier)) => *earlier = value,
                None => env.push((kv.key.clone(), value)),
            }
        }
        env
    }

    /// Expands `word` as BuildKit expands a `FROM` line: with the global `ARG`s and
    /// `build_args`. `None` when something in it cannot be known.
    pub fn expand_global(
        &self,
        word: &str,
        build_args: &SortedMap<String, String>,
    ) -> Option<String> {
        let env = self.global_arg_values(build_args);
        expand(word, self.escape, &|name| lookup(&env, build_args, name))
    }

    /// The image stage `stage` is built on, following `FROM <name of an earlier stage>`.
    /// `None` when the stage does not exist, has no image, or its image cannot be resolved.
    pub fn base_image(
        &self,
        stage: usize,
        build_args: &SortedMap<String, String>,
    ) -> Option<BaseImage> {
        let env = self.global_arg_values(build_args);
        let mut current = self.stages.get(stage)?;
        // Each step goes to an earlier stage, so this ends within `stages.len()` steps.
        loop {
            let InstructionKind::From(from) = &self.instructions.get(current.from)?.kind else {
                return None;
            };
            let text = &from.image.as_ref()?.text;
            let image = expand(text, self.escape, &|name| lookup(&env, build_args, name))?;
            let lower = image.to_ascii_lowercase();
            match self.stages[..current.index]
                .iter()
                .rev()
                .find(|s| s.name.as_deref() == Some(lower.as_str()))
            {
                Some(earlier) => current = earlier,
                None => {
                    return Some(BaseImage {
                        image,
                        stage: current.index,
                    });
                }
            }
        }
    }
}

fn lookup(env: &[(String, Var)], build_args: &SortedMap<String, String>, name: &str) -> Var {
    if let Some((_, v)) = env.iter().find(|(known, _)| known == name) {
        return v.clone();
    }
    if BUILDER_ARGS.contains(&name) {
        return build_args
            .get(name)
            .map_or(Var::Unknown, |v| Var::Set(v.clone()));
    }
    Var::Unset
}
