//! Checks that need the whole container (`crate::container::Container`): what devcontainer.json
//! says against what its Dockerfile and Compose files say.
//!
//! - `command_overridden`: a Dockerfile `CMD`/`ENTRYPOINT` that does not run because
//!   `overrideCommand` is in effect;
//! - `go_feature_over_golang`: the Go feature over a `FROM golang:<version>` base.
//!
//! Fixtures: `crate/tests/fixtures/rules/container-*/`.

pub(super) mod command_overridden;
pub(super) mod go_feature_over_golang;
