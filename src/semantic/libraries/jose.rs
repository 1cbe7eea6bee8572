//! jose (panva): v3+ `jwtVerify`, `compactVerify`, `decodeJwt`, the `SignJWT` builder
//! chain; and the legacy v1/v2 `JWT.sign/verify/decode`.

use super::jsonwebtoken::payload_exp;
use super::{link_arg, Call, Library};
use crate::semantic::ir::{ClaimOptions, AUDIENCE_ISSUER};
use crate::semantic::ir::{JwtOp, KeyFlow, KeyFlowKind, OpKind, Slot};
use crate::semantic::value::Value;

pub struct Jose;

/// The `SignJWT` builder sets its options by methods.
static BUILDER_SPELLING: crate::semantic::ir::Spelling = crate::semantic::ir::Spelling {
    lifetime: ".setExpirationTime",
    algorithm: ".setProtectedHeader",
    ..crate::semantic::ir::COMMON_SPELLING
};

impl Library for Jose {
    fn id(&self) -> &'static str {
        "jose"
    }

    fn modules(&self) -> &'static [&'static str] {
        // v3 also shipped deep imports such as `jose/jwt/verify`.
        &["jose/"]
    }

    fn claim_options(&self) -> Option<ClaimOptions> {
        Some(AUDIENCE_ISSUER)
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let start = out.len();
        self.ops(call, out);
        for op in &mut out[start..] {
            key_facts(op);
        }
    }
}

/// What jose's special keys mean: `EmbeddedJWK` takes the key from the token's header;
/// legacy `JWK.None` signs and accepts unsigned tokens.
fn key_facts(op: &mut JwtOp) {
    let Slot::Present {
        value: Value::Import { module, path },
        at,
    } = &op.key
    else {
        return;
    };
    if !module.starts_with("jose") {
        return;
    }
    let at = at.clone();
    if path.last().is_some_and(|p| p == "EmbeddedJWK") {
        op.key_flows.push(KeyFlow {
            kind: KeyFlowKind::EmbeddedJwk,
            at,
        });
    } else if path.ends_with(&["JWK".to_string(), "None".to_string()]) {
        let none = Value::Str {
            value: "none".into(),
            at: at.clone(),
        };
        let value = if op.kind == OpKind::Sign {
            none
        } else {
            Value::Array {
                items: vec![none],
                open: false,
            }
        };
        op.algorithms = Slot::Present { value, at };
    }
}

impl Jose {
    fn ops(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let path = call.member_path();
        let path = path.as_slice();
        match (path, call.is_new) {
            (["jwtVerify" | "compactVerify" | "flattenedVerify" | "generalVerify"], false) => {
                let mut op = call.op(OpKind::Verify, self.id());
                op.key = call.arg(1);
                op.algorithms = call.arg(2).prop("algorithms");
                op.options = call.arg(2);
                out.push(op);
            }
            (["decodeJwt" | "decodeProtectedHeader"], false) => {
                out.push(call.op(OpKind::Decode, self.id()));
            }
            (["SignJWT"], true) => self.sign_chain(call, out),
            // Unsecured JWTs: `alg: none` by construction.
            (["UnsecuredJWT"], true) | (["UnsecuredJWT", "decode"], false) => {
                let at = call.at();
                let none = Value::Str {
                    value: "none".into(),
                    at: at.clone(),
                };
                let (kind, algorithms) = if call.is_new {
                    (OpKind::Sign, none)
                } else {
                    (
                        OpKind::Verify,
                        Value::Array {
                            items: vec![none],
                            open: false,
                        },
                    )
                };
                let mut op = call.op(kind, self.id());
                op.algorithms = Slot::Present {
                    value: algorithms,
                    at,
                };
                // An unsecured token has no key and no lifetime to judge here.
                op.key = Slot::Unknown;
                op.expiry = Slot::Unknown;
                out.push(op);
            }
            // Legacy v1/v2 API.
            (["JWT", "sign"], false) => {
                let mut op = call.op(OpKind::Sign, self.id());
                op.payload = call.arg(0);
                op.key = call.arg(1);
                let options = call.arg(2);
                op.algorithms = options.prop("algorithm");
                op.expiry = Slot::first_of([options.prop("expiresIn"), payload_exp(&op.payload)]);
                out.push(op);
            }
            (["JWT", "verify"], false) => {
                let mut op = call.op(OpKind::Verify, self.id());
                op.key = call.arg(1);
                op.algorithms = call.arg(2).prop("algorithms");
                op.options = call.arg(2);
                out.push(op);
            }
            (["JWT", "decode"], false) => out.push(call.op(OpKind::Decode, self.id())),
            _ => {}
        }
    }
}

impl Jose {
    /// `new SignJWT(payload).setProtectedHeader(h).setExpirationTime(t).sign(key)`: the
    /// methods chained on the constructor. A chain that does not reach `.sign` in the same
    /// expression (a builder kept in a variable) is not reported.
    fn sign_chain(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let Some(sign) = call.chained("sign") else {
            return;
        };
        let mut op = call.op(OpKind::Sign, self.id());
        op.at = sign.at.clone();
        op.api = "new SignJWT(...).sign".to_string();
        op.spelling = &BUILDER_SPELLING;
        op.payload = call.arg(0);
        op.key = link_arg(sign, 0);
        op.algorithms = call
            .chained("setProtectedHeader")
            .map_or(Slot::Absent, |l| link_arg(l, 0).prop("alg"));
        op.expiry = match call.chained("setExpirationTime") {
            Some(l) => link_arg(l, 0),
            None => payload_exp(&op.payload),
        };
        out.push(op);
    }
}
