//! The capabilities and security options in effect: devcontainer.json (`capAdd`,
//! `securityOpt`, `privileged`, and `runArgs` for image and Dockerfile configurations), its
//! features (from the catalog), and the Compose service (`cap_add`, `security_opt`,
//! `privileged`).

use super::build::{items, main_place, setting};
use super::{Container, Place, Setting, Source};
use crate::diag::FileId;
use crate::syntax::NodeRef;

pub(super) fn capabilities(out: &mut Container, root: NodeRef<'_>) {
    for item in items(root.get("capAdd")) {
        if let Some(v) = item.as_str() {
            out.cap_add
                .push(setting(v, main_place(item), Source::DevcontainerJson));
        }
    }
    for item in items(root.get("securityOpt")) {
        if let Some(v) = item.as_str() {
            out.security_opt
                .push(setting(v, main_place(item), Source::DevcontainerJson));
        }
    }
    if let Some(p) = root.get("privileged").filter(|p| p.as_bool() == Some(true)) {
        out.privileged = Some(setting("true", main_place(p), Source::DevcontainerJson));
    }
    // runArgs only reach `docker run`: image and Dockerfile configs.
    if out.compose.is_none() {
        run_args(out, root);
    }
    for m in root
        .get("features")
        .map(|f| f.members().collect::<Vec<_>>())
        .unwrap_or_default()
    {
        let Some(info) = crate::features::lookup(m.key()) else {
            continue;
        };
        let place = Place {
            file: FileId::MAIN,
            range: m.key_range(),
        };
        for cap in info.cap_add {
            out.cap_add.push(setting(cap, place, Source::Feature));
        }
        for opt in info.security_opt {
            out.security_opt.push(setting(opt, place, Source::Feature));
        }
        if info.privileged && out.privileged.is_none() {
            out.privileged = Some(setting("true", place, Source::Feature));
        }
    }
    if let Some(view) = &out.compose
        && let Some(service) = view.dev_service()
    {
        for c in &service.cap_add {
            out.cap_add.push(Setting {
                value: c.value.clone(),
                place: view.place(c.file, c.range),
                source: Source::Compose,
            });
        }
        for c in &service.security_opt {
            out.security_opt.push(Setting {
                value: c.value.clone(),
                place: view.place(c.file, c.range),
                source: Source::Compose,
            });
        }
        if let Some(p) = &service.privileged
            && p.value == "true"
            && out.privileged.is_none()
        {
            out.privileged = Some(Setting {
                value: p.value.clone(),
                place: view.place(p.file, p.range),
                source: Source::Compose,
            });
        }
    }
}

/// `--cap-add X`, `--cap-add=X`, `--security-opt X`, `--privileged` in `runArgs`.
fn run_args(out: &mut Container, root: NodeRef<'_>) {
    let items = items(root.get("runArgs"));
    for (i, item) in items.iter().enumerate() {
        let Some(arg) = item.as_str().map(str::trim) else {
            continue;
        };
        let next = || items.get(i + 1).and_then(|n| n.as_str());
        let place = main_place(*item);
        let value = |flag: &str| -> Option<String> {
            if arg == flag {
                return next().map(str::to_string);
            }
            arg.strip_prefix(flag)
                .and_then(|r| r.strip_prefix('=').or_else(|| r.strip_prefix(' ')))
                .map(|v| v.trim().to_string())
        };
        if let Some(v) = value("--cap-add") {
            out.cap_add
                .push(setting(&v, place, Source::DevcontainerJson));
        } else if let Some(v) = value("--security-opt") {
            out.security_opt
                .push(setting(&v, place, Source::DevcontainerJson));
        } else if (arg == "--privileged" || arg == "--privileged=true") && out.privileged.is_none()
        {
            out.privileged = Some(setting("true", place, Source::DevcontainerJson));
        }
    }
}
