//! From semantic edits to byte edits on a file's current text.

use super::scan::{
    byte_is, indent, is_ident, line_start, newline_before, rest_of_line_blank, skip_blank,
    skip_blank_back, skip_trivia, skip_ws_back,
};
use super::{Edit, Fix, TextEdit};
use crate::finding::Loc;

/// The byte edits that carry out `fix` on `text` (the current text of the finding's file),
/// sorted and non-overlapping; `None` when the text around an edit is not what the edit
/// expects (facts older than the text, a syntax error there) or the edits collide.
pub fn render(fix: &Fix, text: &str) -> Option<Vec<TextEdit>> {
    let first = fix.edits.first()?.locs().first().map(|l| l.path.clone())?;
    for loc in fix.edits.iter().flat_map(Edit::locs) {
        let span = &loc.span;
        let inside = span.start_byte <= span.end_byte
            && span.end_byte <= text.len()
            && text.is_char_boundary(span.start_byte)
            && text.is_char_boundary(span.end_byte);
        if *loc.path != *first || !inside {
            return None;
        }
    }
    let mut out = Vec::new();
    for e in &fix.edits {
        out.extend(render_one(e, text)?);
    }
    if uses_double_quotes(text) {
        for e in &mut out {
            e.text = requote(&e.text);
        }
    }
    out.sort_by_key(|e| (e.start, e.end));
    let overlapping = out
        .windows(2)
        .any(|w| w[1].start < w[0].end || (w[1].start == w[0].start && w[0].start == w[0].end));
    (!overlapping).then_some(out)
}

fn edit(start: usize, end: usize, text: impl Into<String>) -> TextEdit {
    TextEdit {
        start,
        end,
        text: text.into(),
    }
}

fn render_one(e: &Edit, text: &str) -> Option<Vec<TextEdit>> {
    match e {
        Edit::InsertProperty {
            object,
            last,
            props,
        } => insert_property(text, object, last.as_ref(), props),
        Edit::RemoveProperty { object, key, value } => remove_property(text, object, key, value),
        Edit::AppendArgument { after, text: arg } => {
            let next = skip_trivia(text, after.span.end_byte)?;
            let closes = byte_is(text, next, b',') || byte_is(text, next, b')');
            let written = !text[after.span.start_byte..after.span.end_byte]
                .trim()
                .is_empty();
            // An argument on a line of its own (one argument a line): the new one goes on
            // a line of its own below it, indented alike.
            let start = after.span.start_byte;
            let own_line = text[line_start(text, start)..start].trim().is_empty()
                && text[..line_start(text, start)]
                    .trim_end()
                    .ends_with([',', '(']);
            let joint = if own_line {
                format!(",{}{}", newline_before(text, start), indent(text, start))
            } else {
                ", ".to_string()
            };
            (closes && written).then(|| {
                vec![edit(
                    after.span.end_byte,
                    after.span.end_byte,
                    format!("{joint}{arg}"),
                )]
            })
        }
        Edit::RemoveArrayElements {
            array,
            items,
            remove,
        } => remove_elements(text, array, items, remove),
        Edit::Replace { at, old, text: new } => {
            let (s, e) = (at.span.start_byte, at.span.end_byte);
            same_text(&text[s..e], old).then(|| vec![edit(s, e, new.clone())])
        }
        Edit::ChainCallBefore {
            method,
            arg,
            text: call,
        } => chain_call_before(text, method, arg, call),
    }
}

