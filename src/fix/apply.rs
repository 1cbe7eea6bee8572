//! Applying byte edits to a text.

use super::TextEdit;

/// Applies non-overlapping edits, sorted by position, to `text`. Bytes outside the edits
/// are kept as they are. Edits that overlap the one before, or fall outside the text or
/// inside a character, are skipped (`render` never produces such edits).
pub fn apply(text: &str, edits: &[TextEdit]) -> String {
    let extra: usize = edits.iter().map(|e| e.text.len()).sum();
    let mut out = String::with_capacity(text.len() + extra);
    let mut at = 0;
    for e in edits {
        let valid = e.start >= at
            && e.start <= e.end
            && e.end <= text.len()
            && text.is_char_boundary(e.start)
            && text.is_char_boundary(e.end);
        if !valid {
            continue;
        }
        out.push_str(&text[at..e.start]);
        out.push_str(&e.text);
        at = e.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, text: &str) -> TextEdit {
        TextEdit::new(start, end, text)
    }

    #[test]
    fn applies_in_order_and_keeps_the_rest() {
        let t = "abcdef";
        assert_eq!(apply(t, &[]), t);
        assert_eq!(apply(t, &[edit(1, 2, "X"), edit(4, 4, "YY")]), "aXcdYYef");
        assert_eq!(apply(t, &[edit(0, 6, "")]), "");
        assert_eq!(apply(t, &[edit(6, 6, "!")]), "abcdef!");
    }

    #[test]
    fn skips_overlapping_and_out_of_range_edits() {
        assert_eq!(apply("abcdef", &[edit(1, 4, "X"), edit(2, 3, "Y")]), "aXef");
        assert_eq!(apply("abc", &[edit(2, 9, "X")]), "abc");
        assert_eq!(apply("é", &[edit(1, 1, "X")]), "é");
    }
}
