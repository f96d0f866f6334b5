#!/usr/bin/env python3
"""Writes the generated feature facts in crate/src/features/generated/.

Refresh (from the workspace root, with a clone of https://github.com/devcontainers/features):

    python3 scripts/gen-features.py --features-git PATH/TO/features[.git]

Add `--check` to compare instead of write (exit 1 when a file is stale). `--shared DIR` names
the shared material (default: ../shared next to the workspace root).

Inputs:
- `../shared/features/*.json`, `../shared/features-extra/*.json`: the metadata of the newest
  version of each feature (the catalog's main entry), with SOURCE.txt naming the namespace, the
  snapshot date and, for the official features, the snapshot commit.
- The git history of the official repository up to that commit: every version ever written in
  `src/<id>/devcontainer-feature.json`; per major version the highest one gives that major's
  options. At the same commit, `src/<id>/install.sh` and the scripts of the same folder it runs
  or sources give the environment variables the script reads and the package managers it uses.
- `../shared/corpus/real/*`, `../shared/corpus/folders/*/devcontainer.json`, the features'
  `customizations.vscode.extensions` and OFFICIAL_EXTENSIONS below: the well-known VS Code
  extension ids.

Outputs (facts only: ids, versions, option names, types, defaults, values, one-line option
descriptions, variable names, package-manager flags; never script code or README prose):
- crate/src/features/generated/catalog.rs
- crate/src/features/generated/extensions.rs

How an option reaches the script: the dev containers CLI writes each option as an environment
variable named by `getSafeId` (devcontainers/cli, src/spec-node/containerFeatures.ts): every
char outside `[A-Za-z0-9_]` becomes `_`, a leading run of digits and `_` becomes one `_`, then
upper case. `env_name` below is the same rule.
"""

import argparse
import collections
import json
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "crate" / "src" / "features" / "generated"
FOLDERS = ["features", "features-extra"]
OFFICIAL_NS = "ghcr.io/devcontainers/features"
COMMAND = "python3 scripts/gen-features.py --features-git PATH/TO/devcontainers/features"

# Bit flags, mirrored by `PackageManager` in crate/src/features/script.rs.
MANAGERS = {
    "apt": (1, re.compile(r"\bapt-get\b|\bapt\s+(?:-y\s+)?(?:install|update|upgrade)\b")),
    "apk": (2, re.compile(r"\bapk\s+(?:add|update|del|info|upgrade|--)")),
    "dnf": (4, re.compile(r"(?<![\w-])dnf(?![\w-])")),
    "yum": (8, re.compile(r"(?<![\w-])yum(?![\w-])")),
    "microdnf": (16, re.compile(r"\bmicrodnf\b")),
    "tdnf": (32, re.compile(r"\btdnf\b")),
    "zypper": (64, re.compile(r"\bzypper\b")),
}
# OS families, mirrored by `OsFamily`: which package managers serve each.
FAMILIES = {"debian": 1, "alpine": 2, "rhel": 4, "suse": 8}
FAMILY_MANAGERS = {"debian": ["apt"], "alpine": ["apk"], "rhel": ["dnf", "yum", "microdnf", "tdnf"], "suse": ["zypper"]}
DISTRO_FAMILY = {
    "debian": "debian", "ubuntu": "debian",
    "alpine": "alpine",
    "rhel": "rhel", "fedora": "rhel", "mariner": "rhel", "azurelinux": "rhel", "centos": "rhel",
    "alma": "rhel", "almalinux": "rhel", "rocky": "rhel", "amzn": "rhel", "ol": "rhel",
    "opensuse": "suse", "sles": "suse", "suse": "suse",
}
# Variables every script may see that no option is meant to set: the shell's own, and the
# fields of /etc/os-release that scripts source. Kept out of `reads` unless an option maps there.
ENVIRONMENT = set(
    "PATH HOME USER SHELL TERM PWD OLDPWD HOSTNAME UID EUID GROUPS IFS LANG LC_ALL OSTYPE RANDOM "
    "LINENO FUNCNAME PIPESTATUS REPLY SECONDS HOSTTYPE MACHTYPE BASH_SOURCE BASH_VERSION "
    "BASH_REMATCH BASHPID OPTARG OPTIND ID ID_LIKE VERSION_ID VERSION_CODENAME UBUNTU_CODENAME "
    "PRETTY_NAME NAME VERSION DEBIAN_FRONTEND".split()
)
VAR_READ = re.compile(r"\$\{?[#!]?([A-Za-z_][A-Za-z0-9_]*)")
ASSIGN = re.compile(
    r"(?:^\s*|[;&|]\s*|\bthen\s+|\belse\s+|\bdo\s+)"
    r"(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)(?:\[[^\]]*\])?\+?="
)
LOOP_VAR = re.compile(r"\b(?:for|read(?:\s+-\w+)*)\s+([A-Za-z_][A-Za-z0-9_]*)\b")
RUNS = re.compile(r"(?:^|[;&|({]\s*|\bthen\s+|\bexec\s+)(?:source|\.|bash|sh|exec|/bin/bash|/bin/sh|/usr/bin/env\s+bash)\s")
UNSUPPORTED = re.compile(r"not supported|must be run|unsupported distro|only supports", re.I)
DISTRO_TEST = re.compile(r"\$\{?ID(?:_LIKE)?\}?\"?\s*!?=+\s*\"?\*?\"?([a-z]+)")

