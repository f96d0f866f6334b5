//! The slice of the devcontainer.json model that completion and hover need: which properties
//! exist at a place, their types, allowed values, defaults and a short description of our own.
//! Kept here so IntelliSense works on its own; every text is written for this project.

use crate::rules::ConfigKind;
use crate::syntax::PathSegment;

/// The JSON shape a property takes; drives the value snippet and the hover's type line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    String,
    Bool,
    Integer,
    Array,
    Object,
    /// A lifecycle hook: string, array of strings or object of either.
    Command,
    /// `dockerComposeFile`: one path or several.
    StringOrArray,
    /// `appPort`: a port, a string or a list of them.
    Port,
    /// `hostRequirements.gpu`: true, false, "optional" or an object.
    Gpu,
}

impl Ty {
    pub fn describe(self) -> &'static str {
        match self {
            Ty::String => "string",
            Ty::Bool => "boolean",
            Ty::Integer => "integer",
            Ty::Array => "array",
            Ty::Object => "object",
            Ty::Command => "string | string[] | object",
            Ty::StringOrArray => "string | string[]",
            Ty::Port => "integer | string | array",
            Ty::Gpu => "boolean | \"optional\" | object",
        }
    }
}

/// Which configuration kinds a property belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Image and Dockerfile configurations (not Compose).
    NonCompose,
    Image,
    Dockerfile,
    Compose,
}

impl Scope {
    pub fn allows(self, kind: ConfigKind) -> bool {
        match (self, kind) {
            (Scope::All, _) | (_, ConfigKind::Missing) => true,
            (Scope::NonCompose, k) => k != ConfigKind::Compose,
            (Scope::Image, k) => matches!(k, ConfigKind::Image | ConfigKind::Mixed),
            (Scope::Dockerfile, k) => matches!(k, ConfigKind::Dockerfile | ConfigKind::Mixed),
            (Scope::Compose, k) => matches!(k, ConfigKind::Compose | ConfigKind::Mixed),
        }
    }
    pub fn describe(self) -> &'static str {
        match self {
            Scope::All => "every configuration (image, Dockerfile, Compose)",
            Scope::NonCompose => "image and Dockerfile configurations",
            Scope::Image => "image configurations",
            Scope::Dockerfile => "Dockerfile configurations",
            Scope::Compose => "Docker Compose configurations",
        }
    }
}

/// One allowed value with a short explanation.
pub type EnumValue = (&'static str, &'static str);

#[derive(Clone, Copy, Debug)]
pub struct Prop {
    pub name: &'static str,
    pub ty: Ty,
    pub scope: Scope,
    pub values: &'static [EnumValue],
    pub default: Option<&'static str>,
    pub doc: &'static str,
    /// What to write instead, when the property is deprecated.
    pub replaced_by: Option<&'static str>,
    /// Section of the containers.dev reference.
    pub anchor: &'static str,
}

const GENERAL: &str = "general-properties";
const IMAGE: &str = "image-specific";
const COMPOSE: &str = "docker-compose-specific";
const HOOKS: &str = "lifecycle-scripts";
const HOST: &str = "min-host-reqs";
const PORTS: &str = "port-attributes";

pub const REFERENCE: &str = "https://containers.dev/implementors/json_reference/";

const fn p(name: &'static str, ty: Ty, anchor: &'static str, doc: &'static str) -> Prop {
    Prop {
        name,
        ty,
        scope: Scope::All,
        values: &[],
        default: None,
        doc,
        replaced_by: None,
        anchor,
    }
}

const fn scoped(mut prop: Prop, scope: Scope) -> Prop {
    prop.scope = scope;
    prop
}

const fn with_values(mut prop: Prop, values: &'static [EnumValue], default: &'static str) -> Prop {
    prop.values = values;
    prop.default = Some(default);
    prop
}

const fn with_default(mut prop: Prop, default: &'static str) -> Prop {
    prop.default = Some(default);
    prop
}

const fn deprecated(mut prop: Prop, replaced_by: &'static str) -> Prop {
    prop.replaced_by = Some(replaced_by);
    prop
}

const WAIT_FOR: &[EnumValue] = &[
    (
        "initializeCommand",
        "Connect once the host-side initializeCommand is done.",
    ),
    ("onCreateCommand", "Connect once onCreateCommand is done."),
    (
        "updateContentCommand",
        "Connect once updateContentCommand is done (the default).",
    ),
    (
        "postCreateCommand",
        "Connect only after postCreateCommand is done.",
    ),
    (
        "postStartCommand",
        "Connect only after postStartCommand is done.",
    ),
];

