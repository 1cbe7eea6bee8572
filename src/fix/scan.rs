//! Reading the text around an edit: whitespace, comments, lines. Works on bytes of valid
//! UTF-8 text; every offset returned is a character boundary.

/// The first offset at or after `i` that is not whitespace or a comment; `None` inside an
/// unterminated block comment.
pub fn skip_trivia(text: &str, mut i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    loop {
        let rest = text.get(i..)?;
        let c = rest.chars().next();
        match c {
            Some(c) if c.is_whitespace() || c == '\u{feff}' => i += c.len_utf8(),
            Some('/') if rest.starts_with("//") => {
                i = match rest.find(['\n', '\r']) {
                    Some(n) => i + n,
                    None => bytes.len(),
                }
            }
            Some('/') if rest.starts_with("/*") => i += 2 + rest[2..].find("*/")? + 2,
            _ => return Some(i),
        }
    }
}

/// The first offset at or after `i` that is not a space or tab (the rest of a line).
pub fn skip_blank(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
        i += 1;
    }
    i
}

/// The offset after the last whitespace before `i` (`i` itself when none).
pub fn skip_ws_back(text: &str, i: usize) -> usize {
    let head = &text[..i];
    head.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .len()
}

/// The offset after the last space or tab before `i`.
pub fn skip_blank_back(text: &str, i: usize) -> usize {
    text[..i].trim_end_matches([' ', '\t']).len()
}

/// Where the line holding offset `i` starts.
pub fn line_start(text: &str, i: usize) -> usize {
    text[..i].rfind(['\n', '\r']).map_or(0, |n| n + 1)
}

/// The spaces and tabs a line starts with, for the line holding offset `i`.
pub fn indent(text: &str, i: usize) -> &str {
    let start = line_start(text, i);
    &text[start..skip_blank(text, start)]
}

/// Where the line holding offset `i` ends, after its line break (the text's end for the last
/// line); `None` when something other than spaces follows `i` on the line.
pub fn rest_of_line_blank(text: &str, i: usize) -> Option<usize> {
    let j = skip_blank(text, i);
    let rest = &text[j..];
    if rest.starts_with("\r\n") {
        Some(j + 2)
    } else if rest.starts_with('\n') || rest.starts_with('\r') {
        Some(j + 1)
    } else {
        None
    }
}

/// The line break the text uses before offset `i` (`\r\n` or `\n`).
pub fn newline_before(text: &str, i: usize) -> &'static str {
    match text[..i].rfind('\n') {
        Some(n) if n > 0 && text.as_bytes()[n - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Whether the byte at `i` is `b`.
pub fn byte_is(text: &str, i: usize, b: u8) -> bool {
    text.as_bytes().get(i) == Some(&b)
}

/// Whether a character may be part of an identifier (ASCII and any non-ASCII letter).
pub fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trivia_is_whitespace_and_comments() {
        let t = "a  /* x */ // y\n  ,b";
        assert_eq!(skip_trivia(t, 1), Some(18));
        assert_eq!(skip_trivia("a /* open", 1), None);
        assert_eq!(skip_trivia("a", 1), Some(1));
    }

    #[test]
    fn lines_and_indentation() {
        let t = "{\r\n    a: 1,\r\n}";
        assert_eq!(line_start(t, 7), 3);
        assert_eq!(indent(t, 7), "    ");
        assert_eq!(newline_before(t, 14), "\r\n");
        assert_eq!(rest_of_line_blank(t, 12), Some(14));
        assert_eq!(rest_of_line_blank(t, 8), None);
        assert_eq!(skip_ws_back(t, 14), 12);
    }
}
