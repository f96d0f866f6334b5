//! Builds the [`Container`] view from the project's files: finds the Compose files and the
//! Dockerfiles the configuration references (as `Project::references` resolves them), parses
//! each once, and merges what they say with devcontainer.json.

use super::{
    ComposeView, Container, DockerfileView, EnvSetting, Place, Setting, Source, image::os_family,
};
use crate::diag::FileId;
use crate::project::{self, Project, RefKind};
use crate::sorted::SortedMap;
use crate::syntax::dockerfile::{self, InstructionKind};
use crate::syntax::{NodeRef, Tree};

pub(super) fn build(
    project: &Project,
    tree: &Tree,
    references: &[project::Reference],
) -> Container {
    let mut out = Container::default();
    let Some(root) = tree.root().filter(|r| r.is_object()) else {
        return out;
    };
    let main = |range| Place {
        file: FileId::MAIN,
        range,
    };
    out.compose = compose_view(project, root, references);

    // Dockerfiles: the one devcontainer.json builds, then those of the Compose services.
    let build_node = root.get("build").filter(|b| b.is_object());
    for reference in references.iter().filter(|r| r.kind == RefKind::Dockerfile) {
        let Some(id) = project.id(&reference.path) else {
            continue;
        };
        if out.dockerfiles.iter().any(|d| d.file == id) {
            continue;
        }
        let Some(parsed) = project.dockerfile(id).cloned() else {
            continue;
        };
        let (target, build_args, context, dev) = if reference.file == FileId::MAIN {
            let target = build_node
                .and_then(|b| b.get("target"))
                .and_then(|t| Some((t.as_str()?, t.range())))
                .map(|(v, r)| setting(v, main(r), Source::DevcontainerJson));
            let args = build_node
                .and_then(|b| b.get("args"))
                .map(string_map)
                .unwrap_or_default();
            (target, args, reference.context.clone(), true)
        } else {
            compose_build(out.compose.as_ref(), project, &reference.path)
        };
        let stage = parsed
            .target_stage(target.as_ref().map(|t| t.value.as_str()))
            .map(|s| s.index);
        if dev && out.dev_dockerfile.is_none() {
            out.dev_dockerfile = Some(out.dockerfiles.len());
        }
        out.dockerfiles.push(DockerfileView {
            file: id,
            path: reference.path.clone(),
            parsed,
            stage,
            target,
            build_args,
            dev_container: dev,
            context,
        });
    }

    image_and_user(&mut out, root);
    environment(&mut out, root);
    super::caps::capabilities(&mut out, root);
    out.start = super::start::start(&out, root);
    out
}

pub(super) fn items<'t>(node: Option<NodeRef<'t>>) -> Vec<NodeRef<'t>> {
    node.map(|n| n.items().collect()).unwrap_or_default()
}

pub(super) fn setting(value: &str, place: Place, source: Source) -> Setting {
    Setting {
        value: value.to_string(),
        place,
        source,
    }
}

pub(super) fn main_place(node: NodeRef<'_>) -> Place {
    Place {
        file: FileId::MAIN,
        range: node.range(),
    }
}

/// The string members of an object (`build.args`).
fn string_map(node: NodeRef<'_>) -> SortedMap<String, String> {
    node.members()
        .filter_map(|m| Some((m.key().to_string(), m.value?.as_str()?.to_string())))
        .collect()
}

fn compose_view(
    project: &Project,
    root: NodeRef<'_>,
    references: &[project::Reference],
) -> Option<ComposeView> {
    let compose_refs: Vec<_> = references
        .iter()
        .filter(|r| r.kind == RefKind::Compose && r.file == FileId::MAIN)
        .collect();
    let first = compose_refs.first()?;
    let mut view = ComposeView {
        project_dir: project::parent(&first.path),
        service: root.get("service").and_then(|s| {
            Some(setting(
                s.as_str()?,
                main_place(s),
                Source::DevcontainerJson,
            ))
        }),
        ..ComposeView::default()
    };
    for r in &compose_refs {
        let Some(id) = project.id(&r.path) else {
            continue;
        };
        let Some(parsed) = project.compose_file(id) else {
            continue;
        };
        view.files.push(id);
        view.parsed.push(std::sync::Arc::clone(parsed));
    }
    view.merged = project.merged_compose(&view.files);
    Some(view)
}

/// The build target, args and context of the Compose service whose Dockerfile is at `path`;
/// `dev` is true when that service is the dev container's.
fn compose_build(
    compose: Option<&ComposeView>,
    project: &Project,
    path: &str,
) -> (
    Option<Setting>,
    SortedMap<String, String>,
    Option<String>,
    bool,
) {
    let none = (None, SortedMap::new(), None, false);
    let Some(view) = compose else {
        return none;
    };
    for (service, context, dockerfile) in view.builds(project) {
        if dockerfile != path {
            continue;
        }
        let Some(b) = &service.build else {
            continue;
        };
        let target = b.target.as_ref().map(|t| Setting {
            value: t.value.clone(),
            place: view.place(t.file, t.range),
            source: Source::Compose,
        });
        let args = b
            .args
            .iter()
            .filter_map(|a| {
                let value = a.value.as_ref().filter(|v| !v.unresolved)?;
                Some((a.name.clone(), value.value.clone()))
            })
            .collect();
        let dev = view
            .service
            .as_ref()
            .is_some_and(|s| s.value == service.name);
        return (target, args, Some(context), dev);
    }
    none
}

