//! jwt-decode: `jwtDecode(token)` (v4, named) and the v3 default export.

use super::{Call, Library};
use crate::semantic::ir::{JwtOp, OpKind};

pub struct JwtDecode;

impl Library for JwtDecode {
    fn id(&self) -> &'static str {
        "jwt-decode"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["jwt-decode"]
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        if !call.is_new
            && matches!(
                call.path_strs().as_slice(),
                [] | ["default"] | ["jwtDecode"]
            )
        {
            out.push(call.op(OpKind::Decode, self.id()));
        }
    }
}
