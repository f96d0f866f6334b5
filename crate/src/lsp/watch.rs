//! File watching for the referenced files: when the client can register watchers at run time
//! (`workspace.didChangeWatchedFiles.dynamicRegistration`), the server asks it to watch each
//! file a configuration read and each folder it listed, by absolute path (a string glob, as
//! gopls registers `<dir>/**/*.go`), and renews the registration when that set changes.
//! Without it, `didSave` and changes of open documents still re-check.

use super::engine::Engine;
use super::{Outgoing, Server};
use lsp_types as lsp;

const REGISTRATION_ID: &str = "devcontainer-doctor-watched-files";

/// Registers the watchers the checked configurations need, when they changed.
pub fn update<E: Engine>(server: &mut Server<E>) {
    if !server.client.watch_files {
        return;
    }
    let globs = server.projects.watched();
    if globs == server.watching {
        return;
    }
    let method =
        <lsp::notification::DidChangeWatchedFiles as lsp::notification::Notification>::METHOD;
    if !server.watching.is_empty() {
        let params = lsp::UnregistrationParams {
            unregisterations: vec![lsp::Unregistration {
                id: REGISTRATION_ID.to_string(),
                method: method.to_string(),
            }],
        };
        server.request::<lsp::request::UnregisterCapability>(params, Outgoing::Other);
    }
    if !globs.is_empty() {
        let options = lsp::DidChangeWatchedFilesRegistrationOptions {
            watchers: globs
                .iter()
                .map(|glob| lsp::FileSystemWatcher {
                    glob_pattern: lsp::GlobPattern::String(escape(glob)),
                    kind: None,
                })
                .collect(),
        };
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: REGISTRATION_ID.to_string(),
                method: method.to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        server.request::<lsp::request::RegisterCapability>(params, Outgoing::Other);
    }
    server.watching = globs;
}

/// A path as a glob that matches only itself: the glob characters of the LSP's glob syntax
/// that open a pattern (`*`, `?`, `[`, `{`) are put in brackets; a folder's `/*` stays.
fn escape(glob: &str) -> String {
    let (path, tail) = match glob.strip_suffix("/*") {
        Some(folder) => (folder, "/*"),
        None => (glob, ""),
    };
    let mut out = String::with_capacity(glob.len());
    for c in path.chars() {
        match c {
            '*' | '?' | '[' | '{' => {
                out.push('[');
                out.push(c);
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    out + tail
}

#[cfg(test)]
mod tests {
    #[test]
    fn glob_characters_in_paths_match_themselves() {
        assert_eq!(super::escape("/w/a[1]/Dockerfile"), "/w/a[[]1]/Dockerfile");
        assert_eq!(super::escape("/w/.devcontainer/*"), "/w/.devcontainer/*");
    }
}
