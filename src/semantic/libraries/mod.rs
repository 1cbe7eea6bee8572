//! Library adapters: each turns one library's API into `JwtOp`s. Adding a library is one
//! file here and one line in `LIBRARIES`.

mod express_jwt;
mod fast_jwt;
mod fastify_jwt;
mod hono_jwt;
mod jose;
mod jsonwebtoken;
mod jsrsasign;
mod jws;
mod jwt_decode;
mod jwt_simple;
mod koa_jwt;
mod nestjs_jwt;
mod next_auth;
mod njwt;
mod node_jose;
mod passport_jwt;

use super::ir::{CallSite, ChainLink, FunctionSummary, JwtOp, OpKind, Slot};
use super::ir::{Spelling, COMMON_SPELLING};
use super::value::Value;
use crate::finding::Loc;

/// A linked call site as an adapter sees it: its callee resolved into a library module.
pub struct Call<'a> {
    pub site: &'a CallSite,
    /// The module the callee comes from, as imported.
    pub module: &'a str,
    /// The member path inside the module: `["verify"]`, `["JwtService", "prototype", "sign"]`.
    pub path: &'a [String],
    pub is_new: bool,
    /// Summaries of the project's functions, for callbacks passed in options.
    pub functions: &'a dyn Functions,
    /// The library's spelling of its options, given to every operation made here.
    pub spelling: &'static Spelling,
}

/// Looks up the summary of a function written in the project.
pub trait Functions: Sync {
    fn get(&self, at: &Loc) -> Option<&FunctionSummary>;
}

impl Functions for std::collections::HashMap<&Loc, &FunctionSummary> {
    fn get(&self, at: &Loc) -> Option<&FunctionSummary> {
        std::collections::HashMap::get(self, at).copied()
    }
}

pub trait Library: Sync {
    fn id(&self) -> &'static str;
    /// Module specifiers this adapter understands (exact, or a prefix ending in '/').
    fn modules(&self) -> &'static [&'static str];
    fn on_call(&self, call: &Call<'_>, out: &mut Vec<JwtOp>);
    /// The options this library's verifications check `aud` and `iss` with, if it can.
    fn claim_options(&self) -> Option<super::ir::ClaimOptions> {
        None
    }
    /// How the library spells the options rules talk about.
    fn spelling(&self) -> &'static Spelling {
        &COMMON_SPELLING
    }
}

/// Runs an adapter on a call; the operations it adds carry its capabilities. Returns
/// where they start in `out`.
pub fn interpret(lib: &dyn Library, call: &Call<'_>, out: &mut Vec<JwtOp>) -> usize {
    let start = out.len();
    lib.on_call(call, out);
    let claims = lib.claim_options();
    for op in &mut out[start..] {
        // A decode's payload slot holds the token it decodes: a decode inside a helper
        // that takes the token as a parameter is then instantiated at the helper's calls.
        if op.kind == OpKind::Decode && op.payload.is_absent() {
            op.payload = call.arg(0);
        }
        op.claim_options = claims;
        normalise(op);
    }
    start
}

/// Reads the options rules ask about into the operation's own slots, by the library's
/// spelling, so rules never look up an option by name. A slot an adapter filled itself
/// (jwt-simple's positional `noVerify`) is kept.
fn normalise(op: &mut JwtOp) {
    if !(op.kind.verifies() || op.kind == OpKind::ModuleConfig) {
        return;
    }
    // The spelling may give a path (`verify.ignoreExpiration`); `options` holds its last part.
    let key = |name: &'static str| name.rsplit('.').next().unwrap_or(name);
    let spelling = op.spelling;
    let keep = |slot: &Slot| !slot.is_absent();
    if !keep(&op.ignores_expiration) {
        op.ignores_expiration = op.options.prop(key(spelling.ignore_expiration));
    }
    if !keep(&op.clock_tolerance) {
        op.clock_tolerance = op.options.prop(key(spelling.clock_tolerance));
    }
    if let Some(names) = op.claim_options {
        op.audience = op.options.prop(names.audience);
        op.issuer = op.options.prop(names.issuer);
    }
    if op.revocation_hook {
        op.revocation = if op.options.is_absent() {
            Slot::Unknown
        } else {
            op.options.prop(key(spelling.revocation))
        };
    }
}

