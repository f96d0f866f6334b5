//! `check --fix`: applies every safe fix (see `devcontainer_doctor::fix`).

/// Returns the fixed text and how many fixes were applied.
pub fn fix_text(text: &str) -> (String, usize) {
    let result = devcontainer_doctor::fix::fix_all(text);
    (result.text, result.applied)
}
