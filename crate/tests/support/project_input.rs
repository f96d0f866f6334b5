//! Dev container folders on disk as a host hands them in (`ProjectInput`), and the random
//! edits the typing tests make to them.

use super::disk;
use devcontainer_doctor::api::{self, ProjectFile, ProjectFileKind, ProjectInput, Wanted};
use devcontainer_doctor::project::{Entry, join, normalize};
use std::fs;
use std::path::{Path, PathBuf};

/// The configuration at `main` with every file it wants read from disk, as a host hands it in.
pub fn input_from_disk(main: &Path) -> ProjectInput {
    let folder = main.parent().unwrap().to_string_lossy().replace('\\', "/");
    let mut input = ProjectInput {
        main_path: main.to_string_lossy().into_owned(),
        text: fs::read_to_string(main).unwrap(),
        config_folder: Some(folder.clone()),
        ..ProjectInput::default()
    };
    for _ in 0..8 {
        let wanted = api::project_wanted(&input);
        if wanted.is_empty() {
            break;
        }
        for want in &wanted {
            input.files.push(read_file(&folder, want));
        }
    }
    input
}

/// Every devcontainer.json under `dir`, sorted.
pub fn configs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(list) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = list.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            configs(&path, out);
        } else if path.file_name().is_some_and(|n| n == "devcontainer.json") {
            out.push(path);
        }
    }
}

/// A small deterministic generator, so a failure replays.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Deletes a character of `text`, or inserts one of the characters that change a
/// configuration's shape.
pub fn edit(text: &str, rng: &mut Lcg) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len() + 1);
    let mut out: Vec<char> = chars.clone();
    if rng.below(2) == 0 && at < chars.len() {
        out.remove(at);
    } else {
        const TYPED: &[char] = &['"', ',', '{', '}', ':', 'a', ' ', '/', '.', '\n', 'é'];
        out.insert(at, TYPED[rng.below(TYPED.len())]);
    }
    out.into_iter().collect()
}

/// One wanted path of a configuration in `folder`, read from disk as a host reads it.
pub fn read_file(folder: &str, want: &Wanted) -> ProjectFile {
    let on_disk = PathBuf::from(format!("/{}", normalize(&join(folder, &want.path))));
    let (kind, text, entries) = match disk::read_entry(&on_disk, want.kind) {
        Entry::Text(text) => (ProjectFileKind::Text, Some(text), None),
        Entry::Folder(names) => (ProjectFileKind::Folder, None, Some(names)),
        Entry::Missing => (ProjectFileKind::Missing, None, None),
    };
    ProjectFile {
        path: want.path.clone(),
        kind,
        text,
        entries,
    }
}
