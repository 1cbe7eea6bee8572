//! passport-jwt: `new Strategy(options, verify)`, also as NestJS
//! `class X extends PassportStrategy(Strategy) { constructor() { super(options) } }`.

use super::{Call, Library};
use crate::semantic::ir::{ClaimOptions, AUDIENCE_ISSUER};
use crate::semantic::ir::{JwtOp, OpKind, Slot};

pub struct PassportJwt;

impl Library for PassportJwt {
    fn id(&self) -> &'static str {
        "passport-jwt"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["passport-jwt"]
    }

    fn claim_options(&self) -> Option<ClaimOptions> {
        Some(AUDIENCE_ISSUER)
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        if !call.is_new
            || !matches!(
                call.path_strs().as_slice(),
                ["Strategy"] | ["default", "Strategy"]
            )
        {
            return;
        }
        let options = call.arg(0);
        let mut op = call.op(OpKind::Strategy, self.id());
        // A key provider callback means the key is chosen at run time: what it does with
        // the token's header is what matters.
        let provider = options.prop("secretOrKeyProvider");
        op.key = match provider {
            Slot::Absent => options.prop("secretOrKey"),
            _ => Slot::Unknown,
        };
        if let Some(f) = call.function(provider.value()) {
            op.key_flows = f.key_flows.clone();
        }
        op.algorithms = options.prop("algorithms");
        op.options = options;
        out.push(op);
    }
}
