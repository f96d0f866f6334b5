//! One merged view of the container a configuration starts, computed once per analysis from
//! the [`Project`]: the Dockerfile that builds it (the final stage, or `build.target`, with
//! `build.args` applied) and the Compose files and service that run it, read with
//! `syntax::dockerfile` and `syntax::compose`, plus what devcontainer.json itself says. Every
//! value keeps the file and range it was set at ([`Place`]), so a rule can report in the file
//! that set it or name that place in its message.
//!
//! What it answers: the base image and its OS family, the user lifecycle commands run as, the
//! environment they see (lowest layer first: Dockerfile `ENV`, Compose `environment`,
//! `containerEnv`, `remoteEnv`), the capabilities and security options in effect
//! (devcontainer.json, its features from the catalog, the Compose service), and what starts
//! the container (`CMD`/`ENTRYPOINT`, Compose `command`/`entrypoint`, `overrideCommand` with
//! its defaults: true for image and Dockerfile configs, false for Compose, as the containers.dev
//! reference says). A file the host did not supply simply contributes nothing.

mod build;
mod caps;
mod image;
mod start;

pub use image::{OsFamily, is_docker_hub, os_family};

use crate::diag::FileId;
use crate::project::{Project, Reference};
use crate::syntax::Tree;
use crate::syntax::compose::{ComposeFile, MergedCompose, Service};
use crate::syntax::dockerfile::DockerfileFile;
use crate::text::TextRange;
use std::sync::Arc;

/// Where a value was written: a file of the project and a range in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub file: FileId,
    pub range: TextRange,
}

/// Which part of the configuration set a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Dockerfile,
    Compose,
    Feature,
    ContainerEnv,
    RemoteEnv,
    DevcontainerJson,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Dockerfile => "the Dockerfile",
            Source::Compose => "the Compose file",
            Source::Feature => "a feature",
            Source::ContainerEnv => "containerEnv",
            Source::RemoteEnv => "remoteEnv",
            Source::DevcontainerJson => "devcontainer.json",
        }
    }
}

/// A value with where it was set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting {
    pub value: String,
    pub place: Place,
    pub source: Source,
}

/// One environment variable as a layer sets it; `value` is `None` when taken from the host
/// shell (Compose `- NAME`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvSetting {
    pub name: String,
    pub value: Option<String>,
    pub place: Place,
    pub source: Source,
}

/// A Dockerfile the configuration builds, parsed.
#[derive(Clone, Debug)]
pub struct DockerfileView {
    pub file: FileId,
    pub path: String,
    /// Shared with the project, which parses each text once.
    pub parsed: Arc<DockerfileFile>,
    /// The stage the build ends in (`build.target`, else the last); `None` when the target
    /// names no stage or the file has none.
    pub stage: Option<usize>,
    /// The `build.target` value and where it is written, if any.
    pub target: Option<Setting>,
    pub build_args: crate::sorted::SortedMap<String, String>,
    /// True for the Dockerfile of the dev container itself (not of another Compose service).
    pub dev_container: bool,
    /// The build context folder (project path), when known.
    pub context: Option<String>,
}

/// The Compose files of the configuration, merged in order.
#[derive(Clone, Debug, Default)]
pub struct ComposeView {
    /// `files[i]` is the project file of index `i` in the merged values' `file`.
    pub files: Vec<FileId>,
    pub parsed: Vec<Arc<ComposeFile>>,
    pub merged: Arc<MergedCompose>,
    /// The folder of the first file: relative paths in every file resolve against it.
    pub project_dir: String,
    /// The `service` of devcontainer.json, as written, with its place.
    pub service: Option<Setting>,
}

impl ComposeView {
    /// The project file a merged value's `file` index stands for.
    pub fn file(&self, index: usize) -> FileId {
        self.files.get(index).copied().unwrap_or(FileId::MAIN)
    }

    pub fn place(&self, file: usize, range: TextRange) -> Place {
        Place {
            file: self.file(file),
            range,
        }
    }

