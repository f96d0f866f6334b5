//! `--format github`: one GitHub Actions workflow command per finding
//! (`::error file=...,line=...,col=...,endLine=...,endColumn=...,title=CODE::message`), which
//! a workflow run shows as an annotation on the pull request's diff. Lines and columns are
//! 1-based; columns count UTF-16 units, as in the other formats. Errors are `error`, warnings
//! `warning`, info and hints `notice`.

use super::Checked;
use devcontainer_doctor::diag::Severity;

pub fn render(checked: &[Checked]) -> String {
    let mut out = String::new();
    for c in checked {
        let file = super::sarif::relative_to_cwd(&c.file.display_path());
        for d in &c.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(&file),
                d.range.start.line + 1,
                d.range.start.character + 1,
                d.range.end.line + 1,
                d.range.end.character + 1,
                property(&d.code),
                data(&d.message),
            ));
        }
    }
    out
}

/// The message part: `%`, CR and LF escaped, as the runner reads them.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: also `:` and `,`, which separate properties.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::data("50%\r\nnext"), "50%25%0D%0Anext");
        assert_eq!(super::property("a,b:c"), "a%2Cb%3Ac");
    }
}
