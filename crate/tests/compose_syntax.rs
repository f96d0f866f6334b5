//! The Compose reader: every attribute form with its exact range (asserted as a slice of the
//! input), merging two and three files, interpolation, CRLF, BOM, multi-byte text, YAML errors
//! with their position, hostile YAML, and every Compose file of `../shared/corpus/folders`.

use devcontainer_doctor::syntax::compose::{
    self, CommandForm, ComposeFile, MAX_ALIAS_EXPANSION, Service, Str, interpolate, merge, parse,
    parse_with_env, volume_target,
};
use devcontainer_doctor::text::TextRange;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn at(text: &str, r: TextRange) -> &str {
    &text[r.start..r.end]
}

fn ok(text: &str) -> ComposeFile {
    let f = parse(text);
    assert!(f.errors.is_empty(), "{:?}", f.errors);
    f
}

fn svc<'a>(f: &'a ComposeFile, name: &str) -> &'a Service {
    f.service(name)
        .unwrap_or_else(|| panic!("no service {name}"))
}

fn values(list: &[Str]) -> Vec<&str> {
    list.iter().map(|s| s.value.as_str()).collect()
}

#[test]
fn services_by_name_with_name_ranges() {
    let t = "services:\n  app:\n    image: a\n  \"db\": {image: b}\n  cache:\n";
    let f = ok(t);
    let names: Vec<_> = f.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["app", "db", "cache"]);
    assert_eq!(at(t, svc(&f, "app").name_range), "app");
    assert_eq!(at(t, svc(&f, "db").name_range), "\"db\"");
    assert_eq!(at(t, svc(&f, "cache").name_range), "cache");
    assert_eq!(svc(&f, "cache").image, None);
}

#[test]
fn scalars_image_user_privileged() {
    let t = "name: proj\nservices:\n  app:\n    image: 'golang:1.22'\n    user: \"1000:1000\"\n    privileged: true\n";
    let f = ok(t);
    let s = svc(&f, "app");
    let image = s.image.as_ref().unwrap();
    assert_eq!(image.value, "golang:1.22");
    assert_eq!(at(t, image.range), "'golang:1.22'");
    assert_eq!(at(t, s.user.as_ref().unwrap().range), "\"1000:1000\"");
    assert_eq!(at(t, s.privileged.as_ref().unwrap().range), "true");
    assert_eq!(f.name.as_ref().unwrap().value, "proj");
}

#[test]
fn build_string_and_map_forms() {
    let t = "services:\n  a:\n    build: ./app\n  b:\n    build:\n      context: ..\n      dockerfile: .devcontainer/Dockerfile\n      target: dev\n      args:\n        - GO_VERSION=1.22\n        - EMPTY\n  c:\n    build:\n      context: .\n      args:\n        NODE: \"20\"\n        PLAIN:\n";
    let f = ok(t);
    let a = svc(&f, "a").build.as_ref().unwrap();
    assert!(a.short);
    assert_eq!(at(t, a.context.as_ref().unwrap().range), "./app");
    let b = svc(&f, "b").build.as_ref().unwrap();
    assert!(!b.short);
    assert_eq!(at(t, b.context.as_ref().unwrap().range), "..");
    assert_eq!(
        at(t, b.dockerfile.as_ref().unwrap().range),
        ".devcontainer/Dockerfile"
    );
    assert_eq!(at(t, b.target.as_ref().unwrap().range), "dev");
    assert_eq!(b.args.len(), 2);
    assert_eq!(at(t, b.args[0].name_range), "GO_VERSION");
    assert_eq!(at(t, b.args[0].value.as_ref().unwrap().range), "1.22");
    assert_eq!(at(t, b.args[0].range), "GO_VERSION=1.22");
    assert_eq!(b.args[1].name, "EMPTY");
    assert!(b.args[1].value.is_none());
    let c = svc(&f, "c").build.as_ref().unwrap();
    assert_eq!(at(t, c.args[0].name_range), "NODE");
    assert_eq!(at(t, c.args[0].value.as_ref().unwrap().range), "\"20\"");
    assert_eq!(at(t, c.args[0].range), "NODE: \"20\"");
    assert!(c.args[1].value.is_none());
    assert_eq!(at(t, b.range).lines().next(), Some("context: .."));
}

