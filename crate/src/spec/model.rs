//! The types the spec model is written in: static tables, no JSON parsed at run time.

use crate::spec::ConfigKind;
use std::borrow::Cow;

/// A JSON type as the schemas name them. `Integer` is a `Number` without a fraction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    String,
    Number,
    Integer,
    Boolean,
    Null,
    Array,
    Object,
}

impl JsonType {
    pub fn name(self) -> &'static str {
        match self {
            JsonType::String => "string",
            JsonType::Number => "number",
            JsonType::Integer => "integer",
            JsonType::Boolean => "boolean",
            JsonType::Null => "null",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }
}

/// The configuration kinds a property belongs to, as a small bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kinds(u8);

impl Kinds {
    pub const IMAGE: Kinds = Kinds(1);
    pub const DOCKERFILE: Kinds = Kinds(2);
    pub const COMPOSE: Kinds = Kinds(4);
    /// Image or Dockerfile: the single-container kinds.
    pub const NON_COMPOSE: Kinds = Kinds(3);
    pub const ALL: Kinds = Kinds(7);

    pub const fn union(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }
    pub fn contains(self, other: Kinds) -> bool {
        self.0 & other.0 == other.0
    }
    pub fn is_all(self) -> bool {
        self == Kinds::ALL
    }
    /// Whether a property of these kinds applies to a configuration of `kind`
    /// (a missing or mixed kind accepts everything: other rules report those).
    pub fn allows(self, kind: ConfigKind) -> bool {
        match kind {
            ConfigKind::Image => self.contains(Kinds::IMAGE),
            ConfigKind::Dockerfile => self.contains(Kinds::DOCKERFILE),
            ConfigKind::Compose => self.contains(Kinds::COMPOSE),
            ConfigKind::Missing | ConfigKind::Mixed => true,
        }
    }
    /// Human words for messages and hovers: "image", "Dockerfile", "Docker Compose".
    pub fn describe(self) -> &'static str {
        match self.0 {
            1 => "image",
            2 => "Dockerfile",
            3 => "image and Dockerfile",
            4 => "Docker Compose",
            5 => "image and Docker Compose",
            6 => "Dockerfile and Docker Compose",
            _ => "all",
        }
    }
}

/// One allowed string value of an enum, with what it means.
#[derive(Clone, Copy, Debug)]
pub struct EnumValue {
    pub value: &'static str,
    pub doc: &'static str,
    /// The configuration kinds where the value is allowed (`shutdownAction` differs by kind).
    pub kinds: Kinds,
}

impl EnumValue {
    pub const fn new(value: &'static str, doc: &'static str) -> Self {
        Self {
            value,
            doc,
            kinds: Kinds::ALL,
        }
    }
    pub const fn for_kinds(value: &'static str, doc: &'static str, kinds: Kinds) -> Self {
        Self { value, doc, kinds }
    }
}

/// A constraint on a scalar value beyond its type. Each is a hand-written matcher in `matchers`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueCheck {
    None,
    /// A size such as `8gb`: digits and an optional lowercase `tb`/`gb`/`mb`/`kb` (`^\d+([tgmk]b)?$`).
    Size,
    /// An integer no smaller than this.
    MinInteger(i64),
    /// A VS Code extension id: `publisher.name`, optionally `@1.2.3` or `@prerelease`.
    ExtensionId,
    /// An absolute URL (for `$schema` and documentation links): only checked for emptiness.
    Uri,
}

/// What keys an object accepts besides its listed properties.
#[derive(Clone, Copy, Debug)]
pub enum OtherKeys {
    /// Only the listed properties (an unknown key is a mistake).
    Closed,
    /// Anything goes: settings, other tools' customizations, features (checked elsewhere).
    FreeForm,
    /// A map: any key accepted by `key`, each value described by `value`.
    Map {
        key: KeyCheck,
        value: &'static PropSpec,
    },
}

/// A constraint on the keys of a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCheck {
    Any,
    /// `^[a-zA-Z_][a-zA-Z0-9_]*$`: an environment-variable-like name (`secrets`).
    EnvName,
    /// `owner/repo` for Codespaces repository permissions (`*` allowed in the repo part).
    Repository,
    /// A port, range or pattern: checked by the ports rule, not here.
    PortOrRange,
}

/// An object: its properties and what other keys it takes.
#[derive(Debug)]
pub struct ObjectSpec {
    pub props: &'static [PropSpec],
    /// Properties that must be present (only where the tools fail without them).
    pub required: &'static [&'static str],
    pub other_keys: OtherKeys,
}