# Ids of the main Microsoft / language extensions, to complete the list from the corpus.
OFFICIAL_EXTENSIONS = [
    "ms-vscode-remote.remote-containers", "ms-vscode-remote.remote-ssh", "ms-vscode-remote.remote-wsl",
    "ms-vscode-remote.vscode-remote-extensionpack", "github.codespaces",
    "golang.go", "ms-python.python", "ms-python.vscode-pylance", "ms-python.debugpy",
    "ms-toolsai.jupyter", "ms-vscode.cpptools", "ms-vscode.cpptools-extension-pack",
    "ms-vscode.cmake-tools", "ms-vscode.makefile-tools", "rust-lang.rust-analyzer",
    "vadimcn.vscode-lldb", "ms-dotnettools.csharp", "ms-dotnettools.csdevkit",
    "ms-vscode.powershell", "redhat.java", "vscjava.vscode-java-pack", "ms-azuretools.vscode-docker",
    "ms-azuretools.vscode-containers", "ms-kubernetes-tools.vscode-kubernetes-tools",
    "hashicorp.terraform", "dbaeumer.vscode-eslint", "esbenp.prettier-vscode",
    "github.copilot", "github.copilot-chat", "github.vscode-pull-request-github",
    "github.vscode-github-actions", "eamodio.gitlens", "editorconfig.editorconfig",
    "redhat.vscode-yaml", "streetsidesoftware.code-spell-checker", "rebornix.ruby",
    "shopify.ruby-lsp", "xdebug.php-debug", "bmewburn.vscode-intelephense-client",
]
# Ids that moved to another one (case-insensitive); the old ones no longer install the tools.
RENAMED_EXTENSIONS = {
    "ms-vscode.go": "golang.go",
    "ms-vscode.vscode-go": "golang.go",  # never existed, but often written
    "lukehoban.go": "golang.go",
    "matklad.rust-analyzer": "rust-lang.rust-analyzer",
    "rust-lang.rust": "rust-lang.rust-analyzer",
    "ms-vscode.csharp": "ms-dotnettools.csharp",
}
# Extensions that run on the local side only: listing them for the container does nothing.
LOCAL_ONLY_EXTENSIONS = [
    "ms-vscode-remote.remote-containers", "ms-vscode-remote.remote-ssh",
    "ms-vscode-remote.remote-wsl", "ms-vscode-remote.vscode-remote-extensionpack",
    "github.codespaces",
]
EXTENSION_ID = re.compile(r"^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9._-]*$", re.I)


def env_name(option: str) -> str:
    """getSafeId of the dev containers CLI."""
    safe = re.sub(r"[^A-Za-z0-9_]", "_", option)
    safe = re.sub(r"^[\d_]+", "_", safe)
    return safe.upper()


# ---------------------------------------------------------------- shared metadata


