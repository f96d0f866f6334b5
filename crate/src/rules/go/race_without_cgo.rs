//! `-race` with `CGO_ENABLED=0`: the race detector needs cgo on Linux, so go stops with
//! "-race requires cgo".
//!
//! The environment is resolved the way the command sees it: for a command, its inline
//! `NAME=value` words, then `remoteEnv`, then `containerEnv`; for `go.testFlags`, the Go
//! extension's `go.testEnvVars` and `go.toolsEnvVars` come first. Below those lie the files of
//! the container (`crate::container`): the Compose service's `environment`, then the `ENV` of
//! the Dockerfile's built stage; a value found there is named by file and line. `build.args`
//! reaches the container only through such an `ENV`.
//!
//! Examples: the fixtures in `crate/tests/fixtures/rules/` (`go-race-without-cgo/`).

use crate::diag::{Diagnostic, Severity};
use crate::rules::support::commands::root_key;
use crate::rules::support::config::{line_number, setting};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};
use crate::syntax::NodeRef;
use crate::syntax::shell::{Command, program_name};
use crate::text::TextRange;

pub const GO_RACE_WITHOUT_CGO: RuleInfo = RuleInfo {
    code: "go-race-without-cgo",
    aliases: &[],
    severity: Severity::Error,
    summary: "go -race needs cgo, but CGO_ENABLED=0 is set for it.",
    why: "The race detector needs cgo on Linux, so `go test -race` with `CGO_ENABLED=0` stops with \"-race requires cgo\". The environment is resolved the way the command sees it.",
    fix: FixSafety::None,
    domain: Domain::Go,
};

pub const CODES: &[RuleInfo] = &[GO_RACE_WITHOUT_CGO];

const GO_SUBCOMMANDS_WITH_RACE: &[&str] = &["test", "build", "run", "install"];

/// Where the effective CGO_ENABLED=0 comes from.
#[derive(Clone)]
struct CgoOff {
    place: String,
    offset: Option<usize>,
    /// What to do instead, when the value comes from another file.
    advice: Option<String>,
}

/// CGO_ENABLED=0 from the Dockerfile's `ENV` or the Compose service's `environment`, when no
/// layer of devcontainer.json set it.
fn files_off(cx: &Context) -> Option<CgoOff> {
    let container = cx.container()?;
    let env = container.env_from_files("CGO_ENABLED")?;
    if env.value.as_deref().map(str::trim) != Some("0") {
        return None;
    }
    let project = cx.project?;
    let path = project.path(env.place.file)?;
    let line = cx
        .file_line_index(env.place.file)?
        .line_of(env.place.range.start)
        + 1;
    let what = match env.source {
        crate::container::Source::Compose => "the Compose service's environment",
        _ => "an ENV of the Dockerfile",
    };
    let alpine = if container.os == crate::container::OsFamily::Alpine {
        " (on Alpine, cgo also needs a C compiler: apk add gcc musl-dev)"
    } else {
        ""
    };
    Some(CgoOff {
        place: format!("in {what} ({path}:{line})"),
        offset: None,
        advice: Some(format!(
            "Remove CGO_ENABLED=0 there, or set \"containerEnv\": {{\"CGO_ENABLED\": \"1\"}} here{alpine}; or drop -race."
        )),
    })
}

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else {
        return;
    };
    let remote_env = root.get("remoteEnv");
    let container_env = root.get("containerEnv");
    // The files' environment is the same for every command: look it up once, not per finding.
    let files = std::cell::OnceCell::new();
    let files_off = || files.get_or_init(|| files_off(cx)).clone();
    for command in cx.commands() {
        // initializeCommand runs on the host, outside the container's environment.
        if root_key(cx, command.origin) == Some("initializeCommand") {
            continue;
        }
        let Some(race) = race_word(command) else {
            continue;
        };
        let inline = command
            .assignments()
            .filter(|(name, _)| *name == "CGO_ENABLED")
            .last()
            .map(|(_, v)| v);
        let off = match inline {
            Some("0") => Some(CgoOff {
                place: "on the command line".to_string(),
                offset: None,
                advice: None,
            }),
            Some(_) => None,
            None => env_off(&[("remoteEnv", remote_env), ("containerEnv", container_env)]).or_else(
                || {
                    let set = env_sets(&[remote_env, container_env]);
                    if set { None } else { files_off() }
                },
            ),
        };
        if let Some(off) = off {
            out.push(report(cx, race, &off));
        }
    }
    let test_env = setting(cx, "go.testEnvVars");
    let tools_env = setting(cx, "go.toolsEnvVars");
    for (key, layers) in [
        (
            "go.testFlags",
            vec![
                ("go.testEnvVars", test_env),
                ("go.toolsEnvVars", tools_env),
                ("remoteEnv", remote_env),
                ("containerEnv", container_env),
            ],
        ),
        (
            "go.buildFlags",
            vec![
                ("go.toolsEnvVars", tools_env),
                ("remoteEnv", remote_env),
                ("containerEnv", container_env),
            ],
        ),
    ] {
        let Some(flags) = setting(cx, key) else {
            continue;
        };
        let Some(race) = flags.items().find(|i| i.as_str().is_some_and(is_race_flag)) else {
            continue;
        };
        let nodes: Vec<_> = layers.iter().map(|(_, n)| *n).collect();
        let off = env_off(&layers).or_else(|| if env_sets(&nodes) { None } else { files_off() });
        if let Some(off) = off {
            out.push(report(cx, race.range(), &off));
        }
    }
}

