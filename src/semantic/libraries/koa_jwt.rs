//! koa-jwt: `app.use(jwt({ secret, algorithms, isRevoked }))`.

use super::{Call, Library};
use crate::semantic::ir::JwtOp;
use crate::semantic::ir::{ClaimOptions, AUDIENCE_ISSUER};

pub struct KoaJwt;

impl Library for KoaJwt {
    fn id(&self) -> &'static str {
        "koa-jwt"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["koa-jwt"]
    }

    fn claim_options(&self) -> Option<ClaimOptions> {
        Some(AUDIENCE_ISSUER)
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        if call.is_new || !matches!(call.path_strs().as_slice(), [] | ["default"]) {
            return;
        }
        out.push(call.middleware_op(self.id()));
    }
}
