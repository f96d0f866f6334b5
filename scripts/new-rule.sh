#!/usr/bin/env bash
# Creates a new rule: its file with the RuleInfo declaration, the registration line in RULES,
# and the fixture folders with a placeholder valid and invalid fixture. Then says what to edit.
# Usage: bash scripts/new-rule.sh CODE [family]
#   CODE    the public code, <area>-<subject>-<problem> (e.g. compose-port-conflict)
#   family  the folder under crate/src/rules/ (default: the code's first word, `file-` -> files)
# The file is named after the code without its family prefix, as the existing rules are:
# go-race-without-cgo lives in crate/src/rules/go/race_without_cgo.rs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

usage() {
  sed -n '4,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

code="${1:-}"
[ -n "$code" ] || usage
if ! [[ "$code" =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)+$ ]]; then
  echo "error: '$code' is not a code: lowercase words joined by '-', at least two (<area>-<subject>-<problem>)" >&2
  exit 2
fi
first="${code%%-*}"
family="${2:-$first}"
[ -z "${2:-}" ] && [ "$first" = file ] && family=files
if ! [[ "$family" =~ ^[a-z][a-z0-9_]*$ ]]; then
  echo "error: family '$family' is not a module name (lowercase, digits, '_')" >&2
  exit 2
fi

prefix="$family"
[ "$family" = files ] && prefix=file
rest="${code#"$prefix"-}"
module="${rest//-/_}"
[[ "$module" =~ ^[0-9] ]] && module="rule_$module"
const="$(printf '%s' "${code//-/_}" | tr '[:lower:]' '[:upper:]')"
case "$family" in
  go) domain=Go ;;
  dockerfile) domain=Dockerfile ;;
  compose) domain=Compose ;;
  *) domain=Any ;;
esac

rules=crate/src/rules
family_dir="$rules/$family"
rule_file="$family_dir/$module.rs"
fixtures="crate/tests/fixtures/rules/$code"

if grep -rqF "code: \"$code\"" "$rules"; then
  echo "error: the code $code is declared already:" >&2
  grep -rnF "code: \"$code\"" "$rules" >&2
  exit 1
fi
for path in "$rule_file" "$fixtures"; do
  if [ -e "$path" ]; then
    echo "error: $path exists already" >&2
    exit 1
  fi
done

step "creating $rule_file"
if [ ! -d "$family_dir" ]; then
  mkdir -p "$family_dir"
  printf '//! TODO: one sentence on what the %s rules check.\n' "$family" >"$family_dir/mod.rs"
  # `mod <family>;` joins the family modules in rules/mod.rs (cargo fmt sorts them).
  awk -v line="mod $family;" '
    { lines[NR] = $0 }
    /^mod [a-z0-9_]+;$/ { last = NR }
    END { for (i = 1; i <= NR; i++) { print lines[i]; if (i == last) print line } }
  ' "$rules/mod.rs" >"$rules/mod.rs.new" && mv "$rules/mod.rs.new" "$rules/mod.rs"
  echo "created $family_dir/mod.rs and declared it in $rules/mod.rs"
fi
printf 'pub mod %s;\n' "$module" >>"$family_dir/mod.rs"

cat >"$rule_file" <<EOF
//! \`$code\`: TODO one sentence: what is wrong, and what it breaks for the user.
//!
//! Examples: \`crate/tests/fixtures/rules/$code/\` (each fixture with its snapshot).

use crate::diag::{Diagnostic, Severity};
use crate::rules::{Context, Domain, FixSafety, RuleInfo};

pub const $const: RuleInfo = RuleInfo {
    code: "$code",
    aliases: &[],
    severity: Severity::Warning,
    summary: "TODO: one line for the rule table.",
    why: "TODO: why it matters, in one to three sentences.",
    fix: FixSafety::None,
    domain: Domain::$domain,
};

pub const CODES: &[RuleInfo] = &[$const];

pub fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else {
        return;
    };
    // TODO: look for the real problem. The placeholder reports the member of
    // invalid/placeholder.jsonc, so the rule runs end to end from the start.
    if let Some(member) = root.member("todoNewRule") {
        out.push($const.at(
            member.key_range(),
            "TODO: what is wrong, why it matters, and what to write instead (the exact value).",
        ));
    }
}
EOF

step "registering it in RULES ($rules/mod.rs)"
awk -v line="    ($family::$module::check, $family::$module::CODES)," '
  /^const RULES/ { in_rules = 1 }
  in_rules && /^\];/ { print line; in_rules = 0 }
  { print }
' "$rules/mod.rs" >"$rules/mod.rs.new" && mv "$rules/mod.rs.new" "$rules/mod.rs"
grep -qF "$family::$module::check" "$rules/mod.rs" || {
  echo "error: could not find 'const RULES' in $rules/mod.rs; add the line by hand" >&2
  exit 1
}

step "creating the fixtures in $fixtures"
mkdir -p "$fixtures/invalid" "$fixtures/valid"
cat >"$fixtures/invalid/placeholder.jsonc" <<'EOF'
{
  "image": "mcr.microsoft.com/devcontainers/base:bookworm",
  "todoNewRule": true
}
EOF
cat >"$fixtures/valid/placeholder.jsonc" <<'EOF'
{
  "image": "mcr.microsoft.com/devcontainers/base:bookworm"
}
EOF

cargo fmt --all

cat <<EOF

Created $code. Now edit:
  1. $rule_file
     - the //! line, summary, why (1-3 sentences), severity, fix safety (with its reason) and domain;
     - check(): the real test, reporting only through $const.at(range, message);
       the message says what is wrong, why it matters and what to write instead.
  2. $fixtures/invalid/ and valid/: replace placeholder.jsonc with real cases, named after
     what they show (folder fixtures: invalid/NAME/.devcontainer/devcontainer.json plus files).
  3. Regenerate the golden files and review their diff:
       UPDATE_EXPECT=1 cargo test --test rule_fixtures --test rules_doc
  4. The fast loop: bash scripts/check.sh   (rule_fixtures fails while a placeholder is left)
  5. CHANGELOG.md: add the code under Unreleased.
EOF
