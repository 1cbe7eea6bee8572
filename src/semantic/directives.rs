//! Inline suppression comments, in `//`, `/* */` and JSX `{/* */}` comments:
//!
//! - `jwtlint-disable-next-line <id>[, <id>] [-- reason]`: the line after the comment;
//! - `jwtlint-disable-line <id>`: the comment's own line;
//! - `jwtlint-disable-file <id>`: the whole file;
//! - `jwtlint-disable <id>` … `jwtlint-enable <id>`: a block, from the disable comment to
//!   the enable comment, or to the end of the file when there is none. ESLint's semantics:
//!   an enable without ids ends every open block; with ids, only those rules (a block that
//!   disabled every rule stays open for the others).
//!
//! Without ids a directive covers every rule.

use crate::finding::{Loc, Pos};
use crate::source::Source;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    NextLine,
    Line,
    File,
    /// `jwtlint-disable`: the start of a block.
    Disable,
    /// `jwtlint-enable`: the end of blocks.
    Enable,
}

impl Scope {
    /// The directive as written.
    pub fn word(self) -> &'static str {
        match self {
            Scope::NextLine => "jwtlint-disable-next-line",
            Scope::Line => "jwtlint-disable-line",
            Scope::File => "jwtlint-disable-file",
            Scope::Disable => "jwtlint-disable",
            Scope::Enable => "jwtlint-enable",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    pub scope: Scope,
    /// Rule ids; empty means every rule.
    pub rules: Vec<String>,
    pub reason: Option<String>,
    /// The line it applies to (1-based); for `File`, `Disable` and `Enable`, the
    /// comment's first line.
    pub line: u32,
    pub at: Loc,
}

impl Directive {
    fn names(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|r| r == rule)
    }

    /// Whether a line directive covers a finding of `rule` on `line`. Blocks need the
    /// file's other directives: see [`FileDirectives`].
    pub fn covers(&self, rule: &str, line: u32) -> bool {
        let in_scope = match self.scope {
            Scope::File => true,
            Scope::NextLine | Scope::Line => self.line == line,
            Scope::Disable | Scope::Enable => false,
        };
        in_scope && self.names(rule)
    }
}

/// A comment's directive without its place: scope, rule ids and reason. `None` when the
/// comment is not a directive. This is the whole grammar (the fuzzer's entry point).
pub fn parse_comment(comment: &str) -> Option<(Scope, Vec<String>, Option<String>)> {
    let body = comment.trim();
    let body = if let Some(b) = body.strip_prefix("//") {
        b
    } else if let Some(b) = body.strip_prefix("/*") {
        b.strip_suffix("*/").unwrap_or(b).trim_start_matches('*')
    } else {
        body
    };
    let body = body.trim();
    let (scope, rest) = [
        Scope::NextLine,
        Scope::Line,
        Scope::File,
        Scope::Disable,
        Scope::Enable,
    ]
    .iter()
    .find_map(|scope| {
        let rest = body.strip_prefix(scope.word())?;
        (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some((*scope, rest))
    })?;
    let (ids, reason) = match rest.split_once("--") {
        Some((ids, reason)) => (
            ids,
            Some(reason.trim().to_string()).filter(|r| !r.is_empty()),
        ),
        None => (rest, None),
    };
    let rules = ids
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Some((scope, rules, reason))
}

/// Parses one comment found at `start_byte` of `source`; `None` when it is not a directive.
pub fn parse(
    comment: &str,
    start_byte: usize,
    source: &Source,
    path: &Arc<PathBuf>,
) -> Option<Directive> {
    let (scope, rules, reason) = parse_comment(comment)?;
    let span = source.span(start_byte, start_byte + comment.len());
    let line = match scope {
        Scope::NextLine => span.end.line + 1,
        _ => span.start.line,
    };
    Some(Directive {
        scope,
        rules,
        reason,
        line,
        at: Loc {
            path: path.clone(),
            span,
        },
    })
}

/// Where a block's list of ends ends it for `rule`, if it does.
fn end_for(ends: &[(Option<String>, Pos)], rule: &str) -> Option<Pos> {
    ends.iter()
        .find(|(r, _)| r.as_deref().is_none_or(|r| r == rule))
        .map(|(_, at)| *at)
}

fn ended(ends: &[(Option<String>, Pos)], rule: &str) -> bool {
    end_for(ends, rule).is_some()
}

/// One file's directives with each `jwtlint-disable` block paired with the
/// `jwtlint-enable` comments that end it.
pub struct FileDirectives<'a> {
    /// In source order.
    list: Vec<&'a Directive>,
    /// For each directive of `list` (same index) that opens a block: where the block ends,
    /// for one rule or (`None`) for every rule, in source order.
    ends: Vec<Vec<(Option<String>, Pos)>>,
    /// `jwtlint-enable` comments that ended no block.
    stray: Vec<&'a Directive>,
}