/// Helpers adapters use to read arguments into slots.
/// A name callbacks go by.
fn is_callback_name(name: &str) -> bool {
    let words = crate::text::words(name);
    matches!(
        words.last().map(String::as_str),
        Some("cb" | "callback" | "done" | "next" | "resolve" | "handler")
    ) && !words.iter().any(|w| w == "options" || w == "opts")
}

impl Call<'_> {
    /// The `i`-th argument. After a spread argument, positions are unknown.
    pub fn arg(&self, i: usize) -> Slot {
        self.site.arg(i)
    }

    /// Whether the `i`-th argument is a function (a callback, not an options object): one
    /// written or defined here, or a value not known to be an object whose name says it is
    /// a callback (`cb`, `done`, `callback`: a parameter passed on).
    pub fn arg_is_function(&self, i: usize) -> bool {
        match self.arg(i).value() {
            Some(Value::Function { .. }) => true,
            Some(Value::Object(_) | Value::Str { .. } | Value::Num(_)) | None => false,
            Some(_) => self
                .site
                .args
                .get(i)
                .and_then(Option::as_ref)
                .is_some_and(|a| a.names.iter().any(|n| is_callback_name(n))),
        }
    }

    pub fn at(&self) -> Loc {
        self.site.at.clone()
    }

    pub fn api(&self) -> String {
        self.site.api.clone()
    }

    pub fn op(&self, kind: OpKind, lib: &'static str) -> JwtOp {
        let mut op = JwtOp::new(kind, lib, self.api(), self.at());
        op.spelling = self.spelling;
        op
    }

    /// The summary of a function value written in the project.
    pub fn function(&self, v: Option<&Value>) -> Option<&FunctionSummary> {
        match v {
            Some(Value::Function { at }) => self.functions.get(at),
            _ => None,
        }
    }

    /// The last call of `method` on the result (`.sign(key)` of a `SignJWT` chain).
    pub fn chained(&self, method: &str) -> Option<&ChainLink> {
        self.site.chain.iter().rev().find(|l| l.method == method)
    }

    /// The path as plain strs for matching.
    pub fn path_strs(&self) -> Vec<&str> {
        self.path.iter().map(String::as_str).collect()
    }

    /// The member path with a leading `default` (an ESM default import of a CommonJS
    /// module) removed.
    pub fn member_path(&self) -> Vec<&str> {
        let p = self.path_strs();
        match p.split_first() {
            Some((&"default", rest)) => rest.to_vec(),
            _ => p,
        }
    }

    /// The called function when the path is one member deep (`jwt.sign`, `sign`).
    pub fn method(&self) -> Option<&str> {
        match self.member_path().as_slice() {
            [m] => Some(m),
            _ => None,
        }
    }

    /// Verification middleware configured by `{ secret, algorithms, ... }` in the first
    /// argument (express-jwt, koa-jwt).
    pub fn middleware_op(&self, lib: &'static str) -> JwtOp {
        let options = self.arg(0);
        let mut op = self.op(OpKind::Middleware, lib);
        op.key = options.prop("secret");
        op.algorithms = options.prop("algorithms");
        op.options = options;
        op.revocation_hook = true;
        op
    }
}

/// The slot of a chained method's `i`-th argument.
pub fn link_arg(link: &ChainLink, i: usize) -> Slot {
    match link.args.get(i) {
        Some(Some(a)) => Slot::Present {
            value: a.value.clone(),
            at: a.at.clone(),
        },
        Some(None) => Slot::Unknown,
        None if link.args.iter().any(Option::is_none) => Slot::Unknown,
        None => Slot::Absent,
    }
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
    &jws::Jws,
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
