//! VS Code snippet text: escaping literal text into a snippet, and expanding a snippet to the
//! plain text it inserts (first choice, default placeholders) for tests and "apply" checks.

/// `text` as literal snippet text (`$`, `}` and `\` escaped).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

/// [`escape`], appended to `out`.
pub fn escape_into(text: &str, out: &mut String) {
    let mut rest = text;
    // Bytes, not chars: the three are ASCII, and a char pattern decodes every character.
    while let Some(at) = rest.bytes().position(|b| matches!(b, b'$' | b'}' | b'\\')) {
        out.push_str(&rest[..at]);
        out.push('\\');
        out.push_str(&rest[at..at + 1]);
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// The text a snippet inserts when every placeholder keeps its default and every choice its
/// first option.
pub fn expand(snippet: &str) -> String {
    let chars: Vec<char> = snippet.chars().collect();
    let mut out = String::with_capacity(snippet.len());
    // Open `${...}` groups: true when the group is a choice still being skipped after its first option.
    let mut groups: Vec<GroupState> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let skipping = groups.last().is_some_and(|g| *g == GroupState::SkipChoice);
        match c {
            '\\' if i + 1 < chars.len() => {
                if !skipping {
                    out.push(chars[i + 1]);
                }
                i += 2;
                continue;
            }
            '$' if chars.get(i + 1) == Some(&'{') => {
                let mut j = i + 2;
                while j < chars.len() && chars[j].is_ascii_digit() {
                    j += 1;
                }
                match chars.get(j) {
                    Some(':') => {
                        groups.push(if skipping {
                            GroupState::SkipChoice
                        } else {
                            GroupState::Placeholder
                        });
                        i = j + 1;
                    }
                    Some('|') => {
                        groups.push(if skipping {
                            GroupState::SkipChoice
                        } else {
                            GroupState::Choice
                        });
                        i = j + 1;
                    }
                    Some('}') => i = j + 1,
                    _ => {
                        groups.push(GroupState::Placeholder);
                        i = j;
                    }
                }
                continue;
            }
            '$' if chars.get(i + 1).is_some_and(char::is_ascii_digit) => {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                continue;
            }
            ',' if groups.last() == Some(&GroupState::Choice) => {
                if let Some(last) = groups.last_mut() {
                    *last = GroupState::SkipChoice;
                }
            }
            '|' if chars.get(i + 1) == Some(&'}')
                && matches!(
                    groups.last(),
                    Some(GroupState::Choice | GroupState::SkipChoice)
                ) =>
            {
                groups.pop();
                i += 2;
                continue;
            }
            '}' if !groups.is_empty() => {
                groups.pop();
            }
            _ if !skipping => out.push(c),
            _ => {}
        }
        i += 1;
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GroupState {
    Placeholder,
    Choice,
    SkipChoice,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_placeholders_choices_and_escapes() {
        assert_eq!(expand("\"$1\""), "\"\"");
        assert_eq!(expand("{$1}"), "{}");
        assert_eq!(expand("${1|true,false|}"), "true");
        assert_eq!(
            expand("\"${1|stopContainer,none|}\","),
            "\"stopContainer\","
        );
        assert_eq!(expand("localEnv:${1:VAR}\\}"), "localEnv:VAR}");
        assert_eq!(expand("${1:0}$0"), "0");
        assert_eq!(expand(&escape("a$b}c\\")), "a$b}c\\");
    }

    proptest::proptest! {
        #[test]
        fn escaping_then_expanding_gives_the_text_back(text in "[a-z$}{\\\\é日🚀 ]{0,24}") {
            let escaped = escape(&text);
            proptest::prop_assert_eq!(expand(&escaped), text.clone());
            let marks = text.chars().filter(|c| matches!(c, '$' | '}' | '\\')).count();
            proptest::prop_assert_eq!(escaped.len(), text.len() + marks);
        }
    }
}
