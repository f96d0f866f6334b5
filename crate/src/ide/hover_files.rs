//! Hover on values that name something in another file of the project: a Compose service
//! (`service`) shows its image or build and the file it is defined in; a stage
//! (`build.target`) shows its `FROM` line. Only files the host handed in are read.

use crate::ide::files;
use crate::project::Project;
use crate::syntax::Tree;
use crate::syntax::compose::Service;
use crate::syntax::{PathSegment, dockerfile::InstructionKind};

/// Markdown for the value `value` of `key` in the object at `path`, when it names a service or
/// a stage the project's files define.
pub fn value_doc(
    project: &Project,
    tree: &Tree,
    path: &[PathSegment],
    key: &str,
    value: &str,
) -> Option<String> {
    match (path, key) {
        ([], "service") => service_doc(project, tree, value),
        ([PathSegment::Key(build)], "target") if build == "build" => {
            stage_doc(project, tree, value)
        }
        _ => None,
    }
}

fn service_doc(project: &Project, tree: &Tree, name: &str) -> Option<String> {
    let (merged, paths) = files::compose(project, tree)?;
    let service = merged.service(name)?;
    let file = |i: usize| paths.get(i).map_or("?", String::as_str);
    let mut out = format!("**service `{}`** · Docker Compose\n\n", service.name);
    out.push_str(&source(service));
    let defined: Vec<String> = service
        .defined_in
        .iter()
        .map(|o| format!("`{}`", file(o.file)))
        .collect();
    let defined = if defined.is_empty() {
        format!("`{}`", file(service.file))
    } else {
        defined.join(", then ")
    };
    out.push_str(&format!("\n\nDefined in {defined}."));
    Some(out)
}

/// The service's image, or its build with context, Dockerfile and target.
fn source(service: &Service) -> String {
    let mut lines = Vec::new();
    if let Some(image) = &service.image {
        lines.push(format!("- image: `{}`", image.value));
    }
    if let Some(build) = &service.build {
        let context = build.context.as_ref().map_or(".", |c| c.value.as_str());
        lines.push(format!("- build context: `{context}`"));
        let dockerfile = build
            .dockerfile
            .as_ref()
            .map_or("Dockerfile", |d| d.value.as_str());
        lines.push(format!("- dockerfile: `{dockerfile}`"));
        if let Some(target) = &build.target {
            lines.push(format!("- target: `{}`", target.value));
        }
    }
    if lines.is_empty() {
        lines.push("- neither `image` nor `build` is set".to_string());
    }
    lines.join("\n")
}

fn stage_doc(project: &Project, tree: &Tree, target: &str) -> Option<String> {
    let (path, text, dockerfile) = files::dockerfile(project, tree)?;
    let stage = dockerfile.target_stage(Some(target))?;
    let from = dockerfile.instructions.get(stage.from)?;
    if !matches!(from.kind, InstructionKind::From(_)) {
        return None;
    }
    let line = text.get(from.range.start..from.range.end)?.trim_end();
    let line_no = text[..from.range.start].matches('\n').count() + 1;
    Some(format!(
        "**stage `{}`** · `{path}` line {line_no}\n\n```dockerfile\n{line}\n```",
        stage.name.as_deref().unwrap_or(target)
    ))
}