const USER_ENV_PROBE: &[EnumValue] = &[
    (
        "none",
        "Do not probe: tools see only the container's environment.",
    ),
    (
        "loginShell",
        "Read the environment of a login shell (profile files).",
    ),
    (
        "loginInteractiveShell",
        "Read the environment of a login, interactive shell (profile and rc files); the default.",
    ),
    (
        "interactiveShell",
        "Read the environment of an interactive shell (rc files).",
    ),
];

const SHUTDOWN_NON_COMPOSE: &[EnumValue] = &[
    (
        "none",
        "Leave the container running when the window closes.",
    ),
    (
        "stopContainer",
        "Stop the container when the window closes (the default here).",
    ),
];

const SHUTDOWN_COMPOSE: &[EnumValue] = &[
    ("none", "Leave the services running when the window closes."),
    (
        "stopCompose",
        "Stop every Compose service when the window closes (the default here).",
    ),
];

const ON_AUTO_FORWARD: &[EnumValue] = &[
    (
        "notify",
        "Show a notification when the port gets forwarded (the default).",
    ),
    ("openBrowser", "Open the port in a browser once forwarded."),
    (
        "openBrowserOnce",
        "Open the browser the first time only (portsAttributes only).",
    ),
    (
        "openPreview",
        "Open a preview inside the editor once forwarded.",
    ),
    ("silent", "Forward without telling anyone."),
    ("ignore", "Never forward this port automatically."),
];

const PROTOCOL: &[EnumValue] = &[
    ("http", "Plain HTTP."),
    ("https", "HTTPS: the browser gets an https:// address."),
];

const MOUNT_TYPE: &[EnumValue] = &[
    ("bind", "Mount a host folder or file into the container."),
    (
        "volume",
        "Mount a named Docker volume, which survives rebuilds.",
    ),
];

const GPU: &[EnumValue] = &[(
    "optional",
    "Use a GPU when the host has one; start without it otherwise.",
)];

/// Every hook in the order it runs.
pub const HOOK_NAMES: &[&str] = &[
    "initializeCommand",
    "onCreateCommand",
    "updateContentCommand",
    "postCreateCommand",
    "postStartCommand",
    "postAttachCommand",
];

