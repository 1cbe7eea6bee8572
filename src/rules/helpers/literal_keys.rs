//! Shared by `hardcoded-secret` and `weak-secret`: the keys of a file's operations that
//! resolve to a literal, one entry per consuming operation (DESIGN.md §3: each call that
//! consumes a secret is blamed at its key argument, the literal's definition is related).

use crate::finding::Loc;
use crate::semantic::ir::{FileFacts, JwtOp, OpKind, Slot};
use crate::semantic::value::{KeyKind, Value};

/// Public keys and certificates are meant to be shipped with the code.
pub fn is_public_key(s: &str) -> bool {
    s.contains("PUBLIC KEY-----") || s.contains("BEGIN CERTIFICATE") || s.starts_with("ssh-rsa ")
}

pub struct LiteralKey<'f> {
    /// The operation using the literal.
    pub op: &'f JwtOp,
    /// Where to blame it: its key argument, in the operation's own file.
    pub at: Loc,
    /// Where the key is given, when that is another file's options object.
    pub given_at: Option<Loc>,
    pub secret: String,
    /// Where the literal is written.
    pub secret_at: Loc,
    /// Only an environment variable's fallback.
    pub fallback: bool,
    pub env: Option<String>,
}

/// Whether `inner` lies within `outer` (same file).
fn within(inner: &Loc, outer: &Loc) -> bool {
    inner.path == outer.path
        && inner.span.start_byte >= outer.span.start_byte
        && inner.span.end_byte <= outer.span.end_byte
}

/// The place in the call that hands `op` a key written at `at`: the key argument itself,
/// else the options argument that carries it (an options object built elsewhere, in this
/// file or another), else the call.
fn blame(op: &JwtOp, at: &Loc) -> Loc {
    if within(at, &op.at) {
        return at.clone();
    }
    match op.options.at() {
        Some(o) if within(o, &op.at) => o.clone(),
        _ => op.at.clone(),
    }
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
        let blamed = blame(op, at);
        out.push(LiteralKey {
            op,
            given_at: (blamed != *at).then(|| at.clone()),
            at: blamed,
            secret: secret.to_string(),
            secret_at: secret_at.clone(),
            fallback,
            env: match value {
                Value::Env { name, .. } => Some(name.clone()),
                _ => None,
            },
        });
    }
    out
}
