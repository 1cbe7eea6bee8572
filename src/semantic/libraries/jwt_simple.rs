//! jwt-simple: `encode(payload, key, algorithm?)`, `decode(token, key, noVerify?, algorithm?)`.
//! `decode` takes the algorithm from the token's header unless the fourth argument names one.

use super::jsonwebtoken::payload_exp;
use super::{Call, Library};
use crate::semantic::ir::{JwtOp, OpKind, Slot};
use crate::semantic::ir::{Spelling, COMMON_SPELLING};
use crate::semantic::value::{is_public_key, Value};

pub struct JwtSimple;

/// A literal that turns `noVerify` on.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::Num(n)) => *n != 0.0,
        Some(Value::Str { value, .. }) => !value.is_empty(),
        _ => false,
    }
}

impl Library for JwtSimple {
    fn id(&self) -> &'static str {
        "jwt-simple"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["jwt-simple"]
    }

    fn spelling(&self) -> &'static Spelling {
        static SIMPLE: Spelling = Spelling {
            algorithms: "algorithm",
            algorithm: "algorithm",
            lifetime: "exp",
            skip_verification: "noVerify",
            ..COMMON_SPELLING
        };
        &SIMPLE
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let Some(method) = call.method() else {
            return;
        };
        match method {
            "encode" => {
                let mut op = call.op(OpKind::Sign, self.id());
                op.payload = call.arg(0);
                op.key = call.arg(1);
                op.algorithms = call.arg(2);
                // No options: only an `exp` in the payload gives a lifetime.
                op.expiry = payload_exp(&op.payload);
                out.push(op);
            }
            "decode" => {
                let mut op = call.op(OpKind::Verify, self.id());
                op.key = call.arg(1);
                // `decode(token, key, noVerify, algorithm)`.
                op.skips_verification = call.arg(2);
                op.algorithms = call.arg(3);
                // Without the algorithm argument the token's header picks it, but the key
                // bounds the choice: an HMAC secret only verifies HMAC tokens (no family
                // can be swapped in), a public key also "verifies" an HS256 token signed
                // with it. So the allowlist is missing only with public-key material. With
                // `noVerify` nothing is checked at all; none-algorithm says so.
                let public = op.key.value().is_some_and(is_public_key);
                let no_verify = truthy(op.skips_verification.value());
                if op.algorithms.is_absent() && (!public || no_verify) {
                    op.algorithms = Slot::Unknown;
                }
                out.push(op);
            }
            _ => {}
        }
    }
}
