//! next-auth: `NextAuth({ secret, session, jwt })` (also `authOptions` objects passed to
//! it), and `next-auth/jwt`'s `getToken({ req, secret })`, `encode({ token, secret })`,
//! `decode({ token, secret })`. Session tokens are encrypted JWTs whose lifetime is a
//! product decision, so only their secret is judged.

use super::{Call, Library};
use crate::semantic::ir::{JwtOp, OpKind, Slot};

pub struct NextAuth;

impl Library for NextAuth {
    fn id(&self) -> &'static str {
        "next-auth"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["next-auth/", "@auth/core/"]
    }

    fn on_call(&self, call: &Call<'_, '_, '_>, out: &mut Vec<JwtOp>) {
        let path = call.path_strs();
        let options = call.arg(0);
        let (kind, lib_op) = match path.as_slice() {
            [] | ["default"] | ["NextAuth"] => (OpKind::ModuleConfig, true),
            ["getToken"] | ["decode"] => (OpKind::Verify, false),
            ["encode"] => (OpKind::Sign, false),
            _ => return,
        };
        let mut op = call.op(kind, self.id());
        op.key = options.prop("secret");
        // Encrypted tokens (JWE) with a fixed algorithm: no allowlist to give.
        op.algorithms = Slot::Unknown;
        op.expiry = Slot::Unknown;
        if lib_op {
            op.options = options.prop("jwt");
        }
        out.push(op);
    }
}
