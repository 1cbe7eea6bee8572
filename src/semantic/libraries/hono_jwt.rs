//! hono/jwt: `sign(payload, secret, alg?)`, `verify(token, secret, alg?)`, `decode(token)`,
//! and the `jwt({ secret, alg })` middleware. The algorithm argument defaults to HS256, so
//! a verification always has exactly one algorithm.

use super::jsonwebtoken::payload_exp;
use super::{Call, Library};
use crate::semantic::ir::{JwtOp, OpKind, Slot};
use crate::semantic::value::Value;

pub struct HonoJwt;

/// The algorithm argument, or Hono's documented default.
fn algorithm_or_default(call: &Call<'_>, slot: Slot) -> Slot {
    match slot {
        Slot::Absent => Slot::Present {
            value: Value::Str {
                value: "HS256".into(),
                at: call.at(),
            },
            at: call.at(),
        },
        // Newer versions also take an options object with `alg`.
        s @ Slot::Present {
            value: Value::Object(_),
            ..
        } => s.prop("alg"),
        s => s,
    }
}

impl Library for HonoJwt {
    fn id(&self) -> &'static str {
        "hono/jwt"
    }

    fn spelling(&self) -> &'static crate::semantic::ir::Spelling {
        static HONO: crate::semantic::ir::Spelling = crate::semantic::ir::Spelling {
            lifetime: "exp",
            algorithms: "alg",
            algorithm: "alg",
            ..crate::semantic::ir::COMMON_SPELLING
        };
        &HONO
    }

    fn modules(&self) -> &'static [&'static str] {
        &["hono/jwt", "hono/utils/jwt/jwt"]
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let path = call.path_strs();
        let method = match path.as_slice() {
            [m] | ["Jwt", m] | ["default", m] => *m,
            _ => return,
        };
        match method {
            "sign" => {
                let mut op = call.op(OpKind::Sign, self.id());
                op.payload = call.arg(0);
                op.key = call.arg(1);
                op.algorithms = algorithm_or_default(call, call.arg(2));
                op.expiry = payload_exp(&op.payload);
                out.push(op);
            }
            "verify" => {
                let mut op = call.op(OpKind::Verify, self.id());
                op.key = call.arg(1);
                op.algorithms = algorithm_or_default(call, call.arg(2));
                out.push(op);
            }
            "decode" => out.push(call.op(OpKind::Decode, self.id())),
            "jwt" => {
                let options = call.arg(0);
                let mut op = call.op(OpKind::Middleware, self.id());
                op.key = options.prop("secret");
                op.algorithms = algorithm_or_default(call, options.prop("alg"));
                op.options = options;
                out.push(op);
            }
            _ => {}
        }
    }
}