def source_txt(folder: pathlib.Path) -> str:
    return (folder / "SOURCE.txt").read_text(encoding="utf-8")


def namespace_of(folder: pathlib.Path) -> str:
    match = re.search(r"^Published as:\s*(\S+)/<id>", source_txt(folder), re.MULTILINE)
    if not match:
        sys.exit(f"{folder}/SOURCE.txt: no 'Published as: <namespace>/<id>' line")
    return match.group(1)


def snapshot_of(folder: pathlib.Path) -> str:
    match = re.search(r"\((\d{4}-\d{2}-\d{2})\)", source_txt(folder))
    return match.group(1) if match else ""


def commit_of(folder: pathlib.Path) -> str:
    match = re.search(r"^Snapshot commit[^:]*:\s*([0-9a-f]{40})", source_txt(folder), re.MULTILINE)
    return match.group(1) if match else ""


# ---------------------------------------------------------------- git


class Repo:
    def __init__(self, path: pathlib.Path):
        self.args = ["git", "-C", str(path)] if (path / ".git").exists() else ["git", f"--git-dir={path}"]

    def run(self, *args: str) -> str:
        return subprocess.run(self.args + list(args), check=True, capture_output=True).stdout.decode(
            "utf-8", "replace"
        )

    def show(self, commit: str, path: str):
        try:
            return self.run("show", f"{commit}:{path}")
        except subprocess.CalledProcessError:
            return None


def version_key(version: str):
    parts = []
    for p in version.split("."):
        m = re.match(r"\d+", p)
        parts.append(int(m.group(0)) if m else 0)
    return tuple(parts + [0] * (3 - len(parts)))


def history_majors(repo: Repo, rev: str, feature_id: str):
    """{major: (version, commit, metadata)} with the highest version of each major."""
    path = f"src/{feature_id}/devcontainer-feature.json"
    best = {}
    for commit in repo.run("log", "--format=%H", rev, "--", path).split():
        text = repo.show(commit, path)
        if text is None:
            continue
        try:
            meta = json.loads(text)
        except json.JSONDecodeError:
            continue
        version = str(meta.get("version", ""))
        if not re.match(r"^\d+(\.\d+){0,2}$", version):
            continue
        major = version_key(version)[0]
        if major not in best or version_key(version) > version_key(best[major][0]):
            best[major] = (version, commit, meta)
    return best


# ---------------------------------------------------------------- install scripts


def code_lines(text: str):
    """Lines without comments (a `#` at a word start outside quotes)."""
    for raw in text.splitlines():
        out, quote = [], None
        for i, c in enumerate(raw):
            if quote:
                if c == quote and (quote == "'" or raw[i - 1] != "\\"):
                    quote = None
            elif c in "'\"":
                quote = c
            elif c == "#" and (i == 0 or raw[i - 1] in " \t;") and not raw[i - 1 : i + 1] == "$#":
                break
            out.append(c)
        yield "".join(out)


def script_texts(repo: Repo, commit: str, feature_id: str):
    """install.sh and the scripts of its folder it runs or sources (never vendored ones)."""
    folder = f"src/{feature_id}/"
    files = [
        f for f in repo.run("ls-tree", "-r", "--name-only", commit, folder).split()
        if f.endswith(".sh") and "/vendor/" not in f
    ]
    todo, seen, texts = [folder + "install.sh"], set(), []
    while todo:
        path = todo.pop(0)
        if path in seen or path not in files:
            continue
        seen.add(path)
        text = repo.show(commit, path) or ""
        lines = list(code_lines(text))
        texts.append(lines)
        for other in files:
            base = other.rsplit("/", 1)[-1]
            if other not in seen and any(base in line and RUNS.search(line) for line in lines):
                todo.append(other)
    return texts


def pure_assignment(line: str) -> bool:
    """`NAME=value` alone on its line (not `IFS=, read -ra x <<< "$X"`, a prefix to a command)."""
    m = re.match(r"^\s*(?:export\s+|local\s+|readonly\s+)?\w+=", line)
    if not m:
        return False
    depth, quote, rest = 0, None, line[m.end():]
    for i, c in enumerate(rest):
        if quote:
            if c == quote and rest[i - 1] != "\\":
                quote = None
        elif c in "'\"":
            quote = c
        elif c in "({":
            depth += 1
        elif c in ")}":
            depth -= 1
        elif c.isspace() and depth <= 0:
            return rest[i:].strip() == ""
    return True


