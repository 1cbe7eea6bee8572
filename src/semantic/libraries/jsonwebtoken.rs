//! jsonwebtoken: `sign(payload, key, options?, cb?)`, `verify(token, key, options?, cb?)`,
//! `decode(token, options?)`.

use super::{Call, Library};
use crate::semantic::ir::{ClaimOptions, AUDIENCE_ISSUER};
use crate::semantic::ir::{JwtOp, OpKind, Slot};
use crate::semantic::value::Value;

pub struct JsonWebToken;

impl Library for JsonWebToken {
    fn id(&self) -> &'static str {
        "jsonwebtoken"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["jsonwebtoken"]
    }

    fn claim_options(&self) -> Option<ClaimOptions> {
        Some(AUDIENCE_ISSUER)
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let Some(method) = call.method() else {
            return;
        };
        if call.is_new {
            return;
        }
        // The third argument is the options object unless it is the callback.
        let options = if call.arg_is_function(2) {
            Slot::Absent
        } else {
            call.arg(2)
        };
        match method {
            // `sign()` with no payload makes no token (a stub, a spy, another API's
            // method of that name); jsonwebtoken throws on it.
            "sign"
                if call.arg(0).is_absent()
                    || matches!(call.arg(0).value(), Some(Value::Undefined | Value::Null)) => {}
            "sign" => {
                let mut op = call.op(OpKind::Sign, self.id());
                op.payload = call.arg(0);
                op.key = call.arg(1);
                // A `header.alg` given to sign replaces `algorithm` in the token's header:
                // that is what verifiers see.
                op.algorithms = Slot::first_of([
                    options.prop("header").prop("alg"),
                    options.prop("algorithm"),
                ]);
                op.expiry = Slot::first_of([options.prop("expiresIn"), payload_exp(&op.payload)]);
                op.options = options;
                out.push(op);
            }
            "verify" => {
                let mut op = call.op(OpKind::Verify, self.id());
                op.key = call.arg(1);
                op.algorithms = options.prop("algorithms");
                op.options = options;
                out.push(op);
            }
            "decode" => out.push(call.op(OpKind::Decode, self.id())),
            _ => {}
        }
    }
}

/// Payload claims that applications check themselves to expire a token (outline's
/// `expiresAt`, age checks on `createdAt`): an application-level lifetime.
const APP_LIFETIME_CLAIMS: &[&str] = &[
    "expiresAt",
    "expires",
    "expiry",
    "expiration",
    "expiresIn",
    "validUntil",
    "createdAt",
    "issuedAt",
];

/// A lifetime carried in the payload itself: an `exp` claim, or an application's own
/// expiry claim. A string payload has none.
pub fn payload_exp(payload: &Slot) -> Slot {
    match payload.value() {
        Some(Value::Str { .. }) => Slot::Absent,
        Some(Value::Object(_)) => Slot::first_of(
            std::iter::once("exp")
                .chain(APP_LIFETIME_CLAIMS.iter().copied())
                .map(|claim| payload.prop(claim)),
        ),
        _ if payload.is_absent() => Slot::Absent,
        _ => Slot::Unknown,
    }
}
