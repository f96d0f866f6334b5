//! The dev container spec as static data: every property of the base, VS Code and Codespaces
//! schemas with its types, values, defaults, kinds and a short description. Completion, hover and
//! the schema rules all read it from here.

mod build;
mod customizations;
mod host_requirements;
mod kind;
pub mod matchers;
mod model;
mod ports;
mod top_level;
mod values;

pub use kind::{ConfigKind, config_kind};
pub use model::{
    Deprecation, EnumValue, JsonType, KeyCheck, Kinds, ObjectSpec, OtherKeys, Owner, PropSpec,
    REFERENCE_URL, ValueCheck,
};
pub use top_level::HOOK_NAMES;

use crate::syntax::PathSegment;

/// The whole document, seen as a property whose value is the root object.
static DOCUMENT: PropSpec = PropSpec {
    name: "devcontainer.json",
    types: &[JsonType::Object],
    doc: "A dev container configuration.",
    object: Some(&top_level::ROOT),
    ..PropSpec::DEFAULT
};

/// The spec of the root object.
pub fn root() -> &'static ObjectSpec {
    &top_level::ROOT
}

/// The spec of the whole document (a property whose object is [`root`]).
pub fn document() -> &'static PropSpec {
    &DOCUMENT
}

/// The spec of the value at `path`: keys follow object properties (or a map's value spec),
/// indexes follow array items. `None` when the path leaves the model (free-form, unknown key).
pub fn prop_at(path: &[PathSegment]) -> Option<&'static PropSpec> {
    let mut current: &'static PropSpec = &DOCUMENT;
    for segment in path {
        current = match segment {
            PathSegment::Key(key) => current.object?.child(key)?,
            PathSegment::Index(_) => current.items?,
        };
    }
    Some(current)
}

/// The object spec of the object at `path` (`[]` -> the root).
pub fn object_at(path: &[PathSegment]) -> Option<&'static ObjectSpec> {
    prop_at(path)?.object
}

/// A top-level property by name.
pub fn top_level(name: &str) -> Option<&'static PropSpec> {
    root().prop(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(keys: &[&str]) -> Vec<PathSegment> {
        keys.iter()
            .map(|k| match k.parse::<usize>() {
                Ok(i) => PathSegment::Index(i),
                Err(_) => PathSegment::Key((*k).to_string()),
            })
            .collect()
    }

    #[test]
    fn lookups_follow_keys_maps_and_items() {
        assert!(object_at(&[]).is_some_and(|o| o.prop("image").is_some()));
        let memory = prop_at(&path(&["hostRequirements", "memory"])).unwrap();
        assert_eq!(memory.check, ValueCheck::Size);
        assert!(
            object_at(&path(&["customizations", "vscode", "settings"]))
                .unwrap()
                .is_free_form()
        );
        assert!(object_at(&path(&["features"])).unwrap().is_free_form());
        assert_eq!(
            prop_at(&path(&["remoteEnv", "GOPATH"])).unwrap().types,
            &[JsonType::String, JsonType::Null]
        );
        assert_eq!(
            prop_at(&path(&["containerEnv", "X"])).unwrap().types,
            &[JsonType::String]
        );
        assert_eq!(
            prop_at(&path(&["build", "args", "GO_VERSION"]))
                .unwrap()
                .types,
            &[JsonType::String]
        );
        let on_auto = prop_at(&path(&["portsAttributes", "2345-2346", "onAutoForward"])).unwrap();
        assert!(
            on_auto
                .enum_values
                .iter()
                .any(|v| v.value == "openBrowserOnce")
        );
        let other = prop_at(&path(&["otherPortsAttributes", "onAutoForward"])).unwrap();
        assert!(
            !other
                .enum_values
                .iter()
                .any(|v| v.value == "openBrowserOnce")
        );
        let ext = prop_at(&path(&["customizations", "vscode", "extensions", "0"])).unwrap();
        assert_eq!(ext.check, ValueCheck::ExtensionId);
        assert!(prop_at(&path(&["mounts", "0", "type"])).is_some());
        assert!(prop_at(&path(&["nope"])).is_none());
        assert!(prop_at(&path(&["image", "x"])).is_none());
    }

    #[test]
    fn every_property_is_described_and_linked() {
        for p in root().props {
            assert!(!p.doc.is_empty(), "{} has no description", p.name);
            // The link the docs end with: an anchor of the reference page, measured right.
            assert!(
                p.anchor.starts_with('#') && p.anchor.len() > 1,
                "{}",
                p.name
            );
            let mut link = String::new();
            p.push_reference_link(&mut link);
            assert_eq!(link.len(), p.reference_link_len(), "{}", p.name);
            assert!(
                link.ends_with(&format!("({REFERENCE_URL}{})", p.anchor)),
                "{link}"
            );
            assert!(p.enum_values.iter().all(|v| !v.doc.is_empty()));
        }
        for hook in HOOK_NAMES {
            assert!(top_level(hook).is_some_and(|p| p.owner == Owner::Hooks));
        }
    }

    #[test]
    fn shutdown_action_values_depend_on_kind() {
        use crate::spec::ConfigKind;
        let p = top_level("shutdownAction").unwrap();
        let image: Vec<_> = p
            .enum_values_for(ConfigKind::Image)
            .map(|v| v.value)
            .collect();
        let compose: Vec<_> = p
            .enum_values_for(ConfigKind::Compose)
            .map(|v| v.value)
            .collect();
        assert_eq!(image, ["none", "stopContainer"]);
        assert_eq!(compose, ["none", "stopCompose"]);
    }
}
