//! Small value specs shared by top-level properties: environment maps, mounts, secrets,
//! string lists.

use super::model::{
    EnumValue, JsonType as T, KeyCheck, Kinds, ObjectSpec, OtherKeys, Owner, PropSpec, ValueCheck,
};

pub static STRING_ITEM: PropSpec = PropSpec {
    name: "item",
    ..PropSpec::DEFAULT
};

static CONTAINER_ENV_VALUE: PropSpec = PropSpec {
    name: "environment variable",
    doc: "Value of the variable, set in the container for every process.",
    ..PropSpec::DEFAULT
};

pub static CONTAINER_ENV: ObjectSpec = ObjectSpec {
    props: &[],
    required: &[],
    other_keys: OtherKeys::Map {
        key: KeyCheck::Any,
        value: &CONTAINER_ENV_VALUE,
    },
};

static REMOTE_ENV_VALUE: PropSpec = PropSpec {
    name: "environment variable",
    types: &[T::String, T::Null],
    doc: "Value of the variable for the editor's processes; `null` unsets it.",
    ..PropSpec::DEFAULT
};

pub static REMOTE_ENV: ObjectSpec = ObjectSpec {
    props: &[],
    required: &[],
    other_keys: OtherKeys::Map {
        key: KeyCheck::Any,
        value: &REMOTE_ENV_VALUE,
    },
};

/// The object form of a `mounts` item.
pub static MOUNT: ObjectSpec = ObjectSpec {
    props: &[
        PropSpec {
            name: "type",
            doc: "Kind of mount (required).",
            enum_values: &[
                EnumValue::new("bind", "A host folder or file mounted into the container."),
                EnumValue::new("volume", "A named Docker volume, created when missing."),
            ],
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "source",
            doc: "Host path (bind) or volume name (volume).",
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "target",
            doc: "Path inside the container where the mount appears (required).",
            ..PropSpec::DEFAULT
        },
    ],
    required: &["type", "target"],
    other_keys: OtherKeys::Closed,
};

pub static MOUNT_ITEM: PropSpec = PropSpec {
    name: "mount",
    types: &[T::String, T::Object],
    doc: "A mount: a Docker `--mount` string (`type=...,source=...,target=...`) or an object.",
    object: Some(&MOUNT),
    owner: Owner::Mounts,
    ..PropSpec::DEFAULT
};

static SECRET: ObjectSpec = ObjectSpec {
    props: &[
        PropSpec {
            name: "description",
            doc: "What the secret is for, shown when asking for it.",
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "documentationUrl",
            doc: "Where to read how to get a value for the secret.",
            check: ValueCheck::Uri,
            ..PropSpec::DEFAULT
        },
    ],
    required: &[],
    other_keys: OtherKeys::Closed,
};

static SECRET_VALUE: PropSpec = PropSpec {
    name: "secret",
    types: &[T::Object],
    doc: "A secret the user is asked to provide; its name becomes an environment variable.",
    object: Some(&SECRET),
    ..PropSpec::DEFAULT
};

pub static SECRETS: ObjectSpec = ObjectSpec {
    props: &[],
    required: &[],
    other_keys: OtherKeys::Map {
        key: KeyCheck::EnvName,
        value: &SECRET_VALUE,
    },
};

pub static FEATURES: ObjectSpec = ObjectSpec {
    props: &[],
    required: &[],
    other_keys: OtherKeys::FreeForm,
};

pub static FORWARD_PORT: PropSpec = PropSpec {
    name: "port",
    types: &[T::Integer, T::String],
    doc: "A container port number (0-65535) or `host:port`.",
    owner: Owner::Ports,
    ..PropSpec::DEFAULT
};

pub static APP_PORT_ITEM: PropSpec = PropSpec {
    name: "port",
    types: &[T::Integer, T::String],
    doc: "A port to publish: a number, or a Docker `-p` style string.",
    kinds: Kinds::NON_COMPOSE,
    anchor: "#image-specific",
    ..PropSpec::DEFAULT
};
