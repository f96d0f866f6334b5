//! The files a configuration references (`crate::project`): missing Dockerfiles, Compose files,
//! build contexts and local features, paths with `\` that only Windows reads, and one note when
//! they could not be checked.

pub(super) mod backslash;
pub(super) mod missing;
pub(super) mod unchecked;
