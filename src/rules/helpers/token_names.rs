//! Whether a name stands for an authentication token.

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
    w.contains("token") || w.contains("jwt") || w == "bearer" || w == "authorization"
}
