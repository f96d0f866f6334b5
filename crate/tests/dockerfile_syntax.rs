//! The Dockerfile reader: each construct with its exact ranges (asserted as slices of the
//! input), a CRLF file, the article's 12-line Dockerfile, hostile bytes, recovery after
//! errors, every real Dockerfile of the corpus, and (in `fuzz.rs`) property tests.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

#[path = "dockerfile_syntax/fuzz.rs"]
mod fuzz;
mod support;

use devcontainer_doctor::sorted::SortedMap;
use devcontainer_doctor::syntax::dockerfile::{
    Command, DockerfileFile, Instruction, InstructionKind, KeyValue, Var, parse,
};
use devcontainer_doctor::text::TextRange;
use support::dockerfile::{corpus, range_problems};

fn at(text: &str, r: TextRange) -> &str {
    &text[r.start..r.end]
}

/// Parses, checks every range, and requires no errors.
fn clean(text: &str) -> DockerfileFile {
    let file = parse(text);
    assert_eq!(range_problems(text, &file), Vec::<String>::new());
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    file
}

fn pairs(i: &Instruction) -> &[KeyValue] {
    match &i.kind {
        InstructionKind::Arg(k) | InstructionKind::Env(k) | InstructionKind::Label(k) => k,
        other => panic!("no pairs in {other:?}"),
    }
}

fn args(pairs: &[(&str, &str)]) -> SortedMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn instruction_keyword_whole_and_argument_ranges() {
    let t = "FROM alpine\n  run   echo  hi  \nWORKDIR /src\n";
    let f = clean(t);
    assert_eq!(f.instructions.len(), 3);
    let run = &f.instructions[1];
    assert_eq!(run.keyword, "RUN");
    assert_eq!(at(t, run.keyword_range), "run");
    assert_eq!(at(t, run.range), "run   echo  hi  ");
    assert_eq!(at(t, run.args_range), "echo  hi");
    assert_eq!(
        run.args.iter().map(|w| at(t, w.range)).collect::<Vec<_>>(),
        ["echo", "hi"]
    );
    let Some(Command::Shell(cmd)) = run.command() else {
        panic!()
    };
    assert_eq!(at(t, cmd.range), "echo  hi");
    let InstructionKind::Workdir(Some(w)) = &f.instructions[2].kind else {
        panic!()
    };
    assert_eq!((at(t, w.range), w.value.as_str()), ("/src", "/src"));
}

#[test]
fn continuation_lines_with_comments_and_blank_lines() {
    let t = "FROM a\nRUN apt-get update \\\n    # a comment BuildKit drops\n\n    && apt-get install -y git \\ \nUSER me\n";
    let f = clean(t);
    let run = &f.instructions[1];
    assert_eq!(
        at(t, run.range),
        "RUN apt-get update \\\n    # a comment BuildKit drops\n\n    && apt-get install -y git \\ \nUSER me"
    );
    // The empty continuation line does not end the instruction: USER me is part of RUN.
    assert_eq!(f.instructions.len(), 2);
    assert_eq!(f.comments.len(), 1);
    assert!(f.comments[0].in_continuation);
    assert_eq!(at(t, f.comments[0].range), "# a comment BuildKit drops");
    let last = run.args.last().unwrap();
    assert_eq!(at(t, last.range), "me");
    let install = run.args.iter().find(|w| w.text == "install").unwrap();
    assert_eq!(at(t, install.range), "install");
    let Some(Command::Shell(cmd)) = run.command() else {
        panic!()
    };
    assert_eq!(
        cmd.text,
        "apt-get update     && apt-get install -y git USER me"
    );
    assert_eq!(at(t, cmd.range), &t[11..t.len() - 1]);
}

#[test]
fn escaped_escape_and_trailing_spaces() {
    let t = "FROM a\nRUN echo a\\\\\nRUN echo b \\  \t\n  c\n";
    let f = clean(t);
    assert_eq!(f.instructions.len(), 3);
    assert_eq!(at(t, f.instructions[1].range), "RUN echo a\\\\");
    assert_eq!(at(t, f.instructions[2].range), "RUN echo b \\  \t\n  c");
}

