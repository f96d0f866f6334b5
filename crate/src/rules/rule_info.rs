//! The facts about one rule code, declared once as a `pub const` [`RuleInfo`] next to the rule
//! that reports it. Rules build their diagnostics only through it ([`RuleInfo::at`]), so the
//! code and the severity of a diagnostic always match the catalog, docs/rules.md and the
//! CLI's `rules` output.

use crate::diag::{Diagnostic, Severity};
use crate::text::TextRange;

/// Whether a rule's fix may be applied without asking, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixSafety {
    /// The rule offers no fix.
    None,
    /// The rule's preferred fix is surely what the author meant and keeps comments and layout;
    /// `check --fix` and "fix all" apply it.
    Safe { reason: &'static str },
    /// A fix is offered but not applied by "fix all": the author may have meant something else.
    Unsafe { reason: &'static str },
}

impl FixSafety {
    pub fn as_str(self) -> &'static str {
        match self {
            FixSafety::None => "none",
            FixSafety::Safe { .. } => "safe",
            FixSafety::Unsafe { .. } => "unsafe",
        }
    }

    /// Why the fix is safe or unsafe (`None` for a rule without a fix).
    pub fn reason(self) -> Option<&'static str> {
        match self {
            FixSafety::None => None,
            FixSafety::Safe { reason } | FixSafety::Unsafe { reason } => Some(reason),
        }
    }
}

/// What a configuration must involve for the rule to have anything to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Domain {
    Any,
    Go,
    Dockerfile,
    Compose,
}

impl Domain {
    pub fn as_str(self) -> &'static str {
        match self {
            Domain::Any => "any",
            Domain::Go => "go",
            Domain::Dockerfile => "dockerfile",
            Domain::Compose => "compose",
        }
    }
}

/// One rule code: everything the docs, the settings and the editors know about it.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    /// The public code (users put it in `devcontainerDoctor.severityOverrides`).
    pub code: &'static str,
    /// Older codes that still select this rule in settings (a split code keeps the old name).
    pub aliases: &'static [&'static str],
    /// The default severity; every diagnostic of this code has it.
    pub severity: Severity,
    /// One line, for tables.
    pub summary: &'static str,
    /// Why it matters, in one to three sentences.
    pub why: &'static str,
    pub fix: FixSafety,
    pub domain: Domain,
}

impl RuleInfo {
    /// A diagnostic of this code at its declared severity. Always inlined, so that only the
    /// code and severity of the `const` reach the binary, not its docs.
    #[inline(always)]
    pub fn at(&self, range: TextRange, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, self.severity, range, message)
    }

    /// The same entry without the texts only docs/rules.md and the CLI print.
    pub const fn without_docs(self) -> Self {
        let fix = match self.fix {
            FixSafety::None => FixSafety::None,
            FixSafety::Safe { .. } => FixSafety::Safe { reason: "" },
            FixSafety::Unsafe { .. } => FixSafety::Unsafe { reason: "" },
        };
        Self {
            why: "",
            fix,
            ..self
        }
    }

    /// Whether `name` (from a user's settings) selects this rule: its code or an alias.
    pub fn is_named(&self, name: &str) -> bool {
        self.code == name || self.aliases.contains(&name)
    }
}
