use super::paths::relative_to;
use super::*;

fn want(path: &str, kind: WantKind) -> Wanted {
    Wanted {
        path: path.to_string(),
        kind,
    }
}
use WantKind::{File, Folder};

#[test]
fn normalizes_posix_paths() {
    assert_eq!(normalize("./Dockerfile"), "Dockerfile");
    assert_eq!(normalize("a/../b//c/."), "b/c");
    assert_eq!(normalize("../../x"), "../../x");
    assert_eq!(normalize("."), ".");
    assert_eq!(normalize("a/.."), ".");
    assert_eq!(parent("Dockerfile"), ".");
    assert_eq!(parent("."), "..");
    assert_eq!(parent("../a/b"), "../a");
    assert_eq!(
        relative_to("/w/docker/Dockerfile", "/w/.devcontainer").as_deref(),
        Some("../docker/Dockerfile")
    );
    assert_eq!(
        relative_to("/w/.devcontainer/x", "/w/.devcontainer/").as_deref(),
        Some("x")
    );
    assert_eq!(relative_to("C:/w/x", "D:/w").as_deref(), None);
}

#[test]
fn dockerfile_and_context_relative_to_the_config_folder() {
    let p = Project::new(
        ".devcontainer/devcontainer.json",
        r#"{ "build": { "dockerfile": "./Dockerfile", "context": ".." } }"#,
    );
    assert_eq!(
        p.wanted(),
        vec![
            want(".", Folder),
            want("..", Folder),
            want("Dockerfile", File)
        ]
    );
    let legacy = Project::new(
        "d.json",
        r#"{ "dockerFile": "../docker/Dockerfile", "context": "../docker" }"#,
    );
    assert_eq!(
        legacy.wanted(),
        vec![
            want(".", Folder),
            want("../docker", Folder),
            want("../docker/Dockerfile", File)
        ]
    );
    // build.context without dockerFile at the top level is not the legacy context.
    let p = Project::new(
        "d.json",
        r#"{ "dockerFile": "Dockerfile", "build": { "context": "x" } }"#,
    );
    assert_eq!(
        p.wanted(),
        vec![want(".", Folder), want("Dockerfile", File)]
    );
}

