//! The files a configuration references (`crate::project`): missing Dockerfiles, Compose files,
//! build contexts and local features, and one note when they could not be checked.

pub(super) mod missing;
pub(super) mod unchecked;
