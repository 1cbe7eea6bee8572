//! @fastify/jwt: `fastify.register(fastifyJwt, { secret, sign: { expiresIn, algorithm },
//! verify: { algorithms } })`, and the decorators it adds: `fastify.jwt.sign/verify/decode`,
//! `request.jwtVerify()`, `reply.jwtSign()`. The decorators hang off framework objects, so
//! `calls.rs` recognises them by shape; they inherit the registration's options.

use super::fast_jwt::ms_to_seconds;
use super::{Call, Library};
use crate::semantic::ir::{ClaimOptions, Spelling, COMMON_SPELLING};
use crate::semantic::ir::{JwtOp, OpKind, Slot};

/// Options of a registration, nested under `sign` and `verify`.
const REGISTER_SPELLING: Spelling = Spelling {
    algorithms: "verify.algorithms",
    algorithm: "sign.algorithm",
    lifetime: "sign.expiresIn",
    ignore_expiration: "verify.ignoreExpiration",
    clock_tolerance: "verify.clockTolerance",
    ..COMMON_SPELLING
};

pub struct FastifyJwt;

impl Library for FastifyJwt {
    fn id(&self) -> &'static str {
        "@fastify/jwt"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["@fastify/jwt", "fastify-jwt"]
    }

    fn claim_options(&self) -> Option<ClaimOptions> {
        Some(ClaimOptions {
            audience: "allowedAud",
            issuer: "allowedIss",
        })
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let path = call.path_strs();
        match path.as_slice() {
            // `fastify.register(plugin, options)`: the plugin is the first argument.
            ["register"] => {
                let options = call.arg(1);
                let mut op = call.op(OpKind::ModuleConfig, self.id());
                // `secret` is a string, a key, or `{ private, public }`.
                op.key = match options.prop("secret") {
                    s @ Slot::Present { .. } if s.prop("private").value().is_some() => {
                        s.prop("private")
                    }
                    s => s,
                };
                op.algorithms = options.prop("verify").prop("algorithms");
                // fast-jwt underneath: numbers are milliseconds.
                op.expiry = ms_to_seconds(options.prop("sign").prop("expiresIn"));
                op.options = options.prop("verify");
                op.ms_durations = true;
                op.spelling = &REGISTER_SPELLING;
                // Requests get `jwtVerify` with these options; an app may verify only through
                // code not seen here (a hook in another package).
                op.sets_up_verification = true;
                out.push(op);
            }
            ["sign"] | ["jwtSign"] => {
                let mut op = call.op(OpKind::Sign, self.id());
                op.inherits_defaults = true;
                op.payload = call.arg(0);
                let options = call.arg(1);
                op.key = options.prop("key");
                op.algorithms = options.prop("algorithm");
                op.expiry = Slot::first_of([
                    ms_to_seconds(options.prop("expiresIn")),
                    super::jsonwebtoken::payload_exp(&op.payload),
                ]);
                op.options = options;
                out.push(op);
            }
            ["verify"] | ["jwtVerify"] => {
                let mut op = call.op(OpKind::Verify, self.id());
                op.inherits_defaults = true;
                // `request.jwtVerify(options)` has no token argument.
                let options = if path == ["jwtVerify"] {
                    call.arg(0)
                } else {
                    call.arg(1)
                };
                op.key = options.prop("key");
                op.algorithms = options.prop("algorithms");
                op.options = options;
                op.ms_durations = true;
                out.push(op);
            }
            ["decode"] | ["jwtDecode"] => out.push(call.op(OpKind::Decode, self.id())),
            _ => {}
        }
    }
}
