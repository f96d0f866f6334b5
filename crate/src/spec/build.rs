//! `build`: how a Dockerfile configuration builds its image.

use super::model::{JsonType as T, Kinds, ObjectSpec, OtherKeys, PropSpec};

const ANCHOR: &str = "#image-specific";

static ARG_VALUE: PropSpec = PropSpec {
    name: "build argument",
    doc: "Value passed to the Dockerfile `ARG` of the same name.",
    kinds: Kinds::DOCKERFILE,
    anchor: ANCHOR,
    ..PropSpec::DEFAULT
};

static ARGS: ObjectSpec = ObjectSpec {
    props: &[],
    required: &[],
    other_keys: OtherKeys::Map {
        key: super::model::KeyCheck::Any,
        value: &ARG_VALUE,
    },
};

static STRING_ITEM: PropSpec = PropSpec {
    name: "item",
    kinds: Kinds::DOCKERFILE,
    anchor: ANCHOR,
    ..PropSpec::DEFAULT
};

pub static BUILD: ObjectSpec = ObjectSpec {
    props: &[
        PropSpec {
            name: "dockerfile",
            doc: "Path of the Dockerfile, relative to devcontainer.json.",
            kinds: Kinds::DOCKERFILE,
            anchor: ANCHOR,
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "context",
            doc: "Folder sent to Docker as the build context, relative to devcontainer.json.",
            default: Some("\".\""),
            kinds: Kinds::DOCKERFILE,
            anchor: ANCHOR,
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "args",
            types: &[T::Object],
            doc: "Build arguments for the Dockerfile: names mapped to string values.",
            kinds: Kinds::DOCKERFILE,
            anchor: ANCHOR,
            object: Some(&ARGS),
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "target",
            doc: "Stage of a multi-stage Dockerfile to build up to.",
            kinds: Kinds::DOCKERFILE,
            anchor: ANCHOR,
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "cacheFrom",
            types: &[T::String, T::Array],
            doc: "Image or images whose layers may be reused as build cache.",
            kinds: Kinds::DOCKERFILE,
            anchor: ANCHOR,
            items: Some(&STRING_ITEM),
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "options",
            types: &[T::Array],
            doc: "Extra command-line flags handed to `docker build`.",
            kinds: Kinds::DOCKERFILE,
            anchor: ANCHOR,
            items: Some(&STRING_ITEM),
            ..PropSpec::DEFAULT
        },
    ],
    required: &[],
    other_keys: OtherKeys::Closed,
};
