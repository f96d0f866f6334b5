//! The top level of devcontainer.json: every property of the base, VS Code and Codespaces schemas.

use super::build::BUILD;
use super::customizations::{CUSTOMIZATIONS, EXTENSION_ID};
use super::host_requirements::HOST_REQUIREMENTS;
use super::model::{
    Deprecation, EnumValue, JsonType as T, Kinds, ObjectSpec, OtherKeys, Owner, PropSpec,
    ValueCheck,
};
use super::ports::{OTHER_PORTS_ATTRIBUTES, PORTS_ATTRIBUTES};
use super::values::{
    APP_PORT_ITEM, CONTAINER_ENV, FEATURES, FORWARD_PORT, MOUNT_ITEM, REMOTE_ENV, SECRETS,
    STRING_ITEM,
};

const IMAGE: &str = "#image-specific";
const COMPOSE: &str = "#compose-specific";
const HOOKS: &str = "#lifecycle-scripts";
// `customizations` is listed with the general properties (no anchor of its own).
const TOOLS: &str = "#general-properties";

/// The names of the six lifecycle hooks, in the order they run.
pub const HOOK_NAMES: [&str; 6] = [
    "initializeCommand",
    "onCreateCommand",
    "updateContentCommand",
    "postCreateCommand",
    "postStartCommand",
    "postAttachCommand",
];

/// A lifecycle hook: its inside is checked by the hooks rule.
const fn hook(name: &'static str, doc: &'static str) -> PropSpec {
    PropSpec {
        name,
        types: &[T::String, T::Array, T::Object],
        doc,
        anchor: HOOKS,
        owner: Owner::Hooks,
        ..PropSpec::DEFAULT
    }
}

static FREE_FORM: ObjectSpec = ObjectSpec {
    props: &[],
    required: &[],
    other_keys: OtherKeys::FreeForm,
};