impl ObjectSpec {
    /// The property called `name` (exact, case-sensitive as the tools are).
    pub fn prop(&self, name: &str) -> Option<&'static PropSpec> {
        self.props.iter().find(|p| p.name == name)
    }
    /// True when any key is accepted with any value.
    pub fn is_free_form(&self) -> bool {
        matches!(self.other_keys, OtherKeys::FreeForm)
    }
    /// True when a key that is not listed is a mistake.
    pub fn is_closed(&self) -> bool {
        matches!(self.other_keys, OtherKeys::Closed)
    }
    /// The spec of a map's values (`containerEnv` -> string, `portsAttributes` -> port attributes).
    pub fn map_value(&self) -> Option<&'static PropSpec> {
        match self.other_keys {
            OtherKeys::Map { value, .. } => Some(value),
            _ => None,
        }
    }
    /// The spec for the value under `key`: a listed property, or the map's value spec.
    pub fn child(&self, key: &str) -> Option<&'static PropSpec> {
        self.prop(key).or_else(|| self.map_value())
    }
}

/// Who checks the inside of a value, when it is not the schema rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// The schema rules check the value and everything in it.
    Schema,
    /// Lifecycle hooks rule: the schema rules check only the top-level type.
    Hooks,
    /// Ports rule (`forwardPorts` items).
    Ports,
    /// Mounts rule (mount strings, `workspaceMount`).
    Mounts,
    /// Features rule (everything under `features`).
    Features,
}

/// Why a property is deprecated and what to write instead.
#[derive(Clone, Copy, Debug)]
pub struct Deprecation {
    /// The path to use instead, e.g. `customizations.vscode.extensions`.
    pub replacement: &'static str,
    /// True when the tools still honour it fully (reported as a hint, not a warning).
    pub still_works: bool,
}

/// One property (or a map value, or an array item) of the spec.
#[derive(Debug)]
pub struct PropSpec {
    pub name: &'static str,
    /// Accepted JSON types; empty means any.
    pub types: &'static [JsonType],
    /// A short description in our words.
    pub doc: &'static str,
    /// The default as JSON text (`"stopContainer"`, `true`), when the spec gives one.
    pub default: Option<&'static str>,
    pub enum_values: &'static [EnumValue],
    pub check: ValueCheck,
    pub kinds: Kinds,
    pub deprecated: Option<Deprecation>,
    /// Anchor on the containers.dev JSON reference, e.g. `#general-properties`.
    pub anchor: &'static str,
    /// For object values.
    pub object: Option<&'static ObjectSpec>,
    /// For array values: the spec of each item.
    pub items: Option<&'static PropSpec>,
    pub owner: Owner,
}

/// Where the containers.dev JSON reference lives.
pub const REFERENCE_URL: &str = "https://containers.dev/implementors/json_reference/";
/// What a property's docs end with, before [`REFERENCE_URL`] and its anchor.
const REFERENCE_LINK: &str = "\n\n[Reference on containers.dev](";

impl PropSpec {
    /// A string property of every kind with nothing else set: the base for `..PropSpec::DEFAULT`.
    pub const DEFAULT: PropSpec = PropSpec {
        name: "",
        types: &[JsonType::String],
        doc: "",
        default: None,
        enum_values: &[],
        check: ValueCheck::None,
        kinds: Kinds::ALL,
        deprecated: None,
        anchor: "#general-properties",
        object: None,
        items: None,
        owner: Owner::Schema,
    };

    /// Appends the Markdown link to this property's reference, after a blank line: the end of
    /// its hover and completion docs.
    pub fn push_reference_link(&self, out: &mut String) {
        out.push_str(REFERENCE_LINK);
        out.push_str(REFERENCE_URL);
        out.push_str(self.anchor);
        out.push(')');
    }
    /// How many bytes [`Self::push_reference_link`] appends.
    pub fn reference_link_len(&self) -> usize {
        REFERENCE_LINK.len() + REFERENCE_URL.len() + self.anchor.len() + 1
    }
    pub fn accepts_type(&self, t: JsonType) -> bool {
        self.types.is_empty()
            || self.types.contains(&t)
            || (t == JsonType::Integer && self.types.contains(&JsonType::Number))
    }
    /// "string", "string or array", "integer, string or array" for messages.
    pub fn types_text(&self) -> Cow<'static, str> {
        match self.types {
            [] => "any value".into(),
            [one] => one.name().into(),
            [init @ .., last] => {
                let mut out = String::with_capacity(16 * self.types.len());
                for (i, t) in init.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(t.name());
                }
                out.push_str(" or ");
                out.push_str(last.name());
                out.into()
            }
        }
    }
    /// The enum values allowed in a configuration of `kind`.
    pub fn enum_values_for(&self, kind: ConfigKind) -> impl Iterator<Item = &'static EnumValue> {
        let values: &'static [EnumValue] = self.enum_values;
        values.iter().filter(move |v| v.kinds.allows(kind))
    }
}