#[test]
fn backtick_escape_directive() {
    let t = "# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir c:\\ `\n    && echo done\n";
    let f = clean(t);
    assert_eq!(f.escape, '`');
    assert_eq!(f.directives.len(), 1);
    let d = &f.directives[0];
    assert_eq!(
        (at(t, d.name_range), at(t, d.value_range), at(t, d.range)),
        ("escape", "`", "# escape=`")
    );
    let run = &f.instructions[1];
    assert_eq!(at(t, run.range), "RUN dir c:\\ `\n    && echo done");
    assert_eq!(run.args[1].value, "c:\\");
}

#[test]
fn directives_only_at_the_top() {
    let t =
        "#  Syntax = docker/dockerfile:1.7  \n# escape=\\\n# check=skip=all\n# escape=`\nFROM a\n";
    let f = parse(t);
    assert_eq!(range_problems(t, &f), Vec::<String>::new());
    let names: Vec<_> = f.directives.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["syntax", "escape", "check"]);
    assert_eq!(at(t, f.directives[0].value_range), "docker/dockerfile:1.7");
    assert_eq!(at(t, f.directives[0].name_range), "Syntax");
    assert_eq!(f.directives[2].value, "skip=all");
    // The duplicate `# escape` is an error and ignored.
    assert_eq!(f.errors.len(), 1);
    assert_eq!(at(t, f.errors[0].range), "# escape=`");
    assert_eq!(f.escape, '\\');

    for late in [
        "# hello\n# syntax=x\nFROM a\n",
        "\n# syntax=x\nFROM a\n",
        "FROM a\n# syntax=x\n",
        "# unknown=1\n# syntax=x\nFROM a\n",
    ] {
        let f = clean(late);
        assert!(f.directives.is_empty(), "{late:?}");
        assert_eq!(
            f.comments.len(),
            2 - usize::from(late.starts_with('\n')) - usize::from(late.starts_with("FROM")),
            "{late:?}"
        );
    }
    let t = "\u{feff}# syntax=x\nFROM a\n";
    assert_eq!(at(t, clean(t).directives[0].range), "# syntax=x");
    let f = parse("# escape=x\nFROM a\n");
    assert_eq!(f.escape, '\\');
    assert_eq!(f.errors.len(), 1);
}

#[test]
fn comments_at_top_level() {
    let t = "# first\nFROM a\n   # indented\nRUN x # not a comment\n";
    let f = clean(t);
    assert_eq!(
        f.comments
            .iter()
            .map(|c| at(t, c.range))
            .collect::<Vec<_>>(),
        ["# first", "# indented"]
    );
    assert!(f.comments.iter().all(|c| !c.in_continuation));
    assert_eq!(f.instructions[1].args.last().unwrap().text, "comment");
}

#[test]
fn heredoc_run() {
    let t = "FROM a\nRUN <<EOF\napt-get update\napt-get install -y git\nEOF\nUSER x\n";
    let f = clean(t);
    assert_eq!(f.instructions.len(), 3);
    let run = &f.instructions[1];
    assert_eq!(
        at(t, run.range),
        "RUN <<EOF\napt-get update\napt-get install -y git\nEOF"
    );
    let h = &run.heredocs[0];
    assert_eq!((h.name.as_str(), h.expand, h.chomp), ("EOF", true, false));
    assert_eq!(at(t, h.marker_range), "<<EOF");
    assert_eq!(
        at(t, h.content_range),
        "apt-get update\napt-get install -y git\n"
    );
    assert_eq!(at(t, h.terminator_range.unwrap()), "EOF");
}