/// Whether the file writes its strings in double quotes (Prettier's default): told by the
/// quotes of its first module specifier (`from "x"`, `require("x")`).
fn uses_double_quotes(text: &str) -> bool {
    let first = |q: char| {
        ["from ", "require(", "import "]
            .iter()
            .filter_map(|p| text.find(&format!("{p}{q}")))
            .min()
    };
    match (first('"'), first('\'')) {
        (Some(d), Some(s)) => d < s,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Text written with single-quoted strings, in double quotes (only when no string holds
/// a quote or an escape).
fn requote(s: &str) -> String {
    if s.contains(['"', '\\']) || !s.matches('\'').count().is_multiple_of(2) {
        return s.to_string();
    }
    s.replace('\'', "\"")
}

/// Whether `written` is `old`; a quoted `old` matches in any quotes.
fn same_text(written: &str, old: &str) -> bool {
    let unquote = |s: &str| {
        let q = s.chars().next().filter(|c| matches!(c, '\'' | '"' | '`'))?;
        (s.len() >= 2 && s.ends_with(q)).then(|| s[1..s.len() - 1].to_string())
    };
    match (unquote(written), unquote(old)) {
        (Some(w), Some(o)) => w == o && !w.contains(['\\', '$']),
        _ => written == old,
    }
}

/// Inserts `call` before `.method(` whose first argument starts at `arg`, after the `)`
/// the chain has there.
fn chain_call_before(text: &str, method: &str, arg: &Loc, call: &str) -> Option<Vec<TextEdit>> {
    let paren = skip_ws_back(text, arg.span.start_byte);
    if paren == 0 || !byte_is(text, paren - 1, b'(') || !call.starts_with('.') {
        return None;
    }
    let name_end = skip_ws_back(text, paren - 1);
    let name_start = name_end.checked_sub(method.len())?;
    if !text.is_char_boundary(name_start) || text[name_start..name_end] != *method {
        return None;
    }
    let dot = skip_ws_back(text, name_start);
    if dot == 0 || !byte_is(text, dot - 1, b'.') {
        return None;
    }
    let end = skip_ws_back(text, dot - 1);
    if end == 0 || !byte_is(text, end - 1, b')') {
        return None;
    }
    // A chain written one call a line gets the new call on a line of its own.
    let between = &text[end..dot - 1];
    let written = if between.contains(['\n', '\r']) {
        format!(
            "{}{}{call}",
            newline_before(text, dot),
            indent(text, dot - 1)
        )
    } else {
        call.to_string()
    };
    Some(vec![edit(end, end, written)])
}

/// The offsets of the braces of the object literal written at `object`.
fn braces(text: &str, object: &Loc) -> Option<(usize, usize)> {
    let (open, end) = (object.span.start_byte, object.span.end_byte);
    (end >= open + 2 && byte_is(text, open, b'{') && byte_is(text, end - 1, b'}'))
        .then(|| (open, end - 1))
}

fn within(loc: &Loc, open: usize, close: usize) -> bool {
    open < loc.span.start_byte && loc.span.end_byte <= close
}

fn insert_property(
    text: &str,
    object: &Loc,
    last: Option<&Loc>,
    props: &[String],
) -> Option<Vec<TextEdit>> {
    let (open, close) = braces(text, object)?;
    if props.is_empty() {
        return None;
    }
    let prop = props.join(", ");
    let Some(last) = last else {
        // `{}` (or `{ }`, `{\n}`): nothing but whitespace may be inside.
        let empty = text[open + 1..close].chars().all(char::is_whitespace);
        return empty.then(|| vec![edit(open + 1, close, format!(" {prop} "))]);
    };
    if !within(last, open, close) {
        return None;
    }
    // After the last property: comments, at most one (trailing) comma, then the brace.
    let mut next = skip_trivia(text, last.span.end_byte)?;
    let mut comma = None;
    if byte_is(text, next, b',') {
        comma = Some(next);
        next = skip_trivia(text, next + 1)?;
    }
    if next != close {
        return None;
    }
    let brace_line = line_start(text, close);
    let brace_alone = text[brace_line..close].trim().is_empty();
    let multi_line = text[last.span.end_byte..close].contains(['\n', '\r']);
    if multi_line && brace_alone && brace_line > open {
        // A property of its own line above the brace, indented as the last one (or one step
        // in from the brace when the last shares the opening brace's line).
        let nl = newline_before(text, close);
        let ind = if line_start(text, last.span.start_byte) > open {
            indent(text, last.span.start_byte).to_string()
        } else {
            format!("{}  ", indent(text, close))
        };
        let mut edits = Vec::new();
        let trailing = if comma.is_some() {
            ","
        } else {
            edits.push(edit(last.span.end_byte, last.span.end_byte, ","));
            ""
        };
        let lines: Vec<String> = props.iter().map(|p| format!("{ind}{p}")).collect();
        edits.push(edit(
            brace_line,
            brace_line,
            format!("{}{trailing}{nl}", lines.join(&format!(",{nl}"))),
        ));
        return Some(edits);
    }
    Some(vec![match comma {
        Some(c) => edit(c + 1, c + 1, format!(" {prop},")),
        None => edit(last.span.end_byte, last.span.end_byte, format!(", {prop}")),
    }])
}

/// The key written before the value at `value_start` (`key: value`): its start and text.
fn key_before(text: &str, value_start: usize) -> Option<(usize, &str)> {
    let colon = skip_ws_back(text, value_start);
    if colon == 0 || !byte_is(text, colon - 1, b':') {
        return None;
    }
    let end = skip_ws_back(text, colon - 1);
    let head = &text[..end];
    match head.chars().last()? {
        q @ ('\'' | '"') => {
            let open = head[..end - 1].rfind(q)?;
            Some((open, &head[open + 1..end - 1]))
        }
        _ => {
            let start = head.trim_end_matches(is_ident).len();
            let first_ok = head[start..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_ascii_digit());
            first_ok.then(|| (start, &head[start..]))
        }
    }
}

fn remove_property(text: &str, object: &Loc, key: &str, value: &Loc) -> Option<Vec<TextEdit>> {
    let (open, close) = braces(text, object)?;
    if !within(value, open, close) {
        return None;
    }
    let (start, written) = key_before(text, value.span.start_byte)?;
    if written != key || start <= open {
        return None;
    }
    let end = value.span.end_byte;
    let after = skip_blank(text, end);
    let comma_after = byte_is(text, after, b',').then_some(after + 1);
    let last = skip_trivia(text, comma_after.unwrap_or(end))? == close;
    if comma_after.is_none() && !last && !byte_is(text, skip_trivia(text, end)?, b',') {
        return None;
    }
    // The property has its line to itself: remove the line.
    let line = line_start(text, start);
    if line > open && text[line..start].trim().is_empty() && (comma_after.is_some() || last) {
        if let Some(eol) = rest_of_line_blank(text, comma_after.unwrap_or(end)) {
            if eol <= close {
                return Some(vec![edit(line, eol, "")]);
            }
        }
    }
    if let Some(c) = comma_after {
        let next = skip_blank(text, c);
        return Some(vec![if rest_of_line_blank(text, c).is_some() {
            edit(skip_blank_back(text, start), c, "")
        } else {
            edit(start, next, "")
        }]);
    }
    // The last property, without a trailing comma: take the comma before it.
    let before = skip_ws_back(text, start);
    if before > 0 && byte_is(text, before - 1, b',') {
        return Some(vec![edit(before - 1, end, "")]);
    }
    // The only property: leave `{}`.
    (before == open + 1 && last).then(|| vec![edit(open + 1, close, "")])
}

fn remove_elements(
    text: &str,
    array: &Loc,
    items: &[Loc],
    remove: &[usize],
) -> Option<Vec<TextEdit>> {
    let (open, end) = (array.span.start_byte, array.span.end_byte);
    if end < open + 2 || !byte_is(text, open, b'[') || !byte_is(text, end - 1, b']') {
        return None;
    }
    let close = end - 1;
    let n = items.len();
    let mut removed = remove.to_vec();
    removed.sort_unstable();
    removed.dedup();
    if removed.is_empty() || removed.len() >= n || removed.iter().any(|&i| i >= n) {
        return None;
    }
    // The array is exactly these elements: `[`, items separated by one comma each, at most
    // a trailing comma, `]`, with only whitespace and comments between.
    if skip_trivia(text, open + 1)? != items[0].span.start_byte {
        return None;
    }
    for w in items.windows(2) {
        let comma = skip_trivia(text, w[0].span.end_byte)?;
        if w[0].span.start_byte >= w[0].span.end_byte
            || !byte_is(text, comma, b',')
            || skip_trivia(text, comma + 1)? != w[1].span.start_byte
        {
            return None;
        }
    }
    let mut tail = skip_trivia(text, items[n - 1].span.end_byte)?;
    if byte_is(text, tail, b',') {
        tail = skip_trivia(text, tail + 1)?;
    }
    if tail != close {
        return None;
    }
    // The removed elements at the end go with the comma before them; others with the comma
    // (and space) after them.
    let mut run = n;
    while run > 0 && removed.contains(&(run - 1)) {
        run -= 1;
    }
    let mut edits: Vec<TextEdit> = removed
        .iter()
        .filter(|&&i| i < run)
        .map(|&i| edit(items[i].span.start_byte, items[i + 1].span.start_byte, ""))
        .collect();
    if run < n {
        edits.push(edit(
            items[run - 1].span.end_byte,
            items[n - 1].span.end_byte,
            "",
        ));
    }
    Some(edits)
}

#[cfg(test)]
mod tests {
    use super::super::{apply, Safety};
    use super::*;
    use crate::finding::Span;
    use std::path::PathBuf;
    use std::sync::Arc;

    fn loc_at(start: usize, end: usize) -> Loc {
        Loc {
            path: Arc::new(PathBuf::from("a.js")),
            span: Span {
                start_byte: start,
                end_byte: end,
                ..Span::default()
            },
        }
    }

    /// The location of the `n`-th occurrence (0-based) of `what` in `text`.
    fn nth(text: &str, what: &str, n: usize) -> Loc {
        let start = text.match_indices(what).nth(n).expect(what).0;
        loc_at(start, start + what.len())
    }

    fn loc(text: &str, what: &str) -> Loc {
        nth(text, what, 0)
    }

    fn fixed(text: &str, edits: Vec<Edit>) -> Option<String> {
        let fix = Fix {
            title: "t".into(),
            safety: Safety::Safe,
            edits,
        };
        render(&fix, text).map(|e| apply(text, &e))
    }

    fn insert(text: &str, object: &str, last: Option<&str>) -> Option<String> {
        fixed(
            text,
            vec![Edit::InsertProperty {
                object: loc(text, object),
                last: last.map(|l| loc(text, l)),
                props: vec!["algorithms: ['HS256']".into()],
            }],
        )
    }

    #[test]
    fn inserts_into_single_line_objects() {
        let t = "f(t, k, {});";
        assert_eq!(
            insert(t, "{}", None).unwrap(),
            "f(t, k, { algorithms: ['HS256'] });"
        );
        let t = "f(t, k, { a: 1 });";
        assert_eq!(
            insert(t, "{ a: 1 }", Some("1")).unwrap(),
            "f(t, k, { a: 1, algorithms: ['HS256'] });"
        );
        let t = "f(t, k, { a: 1, });";
        assert_eq!(
            insert(t, "{ a: 1, }", Some("1")).unwrap(),
            "f(t, k, { a: 1, algorithms: ['HS256'], });"
        );
        let t = "f(t, k, {a: x /* why */});";
        assert_eq!(
            insert(t, "{a: x /* why */}", Some("x")).unwrap(),
            "f(t, k, {a: x, algorithms: ['HS256'] /* why */});"
        );
    }

    #[test]
    fn inserts_into_multi_line_objects_with_their_layout() {
        let t = "f(t, k, {\n    a: 1,\n    b: 2\n  });";
        let obj = &t[8..t.len() - 2];
        assert_eq!(
            insert(t, obj, Some("2")).unwrap(),
            "f(t, k, {\n    a: 1,\n    b: 2,\n    algorithms: ['HS256']\n  });"
        );
        let t = "f(t, k, {\r\n\ta: 1, // one\r\n});";
        let obj = &t[8..t.len() - 2];
        assert_eq!(
            insert(t, obj, Some("1")).unwrap(),
            "f(t, k, {\r\n\ta: 1, // one\r\n\talgorithms: ['HS256'],\r\n});"
        );
        let t = "f({ a: 1\n});";
        assert_eq!(
            insert(t, "{ a: 1\n}", Some("1")).unwrap(),
            "f({ a: 1,\n  algorithms: ['HS256']\n});"
        );
    }

    #[test]
    fn inserts_several_properties() {
        let t = "f({\n  a: 1,\n});";
        let e = Edit::InsertProperty {
            object: loc(t, "{\n  a: 1,\n}"),
            last: Some(loc(t, "1")),
            props: vec!["httpOnly: true".into(), "secure: true".into()],
        };
        assert_eq!(
            fixed(t, vec![e]).unwrap(),
            "f({\n  a: 1,\n  httpOnly: true,\n  secure: true,\n});"
        );
        let e = Edit::InsertProperty {
            object: loc(t, "{\n  a: 1,\n}"),
            last: Some(loc(t, "1")),
            props: vec![],
        };
        assert_eq!(fixed(t, vec![e]), None);
    }

    #[test]
    fn refuses_text_it_does_not_expect() {
        // Not an object there any more, a property after the one named last, a comment in
        // an empty object, an unterminated comment.
        assert_eq!(insert("f(t, k, opts);", "opts", None), None);
        let t = "f({ a: 1, b: 2 });";
        assert_eq!(insert(t, "{ a: 1, b: 2 }", Some("1")), None);
        assert_eq!(insert("f({ /* x */ });", "{ /* x */ }", None), None);
        let t = "f({ a: 1 /* });";
        assert_eq!(insert(t, "{ a: 1 /* }", Some("1")), None);
        // Places in another file than the first edit's.
        let t = "f({});";
        let mut other = loc(t, "{}");
        other.path = Arc::new(PathBuf::from("b.js"));
        let edits = vec![
            Edit::Replace {
                at: loc(t, "f"),
                old: "f".into(),
                text: "g".into(),
            },
            Edit::InsertProperty {
                object: other,
                last: None,
                props: vec!["a: 1".into()],
            },
        ];
        assert_eq!(fixed(t, edits), None);
        // Past the end of the text.
        let edits = vec![Edit::Replace {
            at: loc_at(3, 40),
            old: "x".into(),
            text: "y".into(),
        }];
        assert_eq!(fixed(t, edits), None);
    }

    fn remove(text: &str, object: &str, value: &str) -> Option<String> {
        fixed(
            text,
            vec![Edit::RemoveProperty {
                object: loc(text, object),
                key: "ignoreExpiration".into(),
                value: loc(text, value),
            }],
        )
    }

    #[test]
    fn removes_properties_with_their_comma_or_line() {
        let t = "f({ a: 1, ignoreExpiration: true, b: 2 })";
        assert_eq!(
            remove(t, &t[2..t.len() - 1], "true").unwrap(),
            "f({ a: 1, b: 2 })"
        );
        let t = "f({ a: 1, ignoreExpiration: true })";
        assert_eq!(
            remove(t, &t[2..t.len() - 1], "true").unwrap(),
            "f({ a: 1 })"
        );
        let t = "f({ ignoreExpiration: true })";
        assert_eq!(remove(t, &t[2..t.len() - 1], "true").unwrap(), "f({})");
        let t = "f({ 'ignoreExpiration': true, })";
        assert_eq!(remove(t, &t[2..t.len() - 1], "true").unwrap(), "f({ })");
        let t = "f({\n  a: 1,\n  ignoreExpiration: true,\n  b: 2,\n})";
        assert_eq!(
            remove(t, &t[2..t.len() - 1], "true").unwrap(),
            "f({\n  a: 1,\n  b: 2,\n})"
        );
        let t = "f({\n  a: 1,\n  ignoreExpiration: true\n})";
        assert_eq!(
            remove(t, &t[2..t.len() - 1], "true").unwrap(),
            "f({\n  a: 1,\n})"
        );
        let t = "f({\n  a: 1, ignoreExpiration: true,\n  b: 2\n})";
        assert_eq!(
            remove(t, &t[2..t.len() - 1], "true").unwrap(),
            "f({\n  a: 1,\n  b: 2\n})"
        );
    }

    #[test]
    fn removes_a_property_only_under_its_own_key() {
        let t = "f({ other: true })";
        assert_eq!(remove(t, &t[2..t.len() - 1], "true"), None);
        let t = "f({ [k]: true })";
        assert_eq!(remove(t, &t[2..t.len() - 1], "true"), None);
        let t = "f({ ignoreExpiration })";
        assert_eq!(remove(t, &t[2..t.len() - 1], "ignoreExpiration"), None);
    }

    fn drop_elems(text: &str, array: &str, items: &[&str], remove: &[usize]) -> Option<String> {
        fixed(
            text,
            vec![Edit::RemoveArrayElements {
                array: loc(text, array),
                items: items.iter().map(|i| loc(text, i)).collect(),
                remove: remove.to_vec(),
            }],
        )
    }

    #[test]
    fn removes_array_elements() {
        let t = "x = ['HS256', 'none']";
        let arr = "['HS256', 'none']";
        assert_eq!(
            drop_elems(t, arr, &["'HS256'", "'none'"], &[1]).unwrap(),
            "x = ['HS256']"
        );
        assert_eq!(
            drop_elems(t, arr, &["'HS256'", "'none'"], &[0]).unwrap(),
            "x = ['none']"
        );
        assert_eq!(drop_elems(t, arr, &["'HS256'", "'none'"], &[0, 1]), None);
        let t = "x = ['RS256', 'HS256', 'ES256', 'HS384',]";
        let arr = &t[4..];
        let items = ["'RS256'", "'HS256'", "'ES256'", "'HS384'"];
        assert_eq!(
            drop_elems(t, arr, &items, &[1, 3]).unwrap(),
            "x = ['RS256', 'ES256',]"
        );
        assert_eq!(
            drop_elems(t, arr, &items, &[0, 1]).unwrap(),
            "x = ['ES256', 'HS384',]"
        );
        let t = "x = [\n  'RS256',\n  'none',\n  'HS256',\n]";
        let arr = &t[4..];
        let items = ["'RS256'", "'none'", "'HS256'"];
        assert_eq!(
            drop_elems(t, arr, &items, &[1]).unwrap(),
            "x = [\n  'RS256',\n  'HS256',\n]"
        );
        assert_eq!(
            drop_elems(t, arr, &items, &[2]).unwrap(),
            "x = [\n  'RS256',\n  'none',\n]"
        );
        // An element not listed (a spread, a stale fact): no fix.
        let t = "x = ['RS256', ...more, 'none']";
        assert_eq!(drop_elems(t, &t[4..], &["'RS256'", "'none'"], &[1]), None);
    }

    #[test]
    fn follows_one_argument_a_line_and_double_quotes() {
        let t = "import jwt from \"jsonwebtoken\";\njwt.verify(\n  token,\n  key,\n);\n";
        let e = Edit::AppendArgument {
            after: loc(t, "key"),
            text: "{ algorithms: ['HS256'] }".into(),
        };
        assert_eq!(
            fixed(t, vec![e]).unwrap(),
            "import jwt from \"jsonwebtoken\";\njwt.verify(\n  token,\n  key,\n  { algorithms: [\"HS256\"] },\n);\n"
        );
        // Single quotes in the file (or no module specifier): as written.
        assert!(!uses_double_quotes("const jwt = require('jsonwebtoken');"));
        assert!(!uses_double_quotes(
            "x = \"a\"; const jwt = require('jsonwebtoken');"
        ));
        assert!(uses_double_quotes(
            "import { a } from \"b\";\nimport c from 'd';"
        ));
        assert_eq!(requote("sameSite: 'lax'"), "sameSite: \"lax\"");
        assert_eq!(requote("a: 'it\\'s'"), "a: 'it\\'s'");
    }

    #[test]
    fn appends_arguments_replaces_and_chains() {
        let t = "jwt.verify(token, key)";
        let e = Edit::AppendArgument {
            after: loc(t, "key"),
            text: "{ algorithms: ['HS256'] }".into(),
        };
        assert_eq!(
            fixed(t, vec![e]).unwrap(),
            "jwt.verify(token, key, { algorithms: ['HS256'] })"
        );
        let t = "jwt.verify(token, key, (e, d) => d)";
        let e = Edit::AppendArgument {
            after: loc(t, "key"),
            text: "{}".into(),
        };
        assert_eq!(
            fixed(t, vec![e]).unwrap(),
            "jwt.verify(token, key, {}, (e, d) => d)"
        );
        let t = "jwt.verify(token, key.x)";
        let e = Edit::AppendArgument {
            after: loc(t, "key"),
            text: "{}".into(),
        };
        assert_eq!(fixed(t, vec![e]), None);

        let t = "res.cookie('t', v, { httpOnly: false })";
        let e = |old: &str| Edit::Replace {
            at: loc(t, "false"),
            old: old.into(),
            text: "true".into(),
        };
        assert_eq!(
            fixed(t, vec![e("false")]).unwrap(),
            "res.cookie('t', v, { httpOnly: true })"
        );
        assert_eq!(fixed(t, vec![e("0")]), None);

        let t = "new SignJWT(p).setProtectedHeader(h)\n  .sign(k)";
        let e = |method: &str| Edit::ChainCallBefore {
            method: method.into(),
            arg: loc(t, "k"),
            text: ".setExpirationTime('15m')".into(),
        };
        assert_eq!(
            fixed(t, vec![e("sign")]).unwrap(),
            "new SignJWT(p).setProtectedHeader(h)\n  .setExpirationTime('15m')\n  .sign(k)"
        );
        let t = "new SignJWT(p).setProtectedHeader(h).sign(k)";
        let e = |method: &str| Edit::ChainCallBefore {
            method: method.into(),
            arg: loc(t, "k"),
            text: ".setExpirationTime('15m')".into(),
        };
        assert_eq!(
            fixed(t, vec![e("sign")]).unwrap(),
            "new SignJWT(p).setProtectedHeader(h).setExpirationTime('15m').sign(k)"
        );
        assert_eq!(fixed(t, vec![e("encrypt")]), None);
        // Not chained on anything.
        let t = "sign(k)";
        let e = Edit::ChainCallBefore {
            method: "sign".into(),
            arg: loc(t, "k"),
            text: ".setExpirationTime('15m')".into(),
        };
        assert_eq!(fixed(t, vec![e]), None);

        let t = "res.cookie('t', v, { sameSite: \"none\" })";
        let e = Edit::Replace {
            at: loc(t, "\"none\""),
            old: "'none'".into(),
            text: "'lax'".into(),
        };
        assert_eq!(
            fixed(t, vec![e]).unwrap(),
            "res.cookie('t', v, { sameSite: 'lax' })"
        );
    }

    #[test]
    fn refuses_colliding_edits() {
        let t = "f({ a: 1 })";
        let ins = || Edit::InsertProperty {
            object: loc(t, "{ a: 1 }"),
            last: Some(loc(t, "1")),
            props: vec!["b: 2".into()],
        };
        assert_eq!(fixed(t, vec![ins(), ins()]), None);
        assert_eq!(fixed(t, vec![]), None);
    }

    /// Facts older than the text (the language server renders fixes on the buffer being
    /// typed): any places at all give `None` or edits inside the text, never a panic.
    #[test]
    fn never_panics_on_places_that_do_not_fit() {
        let text = "f({ é: 'ü', k: [\"a\", 'none'] }, /* x */ g(h)\r\n  .sign(k)) // z\n{}";
        let n = text.len();
        let bounds: Vec<usize> = (0..=n + 1).collect();
        for &a in &bounds {
            for &b in &bounds {
                let l = loc_at(a, b);
                let m = loc_at(b.saturating_sub(2), b);
                let edits = vec![
                    Edit::InsertProperty {
                        object: l.clone(),
                        last: Some(m.clone()),
                        props: vec!["x: 1".into()],
                    },
                    Edit::InsertProperty {
                        object: l.clone(),
                        last: None,
                        props: vec!["x: 1".into(), "y: 2".into()],
                    },
                    Edit::RemoveProperty {
                        object: l.clone(),
                        key: "k".into(),
                        value: m.clone(),
                    },
                    Edit::AppendArgument {
                        after: l.clone(),
                        text: "{}".into(),
                    },
                    Edit::RemoveArrayElements {
                        array: l.clone(),
                        items: vec![m.clone(), loc_at(b, b + 3)],
                        remove: vec![1],
                    },
                    Edit::Replace {
                        at: l.clone(),
                        old: "'none'".into(),
                        text: "'lax'".into(),
                    },
                    Edit::ChainCallBefore {
                        method: "sign".into(),
                        arg: l.clone(),
                        text: ".x()".into(),
                    },
                ];
                for e in edits {
                    let fix = Fix {
                        title: String::new(),
                        safety: Safety::Safe,
                        edits: vec![e],
                    };
                    if let Some(out) = render(&fix, text) {
                        assert!(out.iter().all(|e| e.start <= e.end && e.end <= n));
                        apply(text, &out);
                    }
                }
            }
        }
    }
}
