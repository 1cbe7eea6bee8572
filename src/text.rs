//! Text shown to people: escaping what came from files or the command line.

/// Control characters written as escapes (`\u{1b}`), for strings from the configuration
/// echoed in messages: a rule id holding `\x1b[31m` must not colour the terminal.
pub fn escape_control(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_escapes() {
        assert_eq!(escape_control("a\u{1b}[31m\n"), "a\\u{1b}[31m\\n");
        assert_eq!(escape_control("plain-id"), "plain-id");
    }
}
