//! Fixes never make a file worse: the fixed text is parsed again, and a fix that puts a
//! syntax error where there was none (or that goes where the parser already stumbles) is
//! dropped.

use super::{apply, TextEdit};
use crate::parse::{self, Lang};
use std::path::Path;

/// Where the parser first stumbles in `text` (`Some(0)` when it cannot parse at all).
fn first_error(path: &Path, text: &str) -> Option<usize> {
    match parse::parse(Lang::for_path(path), text) {
        Ok(tree) => parse::first_error(&tree),
        Err(_) => Some(0),
    }
}

/// Why a fix was not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The text already has a syntax error on the lines the fix edits.
    SyntaxErrorThere,
    /// The fixed text would not parse as the original does.
    WouldBreakSyntax,
}

impl Refused {
    pub fn reason(self) -> &'static str {
        match self {
            Refused::SyntaxErrorThere => "the file has a syntax error where the fix goes",
            Refused::WouldBreakSyntax => "the fixed code would not parse",
        }
    }
}

/// `text` with `edits` (sorted, non-overlapping, from `render`) applied, when the result
/// parses as well as `text` does.
pub fn apply_checked(path: &Path, text: &str, edits: &[TextEdit]) -> Result<String, Refused> {
    let (Some(first), Some(last)) = (edits.first(), edits.last()) else {
        return Ok(text.to_string());
    };
    let fits = |i: usize| i <= text.len() && text.is_char_boundary(i);
    if !edits
        .iter()
        .all(|e| e.start <= e.end && fits(e.start) && fits(e.end))
    {
        return Err(Refused::WouldBreakSyntax);
    }
    let before = first_error(path, text);
    // The lines the edits touch, from the start of the first to the end of the last.
    let from = text[..first.start].rfind('\n').map_or(0, |i| i + 1);
    let to = text[last.end..]
        .find('\n')
        .map_or(text.len(), |i| last.end + i);
    if before.is_some_and(|e| (from..=to).contains(&e)) {
        return Err(Refused::SyntaxErrorThere);
    }
    let fixed = apply(text, edits);
    let after = first_error(path, &fixed);
    // The first error, if any, must be the one the text had, moved by the edits before it.
    let moved = before.map(|e| {
        edits
            .iter()
            .filter(|x| x.end <= e)
            .fold(e as isize, |at, x| {
                at + x.text.len() as isize - (x.end - x.start) as isize
            }) as usize
    });
    if after == moved {
        Ok(fixed)
    } else {
        Err(Refused::WouldBreakSyntax)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, text: &str) -> TextEdit {
        TextEdit::new(start, end, text)
    }

    #[test]
    fn keeps_fixes_that_parse_and_drops_those_that_do_not() {
        let p = Path::new("a.js");
        let t = "f({ a: 1 });\n";
        assert_eq!(
            apply_checked(p, t, &[edit(8, 8, ", b: 2")]).unwrap(),
            "f({ a: 1, b: 2 });\n"
        );
        assert_eq!(
            apply_checked(p, t, &[edit(8, 8, ", b: ")]),
            Err(Refused::WouldBreakSyntax)
        );
        // An error elsewhere, before or after the fix, stays as it was.
        let t = "f({ a: 1 });\nconst = ;\n";
        assert!(apply_checked(p, t, &[edit(8, 8, ", b: 2")]).is_ok());
        let t = "const = ;\nf({ a: 1 });\n";
        assert!(apply_checked(p, t, &[edit(18, 18, ", b: 2")]).is_ok());
        // An error on the line the fix edits.
        let t = "f({ a: 1 }) const = ;\n";
        assert_eq!(
            apply_checked(p, t, &[edit(8, 8, ", b: 2")]),
            Err(Refused::SyntaxErrorThere)
        );
        // TypeScript is parsed as TypeScript.
        let t = "f({ a: 1 } as Opts);\n";
        assert!(apply_checked(Path::new("a.ts"), t, &[edit(8, 8, ", b: 2")]).is_ok());
    }
}