#[test]
fn heredoc_chomp_quoted_and_several_on_one_line() {
    let t = "FROM a\nRUN <<-\"ONE\" 3<<'TWO' cat /dev/fd/3\n\techo $HOME\n\tONE\nraw $x\nTWO\nCMD [\"sh\"]\n";
    let f = clean(t);
    let run = &f.instructions[1];
    assert_eq!(run.heredocs.len(), 2);
    let (one, two) = (&run.heredocs[0], &run.heredocs[1]);
    assert_eq!(
        (one.name.as_str(), one.chomp, one.expand),
        ("ONE", true, false)
    );
    assert_eq!(at(t, one.marker_range), "<<-\"ONE\"");
    assert_eq!(at(t, one.content_range), "\techo $HOME\n");
    assert_eq!(at(t, one.terminator_range.unwrap()), "\tONE");
    assert_eq!(
        (two.name.as_str(), two.chomp, two.expand),
        ("TWO", false, false)
    );
    assert_eq!(at(t, two.marker_range), "3<<'TWO'");
    assert_eq!(at(t, two.content_range), "raw $x\n");
    assert!(at(t, run.range).ends_with("\nTWO"));
    assert_eq!(f.instructions[2].keyword, "CMD");
}

#[test]
fn heredoc_copy_and_unclosed() {
    let t = "FROM a\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\n";
    let f = clean(t);
    let copy = &f.instructions[1];
    let InstructionKind::Copy(tr) = &copy.kind else {
        panic!()
    };
    assert_eq!(at(t, tr.sources[0].range), "<<EOF");
    assert_eq!(at(t, tr.dest.as_ref().unwrap().range), "/etc/app.conf");
    assert_eq!(at(t, copy.heredocs[0].content_range), "key=value\n");

    let t = "FROM a\nRUN <<EOF\necho never closed\n";
    let f = parse(t);
    assert_eq!(range_problems(t, &f), Vec::<String>::new());
    let h = &f.instructions[1].heredocs[0];
    assert_eq!(h.terminator_range, None);
    assert_eq!(at(t, h.content_range), "echo never closed\n");
    assert_eq!(at(t, f.errors[0].range), "<<EOF");
    // Exec form has no heredocs; `<<` inside words that are not markers is ignored.
    let f = clean("FROM a\nRUN [\"cat\", \"<<EOF\"]\nRUN echo a<<b '<<EOF' <<- X\n");
    assert!(f.instructions.iter().all(|i| i.heredocs.is_empty()));
    // As BuildKit's lexer: `<<` followed by white space takes the next word as delimiter.
    let t = "FROM a\nRUN << EOF 3<< -X\nbody\nEOF\nx\n-X\n";
    let f = clean(t);
    let hs = &f.instructions[1].heredocs;
    assert_eq!(
        hs.iter()
            .map(|h| (h.name.as_str(), at(t, h.marker_range)))
            .collect::<Vec<_>>(),
        [("EOF", "<< EOF"), ("-X", "3<< -X")]
    );
    assert_eq!(at(t, hs[1].content_range), "x\n");
    let t = "FROM a\nRUN <<'EOF\nEOF\n";
    let f = parse(t);
    assert_eq!(at(t, f.errors[0].range), "<<'EOF");
}

#[test]
fn exec_form_with_element_ranges_and_values() {
    let t = "FROM a\nENTRYPOINT [ \"dlv\", \"--listen=:2345\", \\\n  \"a\\\"b\\u00e9\" ]  \nCMD [\"x\", 1]\nCMD [\"x\" \"y\"]\n";
    let f = parse(t);
    assert_eq!(range_problems(t, &f), Vec::<String>::new());
    let Some(Command::Exec { range, args }) = f.instructions[1].command() else {
        panic!()
    };
    assert_eq!(
        at(t, *range),
        "[ \"dlv\", \"--listen=:2345\", \\\n  \"a\\\"b\\u00e9\" ]"
    );
    assert_eq!(
        args.iter().map(|a| at(t, a.range)).collect::<Vec<_>>(),
        ["\"dlv\"", "\"--listen=:2345\"", "\"a\\\"b\\u00e9\""]
    );
    assert_eq!(
        args.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(),
        ["dlv", "--listen=:2345", "a\"bé"]
    );
    // A valid array with a number is BuildKit's error; invalid JSON is shell form.
    assert_eq!(f.errors.len(), 1);
    assert_eq!(at(t, f.errors[0].range), "[\"x\", 1]");
    let Some(Command::Shell(w)) = f.instructions[3].command() else {
        panic!()
    };
    assert_eq!(at(t, w.range), "[\"x\" \"y\"]");
}