def file_inputs(lines, assigned):
    """Variables this file reads before it sets them, in order. A read that only feeds an
    assignment to a variable the file never reads again (nor exports) is dead and not counted:
    common-utils 2's install.sh sets USER_GID from GID, then runs main.sh, which reads USERGID."""
    uses = collections.defaultdict(list)  # name -> targets of the reads (None: a plain read)
    read_anywhere = collections.Counter()
    exported = set()
    for line in lines:
        targets = [m.group(1) for m in ASSIGN.finditer(line)]
        target = targets[0] if len(targets) == 1 and pure_assignment(line) else None
        if re.match(r"^\s*export\b", line):
            exported.update(targets)
        for m in VAR_READ.finditer(line):
            name = m.group(1)
            read_anywhere[name] += 1
            if name not in assigned:
                uses[name].append(target)
        assigned.update(targets)
        assigned.update(m.group(1) for m in LOOP_VAR.finditer(line))
    live = []
    for name, targets in uses.items():
        if any(t is None or t == name or read_anywhere[t] > 0 or t in exported for t in targets):
            live.append(name)
    return live


def script_facts(texts, declared_env):
    inputs, assigned = [], set()
    managers = 0
    gate, distros = False, set()
    for lines in texts:
        for name in file_inputs(lines, assigned):
            if name not in inputs:
                inputs.append(name)
        for line in lines:
            for _, (bit, pattern) in MANAGERS.items():
                if pattern.search(line):
                    managers |= bit
            if UNSUPPORTED.search(line):
                gate = True
            for m in DISTRO_TEST.finditer(line):
                distros.add(m.group(1))
    reads = sorted(
        n for n in inputs
        if re.fullmatch(r"[A-Z][A-Z0-9_]*", n) and (n not in ENVIRONMENT or n in declared_env)
    )
    families = 0
    for family, names in FAMILY_MANAGERS.items():
        if any(managers & MANAGERS[n][0] for n in names):
            families |= FAMILIES[family]
    if gate and distros:
        allowed = 0
        for d in distros:
            fam = next((f for k, f in DISTRO_FAMILY.items() if d.startswith(k)), None)
            if fam:
                allowed |= FAMILIES[fam]
        if allowed:
            families &= allowed
    return {"reads": reads, "managers": managers, "families": families}


# ---------------------------------------------------------------- extensions


def strip_jsonc(text: str) -> str:
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(text[i : j + 1])
            i = j + 1
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            out.append(c)
            i += 1
    return re.sub(r",(\s*[}\]])", r"\1", "".join(out))


def config_extensions(data) -> list:
    if not isinstance(data, dict):
        return []
    found = []
    for holder in (data, (data.get("customizations") or {}).get("vscode") if isinstance(data.get("customizations"), dict) else None):
        if isinstance(holder, dict) and isinstance(holder.get("extensions"), list):
            found += [e for e in holder["extensions"] if isinstance(e, str)]
    return found


def extension_facts(shared: pathlib.Path, feature_metas):
    counts = collections.Counter()
    spelling = collections.defaultdict(collections.Counter)
    configs = sorted((shared / "corpus" / "real").glob("*.json")) + sorted(
        (shared / "corpus" / "folders").glob("*/**/devcontainer.json")
    )
    for path in configs:
        try:
            data = json.loads(strip_jsonc(path.read_text(encoding="utf-8", errors="replace")))
        except json.JSONDecodeError:
            continue
        for ext in set(config_extensions(data)):
            ext = ext.strip()
            if EXTENSION_ID.match(ext) and "${" not in ext:
                counts[ext.lower()] += 1
                spelling[ext.lower()][ext] += 1
    known = {}
    for ext, n in counts.items():
        if n >= 2:  # seen once may be a typo
            known[ext] = spelling[ext].most_common(1)[0][0]
    for meta in feature_metas:
        for ext in config_extensions(meta):
            if EXTENSION_ID.match(ext):
                known.setdefault(ext.lower(), ext)
    for ext in OFFICIAL_EXTENSIONS:
        known.setdefault(ext.lower(), ext)
    for old in RENAMED_EXTENSIONS:
        known.pop(old, None)
    return sorted(known.items())


