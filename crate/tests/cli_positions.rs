//! Positions: human columns count characters (1-based), JSON columns UTF-16 units (0-based);
//! both right with CJK, emoji, tabs, a BOM and CRLF. And no trouble with a 10 MB line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    reason = "a test fails by panicking and reports by printing"
)]

mod cli_support;
use cli_support::*;

#[test]
fn columns_with_cjk_emoji_bom_and_crlf() {
    let dir = TempDir::new("columns");
    // The second "image" starts after `\t"名前😀": 1, ` on the third line.
    let text = "\u{feff}{\r\n  \"image\": \"a\",\r\n\t\"名前😀\": 1, \"image\": \"b\"\r\n}\r\n";
    dir.write(".devcontainer.json", text);

    let run = run_in(&dir.path, &["check"]);
    // Characters before it: tab, quote, 名, 前, 😀, quote, colon, space, 1, comma, space = 11.
    assert!(
        run.stdout.contains(" --> .devcontainer.json:3:12\n"),
        "{}",
        run.stdout
    );
    // The underline keeps the tab and pads the wide characters by two columns each.
    assert!(
        run.stdout
            .contains("3 | \t\"名前😀\": 1, \"image\": \"b\"\n  | \t             ^^^^^^^\n"),
        "{}",
        run.stdout
    );

    let (_, report) = json_report(&dir.path, &[]);
    let duplicate = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "duplicate-key")
        .unwrap()
        .clone();
    // UTF-16: the emoji counts two units; the BOM none (positions are those an editor shows).
    assert_eq!(duplicate["range"]["start"]["line"], 2);
    assert_eq!(duplicate["range"]["start"]["character"], 12);
    assert_eq!(duplicate["range"]["end"]["character"], 19);
}

#[test]
fn bom_does_not_shift_the_first_line() {
    let dir = TempDir::new("bom");
    dir.write(
        ".devcontainer.json",
        "\u{feff}{\"image\": \"a\", \"image\": \"b\"}",
    );
    let run = run_in(&dir.path, &["check"]);
    assert!(
        run.stdout.contains(" --> .devcontainer.json:1:16\n"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains('\u{feff}'));
}

#[test]
fn a_ten_megabyte_line_is_checked_and_shown_briefly() {
    let dir = TempDir::new("huge");
    let text = format!(
        "{{\"image\": \"{}\", \"image\": \"b\",}}",
        "é".repeat(5 * 1024 * 1024)
    );
    dir.write(".devcontainer.json", &text);
    let run = run_in(&dir.path, &["check"]);
    // Other rules may judge this odd file; what matters here is a normal finish, no panic.
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.stdout.contains("duplicate-key"));
    assert!(
        run.stdout.lines().all(|l| l.len() < 1000),
        "source lines are cut to a window around the finding"
    );
    let (_, report) = json_report(&dir.path, &[]);
    assert!(!codes(&report, 0).is_empty());
}
