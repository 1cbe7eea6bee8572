//! Library adapters: each turns one library's API into `JwtOp`s. Adding a library is one
//! file here and one line in `LIBRARIES`.

mod express_jwt;
mod fast_jwt;
mod fastify_jwt;
mod hono_jwt;
mod jose;
mod jsonwebtoken;
mod jsrsasign;
mod jwt_decode;
mod jwt_simple;
mod koa_jwt;
mod nestjs_jwt;
mod next_auth;
mod njwt;
mod node_jose;
mod passport_jwt;

use super::ir::JwtOp;
use super::values::Ctx;
use tree_sitter::Node;

/// A call (or `new`, or `super(...)`) whose callee resolves into a library module.
pub struct Call<'c, 'a, 't> {
    pub cx: &'c Ctx<'a, 't>,
    pub node: Node<'t>,
    pub callee: Node<'t>,
    /// The module the callee comes from, as imported.
    pub module: &'c str,
    /// The member path inside the module: `["verify"]`, `["JwtService", "prototype", "sign"]`.
    pub path: &'c [String],
    pub is_new: bool,
    pub args: Vec<Node<'t>>,
}

pub trait Library: Sync {
    fn id(&self) -> &'static str;
    /// Module specifiers this adapter understands (exact, or a prefix ending in '/').
    fn modules(&self) -> &'static [&'static str];
    fn on_call(&self, call: &Call<'_, '_, '_>, out: &mut Vec<JwtOp>);
    /// The options this library's verifications check `aud` and `iss` with, if it can.
    fn claim_options(&self) -> Option<super::ir::ClaimOptions> {
        None
    }
}

/// Runs an adapter on a call; the operations it adds carry its capabilities. Returns
/// where they start in `out`.
pub fn interpret(lib: &dyn Library, call: &Call<'_, '_, '_>, out: &mut Vec<JwtOp>) -> usize {
    let start = out.len();
    lib.on_call(call, out);
    let claims = lib.claim_options();
    for op in &mut out[start..] {
        op.claim_options = claims;
    }
    start
}

pub static LIBRARIES: &[&dyn Library] = &[
    &jsonwebtoken::JsonWebToken,
    &jose::Jose,
    &express_jwt::ExpressJwt,
    &passport_jwt::PassportJwt,
    &nestjs_jwt::NestJwt,
    &koa_jwt::KoaJwt,
    &fast_jwt::FastJwt,
    &jwt_simple::JwtSimple,
    &hono_jwt::HonoJwt,
    &jwt_decode::JwtDecode,
    &fastify_jwt::FastifyJwt,
    &njwt::Njwt,
    &jsrsasign::Jsrsasign,
    &node_jose::NodeJose,
    &next_auth::NextAuth,
];

pub fn for_module(module: &str) -> Option<&'static dyn Library> {
    LIBRARIES.iter().copied().find(|lib| {
        lib.modules().iter().any(|m| {
            if let Some(prefix) = m.strip_suffix('/') {
                module == prefix || module.starts_with(m)
            } else {
                module == *m
            }
        })
    })
}