#[test]
fn from_platform_stage_names_and_indexes() {
    let t = "ARG GO=1.22\nFROM --platform=$BUILDPLATFORM golang:${GO} AS Build\nRUN go build\nFROM scratch\nCOPY --from=build --chown=1000:1000 /out /app\n";
    let f = clean(t);
    assert_eq!(f.stages.len(), 2);
    let InstructionKind::From(from) = &f.instructions[1].kind else {
        panic!()
    };
    assert_eq!(from.stage, 0);
    assert_eq!(at(t, from.image.as_ref().unwrap().range), "golang:${GO}");
    assert_eq!(at(t, from.as_range.unwrap()), "AS");
    assert_eq!(at(t, from.name.as_ref().unwrap().range), "Build");
    let plat = f.instructions[1].flag("platform").unwrap();
    assert_eq!(
        (
            at(t, plat.range),
            at(t, plat.name_range),
            at(t, plat.value_range.unwrap())
        ),
        ("--platform=$BUILDPLATFORM", "platform", "$BUILDPLATFORM")
    );
    assert_eq!(f.stages[0].name.as_deref(), Some("build"));
    assert_eq!(
        (
            f.stages[0].from,
            f.stages[0].end,
            f.stages[1].from,
            f.stages[1].end
        ),
        (1, 3, 3, 5)
    );
    assert_eq!(f.instructions[0].stage, None);
    assert_eq!(f.instructions[2].stage, Some(0));
    let copy = &f.instructions[4];
    assert_eq!(copy.flag("from").unwrap().value.as_deref(), Some("build"));
    assert_eq!(
        at(t, copy.flag("chown").unwrap().value_range.unwrap()),
        "1000:1000"
    );
    let InstructionKind::Copy(tr) = &copy.kind else {
        panic!()
    };
    assert_eq!(
        (tr.sources.len(), at(t, tr.dest.as_ref().unwrap().range)),
        (1, "/app")
    );

    for bad in [
        "FROM\n",
        "FROM a b\n",
        "FROM a AS 1x\n",
        "FROM a IS b\n",
        "FROM --pull a\n",
        "RUN x\nFROM a\n",
    ] {
        assert!(!parse(bad).errors.is_empty(), "{bad:?}");
    }
}

