//! Shared by the cross-service rules: which key a sign and a verify have in common.

use crate::semantic::ir::JwtOp;
use crate::semantic::value::{is_public_key, KeyKind, Value};

/// The key's identity when the same value both signs and verifies (a shared, HMAC secret):
/// a value known to be the same wherever it is used (an env var, a config key, a module's
/// export, a literal), not public or private key material, not relative to one file.
pub fn shared_key(op: &JwtOp) -> Option<String> {
    let value = op.key.value()?;
    if is_public_key(value)
        || matches!(
            value,
            Value::KeyMaterial {
                kind: KeyKind::PublicKey | KeyKind::PrivateKey | KeyKind::File,
                ..
            }
        )
    {
        return None;
    }
    let id = value.identity()?;
    (!id.starts_with('.')).then_some(id)
}
