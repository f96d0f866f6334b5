//! What starts the container: `overrideCommand` (written, or its default: true unless Compose)
//! and the `CMD`/`ENTRYPOINT` the built stage ends with (an `ENTRYPOINT` resets an inherited
//! `CMD`, as Docker does).

use super::build::stage_chain;
use super::{Container, Place, Start};
use crate::diag::FileId;
use crate::syntax::NodeRef;
use crate::syntax::dockerfile::InstructionKind;

pub(super) fn start(out: &Container, root: NodeRef<'_>) -> Start {
    let written = root.member("overrideCommand");
    let default = out.compose.is_none();
    let mut start = Start {
        override_command: written.and_then(|m| m.value?.as_bool()).unwrap_or(default),
        override_written: written.map(|m| Place {
            file: FileId::MAIN,
            range: m.range(),
        }),
        ..Start::default()
    };
    if let Some(view) = out.dockerfile()
        && let Some(stage) = view.stage
    {
        let df = &view.parsed;
        for s in stage_chain(df, stage, &view.build_args) {
            for (ix, i) in df.instructions.iter().enumerate().take(s.end).skip(s.from) {
                match i.kind {
                    InstructionKind::Cmd(_) => start.cmd = Some(ix),
                    // ENTRYPOINT resets an inherited CMD, as Docker does.
                    InstructionKind::Entrypoint(_) => {
                        start.entrypoint = Some(ix);
                        start.cmd = None;
                    }
                    _ => {}
                }
            }
        }
    }
    start
}