#[test]
fn global_args_and_from_expansion() {
    let t = "ARG VARIANT=1.22\nARG OS=\"alpine${ALPINE:-3.19}\" ALPINE\nARG REG\nFROM golang:${VARIANT}-${OS} AS dev\nFROM dev\n";
    let f = clean(t);
    let globals: Vec<_> = f.global_args().map(|kv| kv.key.as_str()).collect();
    assert_eq!(globals, ["VARIANT", "OS", "ALPINE", "REG"]);
    let kv = &pairs(&f.instructions[1])[0];
    assert_eq!(
        (at(t, kv.key_range), at(t, kv.value.as_ref().unwrap().range)),
        ("OS", "\"alpine${ALPINE:-3.19}\"")
    );
    let none = SortedMap::new();
    assert_eq!(
        f.base_image(1, &none).unwrap().image,
        "golang:1.22-alpine3.19"
    );
    assert_eq!(f.base_image(1, &none).unwrap().stage, 0);
    let given = args(&[("VARIANT", "1.23"), ("ALPINE", "3.20")]);
    // ALPINE is declared after OS: OS's default does not see it, as in BuildKit.
    assert_eq!(
        f.base_image(1, &given).unwrap().image,
        "golang:1.23-alpine3.19"
    );
    assert_eq!(
        f.base_image(1, &args(&[("OS", "bookworm")])).unwrap().image,
        "golang:1.22-bookworm"
    );
    assert_eq!(
        f.expand_global("${REG:-docker.io}/x", &none).as_deref(),
        Some("docker.io/x")
    );
    assert_eq!(
        f.expand_global("${REG-docker.io}/x", &args(&[("REG", "")]))
            .as_deref(),
        Some("/x")
    );
    assert_eq!(
        f.expand_global("${VARIANT:+v}$VARIANT", &none).as_deref(),
        Some("v1.22")
    );
    assert_eq!(f.expand_global("$REG", &none), None);
    assert_eq!(f.expand_global("x:$TARGETARCH", &none), None);
    assert_eq!(
        f.expand_global("x:$TARGETARCH", &args(&[("TARGETARCH", "arm64")]))
            .as_deref(),
        Some("x:arm64")
    );
    assert_eq!(
        f.expand_global("$UNDECLARED", &args(&[("UNDECLARED", "1")])),
        None
    );
    let global = |name: &str| {
        f.global_arg_values(&none)
            .into_iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    };
    assert_eq!(global("OS"), Some(Var::Set("alpine3.19".into())));
    assert_eq!(global("REG"), None);
    // A global ARG declared again takes its new default, as the map this list replaced did.
    let again = clean("ARG V=1\nARG V=2\nFROM x:$V\n");
    assert_eq!(again.expand_global("x:$V", &none).as_deref(), Some("x:2"));
    assert_eq!(again.global_arg_values(&none).len(), 1);
}

#[test]
fn target_stage_and_base_image_chains() {
    let t = "FROM golang:1.22 AS base\nFROM base AS build\nFROM build AS Dev\nFROM alpine:3.19\nFROM $IMG\n";
    let f = clean(t);
    let none = SortedMap::new();
    assert_eq!(f.target_stage(None).unwrap().index, 4);
    assert_eq!(f.target_stage(Some("DEV")).unwrap().index, 2);
    assert!(f.target_stage(Some("nope")).is_none());
    let dev = f.base_image(2, &none).unwrap();
    assert_eq!((dev.image.as_str(), dev.stage), ("golang:1.22", 0));
    assert_eq!(f.base_image(3, &none).unwrap().image, "alpine:3.19");
    assert_eq!(f.base_image(4, &none), None);
    assert_eq!(f.base_image(9, &none), None);
    // A later stage's name is not a base: `FROM later` is an image.
    let f = clean("FROM later AS first\nFROM x AS later\n");
    assert_eq!(f.base_image(0, &none).unwrap().image, "later");
}

#[test]
fn env_arg_label_pairs() {
    let t = "FROM a\nENV A=1 B=\"two words\" C=a\\ b\nENV OLD some value here\nARG X Y=2\nLABEL \"com.example.v\"=\"1.0\" maintainer=me\n";
    let f = clean(t);
    let env = pairs(&f.instructions[1]);
    assert_eq!(
        env.iter().map(|kv| at(t, kv.range)).collect::<Vec<_>>(),
        ["A=1", "B=\"two words\"", "C=a\\ b"]
    );
    assert_eq!(
        env.iter()
            .map(|kv| kv.value.as_ref().unwrap().value.as_str())
            .collect::<Vec<_>>(),
        ["1", "two words", "a b"]
    );
    let old = &pairs(&f.instructions[2])[0];
    assert_eq!((old.key.as_str(), at(t, old.key_range)), ("OLD", "OLD"));
    assert_eq!(at(t, old.value.as_ref().unwrap().range), "some value here");
    assert_eq!(at(t, old.range), "OLD some value here");
    let arg = pairs(&f.instructions[3]);
    assert_eq!((arg[0].key.as_str(), arg[0].value.is_none()), ("X", true));
    assert_eq!(arg[1].value.as_ref().unwrap().value, "2");
    let InstructionKind::Label(label) = &f.instructions[4].kind else {
        panic!()
    };
    assert_eq!(
        (label[0].key.as_str(), at(t, label[0].key_range)),
        ("com.example.v", "\"com.example.v\"")
    );
    assert_eq!(label[1].value.as_ref().unwrap().value, "me");
    assert!(!parse("FROM a\nENV ONLY\n").errors.is_empty());
    assert!(!parse("FROM a\nENV A=1 B\n").errors.is_empty());
}

