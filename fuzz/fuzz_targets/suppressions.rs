//! Suppression comments (`jwtlint-disable-next-line`, `-line`, `-file`, `jwtlint-disable`
//! … `jwtlint-enable` blocks, in `//`, `/* */` and JSX comments), two ways:
//! 1. the comment parser directly, on every comment-looking piece of the input, and the
//!    pairing of blocks over all the directives found;
//! 2. the whole pipeline, with the input's first lines interleaved with code that rules flag,
//!    so directives meet findings on the lines they name (unused-disable reports on).

#![no_main]

use jwtlint::config::Settings;
use jwtlint::semantic::directives::{self, FileDirectives, Scope};
use jwtlint::source::Source;
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Lines that rules flag, one after each line of the input.
const FLAGGED: [&str; 6] = [
    "jwt.sign({ sub: 1 }, 'secret');",
    "jwt.verify(token, key);",
    "localStorage.setItem('token', token);",
    "jwt.sign({ sub: 1, password: p }, process.env.K, { expiresIn: '900d' });",
    "const c = jwt.decode(token); if (c.admin) go();",
    "jwt.verify(token, key, { algorithms: ['none'] });",
];

/// Flagged lines go after the first this many lines of the input only.
const MAX_FLAGGED: usize = 24;

/// At most this many comments go to the parser directly per input.
const MAX_COMMENTS: usize = 256;

fn check_comments(text: &str) {
    let path = Arc::new(PathBuf::from("input.js"));
    let src = Source::new(path.as_ref().clone(), text.to_string());
    let mut found = Vec::new();
    let mut seen = 0;
    let mut from = 0;
    while seen < MAX_COMMENTS {
        let Some(i) = text[from..].find('/').map(|i| from + i) else {
            break;
        };
        from = i + 1;
        let rest = &text[i..];
        let comment = if rest.starts_with("//") {
            rest.split('\n').next().unwrap_or(rest)
        } else if rest.starts_with("/*") {
            match rest[2..].find("*/") {
                Some(end) => &rest[..end + 4],
                None => rest,
            }
        } else {
            continue;
        };
        seen += 1;
        let Some(d) = directives::parse(comment, i, &src, &path) else {
            continue;
        };
        let span = d.at.span;
        assert_eq!(
            (span.start_byte, span.end_byte),
            (i, i + comment.len()),
            "a directive's location is not its comment"
        );
        assert!(d.line >= 1, "directive on line 0");
        if d.scope == Scope::NextLine {
            assert_eq!(d.line, span.end.line + 1, "next-line directive's line");
        }
        assert!(
            d.rules.iter().all(|r| !r.is_empty() && !r.contains(',')),
            "empty or unsplit rule id in {:?}",
            d.rules
        );
        if let Some(reason) = &d.reason {
            assert!(!reason.trim().is_empty(), "empty reason kept");
        }
        assert_eq!(
            directives::parse_comment(comment),
            Some((d.scope, d.rules.clone(), d.reason.clone())),
            "parse and parse_comment disagree"
        );
        let probe = d.rules.first().map_or("hardcoded-secret", String::as_str);
        if matches!(d.scope, Scope::NextLine | Scope::Line | Scope::File) {
            assert!(
                d.covers(probe, d.line),
                "a directive does not cover its own line"
            );
        }
        found.push(d);
    }
    // Blocks: pair every disable with the enables after it, then ask about each place.
    let blocks = FileDirectives::new(&found);
    for d in &found {
        let probe = d.rules.first().map_or("hardcoded-secret", String::as_str);
        if let Some(c) = blocks.covering(probe, d.at.span.end) {
            assert!(
                c.scope != Scope::Disable || c.at.span.start <= d.at.span.end,
                "a block covers a place before it starts"
            );
            assert!(c.scope != Scope::Enable, "an enable comment suppresses");
        }
    }
    for e in blocks.stray_enables() {
        assert_eq!(
            e.scope,
            Scope::Enable,
            "a stray enable that is not an enable"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check_comments(&text);
    let mut code = String::from("const jwt = require('jsonwebtoken');\n");
    for (i, line) in text.split('\n').enumerate() {
        code.push_str(line);
        code.push('\n');
        // Each finding costs a snippet in the human report: keep them few.
        if i < MAX_FLAGGED {
            code.push_str(FLAGGED[i % FLAGGED.len()]);
            code.push('\n');
        }
    }
    jwtlint_fuzz::lint_and_render(Path::new("input.jsx"), code, Settings::default(), true);
});
