//! Output for people, in the style of rustc: the message, `path:line:column`, the source line
//! and a caret underline. Columns count characters (what an editor's status bar shows); the
//! underline is padded by display width so it sits under CJK text and emoji too.

use super::source::SourceFile;
use devcontainer_doctor::api::Diagnostic;
use devcontainer_doctor::diag::Severity;
use devcontainer_doctor::text::LineIndex;
use std::fmt::Write as _;

/// Longer source lines are shown as a window around the range.
const MAX_SHOWN_CHARS: usize = 160;
const CONTEXT_CHARS: usize = 40;
const MAX_MARKED_CHARS: usize = 80;

#[derive(Clone, Copy)]
pub struct Palette {
    pub color: bool,
}

impl Palette {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn severity_code(severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
            Severity::Hint => "1;32",
        }
    }
}

/// Appends every diagnostic of one file.
pub fn render_file(out: &mut String, file: &SourceFile, diagnostics: &[Diagnostic], p: Palette) {
    let index = LineIndex::new(&file.text);
    for d in diagnostics {
        render_one(out, file, &index, d, p);
    }
}

fn render_one(out: &mut String, file: &SourceFile, index: &LineIndex, d: &Diagnostic, p: Palette) {
    let text = &file.text;
    let start = index.offset(d.range.start);
    let end = index.offset(d.range.end).max(start);
    let line = index.line_of(start);
    let line_range = index.line_range(line);
    let line_text = text.get(line_range.start..line_range.end).unwrap_or("");
    let start_in_line = start.saturating_sub(line_range.start).min(line_text.len());
    let end_in_line = end.saturating_sub(line_range.start).min(line_text.len());
    let column = line_text
        .get(..start_in_line)
        .map_or(0, |prefix| prefix.chars().count())
        + 1;
    let line_number = (line + 1).to_string();
    let pad = " ".repeat(line_number.len());
    let sev_code = Palette::severity_code(d.severity);
    let gutter = |s: &str| p.paint("1;34", s);

    let _ = writeln!(
        out,
        "{}{}",
        p.paint(sev_code, &format!("{}[{}]", d.severity.as_str(), d.code)),
        p.paint("1", &format!(": {}", d.message))
    );
    let _ = writeln!(
        out,
        "{pad}{} {}:{}:{column}",
        gutter("-->"),
        file.display_path(),
        line_number
    );
    let (shown, underline) = excerpt(line_text, start_in_line, end_in_line);
    let _ = writeln!(out, "{pad} {}", gutter("|"));
    let _ = writeln!(out, "{} {} {shown}", gutter(&line_number), gutter("|"));
    let _ = writeln!(
        out,
        "{pad} {} {}",
        gutter("|"),
        p.paint(sev_code, &underline)
    );
    for fix in &d.fixes {
        let _ = writeln!(out, "{pad} {} help: {}", gutter("="), fix.title);
    }
    out.push('\n');
}

/// The shown part of a source line and the underline beneath it (tabs kept in the padding so
/// the terminal expands both lines alike). Byte offsets must be char boundaries of `line`.
fn excerpt(line: &str, start: usize, end: usize) -> (String, String) {
    let (before, marked, after) = match (line.get(..start), line.get(start..end), line.get(end..)) {
        (Some(b), Some(m), Some(a)) => (b, m, a),
        _ => (line, "", ""),
    };
    let long = line.len() > MAX_SHOWN_CHARS && line.chars().count() > MAX_SHOWN_CHARS;
    let (before, cut_before) = if long {
        tail(before, CONTEXT_CHARS)
    } else {
        (before, false)
    };
    let (marked, cut_marked) = if long {
        head(marked, MAX_MARKED_CHARS)
    } else {
        (marked, false)
    };
    let (after, cut_after) = if long && !cut_marked {
        head(after, CONTEXT_CHARS)
    } else {
        (if cut_marked { "" } else { after }, cut_marked)
    };

    let mut shown = String::new();
    let mut underline = String::new();
    if cut_before {
        shown.push('…');
        underline.push(' ');
    }
    for ch in before.chars() {
        let ch = printable(ch);
        shown.push(ch);
        if ch == '\t' {
            underline.push('\t');
        } else {
            underline.extend(std::iter::repeat_n(' ', width(ch)));
        }
    }
    let mut carets = 0;
    for ch in marked.chars() {
        let ch = printable(ch);
        shown.push(ch);
        carets += if ch == '\t' { 4 } else { width(ch) };
    }
    shown.extend(after.chars().map(printable));
    if cut_after {
        shown.push('…');
    }
    underline.extend(std::iter::repeat_n('^', carets.max(1)));
    (shown, underline)
}