impl<'a> FileDirectives<'a> {
    pub fn new(directives: &'a [Directive]) -> FileDirectives<'a> {
        let mut list: Vec<&Directive> = directives.iter().collect();
        list.sort_by_key(|d| d.at.span.start);
        let mut ends: Vec<Vec<(Option<String>, Pos)>> = vec![Vec::new(); list.len()];
        let mut stray = Vec::new();
        // Open blocks: index in `list`, and the rules closed so far (for a block of named
        // rules, it is over when all are).
        let mut open: Vec<usize> = Vec::new();
        for i in 0..list.len() {
            let d = list[i];
            match d.scope {
                Scope::Disable => open.push(i),
                Scope::Enable => {
                    let at = d.at.span.start;
                    let mut closed_any = false;
                    open.retain(|&b| {
                        let block = list[b];
                        if d.rules.is_empty() {
                            ends[b].push((None, at));
                            closed_any = true;
                            return false;
                        }
                        for r in &d.rules {
                            if block.names(r) && !ended(&ends[b], r) {
                                ends[b].push((Some(r.clone()), at));
                                closed_any = true;
                            }
                        }
                        // A block of named rules is over once each is ended; one of every
                        // rule stays open for the rules not named.
                        block.rules.is_empty() || !block.rules.iter().all(|r| ended(&ends[b], r))
                    });
                    if !closed_any {
                        stray.push(d);
                    }
                }
                _ => {}
            }
        }
        FileDirectives { list, ends, stray }
    }

    /// The first directive (in source order) that suppresses a finding of `rule` at `at`.
    pub fn covering(&self, rule: &str, at: Pos) -> Option<&'a Directive> {
        self.list.iter().enumerate().find_map(|(i, d)| {
            let hit = match d.scope {
                Scope::Disable => {
                    d.names(rule)
                        && at >= d.at.span.start
                        && end_for(&self.ends[i], rule).is_none_or(|end| at < end)
                }
                Scope::Enable => false,
                _ => d.covers(rule, at.line),
            };
            hit.then_some(*d)
        })
    }

