//! The library-agnostic facts rules read: JWT operations, token storage writes.

use super::value::{Lookup, Value};
use crate::finding::Loc;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    Sign,
    Verify,
    Decode,
    /// Request middleware that verifies tokens (express-jwt, koa-jwt).
    Middleware,
    /// An authentication strategy's options (passport-jwt).
    Strategy,
    /// Library-level defaults other operations inherit (NestJS `JwtModule.register`).
    ModuleConfig,
}

impl OpKind {
    /// Whether the operation checks signatures (and so needs an algorithm allowlist).
    pub fn verifies(self) -> bool {
        matches!(self, OpKind::Verify | OpKind::Middleware | OpKind::Strategy)
    }
}

/// One option or argument of an operation, as far as it is known.
#[derive(Debug, Clone, PartialEq)]
pub enum Slot {
    /// Certainly not given.
    Absent,
    /// May or may not be given (options from a parameter, an opaque call, an open spread).
    Unknown,
    Present {
        value: Value,
        at: Loc,
    },
}

impl Slot {
    pub fn value(&self) -> Option<&Value> {
        match self {
            Slot::Present { value, .. } => Some(value),
            _ => None,
        }
    }

    pub fn at(&self) -> Option<&Loc> {
        match self {
            Slot::Present { at, .. } => Some(at),
            _ => None,
        }
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Slot::Absent)
    }

    /// A property of an options object held in this slot.
    pub fn prop(&self, key: &str) -> Slot {
        match self {
            Slot::Absent => Slot::Absent,
            Slot::Unknown => Slot::Unknown,
            Slot::Present { value, .. } => match value {
                Value::Undefined | Value::Null => Slot::Absent,
                v => match v.lookup(key) {
                    Lookup::Found(p) => Slot::Present {
                        value: p.value.clone(),
                        at: p.at.clone(),
                    },
                    Lookup::Missing => Slot::Absent,
                    Lookup::Unknown => Slot::Unknown,
                },
            },
        }
    }

    /// The first of several places an option may be given: present wins, then unknown.
    pub fn first_of(slots: impl IntoIterator<Item = Slot>) -> Slot {
        let mut result = Slot::Absent;
        for s in slots {
            match s {
                Slot::Present { .. } => return s,
                Slot::Unknown => result = Slot::Unknown,
                Slot::Absent => {}
            }
        }
        result
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct JwtOp {
    pub kind: OpKind,
    /// Library id, e.g. `jsonwebtoken`.
    pub lib: &'static str,
    /// The callee as written (`jwt.verify`), for messages.
    pub api: String,
    /// The call.
    pub at: Loc,
    /// The secret or key.
    pub key: Slot,
    /// Sign: the claims. Decode: the token decoded.
    pub payload: Slot,
    /// Verify: the allowlist; sign: the algorithm.
    pub algorithms: Slot,
    /// Sign: the lifetime (`expiresIn`, `setExpirationTime`, a payload `exp`).
    pub expiry: Slot,
    /// Module configuration: the algorithm the library's signs take when they write none
    /// (NestJS `signOptions.algorithm`); `algorithms` is the verification allowlist there.
    pub sign_algorithm: Slot,
    /// The object holding the operation's other options, as the library names them
    /// (`ignoreExpiration`, `clockTolerance`, `audience`, `isRevoked`, ...): verify options
    /// for verifications, middleware and strategy configuration, module `verifyOptions`.
    pub options: Slot,
    /// The library offers an `isRevoked` hook in `options` (express-jwt, koa-jwt).
    pub revocation_hook: bool,
    /// How the library spells its audience and issuer checks in `options`; `None` when it
    /// cannot check those claims at all (no code could satisfy a rule asking for them).
    pub claim_options: Option<ClaimOptions>,
    /// Numbers in `options` durations are milliseconds (fast-jwt), not seconds.
    pub ms_durations: bool,
    /// Normalised from `options` by the library's spelling (see `libraries::normalise`):
    /// verification: expiry not checked (`ignoreExpiration: true`).
    pub ignores_expiration: Slot,
    /// Verification: how long past its expiry a token is still accepted, as written.
    pub clock_tolerance: Slot,
    /// Verification: the signature is not checked at all (jwt-simple's `noVerify`).
    pub skips_verification: Slot,
    /// Verification: the audience and issuer checks, where the library has them.
    pub audience: Slot,
    pub issuer: Slot,
    /// Middleware: the revocation hook, where the library has one.
    pub revocation: Slot,
    /// The library's own names for the options above, for messages.
    pub spelling: &'static Spelling,
    /// Sign: the variable the payload is, or spreads, when it is a whole object (`user`,
    /// `req.user`, `{ ...user._doc }`).
    pub payload_source: Option<String>,
    /// Sign: the payload is a record loaded from a database.
    pub payload_looked_up: bool,
    /// Sign: properties of the payload literal that hold whole objects.
    pub payload_records: Vec<Record>,
    /// Verify: what a key-lookup function does with the token's header.
    pub key_flows: Vec<KeyFlow>,
    /// Decode: the access decision the claims feed in the same function, if any.
    pub decode_use: Option<DecodeUse>,
    /// Decode: a token is verified in the same function too.
    pub verified_nearby: bool,
    /// Names around the call (function, variable, property) that hint at the token kind.
    pub names: Vec<String>,
    /// Missing options may be supplied by the library's module-level defaults
    /// (`ModuleConfig` operations of the same library elsewhere in the project).
    pub inherits_defaults: bool,
    /// Module defaults that are themselves the app's verification setup (the `@fastify/jwt`
    /// registration decorates requests with `jwtVerify`): judged as a verification when no
    /// verification of the library is visible in the app.
    pub sets_up_verification: bool,
    /// For an operation seen through a helper function's call site: the operation inside
    /// the helper. Only the slots the call fills in are known on such a copy.
    pub via: Option<Loc>,
}

/// How a library spells the options rules talk about. Messages take option names from
/// here, never from the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelling {
    /// The algorithm allowlist of a verification.
    pub algorithms: &'static str,
    /// The algorithm of a signature.
    pub algorithm: &'static str,
    /// The lifetime of a signed token.
    pub lifetime: &'static str,
    pub ignore_expiration: &'static str,
    pub clock_tolerance: &'static str,
    /// The signature-check switch, where the API has one.
    pub skip_verification: &'static str,
    pub revocation: &'static str,
}

