//! `hostRequirements`: the smallest machine the container should run on.

use super::model::{EnumValue, JsonType as T, ObjectSpec, OtherKeys, PropSpec, ValueCheck};

const ANCHOR: &str = "#min-host-reqs";

static GPU_OBJECT: ObjectSpec = ObjectSpec {
    props: &[
        PropSpec {
            name: "cores",
            types: &[T::Integer],
            doc: "Fewest GPU cores needed (at least 1).",
            check: ValueCheck::MinInteger(1),
            anchor: ANCHOR,
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "memory",
            doc: "Least GPU memory needed: digits with an optional lowercase unit, e.g. `8gb`.",
            check: ValueCheck::Size,
            anchor: ANCHOR,
            ..PropSpec::DEFAULT
        },
    ],
    required: &[],
    other_keys: OtherKeys::Closed,
};

pub static HOST_REQUIREMENTS: ObjectSpec = ObjectSpec {
    props: &[
        PropSpec {
            name: "cpus",
            types: &[T::Integer],
            doc: "Fewest CPU cores the host must have (at least 1).",
            check: ValueCheck::MinInteger(1),
            anchor: ANCHOR,
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "memory",
            doc: "Least RAM the host must have: digits with an optional lowercase unit `tb`, `gb`, `mb` or `kb`, e.g. `8gb`.",
            check: ValueCheck::Size,
            anchor: ANCHOR,
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "storage",
            doc: "Least disk space the host must have: digits with an optional lowercase unit, e.g. `32gb`.",
            check: ValueCheck::Size,
            anchor: ANCHOR,
            ..PropSpec::DEFAULT
        },
        PropSpec {
            name: "gpu",
            types: &[T::Boolean, T::String, T::Object],
            doc: "Whether a GPU is needed: `true`, `false`, `\"optional\"` (use one when present), or an object with `cores` and `memory`.",
            default: Some("false"),
            enum_values: &[EnumValue::new(
                "optional",
                "Use a GPU when the host has one; run without it otherwise.",
            )],
            anchor: ANCHOR,
            object: Some(&GPU_OBJECT),
            ..PropSpec::DEFAULT
        },
    ],
    required: &[],
    other_keys: OtherKeys::Closed,
};
