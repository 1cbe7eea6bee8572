//! JWTs written in the source: string literals of three base64url segments whose header
//! decodes to a JSON object with `alg`.

use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine;

/// What a literal JWT says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedToken {
    pub alg: String,
    /// The payload, when it decodes to JSON.
    pub payload: Option<serde_json::Value>,
}

fn decode_segment(s: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD
        .decode(s)
        .or_else(|_| URL_SAFE.decode(s))
        .ok()
}

fn is_b64url(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'=')
}

/// Decodes a string that looks like a compact JWS; `None` for anything else.
pub fn decode(text: &str) -> Option<DecodedToken> {
    let text = text.trim();
    let text = text.strip_prefix("Bearer ").unwrap_or(text);
    if !text.starts_with("eyJ") || text.len() > 16 * 1024 {
        return None;
    }
    let mut parts = text.split('.');
    let (h, p, s) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || h.is_empty()
        || p.is_empty()
        || ![h, p, s].iter().all(|x| is_b64url(x))
    {
        return None;
    }
    let header: serde_json::Value = serde_json::from_slice(&decode_segment(h)?).ok()?;
    let alg = header.get("alg")?.as_str()?.to_string();
    let payload = decode_segment(p).and_then(|b| serde_json::from_slice(&b).ok());
    Some(DecodedToken { alg, payload })
}

/// The sample token of jwt.io and countless READMEs: a placeholder, not a credential.
pub fn is_placeholder(t: &DecodedToken) -> bool {
    match &t.payload {
        Some(p) => {
            p.get("sub").and_then(|v| v.as_str()) == Some("1234567890")
                && p.get("name").and_then(|v| v.as_str()) == Some("John Doe")
        }
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_real_tokens_only() {
        // {"alg":"HS256","typ":"JWT"} . {"sub":"42","role":"admin"} . signature bytes
        let t = decode("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsInJvbGUiOiJhZG1pbiJ9.c2lnbmF0dXJl").unwrap();
        assert_eq!(t.alg, "HS256");
        assert!(!is_placeholder(&t));
        assert!(decode("eyJnotbase64!.x.y").is_none());
        assert!(decode("hello.world.again").is_none());
        // A header without `alg`.
        assert!(decode("eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiI0MiJ9.c2ln").is_none());
    }
}