impl Spelling {
    /// A lifetime of 15 minutes written the library's way.
    pub fn lifetime_example(&self) -> String {
        if self.lifetime == "exp" {
            "exp: Math.floor(Date.now() / 1000) + 15 * 60".into()
        } else {
            example(self.lifetime, "'15m'")
        }
    }
}

/// The spelling most libraries share (jsonwebtoken and the libraries built on its options).
pub const COMMON_SPELLING: Spelling = Spelling {
    algorithms: "algorithms",
    algorithm: "algorithm",
    lifetime: "expiresIn",
    ignore_expiration: "ignoreExpiration",
    clock_tolerance: "clockTolerance",
    skip_verification: "",
    revocation: "isRevoked",
};

/// An option written out for a help text: `algorithms: ['HS256']`, `verify: { algorithms:
/// ['HS256'] }` for a nested one, `.setExpirationTime('15m')` for a method.
pub fn example(name: &str, value: &str) -> String {
    if let Some(method) = name.strip_prefix('.') {
        return format!(".{method}({value})");
    }
    match name.split_once('.') {
        Some((outer, inner)) => format!("{outer}: {{ {} }}", example(inner, value)),
        None => format!("{name}: {value}"),
    }
}

/// A library's option names for checking the `aud` and `iss` claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimOptions {
    pub audience: &'static str,
    pub issuer: &'static str,
}

/// The spelling most libraries share (jsonwebtoken, jose, express-jwt, passport-jwt, ...).
pub const AUDIENCE_ISSUER: ClaimOptions = ClaimOptions {
    audience: "audience",
    issuer: "issuer",
};

impl JwtOp {
    /// The function this operation is a helper of: its key is built from one of the
    /// function's parameters, or another slot is exactly one. Call sites of that function
    /// are checked with their arguments (see `project.rs`).
    pub fn helper_function(&self) -> Option<&Loc> {
        // A slot built from a parameter: the parameter itself, or an object or array that
        // holds one (`jwt.sign({ exp, data }, key)` with `data` a parameter).
        [
            &self.key,
            &self.payload,
            &self.algorithms,
            &self.expiry,
            &self.options,
        ]
        .into_iter()
        .find_map(|s| s.value().and_then(Value::param_function))
    }

