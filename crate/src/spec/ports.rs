//! Port attributes: the values of `portsAttributes` and `otherPortsAttributes`.

use super::model::{EnumValue, JsonType as T, KeyCheck, ObjectSpec, OtherKeys, PropSpec};

const ANCHOR: &str = "#port-attributes";

const NOTIFY: EnumValue =
    EnumValue::new("notify", "Show a notification once the port is forwarded.");
const OPEN_BROWSER: EnumValue = EnumValue::new(
    "openBrowser",
    "Open the forwarded port in a browser each time.",
);
const OPEN_BROWSER_ONCE: EnumValue = EnumValue::new(
    "openBrowserOnce",
    "Open the browser the first time the port is forwarded in a session only.",
);
const OPEN_PREVIEW: EnumValue = EnumValue::new(
    "openPreview",
    "Open the port in the editor's built-in preview.",
);
const SILENT: EnumValue = EnumValue::new("silent", "Forward the port without telling anyone.");
const IGNORE: EnumValue = EnumValue::new("ignore", "Do not forward the port automatically at all.");

const ON_AUTO_FORWARD_DOC: &str = "What the editor does when it forwards the port on its own.";

/// The four attributes shared by both forms (`onAutoForward` differs).
macro_rules! port_attribute_props {
    ($on_auto_forward:expr) => {
        &[
            PropSpec {
                name: "onAutoForward",
                doc: ON_AUTO_FORWARD_DOC,
                default: Some("\"notify\""),
                enum_values: $on_auto_forward,
                anchor: ANCHOR,
                ..PropSpec::DEFAULT
            },
            PropSpec {
                name: "elevateIfNeeded",
                types: &[T::Boolean],
                doc: "Ask for elevated rights when the local port needs them (ports below 1024).",
                default: Some("false"),
                anchor: ANCHOR,
                ..PropSpec::DEFAULT
            },
            PropSpec {
                name: "label",
                doc: "Name shown for the port in the editor's port list.",
                default: Some("\"Application\""),
                anchor: ANCHOR,
                ..PropSpec::DEFAULT
            },
            PropSpec {
                name: "requireLocalPort",
                types: &[T::Boolean],
                doc: "Fail instead of picking another local port when the same number is taken.",
                default: Some("false"),
                anchor: ANCHOR,
                ..PropSpec::DEFAULT
            },
            PropSpec {
                name: "protocol",
                doc: "Protocol the forwarded port speaks; decides how it is opened.",
                enum_values: &[
                    EnumValue::new("http", "Plain HTTP."),
                    EnumValue::new("https", "HTTP over TLS."),
                ],
                anchor: ANCHOR,
                ..PropSpec::DEFAULT
            },
        ]
    };
}

/// One value of `portsAttributes`.
pub static PORT_ATTRIBUTES: ObjectSpec = ObjectSpec {
    props: port_attribute_props!(&[
        NOTIFY,
        OPEN_BROWSER,
        OPEN_BROWSER_ONCE,
        OPEN_PREVIEW,
        SILENT,
        IGNORE
    ]),
    required: &[],
    other_keys: OtherKeys::Closed,
};

/// `otherPortsAttributes`: the same without `openBrowserOnce`.
pub static OTHER_PORTS_ATTRIBUTES: ObjectSpec = ObjectSpec {
    props: port_attribute_props!(&[NOTIFY, OPEN_BROWSER, OPEN_PREVIEW, SILENT, IGNORE]),
    required: &[],
    other_keys: OtherKeys::Closed,
};

static PORT_ATTRIBUTES_VALUE: PropSpec = PropSpec {
    name: "port attributes",
    types: &[T::Object],
    doc: "Settings for the port, range or pattern named by the key.",
    anchor: ANCHOR,
    object: Some(&PORT_ATTRIBUTES),
    ..PropSpec::DEFAULT
};

/// `portsAttributes`: keys are ports, `from-to` ranges or patterns (checked by the ports rule).
pub static PORTS_ATTRIBUTES: ObjectSpec = ObjectSpec {
    props: &[],
    required: &[],
    other_keys: OtherKeys::Map {
        key: KeyCheck::PortOrRange,
        value: &PORT_ATTRIBUTES_VALUE,
    },
};