#[test]
fn cap_add_security_opt_profiles_lists() {
    let t = "services:\n  app:\n    cap_add:\n      - SYS_PTRACE\n      - \"NET_ADMIN\"\n    security_opt: [seccomp:unconfined, 'apparmor:unconfined']\n    profiles: [debug]\n";
    let f = ok(t);
    let s = svc(&f, "app");
    assert_eq!(values(&s.cap_add), ["SYS_PTRACE", "NET_ADMIN"]);
    assert_eq!(at(t, s.cap_add[1].range), "\"NET_ADMIN\"");
    assert_eq!(at(t, s.security_opt[0].range), "seccomp:unconfined");
    assert_eq!(at(t, s.security_opt[1].range), "'apparmor:unconfined'");
    assert_eq!(at(t, s.profiles[0].range), "debug");
}

#[test]
fn environment_list_and_map_forms() {
    let t = "services:\n  a:\n    environment:\n      - CGO_ENABLED=0\n      - \"GOFLAGS=-race\"\n      - HOME\n      - EMPTY=\n  b:\n    environment:\n      CGO_ENABLED: 0\n      QUOTED: 'x y'\n      UNSET:\n";
    let f = ok(t);
    let a = &svc(&f, "a").environment;
    assert_eq!(at(t, a[0].name_range), "CGO_ENABLED");
    assert_eq!(at(t, a[0].value.as_ref().unwrap().range), "0");
    assert_eq!(at(t, a[0].range), "CGO_ENABLED=0");
    assert_eq!(at(t, a[1].name_range), "GOFLAGS");
    assert_eq!(at(t, a[1].value.as_ref().unwrap().range), "-race");
    assert_eq!(a[2].name, "HOME");
    assert!(a[2].value.is_none());
    assert_eq!(a[3].value.as_ref().unwrap().value, "");
    let b = svc(&f, "b");
    assert_eq!(at(t, b.environment[0].name_range), "CGO_ENABLED");
    assert_eq!(at(t, b.environment[0].value.as_ref().unwrap().range), "0");
    assert_eq!(
        at(t, b.environment[1].value.as_ref().unwrap().range),
        "'x y'"
    );
    assert!(b.env("UNSET").unwrap().value.is_none());
    assert_eq!(
        b.env("QUOTED").unwrap().value.as_ref().unwrap().value,
        "x y"
    );
}

#[test]
fn env_file_string_list_and_long_forms() {
    let t = "services:\n  a:\n    env_file: .env\n  b:\n    env_file:\n      - a.env\n      - path: ./b.env\n        required: false\n";
    let f = ok(t);
    assert_eq!(at(t, svc(&f, "a").env_file[0].range), ".env");
    let b = &svc(&f, "b").env_file;
    assert_eq!(values(b), ["a.env", "./b.env"]);
    assert_eq!(at(t, b[1].range), "./b.env");
}

#[test]
fn ports_and_volumes_short_and_long() {
    let t = "services:\n  app:\n    ports:\n      - \"2345:2345\"\n      - 8080\n      - target: 80\n        published: \"8081\"\n    volumes:\n      - ..:/workspace:cached\n      - type: volume\n        source: gomod\n        target: /go/pkg/mod\n";
    let f = ok(t);
    let s = svc(&f, "app");
    assert_eq!(
        at(t, s.ports[0].short.as_ref().unwrap().range),
        "\"2345:2345\""
    );
    assert_eq!(at(t, s.ports[1].range), "8080");
    assert_eq!(
        at(t, s.ports[2].field("published").unwrap().range),
        "\"8081\""
    );
    assert!(at(t, s.ports[2].range).starts_with("target: 80"));
    assert_eq!(at(t, s.volumes[0].range), "..:/workspace:cached");
    assert_eq!(volume_target(&s.volumes[0]), "/workspace");
    assert_eq!(volume_target(&s.volumes[1]), "/go/pkg/mod");
    assert_eq!(at(t, s.volumes[1].field("source").unwrap().range), "gomod");
}

