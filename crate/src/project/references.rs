//! The paths a configuration names: in devcontainer.json, and in the Compose files the host
//! supplied (see the module docs of `project` for how each is resolved).

use super::{Project, RefKind, Reference, parent};
use crate::diag::FileId;
use crate::syntax::NodeRef;

impl Project {
    pub(super) fn main_references(&self, root: NodeRef<'_>, out: &mut Vec<Reference>) {
        let build = root.get("build").filter(|b| b.is_object());
        let dockerfile = root
            .get("dockerFile")
            .or_else(|| build.and_then(|b| b.get("dockerfile")));
        let context = if root.member("dockerFile").is_some() {
            root.get("context")
        } else {
            build.and_then(|b| b.get("context"))
        };
        if let Some(node) = dockerfile {
            self.push_main(RefKind::Dockerfile, node, out);
        }
        if let Some(node) = context {
            self.push_main(RefKind::Context, node, out);
        }
        // The build context: `build.context`, else the Dockerfile's folder.
        let context = out
            .iter()
            .find(|r| r.kind == RefKind::Context)
            .map(|r| r.path.clone());
        if let Some(df) = out.iter_mut().find(|r| r.kind == RefKind::Dockerfile) {
            df.context = Some(context.unwrap_or_else(|| parent(&df.path)));
        }
        if let Some(compose) = root.get("dockerComposeFile") {
            if compose.is_array() {
                for item in compose.items() {
                    self.push_main(RefKind::Compose, item, out);
                }
            } else {
                self.push_main(RefKind::Compose, compose, out);
            }
        }
        if let Some(features) = root.get("features").filter(|f| f.is_object()) {
            for member in features.members() {
                let key = member.key();
                if !(key.starts_with("./") || key.starts_with("../")) {
                    continue;
                }
                if let Some(path) = self.resolve(".", key) {
                    out.push(Reference {
                        kind: RefKind::Feature,
                        path,
                        written: key.to_string(),
                        file: FileId::MAIN,
                        range: member.key_range(),
                        explicit: true,
                        context: None,
                    });
                }
            }
        }
    }

    fn push_main(&self, kind: RefKind, node: NodeRef<'_>, out: &mut Vec<Reference>) {
        let Some(written) = node.as_str() else {
            return;
        };
        if let Some(path) = self.resolve(".", written) {
            out.push(Reference {
                kind,
                path,
                written: written.to_string(),
                file: FileId::MAIN,
                range: node.range(),
                explicit: true,
                context: None,
            });
        }
    }

    /// The builds of the services `docker compose up` starts (`runServices` plus `service`, or
    /// all when `runServices` is absent), from the Compose files the host supplied, read with
    /// `syntax::compose` and merged in order as `docker compose -f a -f b` does, so a later
    /// file's `build.context` is the one in effect.
    pub(super) fn compose_references(&self, root: NodeRef<'_>, out: &mut Vec<Reference>) {
        let compose_paths: Vec<String> = out
            .iter()
            .filter(|r| r.kind == RefKind::Compose)
            .map(|r| r.path.clone())
            .collect();
        let Some(first) = compose_paths.first() else {
            return;
        };
        let project_dir = parent(first);
        // A list: a handful of names, and a set type costs WASM code.
        let started: Option<Vec<&str>> = root.get("runServices").map(|list| {
            list.items()
                .filter_map(|i| i.as_str())
                .chain(root.get("service").and_then(|s| s.as_str()))
                .collect()
        });
        let ids: Vec<FileId> = compose_paths
            .iter()
            .filter_map(|path| self.id(path))
            .filter(|id| self.text(*id).is_some())
            .collect();
        let file_of = |index: usize| ids.get(index).copied().unwrap_or(FileId::MAIN);
        let merged = self.merged_compose(&ids);
        for service in &merged.services {
            let Some(build) = &service.build else {
                continue;
            };
            if started
                .as_ref()
                .is_some_and(|s| !s.contains(&service.name.as_str()))
            {
                continue;
            }
            let context = match &build.context {
                Some(written) => {
                    let Some(path) = self.resolve(&project_dir, &written.value) else {
                        continue;
                    };
                    out.push(Reference {
                        kind: RefKind::Context,
                        path: path.clone(),
                        written: written.value.clone(),
                        file: file_of(written.file),
                        range: written.range,
                        explicit: true,
                        context: None,
                    });
                    path
                }
                None => project_dir.clone(),
            };
            let (written, file, range, explicit) = match &build.dockerfile {
                Some(d) => (d.value.clone(), file_of(d.file), d.range, true),
                None => (
                    "Dockerfile".to_string(),
                    file_of(build.file),
                    build.key_range,
                    false,
                ),
            };
            if let Some(path) = self.resolve(&context, &written) {
                out.push(Reference {
                    kind: RefKind::Dockerfile,
                    path,
                    written,
                    file,
                    range,
                    explicit,
                    context: Some(context),
                });
            }
        }
    }
}