#[test]
fn user_cmd_expose_copy_add() {
    let t = "FROM a\nUSER dev:dev\nCMD sleep infinity\nEXPOSE 8080 53/udp $P\nADD --chown=dev [\"a b\", \"/c\"]\nCOPY a b c /d/\n";
    let f = clean(t);
    let InstructionKind::User(Some(u)) = &f.instructions[1].kind else {
        panic!()
    };
    assert_eq!(at(t, u.range), "dev:dev");
    let Some(Command::Shell(c)) = f.instructions[2].command() else {
        panic!()
    };
    assert_eq!(at(t, c.range), "sleep infinity");
    let InstructionKind::Expose(ports) = &f.instructions[3].kind else {
        panic!()
    };
    assert_eq!(
        ports.iter().map(|p| at(t, p.range)).collect::<Vec<_>>(),
        ["8080", "53/udp", "$P"]
    );
    let InstructionKind::Add(add) = &f.instructions[4].kind else {
        panic!()
    };
    assert!(add.exec);
    assert_eq!(
        (add.sources[0].value.as_str(), at(t, add.sources[0].range)),
        ("a b", "\"a b\"")
    );
    assert_eq!(add.dest.as_ref().unwrap().value, "/c");
    let InstructionKind::Copy(copy) = &f.instructions[5].kind else {
        panic!()
    };
    assert_eq!(copy.sources.len(), 3);
    assert!(!parse("FROM a\nCOPY onlyone\n").errors.is_empty());
}

#[test]
fn crlf_dockerfile() {
    let t = "# syntax=docker/dockerfile:1\r\nFROM golang:1.22 AS dev\r\nRUN echo a \\\r\n  && echo b\r\nCOPY <<EOF /x\r\nline\r\nEOF\r\nUSER vscode\r\n";
    let f = clean(t);
    assert_eq!(at(t, f.directives[0].value_range), "docker/dockerfile:1");
    assert_eq!(f.instructions.len(), 4);
    assert_eq!(at(t, f.instructions[0].range), "FROM golang:1.22 AS dev");
    assert_eq!(
        at(t, f.instructions[1].range),
        "RUN echo a \\\r\n  && echo b"
    );
    let h = &f.instructions[2].heredocs[0];
    assert_eq!(at(t, h.content_range), "line\r\n");
    assert_eq!(at(t, h.terminator_range.unwrap()), "EOF");
    let InstructionKind::User(Some(u)) = &f.instructions[3].kind else {
        panic!()
    };
    assert_eq!(at(t, u.range), "vscode");
}

/// The Dockerfile of the article in `../shared/seed/` (its 12 instruction lines, as printed).
const ARTICLE: &str = "# 使用轻量 Alpine 基础镜像,内置 go 1.22.4
FROM golang:1.22-alpine3.19
# 设置工作目录与环境变量(禁用 CGO,加速编译且减小二进制体积)
WORKDIR /workspace
ENV GOPROXY=https://proxy.golang.org,direct \\
GOSUMDB=sum.golang.org \\
CGO_ENABLED=0
# 创建非 root 用户(VSCode Remote-Containers 强制要求)
RUN addgroup -g 1001 -f dev && \\
adduser -u 1001 -G dev -m -s /bin/sh -D dev
USER dev
# 复制 go.mod/go.sum 优先构建依赖缓存(关键!)
COPY go.mod go.sum ./
RUN go mod download
# 复制全部源码(后续修改仅触发最后两层重建)
COPY . .
# VSCode Remote-Containers 所需的调试支持(dlv)
RUN go install github.com/go-delve/delve/cmd/dlv@latest
";

