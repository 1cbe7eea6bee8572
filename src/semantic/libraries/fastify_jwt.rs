//! @fastify/jwt: `fastify.register(fastifyJwt, { secret, sign: { expiresIn, algorithm },
//! verify: { algorithms } })`, and the decorators it adds: `fastify.jwt.sign/verify/decode`,
//! `request.jwtVerify()`, `reply.jwtSign()`. The decorators hang off framework objects, so
//! `calls.rs` recognises them by shape; they inherit the registration's options.

use super::{Call, Library};
use crate::semantic::ir::ClaimOptions;
use crate::semantic::ir::{JwtOp, OpKind, Slot};

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
                op.expiry = options.prop("sign").prop("expiresIn");
                op.options = options.prop("verify");
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
                    options.prop("expiresIn"),
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
                out.push(op);
            }
            ["decode"] | ["jwtDecode"] => out.push(call.op(OpKind::Decode, self.id())),
            _ => {}
        }
    }
}
