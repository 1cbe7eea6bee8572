//! fast-jwt: `createSigner({ key, algorithm, expiresIn })`, `createVerifier({ key,
//! algorithms, ignoreExpiration, clockTolerance })`, `createDecoder()`. Its durations are
//! milliseconds (`expiresIn: 60000`, `clockTolerance`), unlike jsonwebtoken's seconds.

use super::{Call, Library};
use crate::semantic::ir::ClaimOptions;
use crate::semantic::ir::{JwtOp, OpKind, Slot};
use crate::semantic::value::Value;

pub struct FastJwt;

/// A millisecond number as seconds, so lifetimes compare across libraries.
pub(super) fn ms_to_seconds(slot: Slot) -> Slot {
    match slot {
        Slot::Present {
            value: Value::Num(ms),
            at,
        } => Slot::Present {
            value: Value::Num(ms / 1000.0),
            at,
        },
        other => other,
    }
}

impl Library for FastJwt {
    fn id(&self) -> &'static str {
        "fast-jwt"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["fast-jwt"]
    }

    fn claim_options(&self) -> Option<ClaimOptions> {
        Some(ClaimOptions {
            audience: "allowedAud",
            issuer: "allowedIss",
        })
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let path = call.path_strs();
        let options = call.arg(0);
        match path.as_slice() {
            ["createSigner"] | ["default", "createSigner"] => {
                let mut op = call.op(OpKind::Sign, self.id());
                op.key = options.prop("key");
                op.algorithms = options.prop("algorithm");
                // The payload is given to the signer function later, so it may carry `exp`.
                op.expiry = match ms_to_seconds(options.prop("expiresIn")) {
                    Slot::Absent => Slot::Unknown,
                    s => s,
                };
                op.options = options;
                out.push(op);
            }
            ["createVerifier"] | ["default", "createVerifier"] => {
                let mut op = call.op(OpKind::Verify, self.id());
                op.ms_durations = true;
                op.key = options.prop("key");
                op.algorithms = options.prop("algorithms");
                op.options = options;
                out.push(op);
            }
            ["createDecoder"] | ["default", "createDecoder"] => {
                out.push(call.op(OpKind::Decode, self.id()))
            }
            _ => {}
        }
    }
}
