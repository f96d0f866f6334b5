//! Node properties and directives for the scanner: anchors `&a`, aliases `*a`, tags (`!reset`,
//! `!!str`, `!h!x`, `!<verbatim>`), and the `%YAML`/`%TAG` lines before a document. A tag keeps
//! its handle and suffix apart, URI escapes (`%21`) decoded, as `saphyr-parser` does.

use super::input::{
    Mark, ScanError, is_alpha, is_blank, is_blank_or_breakz, is_breakz, is_non_space, is_tag_char,
    is_uri_char,
};
use super::scan::{Scanner, Tok};

impl Scanner<'_> {
    pub(super) fn fetch_anchor(&mut self, alias: bool) -> Result<(), ScanError> {
        self.save_simple_key();
        self.simple_key_allowed = false;
        let start = self.mark;
        self.skip_non_blank();
        let from = self.mark.pos;
        while super::input::is_anchor_char(self.peek()) {
            self.skip_non_blank();
        }
        let name = self.text.get(from..self.mark.pos).unwrap_or("").to_string();
        if name.is_empty() {
            return Err(ScanError::at(
                start,
                "an anchor or alias needs a name after '&' or '*'",
            ));
        }
        let tok = if alias {
            Tok::Alias(name)
        } else {
            Tok::Anchor(name)
        };
        self.push(start, self.mark, tok);
        Ok(())
    }

    pub(super) fn fetch_tag(&mut self) -> Result<(), ScanError> {
        self.save_simple_key();
        self.simple_key_allowed = false;
        let start = self.mark;
        let (handle, suffix) = if self.peek_nth(1) == '<' {
            (String::new(), self.scan_verbatim_tag(start)?)
        } else {
            let handle = self.scan_tag_handle(false, start)?;
            if handle.len() >= 2 && handle.starts_with('!') && handle.ends_with('!') {
                let suffix = self.scan_tag_suffix("", start)?;
                (handle, suffix)
            } else {
                // `!x`: the handle scan read the suffix's first word; `!` alone is the
                // non-specific tag, handle "" and suffix "!".
                let suffix = self.scan_tag_suffix(&handle, start)?;
                if suffix.is_empty() {
                    (String::new(), "!".to_string())
                } else {
                    ("!".to_string(), suffix)
                }
            }
        };
        if is_blank_or_breakz(self.peek())
            || (self.flow_level > 0 && super::input::is_flow(self.peek()))
        {
            self.push(start, self.mark, Tok::Tag(handle, suffix));
            Ok(())
        } else {
            Err(ScanError::at(
                start,
                "a tag must be followed by a space or a line break",
            ))
        }
    }

    /// `!`, `!!` or `!word!`; in a `%TAG` line the closing `!` is required.
    fn scan_tag_handle(&mut self, directive: bool, start: Mark) -> Result<String, ScanError> {
        if self.peek() != '!' {
            return Err(ScanError::at(start, "a tag handle must start with '!'"));
        }
        let mut handle = String::from("!");
        self.skip_non_blank();
        while is_alpha(self.peek()) {
            handle.push(self.peek());
            self.skip_non_blank();
        }
        if self.peek() == '!' {
            handle.push('!');
            self.skip_non_blank();
        } else if directive && handle != "!" {
            return Err(ScanError::at(start, "a %TAG handle must end with '!'"));
        }
        Ok(handle)
    }

    /// The suffix after a handle; `head` is what the handle scan already read (`!x` of `!x/y`).
    fn scan_tag_suffix(&mut self, head: &str, start: Mark) -> Result<String, ScanError> {
        let mut length = head.len();
        let mut suffix: String = head.chars().skip(1).collect();
        while is_tag_char(self.peek()) {
            if self.peek() == '%' {
                suffix.push(self.scan_uri_escapes(start)?);
            } else {
                suffix.push(self.peek());
                self.skip_non_blank();
            }
            length += 1;
        }
        if length == 0 {
            return Err(ScanError::at(start, "a tag needs a name after its handle"));
        }
        Ok(suffix)
    }

    fn scan_verbatim_tag(&mut self, start: Mark) -> Result<String, ScanError> {
        self.skip_n_non_blank(2);
        let mut tag = String::new();
        while is_uri_char(self.peek()) {
            if self.peek() == '%' {
                tag.push(self.scan_uri_escapes(start)?);
            } else {
                tag.push(self.peek());
                self.skip_non_blank();
            }
        }
        if self.peek() != '>' {
            return Err(ScanError::at(
                start,
                "a verbatim tag '!<...' must end with '>'",
            ));
        }
        self.skip_non_blank();
        Ok(tag)
    }

    /// `%XX` escapes making one UTF-8 character.
    fn scan_uri_escapes(&mut self, start: Mark) -> Result<char, ScanError> {
        const BAD: &str = "a '%' escape in a tag must be a valid UTF-8 character in hex";
        let mut width = 0u32;
        let mut code = 0u32;
        loop {
            let (hi, lo) = (self.peek_nth(1).to_digit(16), self.peek_nth(2).to_digit(16));
            let (Some(hi), Some(lo), '%') = (hi, lo, self.peek()) else {
                return Err(ScanError::at(start, BAD));
            };
            let byte = (hi << 4) + lo;
            if width == 0 {
                width = match byte {
                    _ if byte & 0x80 == 0 => 1,
                    _ if byte & 0xE0 == 0xC0 => 2,
                    _ if byte & 0xF0 == 0xE0 => 3,
                    _ if byte & 0xF8 == 0xF0 => 4,
                    _ => return Err(ScanError::at(start, BAD)),
                };
                code = byte;
            } else {
                if byte & 0xC0 != 0x80 {
                    return Err(ScanError::at(start, BAD));
                }
                code = (code << 8) + byte;
            }
            self.skip_n_non_blank(3);
            width -= 1;
            if width == 0 {
                break;
            }
        }
        // Like `saphyr-parser`, the bytes are joined as a number, not decoded as UTF-8.
        char::from_u32(code).ok_or(ScanError::at(start, BAD))
    }

    pub(super) fn fetch_directive(&mut self) -> Result<(), ScanError> {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let start = self.mark;
        self.skip_non_blank();
        let name_start = self.mark;
        while is_non_space(self.peek()) {
            self.skip_non_blank();
        }
        let name = self.text.get(name_start.pos..self.mark.pos).unwrap_or("");
        if name.is_empty() || !is_blank_or_breakz(self.peek()) {
            return Err(ScanError::at(
                name_start,
                "a directive needs a name after '%'",
            ));
        }
        let tok = match name {
            "YAML" => self.scan_version_directive(start)?,
            "TAG" => self.scan_tag_directive(start)?,
            _ => {
                // Reserved directives are read and ignored.
                while is_blank(self.peek()) {
                    self.skip_blanks();
                    while is_non_space(self.peek()) {
                        self.skip_non_blank();
                    }
                }
                Tok::ReservedDirective
            }
        };
        self.push(start, self.mark, tok);
        self.skip_ws_to_eol(true)?;
        if !is_breakz(self.peek()) {
            return Err(ScanError::at(
                start,
                "a directive line must end after its value",
            ));
        }
        self.skip_break();
        Ok(())
    }

    fn skip_blanks(&mut self) {
        while is_blank(self.peek()) {
            self.skip_blank();
        }
    }

    fn scan_version_directive(&mut self, start: Mark) -> Result<Tok, ScanError> {
        self.skip_blanks();
        self.scan_version_number(start)?;
        if self.peek() != '.' {
            return Err(ScanError::at(start, "a %YAML version must look like 1.2"));
        }
        self.skip_non_blank();
        self.scan_version_number(start)?;
        Ok(Tok::VersionDirective)
    }

    fn scan_version_number(&mut self, start: Mark) -> Result<(), ScanError> {
        let mut length = 0;
        while self.peek().is_ascii_digit() {
            length += 1;
            if length > 9 {
                return Err(ScanError::at(start, "a %YAML version number is too long"));
            }
            self.skip_non_blank();
        }
        if length == 0 {
            return Err(ScanError::at(start, "a %YAML version must look like 1.2"));
        }
        Ok(())
    }

    fn scan_tag_directive(&mut self, start: Mark) -> Result<Tok, ScanError> {
        self.skip_blanks();
        let handle = self.scan_tag_handle(true, start)?;
        self.skip_blanks();
        let mut prefix = String::new();
        if self.peek() == '!' {
            prefix.push('!');
            self.skip_non_blank();
        } else if !is_tag_char(self.peek()) {
            return Err(ScanError::at(
                start,
                "a %TAG prefix has a character not allowed in tags",
            ));
        } else if self.peek() == '%' {
            prefix.push(self.scan_uri_escapes(start)?);
        } else {
            prefix.push(self.peek());
            self.skip_non_blank();
        }
        while is_uri_char(self.peek()) {
            if self.peek() == '%' {
                prefix.push(self.scan_uri_escapes(start)?);
            } else {
                prefix.push(self.peek());
                self.skip_non_blank();
            }
        }
        if !is_blank_or_breakz(self.peek()) {
            return Err(ScanError::at(
                start,
                "a %TAG line must end after its prefix",
            ));
        }
        Ok(Tok::TagDirective(handle, prefix))
    }
}
