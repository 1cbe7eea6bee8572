//! Code actions: suppression comments written for the user ("disable <rule> for this
//! line / file") and, for fixable findings, the fix.

use super::convert;
use crate::finding::Finding;
use crate::parse::{self, CommentContext};
use crate::semantic::directives::{self, Scope};
use crate::source::Source;
use lsp_types::{Position, Range, TextEdit};

/// The edit that inserts `jwtlint-disable-next-line <rule> -- ` above the finding's first
/// line, indented like it, in the comment syntax the place allows (JSX children and tags
/// cannot hold `//`). A directive already on the line above gets the rule added instead.
pub fn disable_line(src: &Source, f: &Finding) -> Option<TextEdit> {
    let line = f.loc.span.start.line.max(1);
    let text = src.line_text(line);
    let indent: String = text.chars().take_while(|c| c.is_whitespace()).collect();
    if line > 1 {
        if let Some(edit) = extend_directive(src, line - 1, f.rule) {
            return Some(edit);
        }
    }
    let first = src.line_range(line).start + indent.len();
    let comment = format!("jwtlint-disable-next-line {} -- ", f.rule);
    let comment = match parse::comment_context(parse::Lang::for_path(&src.path), &src.text, first) {
        CommentContext::Code => format!("// {comment}"),
        CommentContext::JsxChildren => format!("{{/* {comment}*/}}"),
        CommentContext::JsxTag => format!("/* {comment}*/"),
        // The line starts inside a multi-line string: a comment there would be text.
        CommentContext::Literal => return None,
    };
    let at = Position::new(line - 1, 0);
    Some(TextEdit {
        range: Range::new(at, at),
        new_text: format!("{indent}{comment}{}", line_break(src, line)),
    })
}

/// Adds `rule` to a `jwtlint-disable-next-line` directive written alone on `line`.
fn extend_directive(src: &Source, line: u32, rule: &str) -> Option<TextEdit> {
    let text = src.line_text(line);
    let (scope, rules, _) = directives::parse_comment(text)?;
    let body = text.trim_start();
    if scope != Scope::NextLine
        || rules.is_empty()
        || !(body.starts_with("//") || body.starts_with("/*"))
    {
        return None;
    }
    // The ids end where the reason (`--`) or the comment's end starts.
    let word = Scope::NextLine.word();
    let after_word = text.find(word)? + word.len();
    let rest = &text[after_word..];
    let ids_end = rest
        .find("--")
        .or_else(|| rest.find("*/"))
        .unwrap_or(rest.len());
    let ids = rest[..ids_end].trim_end();
    let end = after_word + ids.len();
    let at = convert::position_at(src, src.line_range(line).start + end);
    Some(TextEdit {
        range: Range::new(at, at),
        new_text: format!(", {rule}"),
    })
}

/// Inserts `// jwtlint-disable-file <rule> -- ` at the top (after a `#!` line).
pub fn disable_file(src: &Source, f: &Finding) -> TextEdit {
    let line = if src.text.starts_with("#!") { 1 } else { 0 };
    let at = Position::new(line, 0);
    TextEdit {
        range: Range::new(at, at),
        new_text: format!(
            "// jwtlint-disable-file {} -- {}",
            f.rule,
            line_break(src, 1)
        ),
    }
}