# ---------------------------------------------------------------- Rust output


def rust_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def rust_strs(values) -> str:
    return "&[" + ", ".join(rust_str(str(v)) for v in values) + "]"


def one_line(text) -> str:
    text = re.sub(r"\s+", " ", str(text or "")).strip()
    return text


class Pool:
    """Named statics for repeated option tables, so each identical table is stored once."""

    def __init__(self):
        self.tables = {}

    def options(self, options: dict) -> str:
        body = "".join(option_rs(name, spec) for name, spec in options.items())
        if not body:
            return "&[]"
        if body not in self.tables:
            self.tables[body] = f"O{len(self.tables)}"
        return self.tables[body]

    def render(self) -> str:
        return "".join(
            f"static {name}: &[OptionInfo] = &[\n{body}];\n" for body, name in self.tables.items()
        )


def option_rs(name: str, spec: dict) -> str:
    kind = "OptionType::Boolean" if spec.get("type") == "boolean" else "OptionType::String"
    default = spec.get("default")
    if isinstance(default, bool):
        default_rs = f"Some(OptionValue::Bool({str(default).lower()}))"
    elif default is None:
        default_rs = "None"
    else:
        default_rs = f"Some(OptionValue::Str({rust_str(str(default))}))"
    return (
        f"    OptionInfo {{ name: {rust_str(name)}, kind: {kind}, default: {default_rs}, "
        f"enum_values: {rust_strs(spec.get('enum', []))}, proposals: {rust_strs(spec.get('proposals', []))}, "
        f"description: {rust_str(one_line(spec.get('description')))} }},\n"
    )


def script_rs(facts, options: dict) -> str:
    if facts is None:
        return "None"
    unread = [n for n in options if env_name(n) not in facts["reads"]]
    return (
        f"Some(ScriptFacts {{ reads: {rust_str(' '.join(facts['reads']))}, "
        f"unread: {rust_str(' '.join(unread))}, managers: {facts['managers']}, families: {facts['families']} }})"
    )


def feature_rs(pool: Pool, namespace: str, data: dict, majors) -> str:
    options = data.get("options") or {}
    major_rows = "".join(
        f"            MajorInfo {{ major: {m}, version: {rust_str(v)}, options: {pool.options(opts)}, "
        f"script: {script_rs(facts, opts)} }},\n"
        for m, v, opts, facts in majors
    )
    return (
        "    FeatureInfo {\n"
        f"        namespace: {rust_str(namespace)},\n"
        f"        id: {rust_str(data['id'])},\n"
        f"        name: {rust_str(data.get('name', data['id']))},\n"
        f"        version: {rust_str(data['version'])},\n"
        f"        options: {pool.options(options)},\n"
        f"        majors: &[\n{major_rows}        ],\n"
        f"        legacy_ids: {rust_strs(data.get('legacyIds', []))},\n"
        f"        deprecated: {str(bool(data.get('deprecated', False))).lower()},\n"
        f"        cap_add: {rust_strs(data.get('capAdd', []))},\n"
        f"        security_opt: {rust_strs(data.get('securityOpt', []))},\n"
        f"        privileged: {str(bool(data.get('privileged', False))).lower()},\n"
        f"        init: {str(bool(data.get('init', False))).lower()},\n"
        f"        installs_after: {rust_strs(data.get('installsAfter', []))},\n"
        "    },\n"
    )


HEADER = (
    "// @generated by scripts/gen-features.py: do not edit.\n"
    f"// Regenerate from the workspace root: `{COMMAND}`\n"
)


