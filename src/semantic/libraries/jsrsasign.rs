//! jsrsasign: `KJUR.jws.JWS.sign(alg, header, payload, key)`,
//! `KJUR.jws.JWS.verifyJWT(token, key, { alg: [...] })`, `KJUR.jws.JWS.verify(token, key, algs?)`,
//! `KJUR.jws.JWS.parse(token)`.

use super::{Call, Library};
use crate::semantic::ir::ClaimOptions;
use crate::semantic::ir::{JwtOp, OpKind, Slot};

pub struct Jsrsasign;

impl Library for Jsrsasign {
    fn id(&self) -> &'static str {
        "jsrsasign"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["jsrsasign"]
    }

    fn claim_options(&self) -> Option<ClaimOptions> {
        Some(ClaimOptions {
            audience: "aud",
            issuer: "iss",
        })
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let path = call.member_path();
        let path = path.as_slice();
        match path {
            ["KJUR", "jws", "JWS", "sign"] => {
                let mut op = call.op(OpKind::Sign, self.id());
                op.algorithms = match call.arg(0) {
                    Slot::Present { value, .. } if value.as_str().is_none() => {
                        call.arg(1).prop("alg")
                    }
                    s => s,
                };
                op.payload = call.arg(2);
                op.key = call.arg(3);
                // The payload is usually a JSON string built elsewhere; its `exp` is unknown.
                op.expiry = Slot::Unknown;
                out.push(op);
            }
            ["KJUR", "jws", "JWS", "verifyJWT"] => {
                let mut op = call.op(OpKind::Verify, self.id());
                op.key = call.arg(1);
                op.algorithms = call.arg(2).prop("alg");
                op.options = call.arg(2);
                out.push(op);
            }
            ["KJUR", "jws", "JWS", "verify"] => {
                let mut op = call.op(OpKind::Verify, self.id());
                op.key = call.arg(1);
                op.algorithms = call.arg(2);
                out.push(op);
            }
            ["KJUR", "jws", "JWS", "parse" | "readSafeJSONString"] => {
                out.push(call.op(OpKind::Decode, self.id()))
            }
            _ => {}
        }
    }
}
