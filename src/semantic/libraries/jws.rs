//! jws (the JWS layer under jsonwebtoken, used directly by some applications):
//! `decode(token)` returns `{ header, payload, signature }` without checking anything.
//! Its `sign` and `verify` take the algorithm explicitly, so only `decode` is read here.

use super::{Call, Library};
use crate::semantic::ir::{JwtOp, OpKind};

pub struct Jws;

impl Library for Jws {
    fn id(&self) -> &'static str {
        "jws"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["jws"]
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        if !call.is_new && call.method() == Some("decode") {
            out.push(call.op(OpKind::Decode, self.id()));
        }
    }
}
