//! `customizations`: per-tool settings. VS Code's and Codespaces' parts are typed; any other
//! tool's part is free-form.

use super::model::{
    EnumValue, JsonType as T, KeyCheck, ObjectSpec, OtherKeys, PropSpec, ValueCheck,
};

// The typed tool parts are described under `customizations` in the general properties.
const ANCHOR: &str = "#general-properties";

static FREE_FORM: ObjectSpec = ObjectSpec {
    props: &[],
    required: &[],
    other_keys: OtherKeys::FreeForm,
};

pub static EXTENSION_ID: PropSpec = PropSpec {
    name: "extension",
    doc: "An extension id `publisher.name`, optionally pinned with `@1.2.3` or `@prerelease`.",
    check: ValueCheck::ExtensionId,
    anchor: ANCHOR,
    ..PropSpec::DEFAULT
};

pub static VSCODE: ObjectSpec = ObjectSpec {
    props: &[
        PropSpec {
            name: "extensions",
            types: &[T::Array],
            doc: "Extensions to install in the container, by id (`publisher.name`).",
            anchor: ANCHOR,
            items: Some(&EXTENSION_ID),
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "settings",
            types: &[T::Object],
            doc: "Editor settings applied inside the container (machine scope).",
            anchor: ANCHOR,
            object: Some(&FREE_FORM),
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "devPort",
            types: &[T::Integer],
            doc: "Port the VS Code server listens on inside the container.",
            anchor: ANCHOR,
            ..PropSpec::DEFAULT
        },
    ],
    required: &[],
    other_keys: OtherKeys::Closed,
};

const READ: EnumValue = EnumValue::new("read", "Read access.");
const WRITE: EnumValue = EnumValue::new("write", "Read and write access.");
const READ_WRITE: &[EnumValue] = &[READ, WRITE];

/// One GitHub permission scope with the levels it takes.
const fn permission(name: &'static str, levels: &'static [EnumValue]) -> PropSpec {
    PropSpec {
        name,
        doc: "Access level the codespace token gets for this scope.",
        enum_values: levels,
        anchor: ANCHOR,
        ..PropSpec::DEFAULT
    }
}

static PERMISSION_SCOPES: ObjectSpec = ObjectSpec {
    props: &[
        permission("actions", READ_WRITE),
        permission("checks", READ_WRITE),
        permission("contents", READ_WRITE),
        permission("deployments", READ_WRITE),
        permission("discussions", READ_WRITE),
        permission("issues", READ_WRITE),
        permission("packages", &[READ]),
        permission("pages", READ_WRITE),
        permission("pull_requests", READ_WRITE),
        permission("repository_projects", READ_WRITE),
        permission("statuses", READ_WRITE),
        permission("workflows", &[WRITE]),
    ],
    required: &[],
    other_keys: OtherKeys::Closed,
};

static REPOSITORY_ACCESS: ObjectSpec = ObjectSpec {
    props: &[PropSpec {
        name: "permissions",
        types: &[T::String, T::Object],
        doc: "Either `read-all` / `write-all`, or an access level per scope.",
        enum_values: &[
            EnumValue::new("read-all", "Read access to every scope."),
            EnumValue::new("write-all", "Write access to every scope."),
        ],
        anchor: ANCHOR,
        object: Some(&PERMISSION_SCOPES),
        ..PropSpec::DEFAULT
    }],
    required: &[],
    other_keys: OtherKeys::Closed,
};

static REPOSITORY_VALUE: PropSpec = PropSpec {
    name: "repository",
    types: &[T::Object],
    doc: "Permissions a codespace gets on this other repository.",
    anchor: ANCHOR,
    object: Some(&REPOSITORY_ACCESS),
    ..PropSpec::DEFAULT
};

static REPOSITORIES: ObjectSpec = ObjectSpec {
    props: &[],
    required: &[],
    other_keys: OtherKeys::Map {
        key: KeyCheck::Repository,
        value: &REPOSITORY_VALUE,
    },
};

static OPEN_FILE: PropSpec = PropSpec {
    name: "file",
    doc: "A file path, relative to the repository root.",
    anchor: ANCHOR,
    ..PropSpec::DEFAULT
};

pub static CODESPACES: ObjectSpec = ObjectSpec {
    props: &[
        PropSpec {
            name: "repositories",
            types: &[T::Object],
            doc: "Other repositories (`owner/repo`, `*` allowed in the repo) the codespace may access.",
            anchor: ANCHOR,
            object: Some(&REPOSITORIES),
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "openFiles",
            types: &[T::Array],
            doc: "Files to open when the codespace starts.",
            anchor: ANCHOR,
            items: Some(&OPEN_FILE),
            ..PropSpec::DEFAULT
        },
    ],
    required: &[],
    other_keys: OtherKeys::Closed,
};

static OTHER_TOOL: PropSpec = PropSpec {
    name: "tool",
    types: &[],
    doc: "Settings read by the tool named by the key.",
    anchor: ANCHOR,
    ..PropSpec::DEFAULT
};

pub static CUSTOMIZATIONS: ObjectSpec = ObjectSpec {
    props: &[
        PropSpec {
            name: "vscode",
            types: &[T::Object],
            doc: "VS Code: extensions to install and settings to apply in the container.",
            anchor: ANCHOR,
            object: Some(&VSCODE),
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "codespaces",
            types: &[T::Object],
            doc: "GitHub Codespaces: access to other repositories and files to open.",
            anchor: ANCHOR,
            object: Some(&CODESPACES),
            ..PropSpec::DEFAULT
        },
    ],
    required: &[],
    other_keys: OtherKeys::Map {
        key: KeyCheck::Any,
        value: &OTHER_TOOL,
    },
};
