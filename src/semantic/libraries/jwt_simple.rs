//! jwt-simple: `encode(payload, key, algorithm?)`, `decode(token, key, noVerify?, algorithm?)`.
//! `decode` takes the algorithm from the token's header unless the fourth argument names one.

use super::jsonwebtoken::payload_exp;
use super::{Call, Library};
use crate::semantic::ir::{JwtOp, OpKind};
use crate::semantic::ir::{Spelling, COMMON_SPELLING};

pub struct JwtSimple;

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
                op.algorithms = call.arg(3);
                // `decode(token, key, noVerify, algorithm)`.
                op.skips_verification = call.arg(2);
                out.push(op);
            }
            _ => {}
        }
    }
}