const ROOT: &[Prop] = &[
    p(
        "name",
        Ty::String,
        GENERAL,
        "The name shown for this dev container in the editor.",
    ),
    scoped(
        p(
            "image",
            Ty::String,
            IMAGE,
            "The container image to start from, e.g. `mcr.microsoft.com/devcontainers/go:1`.",
        ),
        Scope::Image,
    ),
    scoped(
        p(
            "build",
            Ty::Object,
            IMAGE,
            "How to build the image from a Dockerfile: `dockerfile`, `context`, `args`, `target`, ...",
        ),
        Scope::Dockerfile,
    ),
    scoped(
        p(
            "dockerFile",
            Ty::String,
            IMAGE,
            "Older spelling of `build.dockerfile`: the Dockerfile path, relative to this file. Prefer `build.dockerfile`.",
        ),
        Scope::Dockerfile,
    ),
    scoped(
        p(
            "context",
            Ty::String,
            IMAGE,
            "Older spelling of `build.context`, used together with `dockerFile`.",
        ),
        Scope::Dockerfile,
    ),
    scoped(
        p(
            "dockerComposeFile",
            Ty::StringOrArray,
            COMPOSE,
            "The Compose file (or files, merged in order) that define the services, relative to this file.",
        ),
        Scope::Compose,
    ),
    scoped(
        p(
            "service",
            Ty::String,
            COMPOSE,
            "The Compose service the editor connects to.",
        ),
        Scope::Compose,
    ),
    scoped(
        p(
            "runServices",
            Ty::Array,
            COMPOSE,
            "The Compose services to start; all of them when left out.",
        ),
        Scope::Compose,
    ),
    p(
        "features",
        Ty::Object,
        GENERAL,
        "Dev container features to install, by id (`ghcr.io/devcontainers/features/go:1`) with their options.",
    ),
    p(
        "overrideFeatureInstallOrder",
        Ty::Array,
        GENERAL,
        "Feature ids (without version) to install first, in this order.",
    ),
    p(
        "forwardPorts",
        Ty::Array,
        GENERAL,
        "Ports of the container to forward to the local machine: a number, or `\"service:port\"`.",
    ),
    p(
        "portsAttributes",
        Ty::Object,
        PORTS,
        "Settings per forwarded port (or range): label, protocol, what happens on auto-forward.",
    ),
    p(
        "otherPortsAttributes",
        Ty::Object,
        PORTS,
        "Settings for the forwarded ports that `portsAttributes` does not name.",
    ),
    scoped(
        p(
            "appPort",
            Ty::Port,
            IMAGE,
            "Ports published with Docker's `-p` when the container starts. Prefer `forwardPorts`.",
        ),
        Scope::NonCompose,
    ),
    p(
        "containerEnv",
        Ty::Object,
        GENERAL,
        "Environment variables set on the container itself, for every process in it.",
    ),
    p(
        "remoteEnv",
        Ty::Object,
        GENERAL,
        "Environment variables for the editor and the processes it starts; `null` unsets one.",
    ),
    p(
        "containerUser",
        Ty::String,
        GENERAL,
        "The user every process in the container runs as (default: the image's user).",
    ),
    p(
        "remoteUser",
        Ty::String,
        GENERAL,
        "The user the editor, terminals and hooks run as (default: `containerUser`).",
    ),
    with_default(
        p(
            "updateRemoteUserUID",
            Ty::Bool,
            GENERAL,
            "On Linux, change the remote user's UID/GID to the local user's so bind-mounted files keep their owner.",
        ),
        "true",
    ),
    with_values(
        p(
            "userEnvProbe",
            Ty::String,
            GENERAL,
            "Which shell's environment the editor reads for its own processes.",
        ),
        USER_ENV_PROBE,
        "loginInteractiveShell",
    ),
    p(
        "mounts",
        Ty::Array,
        GENERAL,
        "Extra mounts: a Docker `--mount` string or an object with `type`, `source` and `target`.",
    ),
    with_default(
        p(
            "init",
            Ty::Bool,
            GENERAL,
            "Run a tiny init process as PID 1 so zombie processes get reaped.",
        ),
        "false",
    ),
    with_default(
        p(
            "privileged",
            Ty::Bool,
            GENERAL,
            "Run the container privileged (full access to the host's devices). Rarely needed.",
        ),
        "false",
    ),
    p(
        "capAdd",
        Ty::Array,
        GENERAL,
        "Linux capabilities to add, e.g. `SYS_PTRACE` so a debugger such as Delve can attach.",
    ),
    p(
        "securityOpt",
        Ty::Array,
        GENERAL,
        "Docker security options, e.g. `seccomp=unconfined`.",
    ),
    scoped(
        p(
            "runArgs",
            Ty::Array,
            IMAGE,
            "Extra arguments for `docker run`, one per item (ignored under Compose).",
        ),
        Scope::NonCompose,
    ),
    scoped(
        with_values(
            p(
                "shutdownAction",
                Ty::String,
                GENERAL,
                "What happens to the container when the editor window closes.",
            ),
            SHUTDOWN_NON_COMPOSE,
            "stopContainer",
        ),
        Scope::All,
    ),
    with_default(
        p(
            "overrideCommand",
            Ty::Bool,
            GENERAL,
            "Replace the image's command with a sleep loop so the container keeps running. Default: true, false under Compose.",
        ),
        "true (false under Compose)",
    ),
    p(
        "workspaceFolder",
        Ty::String,
        GENERAL,
        "The folder the editor opens inside the container. Required under Compose.",
    ),
    scoped(
        p(
            "workspaceMount",
            Ty::String,
            IMAGE,
            "The Docker `--mount` string for the source folder; set it together with `workspaceFolder`.",
        ),
        Scope::NonCompose,
    ),
    p(
        "initializeCommand",
        Ty::Command,
        HOOKS,
        "Runs on the host before the container is created, and again on every start.",
    ),
    p(
        "onCreateCommand",
        Ty::Command,
        HOOKS,
        "Runs once in the container right after it is created.",
    ),
    p(
        "updateContentCommand",
        Ty::Command,
        HOOKS,
        "Runs after onCreateCommand, and again when the content changes (prebuilds).",
    ),
    p(
        "postCreateCommand",
        Ty::Command,
        HOOKS,
        "Runs once the container is created and assigned to the user; a good place for `go mod download`.",
    ),
    p(
        "postStartCommand",
        Ty::Command,
        HOOKS,
        "Runs every time the container starts.",
    ),
    p(
        "postAttachCommand",
        Ty::Command,
        HOOKS,
        "Runs every time the editor attaches to the container.",
    ),
    with_values(
        p(
            "waitFor",
            Ty::String,
            HOOKS,
            "The hook the editor waits for before it connects; later hooks run in the background.",
        ),
        WAIT_FOR,
        "updateContentCommand",
    ),
    p(
        "hostRequirements",
        Ty::Object,
        HOST,
        "The least CPU, memory, storage and GPU the host must offer.",
    ),
    p(
        "customizations",
        Ty::Object,
        GENERAL,
        "Tool-specific settings, e.g. `vscode` extensions and settings.",
    ),
    p(
        "secrets",
        Ty::Object,
        GENERAL,
        "Secrets the user is asked for (Codespaces), by environment variable name.",
    ),
    p(
        "$schema",
        Ty::String,
        GENERAL,
        "The JSON schema of this file.",
    ),
    deprecated(
        p(
            "extensions",
            Ty::Array,
            GENERAL,
            "Extensions to install into the container.",
        ),
        "customizations.vscode.extensions",
    ),
    deprecated(
        p(
            "settings",
            Ty::Object,
            GENERAL,
            "Editor settings to apply in the container.",
        ),
        "customizations.vscode.settings",
    ),
    deprecated(
        p(
            "devPort",
            Ty::Integer,
            GENERAL,
            "The port the editor's server uses inside the container.",
        ),
        "customizations.vscode.devPort",
    ),
    deprecated(
        p("codespaces", Ty::Object, GENERAL, "Codespaces settings."),
        "customizations.codespaces",
    ),
];

