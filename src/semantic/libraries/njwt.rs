//! njwt: `nJwt.create(claims, key, alg?)` (tokens expire after one hour unless
//! `setExpiration` changes it), `nJwt.verify(token, key, alg?)` (HS256 unless told).

use super::{Call, Library};
use crate::semantic::ir::{JwtOp, OpKind, Slot};
use crate::semantic::value::Value;

pub struct Njwt;

impl Library for Njwt {
    fn id(&self) -> &'static str {
        "njwt"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["njwt"]
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let Some(method) = call.method() else {
            return;
        };
        let default_alg = |slot: Slot| match slot {
            Slot::Absent => Slot::Present {
                value: Value::Str {
                    value: "HS256".into(),
                    at: call.at(),
                },
                at: call.at(),
            },
            s => s,
        };
        match method {
            "create" => {
                let mut op = call.op(OpKind::Sign, self.id());
                op.payload = call.arg(0);
                op.key = call.arg(1);
                op.algorithms = default_alg(call.arg(2));
                // One hour by default; `setExpiration` may change it later.
                op.expiry = Slot::Unknown;
                out.push(op);
            }
            "verify" => {
                let mut op = call.op(OpKind::Verify, self.id());
                op.key = call.arg(1);
                op.algorithms = default_alg(call.arg(2));
                out.push(op);
            }
            _ => {}
        }
    }
}