#[test]
fn command_and_entrypoint_string_and_list() {
    let t = "services:\n  app:\n    command: sleep infinity\n    entrypoint: [\"dlv\", \"--listen=:2345\"]\n  b:\n    command:\n      - /bin/sh\n      - -c\n";
    let f = ok(t);
    let s = svc(&f, "app");
    let c = s.command.as_ref().unwrap();
    assert_eq!(at(t, c.range), "sleep infinity");
    assert!(matches!(&c.form, CommandForm::Shell(x) if x.value == "sleep infinity"));
    let e = s.entrypoint.as_ref().unwrap();
    assert_eq!(at(t, e.range), "[\"dlv\", \"--listen=:2345\"]");
    let CommandForm::Exec(args) = &e.form else {
        panic!("exec form")
    };
    assert_eq!(at(t, args[1].range), "\"--listen=:2345\"");
    let b = svc(&f, "b").command.as_ref().unwrap();
    assert_eq!(at(t, b.range), "- /bin/sh\n      - -c");
}

#[test]
fn multibyte_text_gives_byte_ranges() {
    let t = "# 開発 😀 コンテナ\nservices:\n  アプリ:\n    image: \"ñ中😀/img\"\n    environment:\n      - 名前=値😀\n    user: é\n";
    let f = ok(t);
    let s = svc(&f, "アプリ");
    assert_eq!(at(t, s.name_range), "アプリ");
    assert_eq!(at(t, s.image.as_ref().unwrap().range), "\"ñ中😀/img\"");
    assert_eq!(at(t, s.environment[0].name_range), "名前");
    assert_eq!(
        at(t, s.environment[0].value.as_ref().unwrap().range),
        "値😀"
    );
    assert_eq!(at(t, s.user.as_ref().unwrap().range), "é");
}

#[test]
fn crlf_and_bom() {
    let t = "\u{feff}services:\r\n  app:\r\n    image: golang\r\n    command:\r\n      - a\r\n      - b\r\n";
    let f = ok(t);
    let s = svc(&f, "app");
    assert_eq!(at(t, s.name_range), "app");
    assert_eq!(at(t, s.image.as_ref().unwrap().range), "golang");
    assert_eq!(at(t, s.command.as_ref().unwrap().range), "- a\r\n      - b");
}

#[test]
fn block_scalars_end_at_their_text() {
    let t = "services:\n  app:\n    command: |\n      go run .\n      echo 😀\n\n    user: x\n";
    let f = ok(t);
    let c = svc(&f, "app").command.as_ref().unwrap();
    assert_eq!(at(t, c.range), "go run .\n      echo 😀");
}

#[test]
fn merge_keys_and_aliases() {
    let t = "x-common: &common\n  image: base\n  environment: [A=1]\nservices:\n  app:\n    <<: *common\n    image: mine\n  db:\n    <<: [*common]\n";
    let f = ok(t);
    assert_eq!(svc(&f, "app").image.as_ref().unwrap().value, "mine");
    let db = svc(&f, "db");
    assert_eq!(at(t, db.image.as_ref().unwrap().range), "base");
    assert_eq!(db.environment[0].name, "A");
}

#[test]
fn multiple_documents_merge_in_order() {
    let t = "services:\n  app:\n    image: a\n---\nservices:\n  app:\n    user: me\n  db: {}\n";
    let f = ok(t);
    let app = svc(&f, "app");
    assert_eq!(app.image.as_ref().unwrap().value, "a");
    assert_eq!(app.user.as_ref().unwrap().value, "me");
    assert_eq!(app.defined_in.len(), 2);
    assert!(f.service("db").is_some());
}