const BUILD: &[Prop] = &[
    p(
        "dockerfile",
        Ty::String,
        IMAGE,
        "The Dockerfile to build, relative to this devcontainer.json.",
    ),
    with_default(
        p(
            "context",
            Ty::String,
            IMAGE,
            "The folder sent to Docker as the build context, relative to this file.",
        ),
        ".",
    ),
    p(
        "args",
        Ty::Object,
        IMAGE,
        "Build arguments (`ARG` values) as strings.",
    ),
    p(
        "target",
        Ty::String,
        IMAGE,
        "The Dockerfile stage to build.",
    ),
    p(
        "cacheFrom",
        Ty::StringOrArray,
        IMAGE,
        "Images to use as build cache.",
    ),
    p(
        "options",
        Ty::Array,
        IMAGE,
        "Extra arguments for `docker build`.",
    ),
];

const HOST_REQUIREMENTS: &[Prop] = &[
    p("cpus", Ty::Integer, HOST, "The least number of CPUs."),
    p(
        "memory",
        Ty::String,
        HOST,
        "The least memory, such as `\"8gb\"` (units tb, gb, mb, kb in lowercase).",
    ),
    p(
        "storage",
        Ty::String,
        HOST,
        "The least disk space, such as `\"32gb\"` (units in lowercase).",
    ),
    with_values(
        p(
            "gpu",
            Ty::Gpu,
            HOST,
            "Whether a GPU is needed: `true`, `false`, `\"optional\"`, or `{ cores, memory }`.",
        ),
        GPU,
        "false",
    ),
];

const GPU_OBJECT: &[Prop] = &[
    p("cores", Ty::Integer, HOST, "The least number of GPU cores."),
    p(
        "memory",
        Ty::String,
        HOST,
        "The least GPU memory, such as `\"4gb\"`.",
    ),
];

const PORT_ATTRIBUTES: &[Prop] = &[
    p(
        "label",
        Ty::String,
        PORTS,
        "The name shown for the port in the Ports view.",
    ),
    with_values(
        p(
            "onAutoForward",
            Ty::String,
            PORTS,
            "What happens when the port is forwarded automatically.",
        ),
        ON_AUTO_FORWARD,
        "notify",
    ),
    with_values(
        p(
            "protocol",
            Ty::String,
            PORTS,
            "The protocol used to open the forwarded port.",
        ),
        PROTOCOL,
        "http",
    ),
    with_default(
        p(
            "requireLocalPort",
            Ty::Bool,
            PORTS,
            "Fail instead of picking another local port when the same one is taken.",
        ),
        "false",
    ),
    with_default(
        p(
            "elevateIfNeeded",
            Ty::Bool,
            PORTS,
            "Ask for elevated rights when the local port is privileged.",
        ),
        "false",
    ),
];

const MOUNT: &[Prop] = &[
    with_values(
        p("type", Ty::String, GENERAL, "The kind of mount."),
        MOUNT_TYPE,
        "bind",
    ),
    p(
        "source",
        Ty::String,
        GENERAL,
        "The host path (bind) or the volume name (volume).",
    ),
    p(
        "target",
        Ty::String,
        GENERAL,
        "Where the mount appears inside the container.",
    ),
];

