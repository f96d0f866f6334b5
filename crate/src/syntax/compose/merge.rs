//! Several Compose files merged in order, as `docker compose -f a -f b` does. The rules are
//! compose-go's (`override/merge.go`, then `override/uncity.go` removes redefinitions): a scalar
//! (`image`, `user`, `privileged`, `build.context`, ...) and `command`/`entrypoint` are
//! replaced; `build` merges by key (the string form is `context`); `environment` and
//! `build.args` merge by variable name; `cap_add`, `profiles` and `env_file` are appended
//! without repeats; `ports` are appended without repeating the same mapping; `volumes` are
//! appended, a later mount replacing an earlier one at the same container path;
//! `security_opt` is appended as is. A replaced item keeps the earlier item's place. An
//! attribute tagged `!reset` clears what earlier files said, and `!override` replaces it whole.

use super::model::{ComposeFile, Entry, EnvVar, MergedCompose, Service, Str};
use std::collections::HashMap;

/// Merges `files` in order; every `file` in the result is an index into `files`.
pub fn merge<'a>(files: impl IntoIterator<Item = &'a ComposeFile>) -> MergedCompose {
    let mut out = MergedCompose::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (ix, file) in files.into_iter().enumerate() {
        if let Some(name) = &file.name {
            out.name = Some(Str {
                file: ix,
                ..name.clone()
            });
        }
        for service in &file.services {
            let mut service = service.clone();
            renumber(&mut service, ix);
            match index.get(&service.name) {
                Some(&at) => merge_service(&mut out.services[at], service),
                None => {
                    index.insert(service.name.clone(), out.services.len());
                    out.services.push(service);
                }
            }
        }
    }
    out
}

/// Applies `over` (a later definition of the same service) to `base`.
pub(super) fn merge_service(base: &mut Service, over: Service) {
    for field in &over.reset {
        reset(base, field);
    }
    let replace = |field: &str| over.overridden.iter().any(|f| f == field);
    base.defined_in.extend(over.defined_in.iter().copied());
    replace_some(&mut base.image, over.image);
    replace_some(&mut base.user, over.user);
    replace_some(&mut base.privileged, over.privileged);
    replace_some(&mut base.command, over.command);
    replace_some(&mut base.entrypoint, over.entrypoint);
    match (&mut base.build, over.build) {
        (Some(b), Some(o)) if !replace("build") => {
            b.short &= o.short;
            b.range = o.range;
            b.key_range = o.key_range;
            b.file = o.file;
            replace_some(&mut b.context, o.context);
            replace_some(&mut b.dockerfile, o.dockerfile);
            replace_some(&mut b.target, o.target);
            b.args = env_merge(std::mem::take(&mut b.args), o.args);
        }
        (b, Some(o)) => *b = Some(o),
        (_, None) => {}
    }
    let lists = [
        ("cap_add", &mut base.cap_add, over.cap_add, true),
        (
            "security_opt",
            &mut base.security_opt,
            over.security_opt,
            false,
        ),
        ("profiles", &mut base.profiles, over.profiles, true),
        ("env_file", &mut base.env_file, over.env_file, true),
    ];
    for (field, list, more, dedupe) in lists {
        if replace(field) {
            *list = more;
            continue;
        }
        list.extend(more);
        if dedupe {
            *list = unique(std::mem::take(list), |s| s.value.clone());
        }
    }
    base.environment = if replace("environment") {
        over.environment
    } else {
        env_merge(std::mem::take(&mut base.environment), over.environment)
    };
    for (field, list, more, key) in [
        (
            "ports",
            &mut base.ports,
            over.ports,
            port_key as fn(&Entry) -> String,
        ),
        ("volumes", &mut base.volumes, over.volumes, volume_target),
    ] {
        if replace(field) {
            *list = more;
        } else {
            list.extend(more);
            *list = unique(std::mem::take(list), key);
        }
    }
    base.reset.extend(over.reset);
    base.overridden.extend(over.overridden);
}