const BASE: &str = "services:\n  app:\n    image: golang:1.21\n    build:\n      context: .\n      args: [A=1, B=2]\n    cap_add: [SYS_PTRACE]\n    security_opt: [seccomp:unconfined]\n    environment:\n      CGO_ENABLED: \"1\"\n      KEEP: yes\n    env_file: a.env\n    ports: [\"2345:2345\", \"8080:80\"]\n    command: sleep infinity\n    volumes: [\"..:/workspace:cached\", \"gomod:/go/pkg/mod\"]\n    profiles: [dev]\n";
const OVER: &str = "services:\n  app:\n    image: golang:1.22\n    build:\n      dockerfile: Dockerfile.dev\n      args:\n        B: \"3\"\n    cap_add: [SYS_PTRACE, NET_ADMIN]\n    security_opt: [seccomp:unconfined]\n    environment:\n      - CGO_ENABLED=0\n      - NEW=1\n    env_file: [a.env, b.env]\n    ports: [\"2345:2345\", \"9000:9000\"]\n    command: [\"dlv\", \"debug\"]\n    volumes: [\"../src:/workspace\"]\n    profiles: [dev, debug]\n  db:\n    image: postgres\n";

#[test]
fn merge_two_files() {
    let (a, b) = (ok(BASE), ok(OVER));
    let m = merge([&a, &b]);
    let s = m.service("app").unwrap();
    let image = s.image.as_ref().unwrap();
    assert_eq!((image.value.as_str(), image.file), ("golang:1.22", 1));
    assert_eq!(at(OVER, image.range), "golang:1.22");
    let build = s.build.as_ref().unwrap();
    assert_eq!(build.context.as_ref().unwrap().file, 0);
    assert_eq!(build.dockerfile.as_ref().unwrap().file, 1);
    let args: Vec<_> = build
        .args
        .iter()
        .map(|v| {
            (
                v.name.as_str(),
                v.value.as_ref().unwrap().value.as_str(),
                v.file,
            )
        })
        .collect();
    assert_eq!(args, [("A", "1", 0), ("B", "3", 1)]);
    assert_eq!(values(&s.cap_add), ["SYS_PTRACE", "NET_ADMIN"]);
    assert_eq!(s.cap_add[0].file, 1);
    assert_eq!(
        values(&s.security_opt),
        ["seccomp:unconfined", "seccomp:unconfined"]
    );
    let env: Vec<_> = s
        .environment
        .iter()
        .map(|v| (v.name.as_str(), v.file))
        .collect();
    assert_eq!(env, [("CGO_ENABLED", 1), ("KEEP", 0), ("NEW", 1)]);
    let cgo = s.env("CGO_ENABLED").unwrap();
    assert_eq!(at(OVER, cgo.range), "CGO_ENABLED=0");
    assert_eq!(values(&s.env_file), ["a.env", "b.env"]);
    let ports: Vec<_> = s
        .ports
        .iter()
        .map(|p| p.short.as_ref().unwrap().value.as_str())
        .collect();
    assert_eq!(ports, ["2345:2345", "8080:80", "9000:9000"]);
    let cmd = s.command.as_ref().unwrap();
    assert!(matches!(&cmd.form, CommandForm::Exec(a) if a.len() == 2));
    assert_eq!(cmd.file, 1);
    let vols: Vec<_> = s
        .volumes
        .iter()
        .map(|v| (volume_target(v), v.file))
        .collect();
    assert_eq!(
        vols,
        [
            ("/workspace".to_string(), 1),
            ("/go/pkg/mod".to_string(), 0)
        ]
    );
    assert_eq!(values(&s.profiles), ["dev", "debug"]);
    assert_eq!(s.defined_in.len(), 2);
    assert_eq!((s.file, at(BASE, s.name_range)), (0, "app"));
    let db = m.service("db").unwrap();
    assert_eq!((db.file, at(OVER, db.name_range)), (1, "db"));
}

