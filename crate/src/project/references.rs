//! The paths a configuration names: in devcontainer.json, and in the Compose files the host
//! supplied (see the module docs of `project` for how each is resolved).

use super::{Project, RefKind, Reference, compose_scan, parent};
use crate::diag::FileId;
use crate::syntax::NodeRef;
use std::collections::BTreeSet;

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
            });
        }
    }

    /// The builds of the services `docker compose up` starts (`runServices` plus `service`, or
    /// all when `runServices` is absent), from the Compose files the host supplied.
    pub(super) fn compose_references(&self, root: NodeRef<'_>, out: &mut Vec<Reference>) {
        let compose_files: Vec<&Reference> =
            out.iter().filter(|r| r.kind == RefKind::Compose).collect();
        let Some(first) = compose_files.first() else {
            return;
        };
        let project_dir = parent(&first.path);
        let started: Option<BTreeSet<&str>> = root.get("runServices").map(|list| {
            list.items()
                .filter_map(|i| i.as_str())
                .chain(root.get("service").and_then(|s| s.as_str()))
                // Not `collect`: its stable sort costs about 5 KB of WASM.
                .fold(BTreeSet::new(), |mut set, name| {
                    set.insert(name);
                    set
                })
        });
        let mut found = Vec::new();
        for compose in &compose_files {
            let Some(id) = self.id(&compose.path) else {
                continue;
            };
            let Some(text) = self.text(id) else {
                continue;
            };
            for build in compose_scan::builds(text) {
                if started
                    .as_ref()
                    .is_some_and(|s| !s.contains(build.service.as_str()))
                {
                    continue;
                }
                let context = match &build.context {
                    Some((written, range)) => {
                        let Some(path) = self.resolve(&project_dir, written) else {
                            continue;
                        };
                        found.push(Reference {
                            kind: RefKind::Context,
                            path: path.clone(),
                            written: written.clone(),
                            file: id,
                            range: *range,
                            explicit: true,
                        });
                        path
                    }
                    None => project_dir.clone(),
                };
                let (written, range, explicit) = match &build.dockerfile {
                    Some((w, r)) => (w.clone(), *r, true),
                    None => ("Dockerfile".to_string(), build.build_range, false),
                };
                if let Some(path) = self.resolve(&context, &written) {
                    found.push(Reference {
                        kind: RefKind::Dockerfile,
                        path,
                        written,
                        file: id,
                        range,
                        explicit,
                    });
                }
            }
        }
        out.extend(found);
    }
}
