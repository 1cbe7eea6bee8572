//! Whether a name stands for an authentication token.

use crate::text::words;

/// Whether one word names a token: `token`, `tokens`, a compound that ends in one
/// (`authtoken`, `accesstoken`, written without a separator), or mentions a JWT. Words
/// that only start with the letters (`tokenizer`, `tokenise`) are about something else.
fn word_names_token(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    w.ends_with("token") || w.contains("jwt") || w == "bearer" || w == "authorization"
}

/// Whether a storage key or variable name stands for a token (and not for data about one,
/// such as its expiry or type, nor for tokens that are not credentials).
pub fn names_token(name: &str) -> bool {
    let w: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    const NOT: &[&str] = &[
        "expir",
        "expires",
        "type",
        "time",
        "date",
        "csrf",
        "xsrf",
        "fcm",
        "push",
        "device",
        "notification",
        "captcha",
        "count",
        "status",
        "valid",
        "ttl",
        "issued",
        "key",
        "name",
        "url",
        "length",
    ];
    if NOT.iter().any(|n| w.contains(n)) || w.ends_with("exp") || w.ends_with("at") && w.len() > 8 {
        return false;
    }
    words(name).iter().any(|w| word_names_token(w))
}

#[cfg(test)]
mod tests {
    use super::names_token;

    #[test]
    fn words_not_substrings() {
        for yes in [
            "TOKEN",
            "ACCESS_TOKEN",
            "authtoken",
            "x-auth-token",
            "JWTToken",
            "myJwt",
            "tokens",
            "token data",
        ] {
            assert!(names_token(yes), "{yes}");
        }
        for no in [
            "tokenizer-config",
            "tokenizer",
            "tokenizedText",
            "detokenize",
            "tokenise_rules",
        ] {
            assert!(!names_token(no), "{no}");
        }
    }
}
