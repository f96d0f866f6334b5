//! Checks of the Dockerfiles a configuration builds (its own, and those of its Compose
//! services), reported in the Dockerfile itself. Only Dockerfiles that devcontainer.json or
//! its Compose files reference are read, so general Dockerfile linting stays with the tools
//! made for it; these are the mistakes that break or slow a dev container.
//!
//! - `busybox_flags`: `adduser`/`addgroup` flags busybox (Alpine) does not have;
//! - `apt_get_yes`: `apt-get install` without `-y`;
//! - `unpinned`: `go install ...@latest`, `FROM` without a tag or with `:latest`;
//! - `copy_order`: `COPY . .` before `go mod download`;
//! - `copy_source`: `COPY`/`ADD` sources missing from the build context;
//! - `dockerignore`: a build context folder without a `.dockerignore`;
//! - `user`: a `USER` that no instruction creates, unlike `remoteUser`;
//! - `target`: `build.target` that names no stage.
//!
//! Fixtures: `crate/tests/fixtures/rules/dockerfile-*/`.

pub(super) mod apt_get_yes;
pub(super) mod busybox_flags;
pub(super) mod copy_order;
pub(super) mod copy_source;
pub(super) mod dockerignore;
pub(super) mod target;
pub(super) mod unpinned;
pub(super) mod user;