const CUSTOMIZATIONS: &[Prop] = &[
    p(
        "vscode",
        Ty::Object,
        GENERAL,
        "VS Code: the extensions to install and the settings to apply in the container.",
    ),
    p(
        "codespaces",
        Ty::Object,
        GENERAL,
        "GitHub Codespaces: repository permissions and files to open.",
    ),
];

const VSCODE: &[Prop] = &[
    p(
        "extensions",
        Ty::Array,
        GENERAL,
        "Extension ids (`publisher.name`) installed into the container, e.g. `golang.go`.",
    ),
    p(
        "settings",
        Ty::Object,
        GENERAL,
        "Editor settings applied inside the container when it is first connected.",
    ),
    p(
        "devPort",
        Ty::Integer,
        GENERAL,
        "The port the editor's server uses inside the container.",
    ),
];

const CODESPACES: &[Prop] = &[
    p(
        "repositories",
        Ty::Object,
        GENERAL,
        "Extra permissions to other repositories, by `owner/repo`.",
    ),
    p(
        "openFiles",
        Ty::Array,
        GENERAL,
        "Files to open when the codespace is created, relative to the workspace.",
    ),
];

fn key(segment: &PathSegment) -> Option<&str> {
    match segment {
        PathSegment::Key(k) => Some(k),
        PathSegment::Index(_) => None,
    }
}

/// The properties of the object at `path`, when the model knows that object.
pub fn object_props(path: &[PathSegment]) -> Option<&'static [Prop]> {
    let keys: Vec<Option<&str>> = path.iter().map(key).collect();
    Some(match keys.as_slice() {
        [] => ROOT,
        [Some("build")] => BUILD,
        [Some("hostRequirements")] => HOST_REQUIREMENTS,
        [Some("hostRequirements"), Some("gpu")] => GPU_OBJECT,
        [Some("portsAttributes"), Some(_)] | [Some("otherPortsAttributes")] => PORT_ATTRIBUTES,
        [Some("mounts"), None] => MOUNT,
        [Some("customizations")] => CUSTOMIZATIONS,
        [Some("customizations"), Some("vscode")] => VSCODE,
        [Some("customizations"), Some("codespaces")] => CODESPACES,
        _ => return None,
    })
}

/// The property `name` of the object at `path`.
pub fn prop(path: &[PathSegment], name: &str) -> Option<&'static Prop> {
    object_props(path)?.iter().find(|p| p.name == name)
}

/// Allowed values of a property, for the configuration's kind (`shutdownAction` differs).
pub fn values_for(path: &[PathSegment], prop: &Prop, kind: ConfigKind) -> &'static [EnumValue] {
    if path.is_empty() && prop.name == "shutdownAction" {
        return shutdown_values(kind);
    }
    if path.first().and_then(key) == Some("otherPortsAttributes") && prop.name == "onAutoForward" {
        // The schema leaves `openBrowserOnce` out for the ports no rule names.
        return &ON_AUTO_FORWARD_OTHER;
    }
    prop.values
}

static ON_AUTO_FORWARD_OTHER: [EnumValue; 5] = [
    ON_AUTO_FORWARD[0],
    ON_AUTO_FORWARD[1],
    ON_AUTO_FORWARD[3],
    ON_AUTO_FORWARD[4],
    ON_AUTO_FORWARD[5],
];

pub fn shutdown_values(kind: ConfigKind) -> &'static [EnumValue] {
    if kind == ConfigKind::Compose {
        SHUTDOWN_COMPOSE
    } else {
        SHUTDOWN_NON_COMPOSE
    }
}

/// The default of a property for the configuration's kind.
pub fn default_for(path: &[PathSegment], prop: &Prop, kind: ConfigKind) -> Option<&'static str> {
    if path.is_empty() && kind == ConfigKind::Compose {
        match prop.name {
            "shutdownAction" => return Some("stopCompose"),
            "overrideCommand" => return Some("false"),
            _ => {}
        }
    }
    prop.default
}

/// Documentation of one value of any kind (`stopCompose` is not in the image list).
pub fn value_doc(path: &[PathSegment], prop: &Prop, value: &str) -> Option<&'static str> {
    let extra: &[EnumValue] = if path.is_empty() && prop.name == "shutdownAction" {
        SHUTDOWN_COMPOSE
    } else {
        &[]
    };
    prop.values
        .iter()
        .chain(extra)
        .find(|(v, _)| *v == value)
        .map(|(_, doc)| *doc)
}
