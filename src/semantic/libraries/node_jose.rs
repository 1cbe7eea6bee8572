//! node-jose: `jose.JWS.createSign(options, key)…final()` and
//! `jose.JWS.createVerify(keystore, { algorithms })…verify(token)`.

use super::{Call, Library};
use crate::semantic::ir::{JwtOp, OpKind, Slot};
use crate::semantic::value::Value;

pub struct NodeJose;

impl Library for NodeJose {
    fn id(&self) -> &'static str {
        "node-jose"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["node-jose"]
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let path = call.member_path();
        let path = path.as_slice();
        match path {
            ["JWS", "createSign"] => {
                let mut op = call.op(OpKind::Sign, self.id());
                // `createSign(key)` or `createSign(options, key)`.
                let (options, key) = match call.arg(0) {
                    s @ Slot::Present {
                        value: Value::Object(_),
                        ..
                    } => (s, call.arg(1)),
                    s => (Slot::Absent, s),
                };
                op.key = key;
                op.algorithms = options.prop("alg");
                op.expiry = Slot::Unknown;
                op.options = options;
                out.push(op);
            }
            ["JWS", "createVerify"] => {
                let mut op = call.op(OpKind::Verify, self.id());
                op.key = call.arg(0);
                op.algorithms = call.arg(1).prop("algorithms");
                op.options = call.arg(1);
                out.push(op);
            }
            _ => {}
        }
    }
}
