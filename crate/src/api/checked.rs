//! The findings kept for one text: made without fixes for the diagnostics of a keystroke, and
//! with them once code actions (or a host that wants fixes with its diagnostics) ask.

use crate::diag::Diagnostic;
use crate::rules::Fixes;
use std::cell::OnceCell;

#[derive(Default)]
pub(crate) struct Checked {
    with_fixes: OnceCell<Vec<Diagnostic>>,
    without_fixes: OnceCell<Vec<Diagnostic>>,
}

impl Checked {
    /// The findings, made by `check` on first use. Findings with fixes serve a call that wants
    /// none as well (the results leave the fixes out), so the text is checked at most twice.
    pub fn get(&self, fixes: Fixes, check: impl FnOnce(Fixes) -> Vec<Diagnostic>) -> &[Diagnostic] {
        if let Some(made) = self.with_fixes.get() {
            return made;
        }
        match fixes {
            Fixes::Made => self.with_fixes.get_or_init(|| check(Fixes::Made)),
            Fixes::Skipped => self.without_fixes.get_or_init(|| check(Fixes::Skipped)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_check_with_fixes_serves_both_and_each_kind_is_made_once() {
        let made = Cell::new(Vec::new());
        let check = |fixes: Fixes| {
            let mut so_far = made.take();
            so_far.push(fixes);
            made.set(so_far);
            Vec::new()
        };
        let checked = Checked::default();
        checked.get(Fixes::Skipped, check);
        checked.get(Fixes::Skipped, check);
        checked.get(Fixes::Made, check);
        checked.get(Fixes::Made, check);
        checked.get(Fixes::Skipped, check);
        assert_eq!(made.take(), [Fixes::Skipped, Fixes::Made]);

        let checked = Checked::default();
        checked.get(Fixes::Made, check);
        checked.get(Fixes::Skipped, check);
        assert_eq!(made.take(), [Fixes::Made]);
    }
}