/// The last `n` characters of `s`, and whether anything was cut.
fn tail(s: &str, n: usize) -> (&str, bool) {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((at, _)) if at > 0 => (&s[at..], true),
        _ => (s, false),
    }
}

/// The first `n` characters of `s`, and whether anything was cut.
fn head(s: &str, n: usize) -> (&str, bool) {
    match s.char_indices().nth(n) {
        Some((at, _)) => (&s[..at], true),
        None => (s, false),
    }
}

/// Control characters would move the terminal's cursor; show a placeholder instead.
fn printable(ch: char) -> char {
    if ch != '\t' && ch.is_control() {
        '\u{fffd}'
    } else {
        ch
    }
}

/// Terminal columns of a character: 2 for East Asian wide characters and emoji, 0 for
/// combining marks and zero-width joiners, else 1. A small table; exact enough for carets.
fn width(ch: char) -> usize {
    let c = ch as u32;
    let zero = matches!(c, 0x0300..=0x036F | 0x200B..=0x200F | 0xFE00..=0xFE0F | 0x20D0..=0x20FF);
    let wide = matches!(
        c,
        0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x1F300..=0x1F64F
            | 0x1F680..=0x1F6FF
            | 0x1F900..=0x1F9FF
            | 0x1FA70..=0x1FAFF
            | 0x20000..=0x3FFFD
    );
    if zero {
        0
    } else if wide {
        2
    } else {
        1
    }
}

/// Counts by severity over everything reported.
#[derive(Default)]
pub struct Totals {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub hints: usize,
}

impl Totals {
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
            Severity::Hint => self.hints += 1,
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `2 errors, 3 warnings in 1 file` (infos and hints only when there are some).
pub fn summary(t: &Totals, files: usize) -> String {
    let mut parts = vec![plural(t.errors, "error"), plural(t.warnings, "warning")];
    if t.infos > 0 {
        parts.push(plural(t.infos, "info"));
    }
    if t.hints > 0 {
        parts.push(plural(t.hints, "hint"));
    }
    format!("{} in {}", parts.join(", "), plural(files, "file"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn underline_follows_tabs_and_wide_characters() {
        let line = "\t\"注释😀\": x";
        let start = line.find('x').unwrap();
        let (shown, underline) = excerpt(line, start, start + 1);
        assert_eq!(shown, line);
        assert_eq!(underline, "\t          ^");
    }

    #[test]
    fn long_lines_are_windowed_at_char_boundaries() {
        let line = format!("{}\"k\"{}", "é".repeat(300), "ü".repeat(300));
        let start = line.find('"').unwrap();
        let (shown, underline) = excerpt(&line, start, start + 3);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert!(shown.chars().count() < MAX_SHOWN_CHARS);
        assert!(underline.ends_with("^^^"));
    }

    #[test]
    fn any_range_renders_without_panic() {
        use devcontainer_doctor::text::{Position, Range};
        let text = "{\r\n\t\"注😀\": 1,\r\u{0}\"é\"\n}";
        let file = SourceFile::from_text("x.json".into(), text.to_string());
        let mut diagnostics = Vec::new();
        for line in 0..5 {
            for character in 0..12 {
                let at = Position { line, character };
                let end = Position {
                    line: line + character % 2,
                    character: character / 2,
                };
                diagnostics.push(Diagnostic {
                    code: "x".into(),
                    severity: Severity::Hint,
                    message: "m".into(),
                    range: Range { start: at, end },
                    fixes: Vec::new(),
                });
            }
        }
        let mut out = String::new();
        render_file(&mut out, &file, &diagnostics, Palette { color: true });
        assert!(!out.contains('\0'), "control characters are replaced");
    }

    #[test]
    fn summary_line() {
        let t = Totals {
            errors: 2,
            warnings: 3,
            ..Totals::default()
        };
        assert_eq!(summary(&t, 1), "2 errors, 3 warnings in 1 file");
    }
}