static PROPS: &[PropSpec] = &[
    PropSpec {
        name: "$schema",
        doc: "URL of the JSON schema the editor should validate this file with.",
        check: ValueCheck::Uri,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "name",
        doc: "Display name of the dev container in the editor.",
        ..PropSpec::DEFAULT
    },
    // Where the container comes from.
    PropSpec {
        name: "image",
        doc: "Image to run, e.g. `mcr.microsoft.com/devcontainers/go:1`. Pick this, a Dockerfile (`build.dockerfile`) or Docker Compose (`dockerComposeFile`).",
        kinds: Kinds::IMAGE,
        anchor: IMAGE,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "build",
        types: &[T::Object],
        doc: "How to build the image from a Dockerfile: `dockerfile`, `context`, `args`, `target`, `cacheFrom`, `options`.",
        kinds: Kinds::DOCKERFILE,
        anchor: IMAGE,
        object: Some(&BUILD),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "dockerFile",
        doc: "Older spelling of `build.dockerfile`: path of the Dockerfile, relative to devcontainer.json.",
        kinds: Kinds::DOCKERFILE,
        deprecated: Some(Deprecation {
            replacement: "build.dockerfile",
            still_works: true,
        }),
        anchor: IMAGE,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "context",
        doc: "Older spelling of `build.context`: the Docker build context folder.",
        kinds: Kinds::DOCKERFILE,
        deprecated: Some(Deprecation {
            replacement: "build.context",
            still_works: true,
        }),
        anchor: IMAGE,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "dockerComposeFile",
        types: &[T::String, T::Array],
        doc: "Docker Compose file or files (relative to devcontainer.json), merged in order.",
        kinds: Kinds::COMPOSE,
        anchor: COMPOSE,
        items: Some(&STRING_ITEM),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "service",
        doc: "The Compose service the editor connects to.",
        kinds: Kinds::COMPOSE,
        anchor: COMPOSE,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "runServices",
        types: &[T::Array],
        doc: "Compose services to start; all of them when left out.",
        kinds: Kinds::COMPOSE,
        anchor: COMPOSE,
        items: Some(&STRING_ITEM),
        ..PropSpec::DEFAULT
    },
    // Container settings.
    PropSpec {
        name: "workspaceFolder",
        doc: "Folder inside the container the editor opens. With Docker Compose the schema requires it.",
        anchor: IMAGE,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "workspaceMount",
        doc: "Replaces the default mount of the source folder: a Docker `--mount` string. Set `workspaceFolder` with it.",
        kinds: Kinds::NON_COMPOSE,
        anchor: IMAGE,
        owner: Owner::Mounts,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "appPort",
        types: &[T::Integer, T::String, T::Array],
        doc: "Ports published on the host like `docker run -p` (prefer `forwardPorts`).",
        kinds: Kinds::NON_COMPOSE,
        anchor: IMAGE,
        items: Some(&APP_PORT_ITEM),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "runArgs",
        types: &[T::Array],
        doc: "Extra command-line arguments for `docker run`.",
        kinds: Kinds::NON_COMPOSE,
        anchor: IMAGE,
        items: Some(&STRING_ITEM),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "shutdownAction",
        doc: "What happens to the container when the editor window closes.",
        default: Some("\"stopContainer\""),
        enum_values: &[
            EnumValue::new("none", "Leave the container (or Compose project) running."),
            EnumValue::for_kinds(
                "stopContainer",
                "Stop the container (image and Dockerfile configurations; their default).",
                Kinds::NON_COMPOSE,
            ),
            EnumValue::for_kinds(
                "stopCompose",
                "Stop the Compose project (Docker Compose configurations; their default).",
                Kinds::COMPOSE,
            ),
        ],
        anchor: IMAGE,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "overrideCommand",
        types: &[T::Boolean],
        doc: "Run a sleep loop instead of the image's command so the container stays up. Default: true, except for Docker Compose.",
        default: Some("true"),
        anchor: IMAGE,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "features",
        types: &[T::Object],
        doc: "Dev container Features to add: feature id (with version) mapped to its options.",
        object: Some(&FEATURES),
        owner: Owner::Features,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "overrideFeatureInstallOrder",
        types: &[T::Array],
        doc: "Feature ids (without version) to install first, in this order.",
        items: Some(&STRING_ITEM),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "secrets",
        types: &[T::Object],
        doc: "Secrets the user is asked for (where supported), by environment variable name.",
        object: Some(&SECRETS),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "forwardPorts",
        types: &[T::Array],
        doc: "Container ports to forward to the local machine: numbers, or `host:port` for another Compose service.",
        items: Some(&FORWARD_PORT),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "portsAttributes",
        types: &[T::Object],
        doc: "Settings per port, port range (`3000-3010`) or pattern: label, protocol, what to do when forwarded.",
        anchor: "#port-attributes",
        object: Some(&PORTS_ATTRIBUTES),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "otherPortsAttributes",
        types: &[T::Object],
        doc: "Settings for every forwarded port not named in `portsAttributes`.",
        anchor: "#port-attributes",
        object: Some(&OTHER_PORTS_ATTRIBUTES),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "updateRemoteUserUID",
        types: &[T::Boolean],
        doc: "On Linux, change the remote user's UID/GID to the local user's so bind-mounted files keep sane owners.",
        default: Some("true"),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "containerEnv",
        types: &[T::Object],
        doc: "Environment variables set on the container itself (string values).",
        object: Some(&CONTAINER_ENV),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "containerUser",
        doc: "User every process in the container runs as. Defaults to the image's user.",
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "mounts",
        types: &[T::Array],
        doc: "Extra mounts: Docker `--mount` strings or `{type, source, target}` objects.",
        items: Some(&MOUNT_ITEM),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "init",
        types: &[T::Boolean],
        doc: "Run a tiny init process as PID 1 that reaps zombie processes.",
        default: Some("false"),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "privileged",
        types: &[T::Boolean],
        doc: "Run the container in privileged mode (full access to the host's devices).",
        default: Some("false"),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "capAdd",
        types: &[T::Array],
        doc: "Linux capabilities to add, e.g. `SYS_PTRACE` for debuggers such as Delve.",
        items: Some(&STRING_ITEM),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "securityOpt",
        types: &[T::Array],
        doc: "Docker security options, e.g. `seccomp=unconfined`.",
        items: Some(&STRING_ITEM),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "remoteEnv",
        types: &[T::Object],
        doc: "Environment variables for the editor's processes and terminals only; `null` unsets one.",
        object: Some(&REMOTE_ENV),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "remoteUser",
        doc: "User the editor, its terminals and the lifecycle commands run as. Defaults to `containerUser`.",
        ..PropSpec::DEFAULT
    },
    hook(
        "initializeCommand",
        "Runs on the host before the container is created, and again on every start.",
    ),
    hook(
        "onCreateCommand",
        "Runs in the container right after it is first created.",
    ),
    hook(
        "updateContentCommand",
        "Runs after `onCreateCommand`, and again when a prebuild picks up new content.",
    ),
    hook(
        "postCreateCommand",
        "Runs last in container creation, once the container belongs to the user (in the background by default).",
    ),
    hook(
        "postStartCommand",
        "Runs in the container every time it starts.",
    ),
    hook(
        "postAttachCommand",
        "Runs every time the editor attaches to the container.",
    ),
    PropSpec {
        name: "waitFor",
        doc: "The editor connects only after this lifecycle command (and the ones before it) finished.",
        default: Some("\"updateContentCommand\""),
        enum_values: &[
            EnumValue::new(
                "initializeCommand",
                "Connect once the host-side command is done.",
            ),
            EnumValue::new(
                "onCreateCommand",
                "Connect after the first in-container setup.",
            ),
            EnumValue::new(
                "updateContentCommand",
                "Connect after the content update step (the default).",
            ),
            EnumValue::new(
                "postCreateCommand",
                "Wait until container creation has fully finished.",
            ),
            EnumValue::new(
                "postStartCommand",
                "Wait until the start command has run too.",
            ),
        ],
        anchor: HOOKS,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "userEnvProbe",
        doc: "Which kind of shell is started to read the user's environment for the editor's processes.",
        default: Some("\"loginInteractiveShell\""),
        enum_values: &[
            EnumValue::new(
                "none",
                "Do not probe; use the container's environment as is.",
            ),
            EnumValue::new("loginShell", "A login shell (reads profile files)."),
            EnumValue::new(
                "loginInteractiveShell",
                "A login, interactive shell (profile and rc files; the default).",
            ),
            EnumValue::new(
                "interactiveShell",
                "An interactive shell (rc files such as .bashrc).",
            ),
        ],
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "hostRequirements",
        types: &[T::Object],
        doc: "Least CPUs, memory, storage and GPU the host must offer.",
        anchor: "#min-host-reqs",
        object: Some(&HOST_REQUIREMENTS),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "customizations",
        types: &[T::Object],
        doc: "Settings for the tools that open the container, one object per tool (`vscode`, `codespaces`, ...).",
        anchor: TOOLS,
        object: Some(&CUSTOMIZATIONS),
        ..PropSpec::DEFAULT
    },
    // Older VS Code and Codespaces spellings, still read by the tools.
    PropSpec {
        name: "extensions",
        types: &[T::Array],
        doc: "Older place for the extension list: use `customizations.vscode.extensions`.",
        deprecated: Some(Deprecation {
            replacement: "customizations.vscode.extensions",
            still_works: false,
        }),
        anchor: TOOLS,
        items: Some(&EXTENSION_ID),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "settings",
        types: &[T::Object],
        doc: "Older place for editor settings: use `customizations.vscode.settings`.",
        deprecated: Some(Deprecation {
            replacement: "customizations.vscode.settings",
            still_works: false,
        }),
        anchor: TOOLS,
        object: Some(&FREE_FORM),
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "devPort",
        types: &[T::Integer],
        doc: "Older place for the VS Code server port: use `customizations.vscode.devPort`.",
        deprecated: Some(Deprecation {
            replacement: "customizations.vscode.devPort",
            still_works: false,
        }),
        anchor: TOOLS,
        ..PropSpec::DEFAULT
    },
    PropSpec {
        name: "codespaces",
        types: &[T::Object],
        doc: "Older place for Codespaces settings: use `customizations.codespaces`.",
        deprecated: Some(Deprecation {
            replacement: "customizations.codespaces",
            still_works: false,
        }),
        anchor: TOOLS,
        object: Some(&super::customizations::CODESPACES),
        ..PropSpec::DEFAULT
    },
];

pub static ROOT: ObjectSpec = ObjectSpec {
    props: PROPS,
    required: &[],
    other_keys: OtherKeys::Closed,
};