    /// `jwtlint-enable` comments that end no `jwtlint-disable` block.
    pub fn stray_enables(&self) -> &[&'a Directive] {
        &self.stray
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Option<Directive> {
        let src = Source::new("a.js".into(), format!("x;\n{text}\ny;\n"));
        parse(text, 3, &src, &Arc::new("a.js".into()))
    }

    #[test]
    fn forms() {
        let d = p("// jwtlint-disable-next-line hardcoded-secret, missing-algorithms -- test key")
            .unwrap();
        assert_eq!(d.scope, Scope::NextLine);
        assert_eq!(d.rules, vec!["hardcoded-secret", "missing-algorithms"]);
        assert_eq!(d.reason.as_deref(), Some("test key"));
        assert_eq!(d.line, 3);
        let d = p("/* jwtlint-disable-line */").unwrap();
        assert!(d.rules.is_empty() && d.scope == Scope::Line && d.line == 2);
        assert!(d.covers("anything", 2) && !d.covers("anything", 3));
        assert_eq!(
            p("// jwtlint-disable-file token-in-localstorage")
                .unwrap()
                .scope,
            Scope::File
        );
        assert!(p("// jwtlint-disable-lines x").is_none());
        assert!(p("// eslint-disable-next-line").is_none());
    }

    #[test]
    fn block_forms() {
        let d = p("/* jwtlint-disable hardcoded-secret -- fixtures */").unwrap();
        assert_eq!(d.scope, Scope::Disable);
        assert_eq!(d.rules, vec!["hardcoded-secret"]);
        assert_eq!(d.reason.as_deref(), Some("fixtures"));
        assert_eq!(p("// jwtlint-disable").unwrap().scope, Scope::Disable);
        let d = p("/* jwtlint-enable a, b */").unwrap();
        assert_eq!((d.scope, d.rules.len()), (Scope::Enable, 2));
        assert_eq!(p("/** jwtlint-enable */").unwrap().scope, Scope::Enable);
        assert!(p("/* jwtlint-disabled */").is_none());
        assert!(p("/* jwtlint-enabled */").is_none());
        assert_eq!(
            parse_comment("jwtlint-enable x"),
            Some((Scope::Enable, vec!["x".into()], None))
        );
        assert_eq!(parse_comment("not one"), None);
    }

    /// Parses every comment (one per line) of `text`.
    fn all(text: &str) -> Vec<Directive> {
        let src = Source::new("a.js".into(), text.to_string());
        let path = Arc::new(PathBuf::from("a.js"));
        let mut out = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if let Some(i) = line.find("/*").or_else(|| line.find("//")) {
                let rest = &line[i..];
                let comment = match rest.find("*/") {
                    Some(end) if rest.starts_with("/*") => &rest[..end + 2],
                    _ => rest.trim_end(),
                };
                out.extend(parse(comment, offset + i, &src, &path));
            }
            offset += line.len();
        }
        out
    }

    fn at(line: u32) -> Pos {
        Pos { line, column: 1 }
    }

    #[test]
    fn blocks_run_to_their_enable_or_the_end_of_the_file() {
        let ds = all(
            "a\n/* jwtlint-disable x */\nb\n/* jwtlint-enable x */\nc\n// jwtlint-disable\nd\n",
        );
        let f = FileDirectives::new(&ds);
        assert!(f.covering("x", at(1)).is_none());
        assert!(f.covering("x", at(3)).is_some());
        assert!(f.covering("y", at(3)).is_none());
        assert!(f.covering("x", at(5)).is_none());
        // Unterminated: to the end of the file, every rule.
        assert!(f.covering("x", at(7)).is_some());
        assert!(f.covering("y", at(700)).is_some());
        assert!(f.stray_enables().is_empty());
    }

    #[test]
    fn enable_with_ids_ends_only_those_rules() {
        let ds = all("/* jwtlint-disable */\na\n/* jwtlint-enable x */\nb\n/* jwtlint-enable */\nc\n/* jwtlint-enable y */\n");
        let f = FileDirectives::new(&ds);
        assert!(f.covering("x", at(2)).is_some() && f.covering("y", at(2)).is_some());
        assert!(f.covering("x", at(4)).is_none());
        assert!(f.covering("y", at(4)).is_some());
        assert!(f.covering("y", at(6)).is_none());
        // The last enable has nothing to end.
        assert_eq!(f.stray_enables().len(), 1);
        assert_eq!(f.stray_enables()[0].line, 7);

        let ds = all(
            "/* jwtlint-disable x, y */\na\n/* jwtlint-enable x */\nb\n/* jwtlint-enable y */\nc\n",
        );
        let f = FileDirectives::new(&ds);
        assert!(f.covering("x", at(4)).is_none() && f.covering("y", at(4)).is_some());
        assert!(f.covering("y", at(6)).is_none());
        assert!(f.stray_enables().is_empty());
    }

    #[test]
    fn a_block_starts_at_its_comment_not_its_line() {
        let text = "jwt.sign(p, 's'); /* jwtlint-disable */ jwt.sign(p, 't');\n";
        let ds = all(text);
        let f = FileDirectives::new(&ds);
        assert!(f.covering("x", Pos { line: 1, column: 1 }).is_none());
        assert!(f
            .covering(
                "x",
                Pos {
                    line: 1,
                    column: 41
                }
            )
            .is_some());
    }
}
