//! Names of environment variables under `containerEnv` and `remoteEnv`: the Go ones people set
//! in dev containers, each with a typical value.

use super::{Item, Request, rank};
use crate::ide::complete::CompletionKind;
use crate::ide::snippet;

/// (name, typical value, why one sets it)
const GO_ENV: &[(&str, &str, &str)] = &[
    (
        "GOPROXY",
        "https://proxy.golang.org,direct",
        "Where `go` downloads modules from.",
    ),
    (
        "GOPRIVATE",
        "github.com/your-org/*",
        "Module paths fetched directly, without the proxy or checksum database.",
    ),
    (
        "GOFLAGS",
        "-buildvcs=false",
        "Flags added to every `go` command; `-buildvcs=false` avoids VCS stamping errors on mounted repositories.",
    ),
    (
        "CGO_ENABLED",
        "1",
        "Whether cgo is on; `go test -race` needs it on Linux.",
    ),
    (
        "GOTOOLCHAIN",
        "local",
        "Which Go toolchain runs: `local` never downloads another.",
    ),
    ("GOPATH", "/go", "Where modules and installed tools live."),
];

pub fn complete_keys(req: &Request, items: &mut Vec<Item>) {
    if !matches!(
        req.keys().as_slice(),
        [Some("containerEnv")] | [Some("remoteEnv")]
    ) {
        return;
    }
    let present = req.present_keys();
    for (i, (name, value, doc)) in GO_ENV.iter().enumerate() {
        if present.contains(name) {
            continue;
        }
        let value = format!("\"${{1:{}}}\"", snippet::escape(value));
        let insert = req.key_insert(name, &value);
        let mut item = req.item(*name, CompletionKind::Variable, insert);
        item.documentation = Some(doc.to_string());
        item.sort_text = rank(u8::from(!req.go), i);
        items.push(item);
    }
}