#[test]
fn merge_three_files_with_reset_and_override() {
    let third = "services:\n  app:\n    build: ./other\n    ports: !reset []\n    cap_add: !override [SYS_ADMIN]\n    environment:\n      KEEP: no\n  extra:\n    image: redis\n";
    let (a, b, c) = (ok(BASE), ok(OVER), ok(third));
    let m = merge([&a, &b, &c]);
    let names: Vec<_> = m.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["app", "db", "extra"]);
    let s = m.service("app").unwrap();
    assert!(s.ports.is_empty());
    assert_eq!(values(&s.cap_add), ["SYS_ADMIN"]);
    assert_eq!(s.cap_add[0].file, 2);
    let build = s.build.as_ref().unwrap();
    let ctx = build.context.as_ref().unwrap();
    assert_eq!((ctx.value.as_str(), ctx.file), ("./other", 2));
    assert_eq!(build.dockerfile.as_ref().unwrap().value, "Dockerfile.dev");
    let keep = s.env("KEEP").unwrap();
    assert_eq!(
        (keep.file, keep.value.as_ref().unwrap().value.as_str()),
        (2, "no")
    );
    let files: Vec<_> = s.defined_in.iter().map(|o| o.file).collect();
    assert_eq!(files, [0, 1, 2]);
    assert_eq!(m.service("extra").unwrap().file, 2);
}

