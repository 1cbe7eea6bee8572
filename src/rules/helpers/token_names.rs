//! Whether a name stands for an authentication token.

/// The words of a name, lower case: `accessToken`, `access_token`, `ACCESS-TOKEN` and
/// `access token` all give `access`, `token`.
fn words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev: Option<char> = None;
    for c in name.chars() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev = None;
            continue;
        }
        // A capital after a small letter or a digit starts a word (`accessToken`, `v2Token`).
        if c.is_ascii_uppercase()
            && prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
            && !cur.is_empty()
        {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(c.to_ascii_lowercase());
        prev = Some(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

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