#[test]
fn compose_files_string_or_array_then_their_builds() {
    let mut p = Project::new(
        "d.json",
        r#"{ "dockerComposeFile": ["../compose.yaml", "compose.dev.yaml"], "service": "app" }"#,
    );
    assert_eq!(
        p.wanted(),
        vec![
            want(".", Folder),
            want("../compose.yaml", File),
            want("compose.dev.yaml", File)
        ]
    );
    // The first Compose file's folder is the Compose project folder.
    p.add_text(
        "../compose.yaml",
        "services:\n  app:\n    build:\n      context: ./src\n      dockerfile: dev/Dockerfile\n",
    );
    p.add_text("compose.dev.yaml", "services:\n  app:\n    build: .\n");
    // Merged as `docker compose -f a -f b` does: the second file's context wins, and the first
    // file's `dockerfile` stays, relative to that context.
    assert_eq!(
        p.wanted(),
        vec![
            want(".", Folder),
            want("..", Folder),
            want("../dev/Dockerfile", File)
        ]
    );
    let single = Project::new("d.json", r#"{ "dockerComposeFile": "docker-compose.yml" }"#);
    assert_eq!(
        single.wanted(),
        vec![want(".", Folder), want("docker-compose.yml", File)]
    );
}

#[test]
fn only_the_services_that_start() {
    let mut p = Project::new(
        "d.json",
        r#"{ "dockerComposeFile": "c.yml", "service": "app", "runServices": ["app"] }"#,
    );
    p.add_text(
        "c.yml",
        "services:\n  app:\n    build: .\n  other:\n    build: ./other\n",
    );
    assert_eq!(
        p.wanted(),
        vec![want(".", Folder), want("Dockerfile", File)]
    );
}

#[test]
fn local_features_need_their_json() {
    let mut p = Project::new(
        "d.json",
        r#"{ "image": "x", "features": { "./local": {}, "../shared/feat": {}, "ghcr.io/a/b:1": {} } }"#,
    );
    assert_eq!(
        p.wanted(),
        vec![
            want("../shared/feat/devcontainer-feature.json", File),
            want("local/devcontainer-feature.json", File),
        ]
    );
    p.add("local/devcontainer-feature.json", Entry::Missing);
    p.add_text("../shared/feat/devcontainer-feature.json", "{}");
    // A missing one asks for the listing of the folder it should be in.
    assert_eq!(p.wanted(), vec![want(".", Folder)]);
    p.add(".", Entry::Folder(vec!["locl/".into()]));
    assert!(p.wanted().is_empty());
}

#[test]
fn a_missing_file_asks_for_its_folder_once_then_nothing() {
    let mut p = Project::new(
        "d.json",
        r#"{ "build": { "dockerfile": "docker/Dockerfile" } }"#,
    );
    p.add("docker/Dockerfile", Entry::Missing);
    assert_eq!(p.wanted(), vec![want(".", Folder), want("docker", Folder)]);
    p.add("docker", Entry::Missing);
    p.add(".", Entry::Folder(vec!["devcontainer.json".into()]));
    assert!(p.wanted().is_empty());
}

#[test]
fn the_folder_is_listed_for_file_name_completion() {
    // An image configuration names no file: nothing to list.
    assert!(
        Project::new("d.json", r#"{ "image": "x" }"#)
            .wanted()
            .is_empty()
    );
    // `"dockerComposeFile": ""` while typing names no file yet, but its names are wanted.
    let p = Project::new("d.json", r#"{ "dockerComposeFile": "" }"#);
    assert_eq!(p.wanted(), vec![want(".", Folder)]);
    // A value that ends in `/` is a folder being typed into: it is listed too.
    let p = Project::new("d.json", r#"{ "build": { "dockerfile": "docker/" } }"#);
    assert_eq!(
        p.wanted(),
        vec![
            want(".", Folder),
            want("docker", File),
            want("docker", Folder)
        ]
    );
}

#[test]
fn variables_expand_or_the_path_is_skipped() {
    let text = r#"{ "build": { "dockerfile": "${localWorkspaceFolder}/docker/${localWorkspaceFolderBasename}.Dockerfile", "context": "${localEnv:CTX:..}" }, "dockerComposeFile": ["${localEnv:NOPE}/c.yml", "${containerWorkspaceFolder}/x.yml", "${localEnv:DIR}/y.yml"] }"#;
    let mut p = Project::new("/w/app/.devcontainer/devcontainer.json", text);
    // Without the workspace or the config folder, only the default and host-given env expand.
    p.local_env.insert("DIR".into(), "sub".into());
    assert_eq!(
        p.wanted(),
        vec![
            want(".", Folder),
            want("..", Folder),
            want("sub/y.yml", File)
        ]
    );
    p.workspace_folder = Some("/w/app".into());
    p.config_folder = Some("/w/app/.devcontainer".into());
    assert_eq!(
        p.wanted(),
        vec![
            want(".", Folder),
            want("..", Folder),
            want("../docker/app.Dockerfile", File),
            want("sub/y.yml", File)
        ]
    );
    p.local_env.insert("CTX".into(), "ctx".into());
    assert!(p.wanted().contains(&want("ctx", Folder)));
}

#[test]
fn unresolvable_or_odd_values_are_skipped() {
    let p = Project::new(
        "d.json",
        r#"{ "build": { "dockerfile": 3, "context": "" }, "dockerComposeFile": [null, "/abs/c.yml", "${unclosed"], "features": { "/abs": {} } }"#,
    );
    // Only the listing for file-name completion: none of these values names a file.
    assert_eq!(p.wanted(), vec![want(".", Folder)]);
    let mut isolated = Project::new("-", r#"{ "build": { "dockerfile": "Dockerfile" } }"#);
    isolated.isolated = true;
    assert!(isolated.wanted().is_empty());
    assert!(Project::new("d.json", "not json {").wanted().is_empty());
}

#[test]
fn files_are_numbered_and_replaced_in_place() {
    let mut p = Project::new("main.json", "{}");
    let a = p.add_text("./a", "1");
    let b = p.add("b", Entry::Missing);
    assert_eq!((a, b), (FileId(1), FileId(2)));
    assert_eq!(p.add_text("a", "2"), a);
    assert_eq!(p.text(a), Some("2"));
    assert_eq!(p.text(b), None);
    assert_eq!(p.path(FileId::MAIN), Some("main.json"));
    assert!(p.set_text(a, "3".into()) && !p.set_text(b, "x".into()));
    assert_eq!(
        p.texts().map(|(id, _, _)| id).collect::<Vec<_>>(),
        vec![FileId::MAIN, a]
    );
}

#[test]
fn copy_sources_ask_for_the_folders_they_lead_through() {
    let mut p = Project::new(
        "d.json",
        r#"{ "build": { "dockerfile": "Dockerfile", "context": ".." } }"#,
    );
    p.add_text(
        "Dockerfile",
        "FROM golang:1.24\nCOPY --from=golang:1.24 /x /x\nCOPY cmd/app/main.go scripts/*.sh ./\n",
    );
    p.add(
        "..",
        Entry::Folder(vec![".dockerignore".into(), "cmd/".into()]),
    );
    p.add(".", Entry::Folder(vec!["Dockerfile".into()]));
    assert_eq!(
        p.wanted(),
        vec![
            want("../.dockerignore", File),
            want("../cmd", Folder),
            want("../cmd/app", Folder),
            want("../scripts", Folder),
        ]
    );
    // A Dockerfile without local sources asks for nothing more.
    p.add_text("Dockerfile", "FROM golang:1.24\nRUN go version\n");
    assert!(p.wanted().is_empty());
}