fn is_race_flag(word: &str) -> bool {
    matches!(word, "-race" | "--race" | "-race=true" | "--race=true")
}

/// The range of `-race` in a `go test|build|run|install` command.
fn race_word(command: &Command) -> Option<TextRange> {
    if command.program().is_none_or(|p| program_name(p) != "go") {
        return None;
    }
    let args = command.args();
    let sub = args.first()?;
    if !GO_SUBCOMMANDS_WITH_RACE.contains(&sub.text.as_str()) {
        return None;
    }
    args.iter()
        .take_while(|w| w.text != "-args" && w.text != "--args")
        .find(|w| is_race_flag(&w.text))
        .map(|w| w.range)
}

/// Whether any of these objects sets CGO_ENABLED (to anything).
fn env_sets(layers: &[Option<NodeRef>]) -> bool {
    layers
        .iter()
        .any(|e| e.is_some_and(|e| e.get("CGO_ENABLED").is_some()))
}

/// The first layer that sets CGO_ENABLED decides; only "0" is reported.
fn env_off(layers: &[(&str, Option<NodeRef>)]) -> Option<CgoOff> {
    for (place, env) in layers {
        let Some(value) = env.and_then(|e| e.get("CGO_ENABLED")) else {
            continue;
        };
        let is_zero = value.as_str().map(str::trim) == Some("0") || value.as_i64() == Some(0);
        return is_zero.then(|| CgoOff {
            place: (*place).to_string(),
            offset: Some(value.range().start),
            advice: None,
        });
    }
    None
}

fn report(cx: &Context, range: TextRange, off: &CgoOff) -> Diagnostic {
    let place = match off.offset {
        Some(offset) => format!("in {} (line {})", off.place, line_number(cx, offset)),
        None => off.place.clone(),
    };
    let advice = off.advice.clone().unwrap_or_else(|| {
        "Set CGO_ENABLED=1 where this runs (e.g. \"go.testEnvVars\": {\"CGO_ENABLED\": \"1\"} for the Go extension's tests), or drop -race.".to_string()
    });
    GO_RACE_WITHOUT_CGO.at(
        range,
        format!(
            "-race needs cgo, but CGO_ENABLED=0 is set {place}: go stops with '-race requires cgo'. {advice}"
        ),
    )
}
