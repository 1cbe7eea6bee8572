//! Inline suppression comments: `// jwtlint-disable-next-line <id>[, <id>] [-- reason]`,
//! `// jwtlint-disable-line <id>`, `// jwtlint-disable-file <id>`, in `//`, `/* */` and
//! JSX `{/* */}` comments. Without ids they cover every rule.

use crate::finding::Loc;
use crate::source::Source;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    NextLine,
    Line,
    File,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    pub scope: Scope,
    /// Rule ids; empty means every rule.
    pub rules: Vec<String>,
    pub reason: Option<String>,
    /// The line it applies to (1-based); unused for `File`.
    pub line: u32,
    pub at: Loc,
}

impl Directive {
    pub fn covers(&self, rule: &str, line: u32) -> bool {
        let rule_ok = self.rules.is_empty() || self.rules.iter().any(|r| r == rule);
        rule_ok && (self.scope == Scope::File || self.line == line)
    }
}

/// Parses one comment; `None` when it is not a directive.
pub fn parse(
    comment: &str,
    start_byte: usize,
    source: &Source,
    path: &Arc<PathBuf>,
) -> Option<Directive> {
    let body = comment
        .trim()
        .trim_start_matches("//")
        .trim_start_matches("/*")
        .trim_end_matches("*/")
        .trim();
    let (scope, rest) = [
        ("jwtlint-disable-next-line", Scope::NextLine),
        ("jwtlint-disable-line", Scope::Line),
        ("jwtlint-disable-file", Scope::File),
    ]
    .iter()
    .find_map(|(word, scope)| {
        let rest = body.strip_prefix(word)?;
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
}
