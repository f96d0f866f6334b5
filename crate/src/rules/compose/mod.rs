//! Checks across devcontainer.json and its Compose files (`crate::container::ComposeView`):
//! `service`: `service` and each `runServices` entry must be a service of the merged files.
//! (`runArgs` under Compose is `kind-mismatch-property`'s, and `go-delve-ptrace` names the
//! ptrace grant it loses.)
//!
//! Fixtures: `crate/tests/fixtures/rules/compose-*/`.

pub(super) mod service;