#[test]
fn the_articles_dockerfile() {
    let t = ARTICLE;
    let f = clean(t);
    let lines = t.lines().filter(|l| !l.starts_with('#')).count();
    assert_eq!(lines, 12);
    let keywords: Vec<_> = f.instructions.iter().map(|i| i.keyword.as_str()).collect();
    assert_eq!(
        keywords,
        [
            "FROM", "WORKDIR", "ENV", "RUN", "USER", "COPY", "RUN", "COPY", "RUN"
        ]
    );
    assert_eq!(f.comments.len(), 6);
    assert!(at(t, f.comments[0].range).starts_with("# 使用轻量"));
    let none = SortedMap::new();
    assert_eq!(
        f.base_image(f.target_stage(None).unwrap().index, &none)
            .unwrap()
            .image,
        "golang:1.22-alpine3.19"
    );
    let env = pairs(&f.instructions[2]);
    let cgo = env.iter().find(|kv| kv.key == "CGO_ENABLED").unwrap();
    assert_eq!(
        (at(t, cgo.range), cgo.value.as_ref().unwrap().value.as_str()),
        ("CGO_ENABLED=0", "0")
    );
    let run = &f.instructions[3];
    let m = run.args.iter().find(|w| w.text == "-m").unwrap();
    assert_eq!(at(t, m.range), "-m");
    assert_eq!(&t[m.range.start - 7..m.range.end], "-G dev -m");
    let ff = run.args.iter().find(|w| w.text == "-f").unwrap();
    assert_eq!(&t[ff.range.start - 8..ff.range.end + 4], "-g 1001 -f dev");
    let InstructionKind::User(Some(u)) = &f.instructions[4].kind else {
        panic!()
    };
    assert_eq!(u.value, "dev");
    let InstructionKind::Copy(all) = &f.instructions[7].kind else {
        panic!()
    };
    assert_eq!(
        (
            all.sources[0].value.as_str(),
            all.dest.as_ref().unwrap().value.as_str()
        ),
        (".", ".")
    );
    let Some(Command::Shell(last)) = f.instructions[8].command() else {
        panic!()
    };
    assert!(at(t, last.range).ends_with("dlv@latest"));
}

#[test]
fn hostile_bytes_never_panic() {
    let long = format!("FROM a\nRUN {}\n", "x".repeat(1 << 20));
    let many_heredocs = format!("FROM a\nRUN {}\n", "<<A ".repeat(200));
    let deep = format!(
        "ARG A=1\nFROM {}x{}\n",
        "${A:-".repeat(100),
        "}".repeat(100)
    );
    let continued = format!("FROM a\nRUN a{}\n", " \\\n#c\n".repeat(10_000));
    let texts = [
        "",
        "\u{feff}",
        "\u{feff}# syntax=x\nFROM a",
        "\0\0\0",
        "FROM a\rRUN b\r",
        "\\",
        "\\\n\\\n",
        "`",
        "# escape=`\n`",
        "RUN <<",
        "RUN <<\"",
        "RUN <<-",
        "FROM a\nRUN <<EOF",
        "FROM a\nCOPY <<EOF",
        "ENV =",
        "ARG =x",
        "LABEL \"",
        "CMD [\"\\ud800\"]",
        "CMD [\"\\ud83d\\ude00\"]",
        "CMD [\"\\u12\"]",
        "CMD [",
        "FROM ${",
        "FROM $",
        "ONBUILD RUN <<X\nX",
        "FROM é AS 注\nRUN \u{85}\u{a0}x\u{2028}",
        long.as_str(),
        many_heredocs.as_str(),
        deep.as_str(),
        continued.as_str(),
    ];
    for t in texts {
        let f = parse(t);
        assert_eq!(
            range_problems(t, &f),
            Vec::<String>::new(),
            "{:?}",
            &t[..t.len().min(40)]
        );
        let none = SortedMap::new();
        for s in &f.stages {
            let _ = f.base_image(s.index, &none);
        }
    }
    let f = parse(&many_heredocs);
    assert!(!f.errors.is_empty());
    assert_eq!(parse(&deep).base_image(0, &SortedMap::new()), None);
    assert_eq!(parse(&continued).instructions.len(), 2);
    assert_eq!(parse("FROM a\rRUN b\r").instructions.len(), 1);
}