    /// The clock tolerance in seconds, when known.
    pub fn clock_tolerance_seconds(&self) -> Option<f64> {
        match self.clock_tolerance.value()? {
            Value::Num(n) if self.ms_durations => Some(n / 1000.0),
            Value::Num(n) => Some(*n),
            Value::Str { value, .. } => crate::duration::parse_ms(value).map(|ms| ms / 1000.0),
            _ => None,
        }
    }

    pub fn new(kind: OpKind, lib: &'static str, api: String, at: Loc) -> JwtOp {
        JwtOp {
            kind,
            lib,
            api,
            at,
            key: Slot::Absent,
            payload: Slot::Absent,
            algorithms: Slot::Absent,
            expiry: Slot::Absent,
            sign_algorithm: Slot::Absent,
            options: Slot::Absent,
            revocation_hook: false,
            claim_options: None,
            ms_durations: false,
            ignores_expiration: Slot::Absent,
            clock_tolerance: Slot::Absent,
            skips_verification: Slot::Absent,
            audience: Slot::Absent,
            issuer: Slot::Absent,
            revocation: Slot::Absent,
            spelling: &COMMON_SPELLING,
            payload_source: None,
            payload_looked_up: false,
            payload_records: Vec::new(),
            key_flows: Vec::new(),
            decode_use: None,
            verified_nearby: false,
            names: Vec::new(),
            inherits_defaults: false,
            sets_up_verification: false,
            via: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    Local,
    Session,
}

impl Storage {
    pub fn name(self) -> &'static str {
        match self {
            Storage::Local => "localStorage",
            Storage::Session => "sessionStorage",
        }
    }
}

/// A write to browser storage: `localStorage.setItem(key, value)`, `localStorage.key = value`.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenStore {
    pub storage: Storage,
    pub key: Value,
    /// Names the stored value is known by (`accessToken` in `res.data.accessToken`).
    pub value_names: Vec<String>,
    /// Properties read off the stored object elsewhere in the function (`res.data.accessToken`
    /// when `res.data` is stored): what the stored object holds.
    pub value_members: Vec<String>,
    pub value: Value,
    pub at: Loc,
    /// For a write seen through a storage wrapper's call site: the write inside it.
    pub via: Option<Loc>,
}

impl TokenStore {
    /// The wrapper function this write belongs to: its key or value is a parameter.
    pub fn helper_function(&self) -> Option<&Loc> {
        [&self.key, &self.value].into_iter().find_map(|v| match v {
            Value::Param { func, .. } => Some(func),
            _ => None,
        })
    }
}

/// One argument of a call site, as far as it is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub value: Value,
    /// Where the argument is written.
    pub at: Loc,
    /// Names the argument goes by (`token` for `setItem(KEY, token)`).
    pub names: Vec<String>,
    /// The variable the argument is, or spreads, when it is a whole object (`user`,
    /// `req.user`, `{ ...user._doc }`): what a payload was built from.
    pub source: Option<String>,
    /// The argument is a record loaded from a database (`await User.findById(id)`).
    pub looked_up: bool,
    /// For an object literal: the properties whose values are whole objects.
    pub records: Vec<Record>,
}

/// A property of an object literal that holds a whole object: `{ user }`, `{ data: found }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The property's key (`owner.profile` inside nested literals).
    pub key: String,
    /// The variable it holds.
    pub name: String,
    pub at: Loc,
    /// Loaded from a database (`const found = await Model.findById(id)`).
    pub looked_up: bool,
}

/// A method called on a call's result: `.setProtectedHeader(h)` and `.sign(key)` in
/// `new SignJWT(p).setProtectedHeader(h).sign(key)`.
#[derive(Debug, Clone, PartialEq)]
pub struct ChainLink {
    pub method: String,
    pub args: Vec<Option<Arg>>,
    /// The call of this method (from the start of the chain to its closing parenthesis).
    pub at: Loc,
}

/// A call whose callee may reach a JWT library: an import, a project module's export, or
/// a function of this file. Syntax-free: extraction records it, linking resolves its values,
/// and the library adapters interpret it (DESIGN.md §1).
#[derive(Debug, Clone, PartialEq)]
pub struct CallSite {
    /// What is called: `Import` (a package member), `Module` (a project export, until
    /// linked), `Function` (a function of this file).
    pub callee: Value,
    /// The callee as written, for messages (`jwt.verify`, `new SignJWT`).
    pub api: String,
    pub at: Loc,
    pub is_new: bool,
    /// Arguments in order; `None` from a spread argument on (positions unknown).
    pub args: Vec<Option<Arg>>,
    /// Methods called on the result, innermost first.
    pub chain: Vec<ChainLink>,
    /// Names around the call (function, variable, property) that hint at the token kind.
    pub names: Vec<String>,
    /// For a call that may decode a token: the access decision its result feeds, and
    /// whether a token is verified in the same function.
    pub decode_use: Option<DecodeUse>,
    pub verified_nearby: bool,
}

