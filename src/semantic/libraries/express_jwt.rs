//! express-jwt: v6 `jwt({ secret, algorithms })` (default export) and v7+ `expressjwt(...)`.

use super::{Call, Library};
use crate::semantic::ir::JwtOp;
use crate::semantic::ir::{ClaimOptions, AUDIENCE_ISSUER};

pub struct ExpressJwt;

impl Library for ExpressJwt {
    fn id(&self) -> &'static str {
        "express-jwt"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["express-jwt"]
    }

    fn claim_options(&self) -> Option<ClaimOptions> {
        Some(AUDIENCE_ISSUER)
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        if !matches!(
            call.path_strs().as_slice(),
            [] | ["default"] | ["expressjwt"] | ["jwt"]
        ) {
            return;
        }
        out.push(call.middleware_op(self.id()));
    }
}
