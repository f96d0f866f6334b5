//! Reading a checked file: UTF-8 only, with a leading byte order mark set aside so that every
//! position counts from what an editor shows (VS Code hides the BOM too).

use std::fs;
use std::path::{Path, PathBuf};

pub const BOM: &str = "\u{feff}";

pub struct SourceFile {
    pub path: PathBuf,
    /// The content without its BOM.
    pub text: String,
    pub bom: bool,
}

impl SourceFile {
    pub fn read(path: &Path) -> Result<Self, String> {
        let bytes = fs::read(path).map_err(|e| format!("{}: {}", path.display(), e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            format!(
                "{}: not UTF-8 text (invalid byte at offset {}); save the file as UTF-8",
                path.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        Ok(Self::from_text(path.to_path_buf(), text))
    }

    pub fn from_text(path: PathBuf, text: String) -> Self {
        match text.strip_prefix(BOM) {
            Some(rest) => Self {
                path,
                text: rest.to_string(),
                bom: true,
            },
            None => Self {
                path,
                text,
                bom: false,
            },
        }
    }

    /// The bytes to write back: the BOM again when the file had one.
    pub fn contents(&self) -> String {
        if self.bom {
            format!("{BOM}{}", self.text)
        } else {
            self.text.clone()
        }
    }

    /// The path as shown to people and in reports, with `/` separators.
    pub fn display_path(&self) -> String {
        self.path.to_string_lossy().replace('\\', "/")
    }
}
