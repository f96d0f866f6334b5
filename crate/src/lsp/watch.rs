//! File watching for the referenced files: when the client can register watchers at run time
//! (`workspace.didChangeWatchedFiles.dynamicRegistration`), the server asks it to watch each
//! file a configuration read and each folder it listed, and where a configuration for an open
//! Dockerfile or Compose file may appear (`discover::places`), and renews the registration when
//! that set changes. When the client takes a `RelativePattern` (LSP 3.17
//! `relativePatternSupport`), each is the folder's URI with the file's name (or `*` for a
//! listed folder): a client may match string globs only inside its workspace folders (Neovim
//! does), and a base URI needs no escaping of the folder's path. Otherwise each is the
//! absolute path as a string glob, as gopls registers `<dir>/**/*.go`. Without watchers,
//! `didSave` and changes of open documents still re-check.

use super::engine::Engine;
use super::{Outgoing, Server, discover, uri};
use lsp_types as lsp;

const REGISTRATION_ID: &str = "devcontainer-doctor-watched-files";

/// Registers the watchers the checked configurations need, when they changed.
pub fn update<E: Engine>(server: &mut Server<E>) {
    if !server.client.watch_files {
        return;
    }
    let mut globs = server.projects.watched();
    globs.extend(configuration_places(server));
    globs.sort();
    globs.dedup();
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
                    glob_pattern: pattern(glob, server.client.relative_patterns),
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

/// Where a configuration that could reference an open file other than a configuration would
/// appear (`discover::places`): created there later, it is adopted without a reopen.
fn configuration_places<E: Engine>(server: &Server<E>) -> Vec<String> {
    let roots: Vec<String> = server
        .folders
        .iter()
        .filter_map(|f| uri::to_path(f.uri.as_str()))
        .collect();
    server
        .docs
        .others()
        .filter_map(|u| uri::to_path(u))
        .flat_map(|disk| discover::places(&disk, &roots))
        .collect()
}

/// The watched globs are literal paths, or a literal folder with one of these tails.
const PATTERN_TAILS: &[&str] = &["/*/devcontainer.json", "/*"];

/// A glob as its literal part and its pattern tail (without the leading `/`), if any.
fn split_tail(glob: &str) -> (&str, Option<&'static str>) {
    PATTERN_TAILS
        .iter()
        .find_map(|tail| Some((glob.strip_suffix(tail)?, Some(&tail[1..]))))
        .unwrap_or((glob, None))
}

/// The watcher's pattern for an absolute path (or a folder with a pattern tail).
fn pattern(glob: &str, relative: bool) -> lsp::GlobPattern {
    if !relative {
        return lsp::GlobPattern::String(escape(glob));
    }
    let (folder, name) = match split_tail(glob) {
        (folder, Some(tail)) => (folder, tail.to_string()),
        (_, None) => match glob.rsplit_once('/') {
            Some((folder, name)) => (folder, escape(name)),
            None => return lsp::GlobPattern::String(escape(glob)),
        },
    };
    let folder = if folder.is_empty() { "/" } else { folder };
    match uri::from_path(folder).parse::<lsp::Uri>() {
        Ok(base) => lsp::GlobPattern::Relative(lsp::RelativePattern {
            base_uri: lsp::OneOf::Right(base),
            pattern: name,
        }),
        Err(_) => lsp::GlobPattern::String(escape(glob)),
    }
}

/// A path as a glob that matches only itself: the glob characters of the LSP's glob syntax
/// that open a pattern (`*`, `?`, `[`, `{`) are put in brackets; a pattern tail stays.
fn escape(glob: &str) -> String {
    let (path, tail) = match split_tail(glob) {
        (folder, Some(_)) => (folder, &glob[folder.len()..]),
        (_, None) => (glob, ""),
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
        assert_eq!(
            super::escape("/w/a*/.devcontainer/*/devcontainer.json"),
            "/w/a[*]/.devcontainer/*/devcontainer.json"
        );
    }

    #[test]
    fn relative_patterns_name_the_folder_by_uri() {
        let relative = |glob: &str| match super::pattern(glob, true) {
            lsp_types::GlobPattern::Relative(p) => match p.base_uri {
                lsp_types::OneOf::Right(base) => (base.as_str().to_string(), p.pattern),
                lsp_types::OneOf::Left(f) => (f.uri.as_str().to_string(), p.pattern),
            },
            lsp_types::GlobPattern::String(s) => (String::new(), s),
        };
        assert_eq!(
            relative("/w/my app/Dockerfile"),
            ("file:///w/my%20app".to_string(), "Dockerfile".to_string())
        );
        assert_eq!(
            relative("/w/.devcontainer/*"),
            ("file:///w/.devcontainer".to_string(), "*".to_string())
        );
        assert_eq!(
            relative("/w/.devcontainer/*/devcontainer.json"),
            (
                "file:///w/.devcontainer".to_string(),
                "*/devcontainer.json".to_string()
            )
        );
        assert_eq!(
            relative("/x[1]"),
            ("file:///".to_string(), "x[[]1]".to_string())
        );
    }
}
