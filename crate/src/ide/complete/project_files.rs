//! Values that name something in another file of the project: `service` and `runServices`
//! (the services of the merged Compose files), `build.target` (the Dockerfile's stage names),
//! `build.dockerfile` / `dockerFile` and `dockerComposeFile` (file names from the folder
//! listings the host supplied) and `build.context` / `context` (folders). Nothing is offered
//! when the host did not hand the file or listing in.

use super::{CompletionKind, Item, Request};
use crate::ide::files;
use crate::project::{Project, file_name};

/// What a path value names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PathKind {
    Dockerfile,
    Compose,
    Folder,
}

pub fn complete_values(req: &Request, items: &mut Vec<Item>) {
    let Some(project) = req.project else {
        return;
    };
    let keys = req.keys();
    match (keys.as_slice(), req.value_key()) {
        ([], Some("service")) => services(req, project, false, items),
        ([Some("build")], Some("target")) => stages(req, project, items),
        ([Some("build")], Some("dockerfile")) | ([], Some("dockerFile")) => {
            paths(req, project, PathKind::Dockerfile, items)
        }
        ([], Some("dockerComposeFile")) => paths(req, project, PathKind::Compose, items),
        ([Some("build")], Some("context")) | ([], Some("context")) => {
            paths(req, project, PathKind::Folder, items)
        }
        _ => {}
    }
}

pub fn complete_items(req: &Request, items: &mut Vec<Item>) {
    let Some(project) = req.project else {
        return;
    };
    match req.keys().as_slice() {
        [Some("runServices")] => services(req, project, true, items),
        [Some("dockerComposeFile")] => paths(req, project, PathKind::Compose, items),
        _ => {}
    }
}

fn services(req: &Request, project: &Project, skip_present: bool, items: &mut Vec<Item>) {
    let Some((merged, paths)) = files::compose(project, req.tree) else {
        return;
    };
    let present = if skip_present {
        req.present_strings()
    } else {
        Vec::new()
    };
    for service in &merged.services {
        if present.contains(&service.name.to_ascii_lowercase()) {
            continue;
        }
        let mut item = req.string_item(&service.name, CompletionKind::Value);
        let what = match (&service.image, &service.build) {
            (Some(image), _) => format!("image {}", image.value),
            (None, Some(_)) => "built".to_string(),
            (None, None) => "no image or build".to_string(),
        };
        // Every file that defines it, so an override in a later file is not hidden.
        let mut files: Vec<&str> = service
            .defined_in
            .iter()
            .filter_map(|o| paths.get(o.file).map(|p| file_name(p)))
            .collect();
        files.dedup();
        if files.is_empty() {
            files.push(paths.get(service.file).map_or("", |p| file_name(p)));
        }
        item.detail = Some(format!("{what} · {}", files.join(" + ")).into());
        items.push(item);
    }
}

fn stages(req: &Request, project: &Project, items: &mut Vec<Item>) {
    let Some((path, _, dockerfile)) = files::dockerfile(project, req.tree) else {
        return;
    };
    for stage in &dockerfile.stages {
        let Some(name) = &stage.name else {
            continue;
        };
        let mut item = req.string_item(name, CompletionKind::Value);
        let image = dockerfile
            .instructions
            .get(stage.from)
            .and_then(|i| match &i.kind {
                crate::syntax::dockerfile::InstructionKind::From(from) => from.image.as_ref(),
                _ => None,
            })
            .map_or(String::new(), |w| w.text.clone());
        item.detail = Some(format!("FROM {image} · {}", file_name(&path)).into());
        items.push(item);
    }
}

/// Names from the listing of the folder the typed value is in (relative to the
/// devcontainer.json folder); with nothing typed yet, from `.` and `..`.
fn paths(req: &Request, project: &Project, kind: PathKind, items: &mut Vec<Item>) {
    let typed = typed_value(req);
    let folders: Vec<(String, String)> = match typed.rfind('/') {
        Some(at) => {
            let dir = &typed[..=at];
            match project.resolve(".", dir) {
                Some(folder) => vec![(dir.to_string(), folder)],
                None => Vec::new(),
            }
        }
        None => vec![
            (String::new(), ".".to_string()),
            ("../".to_string(), "..".to_string()),
        ],
    };
    if kind == PathKind::Folder && typed.rfind('/').is_none() {
        for dot in [".", ".."] {
            let mut item = req.string_item(dot, CompletionKind::Module);
            item.sort_text = format!("1{dot}").into();
            items.push(item);
        }
    }
    let present = req.present_strings();
    for (prefix, folder) in folders {
        let Some(names) = files::listing(project, &folder) else {
            continue;
        };
        for name in names {
            let is_folder = name.ends_with('/');
            let rank = match kind {
                PathKind::Folder if is_folder => 2,
                PathKind::Dockerfile if !is_folder && is_dockerfile_name(name) => 0,
                PathKind::Compose if !is_folder && is_yaml_name(name) => 0,
                _ => continue,
            };
            let value = format!("{prefix}{}", name.trim_end_matches('/'));
            if present.contains(&value.to_ascii_lowercase()) {
                continue;
            }
            let kind = if is_folder {
                CompletionKind::Module
            } else {
                CompletionKind::Value
            };
            let mut item = req.string_item(&value, kind);
            item.sort_text = format!("{rank}{value}").into();
            items.push(item);
        }
    }
}

/// The string being edited, up to the cursor, without its opening quote.
fn typed_value(req: &Request) -> String {
    let range = req.cursor.replace;
    let end = req.cursor.offset.clamp(range.start, range.end);
    let text = req.text.get(range.start..end).unwrap_or("");
    text.strip_prefix('"').unwrap_or(text).to_string()
}

fn is_dockerfile_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains("dockerfile") || lower.ends_with(".containerfile") || lower == "containerfile"
}

fn is_yaml_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".yml") || lower.ends_with(".yaml")
}
