use super::helpers::literal_keys::literal_keys;
use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;

pub struct WeakSecret;

static META: RuleMeta = crate::rule_meta!("weak-secret");

/// HS256 keys should have at least as many bytes as the hash output (RFC 7518 §3.2).
const MIN_BYTES: usize = 32;

/// Secrets copied from tutorials and templates, compared without case and punctuation.
const PLACEHOLDERS: &[&str] = &[
    "secret",
    "changeme",
    "changethis",
    "yoursecretkey",
    "yoursecret",
    "yourjwtsecret",
    "your256bitsecret",
    "mysecret",
    "mysecretkey",
    "supersecret",
    "supersecretkey",
    "secretkey",
    "jwtsecret",
    "jwtsecretkey",
    "password",
    "keyboardcat",
    "shhhhh",
    "test",
    "testsecret",
    "dev",
    "devsecret",
    "default",
];

/// Why a secret is weak, if it is.
fn weakness(secret: &str) -> Option<String> {
    let squeezed: String = secret
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let lower = secret.to_ascii_lowercase();
    if PLACEHOLDERS.contains(&squeezed.as_str())
        || lower.contains("do not use this value")
        || lower.contains("change this")
        || lower.contains("changeme")
        || lower.starts_with("your-") && lower.contains("secret")
    {
        return Some("a placeholder from a tutorial or template".into());
    }
    if secret.contains("PRIVATE KEY") {
        return None;
    }
    let n = secret.len();
    (n < MIN_BYTES).then(|| {
        let bytes = if n == 1 {
            "1 byte".to_string()
        } else {
            format!("{n} bytes")
        };
        format!("{bytes}, where HMAC keys need at least {MIN_BYTES}")
    })
}

impl Rule for WeakSecret {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        for k in literal_keys(file) {
            let Some(why) = weakness(&k.secret) else {
                continue;
            };
            let mut f = Finding::new(
                &META,
                k.at,
                format!("`{}` uses a weak secret: {why}", k.op.api),
                "use a random secret of at least 32 bytes (e.g. `openssl rand -base64 48`) from the environment or a secret manager",
            )
            .with_related(k.secret_at.clone(), "the secret is written here");
            if let Some(given) = k.given_at.filter(|g| *g != k.secret_at) {
                f = f.with_related(given, "the key is given here");
            }
            out.push(f.via(k.op));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::weakness;

    #[test]
    fn weak_and_strong() {
        assert!(weakness("secret").is_some());
        assert!(weakness("your-secret-key").is_some());
        assert!(weakness("Change_Me").is_some());
        assert!(weakness("short-but-random-9f8").is_some());
        assert!(weakness("DO NOT USE THIS VALUE. INSTEAD, CREATE A COMPLEX SECRET.").is_some());
        assert!(weakness("6q3Jc2ZbW0pQm8v1X9tR4yLkA7sD5fGhJ2nB8cV0xZ").is_none());
    }
}
