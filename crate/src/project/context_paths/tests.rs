use super::*;
use std::collections::BTreeMap;

fn listings(entries: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    entries
        .iter()
        .map(|(folder, names)| {
            (
                folder.to_string(),
                names.iter().map(|n| n.to_string()).collect(),
            )
        })
        .collect()
}

fn state(map: &BTreeMap<String, Vec<String>>, source: &str) -> SourceState {
    source_state("ctx", &clean_source(source), |f| {
        map.get(f).map(Vec::as_slice)
    })
}

#[test]
fn sources_are_cleaned_against_the_context_root() {
    assert_eq!(clean_source("./a/../b/"), "b");
    assert_eq!(clean_source("../../x/y"), "x/y");
    assert_eq!(clean_source("/"), ".");
    assert_eq!(clean_source("."), ".");
}

#[test]
fn plain_paths_are_found_or_missing_with_a_near_name() {
    let map = listings(&[
        ("ctx", &["go.mod", "go.sum", "cmd/", "README.md"]),
        ("ctx/cmd", &["server/"]),
    ]);
    assert_eq!(state(&map, "go.mod"), SourceState::Present);
    assert_eq!(state(&map, "cmd"), SourceState::Present);
    assert_eq!(state(&map, "cmd/server"), SourceState::Present);
    assert_eq!(
        state(&map, "go.mdo"),
        SourceState::Missing {
            missing: "go.mdo".into(),
            near: Some("go.mod".into())
        }
    );
    assert_eq!(
        state(&map, "cmd/servre/main.go"),
        SourceState::Missing {
            missing: "cmd/servre".into(),
            near: Some("cmd/server".into())
        }
    );
    // Not listed: not judged.
    assert_eq!(state(&map, "cmd/server/main.go"), SourceState::Unknown);
    // Another case, or a file where a folder is needed: not judged.
    assert_eq!(state(&map, "readme.md"), SourceState::Unknown);
    assert_eq!(state(&map, "go.mod/x"), SourceState::Unknown);
}

#[test]
fn wildcards_match_within_one_folder() {
    let map = listings(&[("ctx", &["go.mod", "go.sum", "cmd/"])]);
    assert_eq!(state(&map, "go.*"), SourceState::Present);
    assert_eq!(state(&map, "*.txt"), SourceState::Unmatched);
    assert_eq!(state(&map, "c?d/x"), SourceState::Unknown);
    assert_eq!(state(&map, "x*/y"), SourceState::Unmatched);
    // A missing folder before a wildcard: nothing matches, which BuildKit allows.
    assert_eq!(state(&map, "certs/*"), SourceState::Unmatched);
    assert_eq!(state(&map, "web/yarn.lock*"), SourceState::Unmatched);
    assert_eq!(state(&map, "[gx]o.mod"), SourceState::Unknown);
}

#[test]
fn folders_to_list_stop_at_a_wildcard() {
    assert_eq!(folders_to_list("ctx", "."), vec!["ctx"]);
    assert_eq!(
        folders_to_list("ctx", "a/b/c.go"),
        vec!["ctx", "ctx/a", "ctx/a/b"]
    );
    assert_eq!(folders_to_list(".", "a/*/c"), vec![".", "a"]);
}

#[test]
fn dockerignore_excludes_like_buildkit() {
    let ignore = Ignore::parse("# comment\n/node_modules\n**/*.log\n  bin/  \n*.md\n!README.md\n");
    assert!(ignore.excludes("node_modules"));
    assert!(ignore.excludes("node_modules/x/y.js"));
    assert!(ignore.excludes("a/b/c.log"));
    assert!(ignore.excludes("c.log"));
    assert!(ignore.excludes("bin/tool"));
    assert!(ignore.excludes("NOTES.md"));
    assert!(!ignore.excludes("README.md"));
    assert!(!ignore.excludes("src/main.go"));
    assert!(!ignore.excludes("."));
    assert!(!ignore.excludes("# comment"));
}

#[test]
fn an_exception_inside_an_excluded_folder_keeps_it() {
    let ignore = Ignore::parse("docs\n!docs/keep.md\n");
    assert!(!ignore.excludes("docs"));
    assert!(!ignore.excludes("docs/keep.md"));
    assert!(ignore.excludes("docs/other.md"));
    // The last matching line decides.
    let ignore = Ignore::parse("!app.go\n*.go\n");
    assert!(ignore.excludes("app.go"));
}

#[test]
fn patterns_not_followed_judge_nothing() {
    assert!(!Ignore::parse("[ab].go\n").excludes("a.go"));
    assert!(!Ignore::parse("a**b\n").excludes("ab"));
}

#[test]
fn local_sources_skip_stages_urls_heredocs_and_variables() {
    let df = crate::syntax::dockerfile::parse(
        "FROM x AS b\nCOPY --from=b /a /a\nADD https://e.com/f /f\nCOPY <<EOF /g\nhi\nEOF\nCOPY $SRC go.mod ./\n",
    );
    let sources: Vec<String> = df
        .instructions
        .iter()
        .flat_map(local_sources)
        .map(|w| w.value.clone())
        .collect();
    assert_eq!(sources, vec!["go.mod".to_string()]);
}