fn image_and_user(out: &mut Container, root: NodeRef<'_>) {
    let service = out.compose.as_ref().and_then(|c| c.dev_service()).cloned();
    let compose = out.compose.clone();
    if let Some(image) = root.get("image").and_then(|i| Some((i.as_str()?, i))) {
        out.base_image = Some(setting(
            image.0,
            main_place(image.1),
            Source::DevcontainerJson,
        ));
    }
    let mut from_dockerfile = (None, None);
    if let Some(view) = out.dockerfile() {
        let df = &view.parsed;
        if let Some(stage) = view.stage {
            if out.base_image.is_none()
                && let Some(base) = df.base_image(stage, &view.build_args)
            {
                let range = df
                    .stages
                    .get(base.stage)
                    .and_then(|s| df.instructions.get(s.from))
                    .and_then(|i| match &i.kind {
                        InstructionKind::From(f) => f.image.as_ref().map(|w| w.range),
                        _ => None,
                    })
                    .unwrap_or_default();
                from_dockerfile.0 = Some(setting(
                    &base.image,
                    Place {
                        file: view.file,
                        range,
                    },
                    Source::Dockerfile,
                ));
            }
            let user = stage_chain(df, stage, &view.build_args)
                .into_iter()
                .flat_map(|s| df.instructions[s.from..s.end].iter())
                .filter_map(|i| match &i.kind {
                    InstructionKind::User(Some(w)) => Some(w),
                    _ => None,
                })
                .next_back();
            from_dockerfile.1 = user.map(|w| {
                setting(
                    &w.value,
                    Place {
                        file: view.file,
                        range: w.range,
                    },
                    Source::Dockerfile,
                )
            });
        }
    }
    if out.base_image.is_none() {
        out.base_image = from_dockerfile.0;
    }
    out.dockerfile_user = from_dockerfile.1;
    if out.base_image.is_none()
        && let (Some(s), Some(view)) = (&service, &compose)
        && let Some(image) = &s.image
    {
        out.base_image = Some(setting(
            &image.value,
            view.place(image.file, image.range),
            Source::Compose,
        ));
    }
    out.os = out
        .base_image
        .as_ref()
        .map(|b| os_family(&b.value))
        .unwrap_or_default();
    let written = ["remoteUser", "containerUser"].iter().find_map(|k| {
        let node = root.get(k)?;
        Some(setting(
            node.as_str()?,
            main_place(node),
            Source::DevcontainerJson,
        ))
    });
    let compose_user = match (&service, &compose) {
        (Some(s), Some(view)) => s.user.as_ref().map(|u| Setting {
            value: u.value.clone(),
            place: view.place(u.file, u.range),
            source: Source::Compose,
        }),
        _ => None,
    };
    out.user = written
        .or(compose_user)
        .or_else(|| out.dockerfile_user.clone());
}

/// The stages whose instructions the built stage inherits, from the first to `stage`
/// (`FROM <earlier stage>` chains), so their `ENV` and `USER` carry over.
pub(super) fn stage_chain<'d>(
    df: &'d dockerfile::DockerfileFile,
    stage: usize,
    build_args: &SortedMap<String, String>,
) -> Vec<&'d dockerfile::Stage> {
    let mut chain = Vec::new();
    let mut current = df.stages.get(stage);
    while let Some(s) = current {
        chain.push(s);
        let Some(InstructionKind::From(from)) = df.instructions.get(s.from).map(|i| &i.kind) else {
            break;
        };
        let Some(image) = from
            .image
            .as_ref()
            .and_then(|w| df.expand_global(&w.text, build_args))
        else {
            break;
        };
        let lower = image.to_ascii_lowercase();
        current = df.stages[..s.index]
            .iter()
            .rev()
            .find(|e| e.name.as_deref() == Some(lower.as_str()));
    }
    chain.reverse();
    chain
}

fn environment(out: &mut Container, root: NodeRef<'_>) {
    let mut env = Vec::new();
    if let Some(view) = out.dockerfile()
        && let Some(stage) = view.stage
    {
        let df = &view.parsed;
        for s in stage_chain(df, stage, &view.build_args) {
            for i in &df.instructions[s.from..s.end] {
                if let InstructionKind::Env(kvs) = &i.kind {
                    for kv in kvs {
                        env.push(EnvSetting {
                            name: kv.key.clone(),
                            value: kv.value.as_ref().map(|w| w.value.clone()),
                            place: Place {
                                file: view.file,
                                range: kv.range,
                            },
                            source: Source::Dockerfile,
                        });
                    }
                }
            }
        }
    }
    if let Some(view) = &out.compose
        && let Some(service) = view.dev_service()
    {
        for var in &service.environment {
            env.push(EnvSetting {
                name: var.name.clone(),
                value: var.value.as_ref().map(|v| v.value.clone()),
                place: view.place(var.file, var.range),
                source: Source::Compose,
            });
        }
    }
    for (key, source) in [
        ("containerEnv", Source::ContainerEnv),
        ("remoteEnv", Source::RemoteEnv),
    ] {
        let Some(obj) = root.get(key).filter(|o| o.is_object()) else {
            continue;
        };
        for m in obj.members() {
            let Some(value) = m.value else {
                continue;
            };
            let text = value
                .as_str()
                .map(str::to_string)
                .or_else(|| value.as_i64().map(|n| n.to_string()));
            env.push(EnvSetting {
                name: m.key().to_string(),
                value: text,
                place: Place {
                    file: FileId::MAIN,
                    range: m.range(),
                },
                source,
            });
        }
    }
    out.env = env;
}