fn replace_some<T>(slot: &mut Option<T>, value: Option<T>) {
    if value.is_some() {
        *slot = value;
    }
}

fn reset(s: &mut Service, field: &str) {
    match field {
        "image" => s.image = None,
        "user" => s.user = None,
        "privileged" => s.privileged = None,
        "build" => s.build = None,
        "command" => s.command = None,
        "entrypoint" => s.entrypoint = None,
        "cap_add" => s.cap_add.clear(),
        "security_opt" => s.security_opt.clear(),
        "profiles" => s.profiles.clear(),
        "env_file" => s.env_file.clear(),
        "environment" => s.environment.clear(),
        "ports" => s.ports.clear(),
        "volumes" => s.volumes.clear(),
        _ => {}
    }
}

fn env_merge(base: Vec<EnvVar>, over: Vec<EnvVar>) -> Vec<EnvVar> {
    let mut all = base;
    all.extend(over);
    unique(all, |v| v.name.clone())
}

/// Keeps one item per key: the last one, at the place of the first.
fn unique<T>(items: Vec<T>, key: impl Fn(&T) -> String) -> Vec<T> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        match seen.get(&key(&item)) {
            Some(&at) => out[at] = item,
            None => {
                seen.insert(key(&item), out.len());
                out.push(item);
            }
        }
    }
    out
}

/// compose-go's `portIndexer`: the short string as written, or host:published:target/protocol.
fn port_key(e: &Entry) -> String {
    if let Some(s) = &e.short {
        return s.value.clone();
    }
    let f = |k: &str, default: &str| e.field(k).map_or(default.to_string(), |s| s.value.clone());
    format!(
        "{}:{}:{}/{}",
        f("host_ip", "0.0.0.0"),
        f("published", ""),
        f("target", ""),
        f("protocol", "tcp")
    )
}

/// The container path of a volume: `target`, or the second part of `source:target[:mode]`.
pub fn volume_target(e: &Entry) -> String {
    if let Some(s) = &e.short {
        let mut parts = s.value.split(':');
        let first = parts.next().unwrap_or("");
        return parts.next().unwrap_or(first).to_string();
    }
    e.field("target").map_or(String::new(), |s| s.value.clone())
}

fn renumber(s: &mut Service, file: usize) {
    fn str(s: &mut Str, file: usize) {
        s.file = file;
    }
    fn env(v: &mut EnvVar, file: usize) {
        v.file = file;
        if let Some(s) = &mut v.value {
            s.file = file;
        }
    }
    fn entry(e: &mut Entry, file: usize) {
        e.file = file;
        e.short.iter_mut().for_each(|s| str(s, file));
        for (k, v) in &mut e.fields {
            str(k, file);
            str(v, file);
        }
    }
    s.file = file;
    s.defined_in.iter_mut().for_each(|o| o.file = file);
    for x in [&mut s.image, &mut s.user, &mut s.privileged] {
        x.iter_mut().for_each(|x| str(x, file));
    }
    for list in [
        &mut s.cap_add,
        &mut s.security_opt,
        &mut s.env_file,
        &mut s.profiles,
    ] {
        list.iter_mut().for_each(|x| str(x, file));
    }
    s.environment.iter_mut().for_each(|v| env(v, file));
    s.ports.iter_mut().for_each(|e| entry(e, file));
    s.volumes.iter_mut().for_each(|e| entry(e, file));
    for c in [&mut s.command, &mut s.entrypoint].into_iter().flatten() {
        c.file = file;
        match &mut c.form {
            super::model::CommandForm::Shell(x) => str(x, file),
            super::model::CommandForm::Exec(xs) => xs.iter_mut().for_each(|x| str(x, file)),
        }
    }
    if let Some(b) = &mut s.build {
        b.file = file;
        for x in [&mut b.context, &mut b.dockerfile, &mut b.target] {
            x.iter_mut().for_each(|x| str(x, file));
        }
        b.args.iter_mut().for_each(|v| env(v, file));
    }
}
