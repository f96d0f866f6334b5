//! The kind of a configuration: where its container comes from.

use crate::syntax::NodeRef;

/// The three ways a dev container gets its container, or why it has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigKind {
    Image,
    Dockerfile,
    Compose,
    /// No `image`, Dockerfile or `dockerComposeFile` (an error unless the file is empty).
    Missing,
    /// More than one source: the rules treat it as the first in image, Dockerfile, Compose order.
    Mixed,
}

/// Classifies a root object by the properties that pick its container source.
pub fn config_kind(root: NodeRef<'_>) -> ConfigKind {
    let has_image = root.member("image").is_some();
    let has_dockerfile = root.member("dockerFile").is_some()
        || root
            .get("build")
            .is_some_and(|b| b.member("dockerfile").is_some());
    let has_compose = root.member("dockerComposeFile").is_some();
    match (has_image, has_dockerfile, has_compose) {
        (false, false, false) => ConfigKind::Missing,
        (true, false, false) => ConfigKind::Image,
        (false, true, false) => ConfigKind::Dockerfile,
        (false, false, true) => ConfigKind::Compose,
        _ => ConfigKind::Mixed,
    }
}