impl CallSite {
    /// The `i`-th argument's slot. After a spread argument, positions are unknown.
    pub fn arg(&self, i: usize) -> Slot {
        match self.args.get(i) {
            None if self.args.iter().any(Option::is_none) => Slot::Unknown,
            None => Slot::Absent,
            Some(None) => Slot::Unknown,
            Some(Some(a)) => Slot::Present {
                value: a.value.clone(),
                at: a.at.clone(),
            },
        }
    }
}

/// What extraction knows of a function passed to a call or exported, for adapters that
/// look inside callbacks once the tree is gone.
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionSummary {
    pub at: Loc,
    /// The value it returns (one `return`, or an expression body).
    pub returns: Value,
    /// As a key-lookup function: what it does with the token's header.
    pub key_flows: Vec<KeyFlow>,
    /// `token.x = …` assignments when its first parameter is a token (next-auth's
    /// `callbacks.jwt`).
    pub token_writes: Vec<super::value::Prop>,
}

/// A cookie set by the server: `res.cookie(name, value, options)`, `reply.setCookie`,
/// `ctx.cookies.set`, `cookies().set`, hono `setCookie(c, …)`, or a `Set-Cookie` header.
#[derive(Debug, Clone, PartialEq)]
pub struct CookieSet {
    pub name: Value,
    /// Names the value goes by (`token` in `res.cookie('session', token)`).
    pub value_names: Vec<String>,
    pub value: Value,
    /// Where the value argument is written (not for a `Set-Cookie` string): an options
    /// argument would follow it.
    pub value_at: Option<Loc>,
    /// The options object; for a `Set-Cookie` string, an object of the attributes it has.
    pub options: Slot,
    /// The framework sets `httpOnly`, and `secure` on HTTPS, unless told otherwise
    /// (koa's `ctx.cookies.set`).
    pub safe_defaults: bool,
    /// Set by a script through the project's own cookie helper or a browser cookie library:
    /// such a cookie can never be `httpOnly`, and the call takes no server options.
    pub script_set: bool,
    pub api: String,
    pub at: Loc,
}

/// An access decision fed by decoded, unverified claims.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeUse {
    /// What the claims do ("is assigned to `req.user`", "decides access (`claims.role`)").
    pub what: String,
    pub at: Loc,
}

/// How a key-lookup function uses the token's own header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFlowKind {
    /// The key is the `jwk` the token carries.
    EmbeddedJwk,
    /// A key is fetched from the `jku`/`x5u` URL the token names.
    HeaderUrl,
    /// The `kid` reaches a sink unvalidated: what it becomes part of.
    KidInjection(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeyFlow {
    pub kind: KeyFlowKind,
    pub at: Loc,
}

/// A JWT written in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenLiteral {
    pub alg: String,
    pub at: Loc,
}

/// Everything the rules need from one file; the tree is gone by the time they run.
#[derive(Debug, Clone, Default)]
pub struct FileFacts {
    pub path: Arc<PathBuf>,
    pub ops: Vec<JwtOp>,
    pub stores: Vec<TokenStore>,
    /// Calls that may reach a JWT library, interpreted once linked.
    pub calls: Vec<CallSite>,
    /// Functions passed to those calls, summarised for adapters.
    pub functions: Vec<FunctionSummary>,
    pub cookies: Vec<CookieSet>,
    /// Browser code (UI framework imports, DOM globals, front-end folders).
    pub browser: bool,
    /// Some call may decode a token (so `browser` was worked out).
    pub may_decode: bool,
    /// JWTs written as string literals.
    pub token_literals: Vec<TokenLiteral>,
    /// Inline suppression comments.
    pub directives: Vec<super::directives::Directive>,
    /// What the file exports, for files that import from it.
    pub exports: super::modules::Exports,
    /// Project files whose exports this file's JWT values need (parsed on demand).
    pub needs: Vec<Arc<PathBuf>>,
    /// Project files this file's exports refer to (needed when its exports are).
    pub export_refs: Vec<Arc<PathBuf>>,
}
