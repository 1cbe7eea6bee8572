//! koa-jwt: `app.use(jwt({ secret, algorithms, isRevoked }))`.

use super::{Call, Library};
use crate::semantic::ir::{JwtOp, OpKind};

pub struct KoaJwt;

impl Library for KoaJwt {
    fn id(&self) -> &'static str {
        "koa-jwt"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["koa-jwt"]
    }

    fn on_call(&self, call: &Call<'_, '_, '_>, out: &mut Vec<JwtOp>) {
        if call.is_new || !matches!(call.path_strs().as_slice(), [] | ["default"]) {
            return;
        }
        let options = call.arg(0);
        let mut op = call.op(OpKind::Middleware, self.id());
        op.key = options.prop("secret");
        op.algorithms = options.prop("algorithms");
        op.options = options;
        out.push(op);
    }
}