    /// Each service's build after merging, as project paths: (service, context, Dockerfile).
    /// A build a later file overrides appears only as overridden.
    pub fn builds(&self, project: &Project) -> Vec<(&Service, String, String)> {
        let mut out = Vec::new();
        for service in &self.merged.services {
            let Some(b) = &service.build else {
                continue;
            };
            let context = match &b.context {
                Some(c) => match project.resolve(&self.project_dir, &c.value) {
                    Some(p) => p,
                    None => continue,
                },
                None => self.project_dir.clone(),
            };
            let dockerfile = b
                .dockerfile
                .as_ref()
                .map_or("Dockerfile", |d| d.value.as_str());
            if let Some(path) = project.resolve(&context, dockerfile) {
                out.push((service, context, path));
            }
        }
        out
    }

    /// The dev container's service, when defined.
    pub fn dev_service(&self) -> Option<&Service> {
        self.merged.service(&self.service.as_ref()?.value)
    }
}

/// What starts the container.
#[derive(Clone, Debug, Default)]
pub struct Start {
    /// The effective `overrideCommand`: written, else true for image/Dockerfile, false for
    /// Compose.
    pub override_command: bool,
    /// Where `overrideCommand` is written, if it is.
    pub override_written: Option<Place>,
    /// The `CMD`/`ENTRYPOINT` of the built stage (instruction indices in its Dockerfile).
    pub cmd: Option<usize>,
    pub entrypoint: Option<usize>,
}

/// The merged view of one dev container.
#[derive(Clone, Debug, Default)]
pub struct Container {
    /// Every Dockerfile the configuration (or its Compose services) builds, supplied by the host.
    pub dockerfiles: Vec<DockerfileView>,
    /// Index in `dockerfiles` of the dev container's own Dockerfile.
    pub dev_dockerfile: Option<usize>,
    pub compose: Option<ComposeView>,
    /// The image the container runs: `image`, the Compose service's `image`, or the base image
    /// of the built stage.
    pub base_image: Option<Setting>,
    pub os: OsFamily,
    /// The user lifecycle commands run as: `remoteUser`, `containerUser`, Compose `user`,
    /// Dockerfile `USER` (first found).
    pub user: Option<Setting>,
    /// The `USER` of the built stage, if any.
    pub dockerfile_user: Option<Setting>,
    /// Environment layers, lowest first; the last entry for a name wins.
    pub env: Vec<EnvSetting>,
    pub cap_add: Vec<Setting>,
    pub security_opt: Vec<Setting>,
    /// Where privileged mode is turned on, if it is.
    pub privileged: Option<Setting>,
    pub start: Start,
}

impl Container {
    /// Builds the view from the paths `Project::references` resolved (passed in, so one
    /// analysis resolves them once); an isolated project gives an empty one.
    pub fn new(project: &Project, tree: &Tree, references: &[Reference]) -> Self {
        if project.isolated {
            return Self::default();
        }
        build::build(project, tree, references)
    }

    /// The dev container's Dockerfile.
    pub fn dockerfile(&self) -> Option<&DockerfileView> {
        self.dockerfiles.get(self.dev_dockerfile?)
    }

    /// The layer that decides `name` for a lifecycle command: the last one setting it.
    pub fn env_var(&self, name: &str) -> Option<&EnvSetting> {
        self.env.iter().rev().find(|e| e.name == name)
    }

    /// The same, among the layers from files other than devcontainer.json.
    pub fn env_from_files(&self, name: &str) -> Option<&EnvSetting> {
        self.env
            .iter()
            .rev()
            .filter(|e| matches!(e.source, Source::Dockerfile | Source::Compose))
            .find(|e| e.name == name)
    }

    /// Whether a capability (`SYS_PTRACE`, with or without `CAP_`, or `ALL`) is granted.
    pub fn has_cap(&self, cap: &str) -> bool {
        self.privileged.is_some()
            || self.cap_add.iter().any(|c| {
                let v = c.value.trim().to_ascii_uppercase();
                let v = v.strip_prefix("CAP_").unwrap_or(&v);
                v == cap || v == "ALL"
            })
    }
}
