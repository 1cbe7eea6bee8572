//! next-auth: `NextAuth({ secret, session, jwt })` (also `authOptions` objects passed to
//! it), and `next-auth/jwt`'s `getToken({ req, secret })`, `encode({ token, secret })`,
//! `decode({ token, secret })`. Session tokens are encrypted JWTs whose lifetime is a
//! product decision, so only their secret is judged.

use super::{Call, Library};
use crate::semantic::ir::{JwtOp, OpKind, Slot};
use crate::semantic::value::Value;

pub struct NextAuth;

impl Library for NextAuth {
    fn id(&self) -> &'static str {
        "next-auth"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["next-auth/", "@auth/core/"]
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
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
        if lib_op {
            if let Some(cb) = jwt_callback(call, &options) {
                out.push(cb);
            }
        }
    }
}

/// The `callbacks.jwt` function decides what goes into the session token: its
/// `token.x = …` assignments (and a returned `{ ...token, ...user }`) are the payload.
fn jwt_callback(call: &Call<'_>, options: &Slot) -> Option<JwtOp> {
    use crate::semantic::value::Object;
    let callback = options.prop("callbacks").prop("jwt");
    let f = call.function(callback.value())?;
    let at = f.at.clone();
    let props = f.token_writes.clone();
    let mut op = JwtOp::new(
        OpKind::Sign,
        "next-auth",
        "callbacks.jwt".into(),
        at.clone(),
    );
    op.payload = Slot::Present {
        value: Value::Object(Object {
            props,
            open: true,
            at: Some(at.clone()),
            spreads: Vec::new(),
        }),
        at: at.clone(),
    };
    op.key = Slot::Unknown;
    op.algorithms = Slot::Unknown;
    op.expiry = Slot::Unknown;
    Some(op)
}
