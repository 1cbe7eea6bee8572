//! @nestjs/jwt: `JwtModule.register(options)`, `JwtModule.registerAsync({ useFactory })`,
//! `new JwtService(options)`, and calls on an injected `JwtService`. Calls inherit the
//! module's `signOptions`/`verifyOptions`, so their missing options are only "absent"
//! once the module configuration is known too (the rules look at both).

use super::jsonwebtoken::payload_exp;
use super::{Call, Library};
use crate::semantic::ir::{ClaimOptions, Spelling, AUDIENCE_ISSUER, COMMON_SPELLING};

/// Module defaults, nested under `signOptions` and `verifyOptions`.
const MODULE_SPELLING: Spelling = Spelling {
    algorithms: "verifyOptions.algorithms",
    algorithm: "signOptions.algorithm",
    lifetime: "signOptions.expiresIn",
    ignore_expiration: "verifyOptions.ignoreExpiration",
    clock_tolerance: "verifyOptions.clockTolerance",
    ..COMMON_SPELLING
};
use crate::semantic::ir::{JwtOp, OpKind, Slot};

pub struct NestJwt;

impl Library for NestJwt {
    fn id(&self) -> &'static str {
        "@nestjs/jwt"
    }

    fn modules(&self) -> &'static [&'static str] {
        &["@nestjs/jwt"]
    }

    fn claim_options(&self) -> Option<ClaimOptions> {
        Some(AUDIENCE_ISSUER)
    }

    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>) {
        let path = call.path_strs();
        match (path.as_slice(), call.is_new) {
            (["JwtModule", "register"], false) | (["JwtService"], true) => {
                self.module_config(call, call.arg(0), out);
            }
            (["JwtModule", "registerAsync"], false) => {
                let factory = call.arg(0).prop("useFactory");
                // `useClass` / `useExisting`: options built elsewhere.
                let options = match call.function(factory.value()) {
                    Some(f) => Slot::Present {
                        value: f.returns.clone(),
                        at: f.at.clone(),
                    },
                    None => Slot::Unknown,
                };
                self.module_config(call, options, out);
            }
            (["JwtService", "prototype", method], false) => {
                let options = call.arg(1);
                let (kind, key) = match *method {
                    "sign" | "signAsync" => (OpKind::Sign, ["secret", "privateKey"]),
                    "verify" | "verifyAsync" => (OpKind::Verify, ["secret", "publicKey"]),
                    "decode" => (OpKind::Decode, ["", ""]),
                    _ => return,
                };
                let mut op = call.op(kind, self.id());
                op.inherits_defaults = true;
                if kind == OpKind::Decode {
                    out.push(op);
                    return;
                }
                op.key = Slot::first_of(key.map(|k| options.prop(k)));
                if kind == OpKind::Sign {
                    op.payload = call.arg(0);
                    op.algorithms = options.prop("algorithm");
                    op.expiry =
                        Slot::first_of([options.prop("expiresIn"), payload_exp(&op.payload)]);
                } else {
                    op.algorithms = options.prop("algorithms");
                }
                op.options = options;
                out.push(op);
            }
            _ => {}
        }
    }
}

impl NestJwt {
    fn module_config(&self, call: &Call<'_>, options: Slot, out: &mut Vec<JwtOp>) {
        let mut op = call.op(OpKind::ModuleConfig, self.id());
        op.spelling = &MODULE_SPELLING;
        op.key = Slot::first_of([options.prop("secret"), options.prop("privateKey")]);
        op.algorithms = options.prop("verifyOptions").prop("algorithms");
        op.options = options.prop("verifyOptions");
        op.expiry = options.prop("signOptions").prop("expiresIn");
        op.sign_algorithm = options.prop("signOptions").prop("algorithm");
        out.push(op);
    }
}
