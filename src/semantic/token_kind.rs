//! Which kind of token an operation handles, from the names around it and its key.

use super::duration;
use super::ir::JwtOp;
use super::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TokenKind {
    Access,
    Refresh,
    Unknown,
}

fn words(name: &str) -> String {
    name.to_ascii_lowercase().replace(['_', '-', ' '], "")
}

/// The kind a name suggests: `generateRefreshToken`, `REFRESH_TOKEN_SECRET`, `accessToken`.
pub fn kind_of_name(name: &str) -> TokenKind {
    let w = words(name);
    if w.contains("refresh") {
        TokenKind::Refresh
    } else if w.contains("access") {
        TokenKind::Access
    } else {
        TokenKind::Unknown
    }
}

impl JwtOp {
    /// Refresh if any name around the call or the key's env var says refresh; access
    /// likewise; names nearer the call win.
    pub fn token_kind(&self) -> TokenKind {
        let key_name = match self.key.value() {
            Some(Value::Env { name, .. }) => Some(name.as_str()),
            Some(Value::Config { key }) => Some(key.as_str()),
            _ => None,
        };
        self.names
            .iter()
            .map(String::as_str)
            .chain(key_name)
            .map(kind_of_name)
            .find(|k| *k != TokenKind::Unknown)
            .unwrap_or(TokenKind::Unknown)
    }

    /// The lifetime in seconds, when it is a known constant. Numbers above 10^9 are
    /// absolute `exp` timestamps (2001 onwards), not lifetimes.
    /// An expiry computed from the current time (`exp: Math.floor(Date.now() / 1000) +
    /// 3600`) lives for its offset.
    pub fn lifetime(&self) -> Option<f64> {
        match self.expiry.value()? {
            Value::Now { offset, ms: false } => Some(*offset),
            // An `exp` in milliseconds is a mistake of its own; not a lifetime to compare.
            Value::Now { ms: true, .. } => None,
            v => duration::seconds(v).filter(|s| *s < 1e9),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(kind_of_name("generateRefreshToken"), TokenKind::Refresh);
        assert_eq!(kind_of_name("REFRESH_TOKEN_SECRET"), TokenKind::Refresh);
        assert_eq!(kind_of_name("accessToken"), TokenKind::Access);
        assert_eq!(kind_of_name("token"), TokenKind::Unknown);
    }
}