#[test]
fn corpus_dockerfiles_parse_cleanly() {
    let Some(files) = corpus() else { return };
    assert!(files.len() >= 50, "only {} Dockerfiles", files.len());
    let mut instructions = 0;
    for file in &files {
        let f = parse(&file.text);
        assert_eq!(
            range_problems(&file.text, &f),
            Vec::<String>::new(),
            "{}",
            file.name
        );
        assert!(f.errors.is_empty(), "{}: {:?}", file.name, f.errors);
        assert!(!f.stages.is_empty(), "{}: no FROM", file.name);
        for i in &f.instructions {
            assert!(
                at(&file.text, i.range).starts_with(at(&file.text, i.keyword_range)),
                "{}",
                file.name
            );
            assert!(
                i.range.contains_range(i.args_range),
                "{}: {:?}",
                file.name,
                i.keyword
            );
        }
        // Every stage whose FROM names no variable has a base image.
        for s in &f.stages {
            let InstructionKind::From(from) = &f.instructions[s.from].kind else {
                panic!()
            };
            if !from.image.as_ref().unwrap().text.contains('$') {
                assert!(
                    f.base_image(s.index, &SortedMap::new()).is_some(),
                    "{}: stage {}",
                    file.name,
                    s.index
                );
            }
        }
        instructions += f.instructions.len();
    }
    eprintln!("{} Dockerfiles, {instructions} instructions", files.len());
}

#[test]
fn large_inputs_stay_linear() {
    // 200k instructions, one instruction over 200k lines, a 2 MB line: quadratic work would
    // take minutes here.
    let many = "FROM a AS b\nRUN echo ${X:-y} \"q\" && \\\n  # c\n  true\nCOPY <<E /x\nbody\nE\n"
        .repeat(40_000);
    let one = format!("FROM a\nRUN x{}\n", " \\\n w".repeat(200_000));
    let wide = format!("FROM a\nENV {}\n", "k=v ".repeat(500_000));
    for text in [&many, &one, &wide] {
        let started = std::time::Instant::now();
        let f = parse(text);
        let took = started.elapsed();
        eprintln!(
            "{} bytes, {} instructions: {took:?}",
            text.len(),
            f.instructions.len()
        );
        assert!(f.errors.is_empty());
        assert!(took.as_secs() < 20, "{took:?}");
    }
    assert_eq!(parse(&many).instructions.len(), 120_000);
    assert_eq!(parse(&one).instructions[1].args.len(), 200_001);
}

#[test]
fn errors_keep_the_rest_of_the_file() {
    let t = "FROM a\nENV ONLY\nCMD [1]\nFROMX y\nCOPY one\nUSER me\nRUN <<EOF\n";
    let f = parse(t);
    assert_eq!(range_problems(t, &f), Vec::<String>::new());
    let keywords: Vec<_> = f.instructions.iter().map(|i| i.keyword.as_str()).collect();
    assert_eq!(
        keywords,
        ["FROM", "ENV", "CMD", "FROMX", "COPY", "USER", "RUN"]
    );
    let errors: Vec<_> = f.errors.iter().map(|e| at(t, e.range)).collect();
    assert_eq!(errors, ["ONLY", "[1]", "FROMX", "COPY one", "<<EOF"]);
    let InstructionKind::User(Some(u)) = &f.instructions[5].kind else {
        panic!()
    };
    assert_eq!(u.value, "me");
    assert!(
        f.errors
            .iter()
            .all(|e| e.code == "dockerfile-syntax" && !e.message.is_empty())
    );
}