#[test]
fn interpolation_forms() {
    let env: HashMap<String, String> = [("SET", "v"), ("EMPTY", "")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let cases = [
        ("${SET}", "v", false),
        ("$SET/x", "v/x", false),
        ("${UNSET}", "${UNSET}", true),
        ("$UNSET", "$UNSET", true),
        ("${UNSET:-d}", "d", false),
        ("${UNSET-d}", "d", false),
        ("${EMPTY:-d}", "d", false),
        ("${EMPTY-d}", "", false),
        ("${SET:-d}", "v", false),
        ("${UNSET:-${SET}}", "v", false),
        ("${UNSET:-${ALSO}}", "${ALSO}", true),
        ("${SET:+alt}", "alt", false),
        ("${UNSET:+alt}", "", false),
        ("${UNSET:?needed}", "${UNSET:?needed}", true),
        ("$${SET} $$", "${SET} $", false),
        ("a $ b", "a $ b", false),
        ("go:${GO:-1.22}-bookworm", "go:1.22-bookworm", false),
    ];
    for (raw, value, unresolved) in cases {
        let got = interpolate(raw, &env);
        assert_eq!(
            (got.value.as_str(), got.unresolved),
            (value, unresolved),
            "{raw}"
        );
        assert!(got.error.is_none(), "{raw}");
    }
    assert!(interpolate("${OPEN", &env).error.is_some());
    assert!(interpolate("${1BAD}", &env).error.is_some());
    assert_eq!(interpolate("${OPEN", &env).value, "${OPEN");
}

#[test]
fn interpolation_in_files_keeps_raw_text() {
    let t = "services:\n  app:\n    image: \"golang:${GO_VERSION:-1.22}\"\n    user: ${USER_ID}\n    environment:\n      - TOKEN=${TOKEN}\n    build:\n      args: [\"V=${V-7}\"]\n    ports: [\"${PORT:-2345}:2345\"]\n";
    let f = ok(t);
    let s = svc(&f, "app");
    assert_eq!(s.image.as_ref().unwrap().value, "golang:1.22");
    assert_eq!(s.image.as_ref().unwrap().raw, "golang:${GO_VERSION:-1.22}");
    let user = s.user.as_ref().unwrap();
    assert!(user.unresolved);
    assert_eq!(user.value, "${USER_ID}");
    assert_eq!(s.ports[0].short.as_ref().unwrap().value, "2345:2345");
    let env: HashMap<String, String> = [
        ("USER_ID".to_string(), "1000".to_string()),
        ("TOKEN".to_string(), "t".to_string()),
    ]
    .into();
    let f = parse_with_env(t, &env);
    let s = svc(&f, "app");
    assert_eq!(s.user.as_ref().unwrap().value, "1000");
    assert_eq!(s.environment[0].value.as_ref().unwrap().value, "t");
    assert_eq!(
        s.build.as_ref().unwrap().args[0]
            .value
            .as_ref()
            .unwrap()
            .value,
        "7"
    );
    let bad = parse("services:\n  app:\n    image: x${OPEN\n");
    assert_eq!(bad.errors.len(), 1);
    assert_eq!(
        at(
            "services:\n  app:\n    image: x${OPEN\n",
            bad.errors[0].range
        ),
        "${OPEN"
    );
}

#[test]
fn yaml_syntax_errors_keep_what_came_before() {
    let t =
        "services:\n  app:\n    image: golang\n  db:\n    image: [postgres\n  web:\n    image: x\n";
    let f = parse(t);
    // The cut flow list may also be reported as a list where a string belongs.
    let e = &f.errors[0];
    assert_eq!(e.code, "compose-yaml-syntax");
    assert!(e.range.start > t.find("[postgres").unwrap(), "{e:?}");
    assert_eq!(svc(&f, "app").image.as_ref().unwrap().value, "golang");
    let tab = parse("services:\n\tapp:\n");
    // The crate points just after the tab, on the second line.
    assert_eq!(
        tab.errors[0].range,
        TextRange::new(11, 12),
        "{:?}",
        tab.errors
    );
}

#[test]
fn misshapen_values_are_errors_on_the_value() {
    let t = "services:\n  app:\n    cap_add: SYS_PTRACE\n    image: [a]\n    environment: 3\n    ports: {a: 1}\n    user: me\n";
    let f = parse(t);
    let got: Vec<_> = f.errors.iter().map(|e| at(t, e.range)).collect();
    assert_eq!(got, ["SYS_PTRACE", "[a]", "3", "{a: 1}"]);
    assert_eq!(svc(&f, "app").user.as_ref().unwrap().value, "me");
    let dup = parse("services:\n  app: {}\n  app: {}\n");
    assert_eq!(dup.errors[0].code, "compose-yaml-duplicate-key");
    assert!(parse("").errors.is_empty());
    assert!(!parse("- a\n").errors.is_empty());
}

fn quick(text: &str) -> (ComposeFile, Duration) {
    let start = Instant::now();
    let f = parse(text);
    (f, start.elapsed())
}

#[test]
fn hostile_nesting_is_bounded() {
    let flow = format!("services: {}", "[".repeat(100_000));
    let (f, took) = quick(&flow);
    assert!(!f.errors.is_empty());
    assert!(took < Duration::from_secs(2), "{took:?}");
    let mut block = String::from("services:\n");
    for i in 0..2_000 {
        block.push_str(&" ".repeat(2 + i));
        block.push_str("a:\n");
    }
    let (f, took) = quick(&block);
    assert!(f.errors.iter().any(|e| e.code == "compose-yaml-depth"));
    assert!(took < Duration::from_secs(5), "{took:?}");
    let dashes = format!(
        "services:\n  app:\n    command: {}x\n",
        "- ".repeat(100_000)
    );
    let (_, took) = quick(&dashes);
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn alias_bombs_are_bounded() {
    let mut t = String::from("x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..40 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        t.push_str(&format!("x{i}: &a{i} [{refs}]\n"));
    }
    t.push_str("services:\n  app:\n    command: *a39\n    cap_add: *a39\n");
    let (f, took) = quick(&t);
    assert!(
        f.errors.iter().any(|e| e.code == "compose-yaml-aliases"),
        "{:?}",
        f.errors
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
    let mut merges = String::from("b0: &b0 {k0: v}\n");
    for i in 1..2_000 {
        merges.push_str(&format!("b{i}: &b{i} {{<<: *b{}, k{i}: v}}\n", i - 1));
    }
    let (f, took) = quick(&merges);
    assert!(f.errors.iter().any(|e| e.code == "compose-yaml-aliases"));
    assert!(took < Duration::from_secs(2), "{took:?}");
    const { assert!(MAX_ALIAS_EXPANSION >= 10_000) };
}

#[test]
fn megabyte_scalars_and_many_services() {
    let big = "x".repeat(1 << 20);
    let t = format!(
        "services:\n  app:\n    image: \"{big}\"\n    command: {big}\n    environment: [\"A={big}\"]\n"
    );
    let (f, took) = quick(&t);
    assert!(f.errors.is_empty());
    assert_eq!(svc(&f, "app").image.as_ref().unwrap().value.len(), 1 << 20);
    assert!(took < Duration::from_secs(5), "{took:?}");
    let mut many = String::from("services:\n");
    for i in 0..20_000 {
        many.push_str(&format!("  s{i}:\n    image: i{i}\n"));
    }
    let (f, took) = quick(&many);
    assert_eq!(f.services.len(), 20_000);
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut seed: u64 = 7;
    let alphabet: Vec<char> = "ab:- \n\t[]{},&*!|>'\"#%@?~\\\r<0$\u{feff}é中😀"
        .chars()
        .collect();
    for _ in 0..20_000 {
        let len = (seed % 60) as usize;
        let text: String = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                alphabet[(seed % alphabet.len() as u64) as usize]
            })
            .collect();
        let f = parse(&text);
        for e in &f.errors {
            assert!(e.range.end <= text.len() && text.is_char_boundary(e.range.start));
        }
    }
}

/// The names under `services:` found by indentation alone, to compare with the reader.
fn services_by_indent(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    let mut indent = None;
    for line in text.lines() {
        let body = line.trim_start();
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let depth = line.len() - body.len();
        if depth == 0 {
            inside = body.trim_end() == "services:";
            continue;
        }
        if !inside {
            continue;
        }
        let want = *indent.get_or_insert(depth);
        if depth == want
            && let Some(name) = body.trim_end().strip_suffix(':')
        {
            names.push(name.trim_matches(['"', '\'']).to_string());
        }
    }
    names
}

fn corpus_compose_files() -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/folders");
    if !dir.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing on CI",
            dir.display()
        );
        eprintln!("skipped: {} is absent in this clone", dir.display());
        return None;
    }
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(d).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_lowercase();
            if path.is_dir() {
                stack.push(path);
            } else if name.contains("compose")
                && (name.ends_with(".yml") || name.ends_with(".yaml"))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Some(files)
}

#[test]
fn every_corpus_compose_file_reads_cleanly() {
    let Some(files) = corpus_compose_files() else {
        return;
    };
    assert!(files.len() >= 40, "{}", files.len());
    let mut services = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let f = parse(&text);
        assert!(f.errors.is_empty(), "{}: {:?}", path.display(), f.errors);
        let found: Vec<_> = f.services.iter().map(|s| s.name.clone()).collect();
        let mut want = services_by_indent(&text);
        want.dedup();
        assert_eq!(found, want, "{}", path.display());
        for s in &f.services {
            assert_eq!(at(&text, s.name_range).trim_matches(['"', '\'']), s.name);
            if let Some(image) = &s.image {
                assert!(at(&text, image.range).contains(image.raw.as_str()));
            }
        }
        services += found.len();
        let again = compose::merge([&f, &f]);
        assert_eq!(again.services.len(), f.services.len());
    }
    eprintln!("{} compose files, {services} services", files.len());
}
