//! Shared by `hardcoded-secret` and `weak-secret`: the keys of a file's operations that
//! resolve to a literal, one entry per literal (later uses become related locations).

use crate::finding::Loc;
use crate::semantic::ir::{FileFacts, JwtOp, OpKind, Slot};
use crate::semantic::value::{KeyKind, Value};

/// Public keys and certificates are meant to be shipped with the code.
pub fn is_public_key(s: &str) -> bool {
    s.contains("PUBLIC KEY-----") || s.contains("BEGIN CERTIFICATE") || s.starts_with("ssh-rsa ")
}

pub struct LiteralKey<'f> {
    /// The first operation using the literal.
    pub op: &'f JwtOp,
    /// The key argument at that operation.
    pub at: Loc,
    pub secret: String,
    /// Where the literal is written.
    pub secret_at: Loc,
    /// Only an environment variable's fallback.
    pub fallback: bool,
    pub env: Option<String>,
    /// Later operations using the same literal: (their key argument, their api).
    pub also: Vec<(Loc, String)>,
}

pub fn literal_keys(file: &FileFacts) -> Vec<LiteralKey<'_>> {
    let mut out: Vec<LiteralKey<'_>> = Vec::new();
    for op in file.ops.iter().filter(|op| op.kind != OpKind::Decode) {
        let Slot::Present { value, at } = &op.key else {
            continue;
        };
        if let Value::KeyMaterial {
            kind: KeyKind::PublicKey,
            ..
        } = value
        {
            continue;
        }
        let Some((secret, secret_at, fallback)) = value.literal_source() else {
            continue;
        };
        if secret.is_empty() || is_public_key(secret) {
            continue;
        }
        if let Some(first) = out.iter_mut().find(|k| &k.secret_at == secret_at) {
            first.also.push((at.clone(), op.api.clone()));
            continue;
        }
        out.push(LiteralKey {
            op,
            at: at.clone(),
            secret: secret.to_string(),
            secret_at: secret_at.clone(),
            fallback,
            env: match value {
                Value::Env { name, .. } => Some(name.clone()),
                _ => None,
            },
            also: Vec::new(),
        });
    }
    out
}