def catalog_rs(shared: pathlib.Path, repo: Repo):
    entries, snapshots, metas = [], [], []
    for folder_name in FOLDERS:
        folder = shared / folder_name
        namespace = namespace_of(folder)
        snapshots.append(f"{namespace} {snapshot_of(folder)}")
        rev = commit_of(folder) if namespace == OFFICIAL_NS else ""
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            metas.append(data)
            newest = version_key(data["version"])[0]
            majors = []
            if rev:
                history = history_majors(repo, rev, data["id"])
                for major in sorted(history):
                    version, commit, meta = history[major]
                    if major == newest:
                        version, commit, meta = data["version"], rev, data
                    opts = meta.get("options") or {}
                    facts = script_facts(script_texts(repo, commit, data["id"]), {env_name(o) for o in opts})
                    majors.append((major, version, opts, facts))
                if newest not in history:
                    sys.exit(f"{data['id']}: version {data['version']} not in the history up to {rev}")
            else:
                majors.append((newest, data["version"], data.get("options") or {}, None))
            entries.append((namespace, data["id"], data, majors))
    # `features::find` binary-searches this order, comparing lower-case bytes.
    for namespace, feature_id, _, _ in entries:
        if namespace != namespace.lower() or feature_id != feature_id.lower():
            sys.exit(f"{namespace}/{feature_id}: not lower case, the catalog's search needs it")
    entries.sort(key=lambda e: (e[0].encode(), e[1].encode()))
    pool = Pool()
    body = "".join(feature_rs(pool, ns, data, majors) for ns, _, data, majors in entries)
    official = commit_of(shared / "features")
    text = (
        HEADER
        + "// Facts only, from ../shared/features*/ (newest versions) and the devcontainers/features\n"
        "// history (older majors, install scripts): names, versions, types, values, variables.\n"
        f"// devcontainers/features read up to {official}.\n\n"
        "use crate::features::{FeatureInfo, MajorInfo, OptionInfo, OptionType, OptionValue, ScriptFacts};\n\n"
        "/// Registry namespace and snapshot date of each source the catalog was built from.\n"
        f"pub const SNAPSHOTS: &[&str] = {rust_strs(snapshots)};\n\n"
        + pool.render()
        + "\n/// Every known feature, sorted by namespace then id.\n"
        "pub static FEATURES: &[FeatureInfo] = &[\n" + body + "];\n"
    )
    return text, metas, len(entries)


def extensions_rs(shared: pathlib.Path, metas) -> str:
    known = extension_facts(shared, metas)
    renamed = sorted(RENAMED_EXTENSIONS.items())
    return (
        HEADER
        + "// Ids from ../shared/corpus (written by at least two configs), the features'\n"
        "// customizations and the script's list of official extensions.\n\n"
        "/// Well-known extension ids, sorted by their lower-case form.\n"
        f"pub static WELL_KNOWN: &[&str] = {rust_strs(v for _, v in known)};\n\n"
        "/// (old id, new id), lower case, sorted by the old id.\n"
        "pub static RENAMED: &[(&str, &str)] = &["
        + ", ".join(f"({rust_str(a)}, {rust_str(b)})" for a, b in renamed)
        + "];\n\n"
        "/// Extensions of the local window (remote connections): useless inside a container.\n"
        f"pub static LOCAL_ONLY: &[&str] = {rust_strs(sorted(LOCAL_ONLY_EXTENSIONS))};\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--features-git", type=pathlib.Path, default=os.environ.get("FEATURES_GIT"),
                        help="a clone of github.com/devcontainers/features (work tree or bare git dir)")
    parser.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    parser.add_argument("--check", action="store_true", help="fail when a generated file is stale")
    args = parser.parse_args()
    if not args.features_git:
        sys.exit("name the devcontainers/features clone: --features-git PATH (or FEATURES_GIT)")
    repo = Repo(args.features_git)
    catalog, metas, count = catalog_rs(args.shared, repo)
    outputs = {"catalog.rs": catalog, "extensions.rs": extensions_rs(args.shared, metas)}
    stale = []
    for name, text in outputs.items():
        path = OUT_DIR / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            OUT_DIR.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        sys.exit(f"stale: {', '.join(stale)}; run `{COMMAND}`")
    print(f"{'checked' if args.check else 'wrote'} {count} features and the extension ids in {OUT_DIR.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
