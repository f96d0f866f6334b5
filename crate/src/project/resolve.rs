//! Paths as the dev containers CLI resolves them: a written value against a base folder, with
//! the variables a host can know expanded (`${localWorkspaceFolder}`,
//! `${localWorkspaceFolderBasename}`, `${localEnv:NAME}` with its default), as
//! src/spec-common/variableSubstitution.ts does; anything else is left unresolved.

use super::paths::{is_absolute, relative_to, trim_slash};
use super::{Project, join, normalize};

impl Project {
    /// `written` resolved against `base` (a project path), with variables expanded; `None` when
    /// that cannot be done without guessing.
    pub fn resolve(&self, base: &str, written: &str) -> Option<String> {
        let expanded = self.expand(written)?;
        if expanded.trim().is_empty() {
            return None;
        }
        if is_absolute(&expanded) {
            let folder = self.config_folder.as_deref()?;
            return relative_to(&expanded, folder);
        }
        Some(normalize(&join(base, &expanded)))
    }

    /// Expands the variables a host can know; `None` when another variable remains.
    pub fn expand(&self, s: &str) -> Option<String> {
        let mut out = String::new();
        let mut rest = s;
        while let Some(at) = rest.find("${") {
            out.push_str(&rest[..at]);
            let after = &rest[at + 2..];
            let end = after.find('}')?;
            let inner = &after[..end];
            out.push_str(&self.variable(inner)?);
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Some(out)
    }

    fn variable(&self, inner: &str) -> Option<String> {
        let workspace = || self.workspace_folder.as_deref().map(trim_slash);
        match inner {
            "localWorkspaceFolder" => workspace().map(str::to_string),
            "localWorkspaceFolderBasename" => {
                workspace().map(|w| w.rsplit('/').next().unwrap_or(w).to_string())
            }
            _ => {
                let spec = inner.strip_prefix("localEnv:")?;
                let (name, default) = match spec.split_once(':') {
                    Some((n, d)) => (n, Some(d)),
                    None => (spec, None),
                };
                self.local_env
                    .get(name)
                    .cloned()
                    .or_else(|| default.map(str::to_string))
            }
        }
    }
}