/// The file's line break (CRLF files stay CRLF).
fn line_break(src: &Source, line: u32) -> &'static str {
    let end = src.line_range(line).end;
    if src.text[end..].starts_with("\r\n")
        || (!src.text[end..].starts_with('\n') && src.text.contains("\r\n"))
    {
        "\r\n"
    } else {
        "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Level, Loc, Pos, Span};
    use std::path::PathBuf;
    use std::sync::Arc;

    fn finding(path: &str, line: u32) -> Finding {
        Finding {
            loc: Loc {
                path: Arc::new(PathBuf::from(path)),
                span: Span {
                    start: Pos { line, column: 1 },
                    end: Pos { line, column: 2 },
                    ..Span::default()
                },
            },
            rule: "hardcoded-secret",
            level: Level::Error,
            message: String::new(),
            help: String::new(),
            related: Vec::new(),
            suppressed: None,
            fingerprint: String::new(),
            fix: None,
        }
    }

    fn apply(text: &str, path: &str, edit: &TextEdit) -> String {
        let src = Source::new(path.into(), text.into());
        let at = convert::offset(&src, edit.range.start);
        format!("{}{}{}", &text[..at], edit.new_text, &text[at..])
    }

    #[test]
    fn comment_follows_indentation_and_syntax() {
        let text = "function f() {\n    jwt.sign(p, 'k');\n}\n";
        let src = Source::new("a.js".into(), text.into());
        let out = apply(
            text,
            "a.js",
            &disable_line(&src, &finding("a.js", 2)).unwrap(),
        );
        assert_eq!(
            out,
            "function f() {\n    // jwtlint-disable-next-line hardcoded-secret -- \n    jwt.sign(p, 'k');\n}\n"
        );
        let jsx = "const A = () => (\r\n  <div>\r\n    <Show token={jwt.decode(t)} />\r\n  </div>\r\n);\r\n";
        let src = Source::new("a.jsx".into(), jsx.into());
        let out = apply(
            jsx,
            "a.jsx",
            &disable_line(&src, &finding("a.jsx", 3)).unwrap(),
        );
        assert!(
            out.contains(
                "\r\n    {/* jwtlint-disable-next-line hardcoded-secret -- */}\r\n    <Show"
            ),
            "{out}"
        );
    }

    /// The inserted comments do suppress: in code, in JSX children and in a JSX tag.
    #[test]
    fn inserted_comments_suppress_the_finding() {
        let cases = [
            ("a.js", "const jwt = require('jsonwebtoken');\nfunction f(p) {\n  return jwt.sign(p, 'literal-secret-value-123');\n}\n"),
            ("a.jsx", "import jwt from 'jsonwebtoken';\nexport const A = () => (\n  <div>\n    {jwt.sign({ sub: 1 }, 'literal-secret-value-123')}\n  </div>\n);\n"),
            ("a.tsx", "import jwt from 'jsonwebtoken';\nexport const A = () => (\n  <B\n    t={jwt.sign({ sub: 1 }, 'literal-secret-value-123')}\n  />\n);\n"),
        ];
        for (path, text) in cases {
            let (before, _) = crate::engine::lint_source(
                std::path::Path::new(path),
                text,
                crate::rules::ALL_RULES,
            );
            let f = before
                .iter()
                .find(|f| f.rule == "hardcoded-secret" && f.suppressed.is_none())
                .unwrap_or_else(|| panic!("{path}: {before:#?}"));
            let src = Source::new(path.into(), text.into());
            let fixed = apply(text, path, &disable_line(&src, f).unwrap());
            let (after, notes) = crate::engine::lint_source(
                std::path::Path::new(path),
                &fixed,
                crate::rules::ALL_RULES,
            );
            assert!(notes.is_empty(), "{path}: {fixed}\n{notes:?}");
            assert!(
                after
                    .iter()
                    .filter(|f| f.suppressed.is_none())
                    .all(|f| f.rule != "hardcoded-secret" && f.rule != "unused-disable"),
                "{path}: {fixed}\n{after:#?}"
            );
        }
    }

    #[test]
    fn an_existing_directive_gets_the_rule() {
        let text = "  // jwtlint-disable-next-line weak-secret -- demo\n  jwt.sign(p, 'k');\n";
        let src = Source::new("a.ts".into(), text.into());
        let out = apply(
            text,
            "a.ts",
            &disable_line(&src, &finding("a.ts", 2)).unwrap(),
        );
        assert_eq!(
            out,
            "  // jwtlint-disable-next-line weak-secret, hardcoded-secret -- demo\n  jwt.sign(p, 'k');\n"
        );
    }

    #[test]
    fn no_line_comment_inside_a_multi_line_string() {
        let text = "const page = `\n  ${jwt.sign(p, 'literal-secret-value-123')}\n`;\n";
        let src = Source::new("a.js".into(), text.into());
        assert!(disable_line(&src, &finding("a.js", 2)).is_none());
    }

    #[test]
    fn file_directive_goes_below_a_shebang() {
        let text = "#!/usr/bin/env node\njwt.sign(p, 'k');\n";
        let src = Source::new("a.js".into(), text.into());
        let out = apply(text, "a.js", &disable_file(&src, &finding("a.js", 2)));
        assert_eq!(
            out,
            "#!/usr/bin/env node\n// jwtlint-disable-file hardcoded-secret -- \njwt.sign(p, 'k');\n"
        );
    }
}
