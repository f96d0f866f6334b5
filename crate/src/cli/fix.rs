//! `check --fix`: applies every safe fix in every file of a configuration (see
//! `devcontainer_doctor::fix`), and writes the files that changed.

use super::files::Loaded;
use super::note;
use devcontainer_doctor::diag::FileId;
use devcontainer_doctor::fix::fix_all_project;
use std::path::PathBuf;

/// Fixes the project in place and writes each changed file back (with its BOM, if it had one).
pub fn fix_project(loaded: &mut Loaded) -> Result<(), String> {
    let result = fix_all_project(&loaded.project);
    for file in &result.files {
        let (path, bom) = if file.file == FileId::MAIN {
            (loaded.main.path.clone(), loaded.main.bom)
        } else {
            let Some(project_path) = loaded.project.path(file.file) else {
                continue;
            };
            match loaded.read.iter().find(|(p, _, _)| p == project_path) {
                Some((_, disk, bom)) => (PathBuf::from(disk), *bom),
                None => continue,
            }
        };
        let contents = super::source::SourceFile {
            path: path.clone(),
            text: file.text.clone(),
            bom,
        }
        .contents();
        std::fs::write(&path, contents)
            .map_err(|e| format!("{}: cannot write the fixes: {e}", path.display()))?;
        loaded.project.set_text(file.file, file.text.clone());
        if file.file == FileId::MAIN {
            loaded.main.text = file.text.clone();
        }
    }
    if result.applied > 0 {
        let shown: Vec<String> = result
            .files
            .iter()
            .filter_map(|f| {
                if f.file == FileId::MAIN {
                    Some(loaded.main.display_path())
                } else {
                    let p = loaded.project.path(f.file)?;
                    loaded
                        .disk_path(p)
                        .map(|d| d.to_string_lossy().replace('\\', "/"))
                }
            })
            .collect();
        note(&format!(
            "fixed {} problem{} in {}",
            result.applied,
            if result.applied == 1 { "" } else { "s" },
            shown.join(", ")
        ));
    }
    Ok(())
}
