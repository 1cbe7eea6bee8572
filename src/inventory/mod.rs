//! The token map (`jwtlint inventory`): every place that issues, verifies, decodes, stores
//! or sets a token, with its key source, algorithms, lifetime, audience and issuer, the
//! service it belongs to, and the flows between those places. It sits above the project
//! view like `report/` does: it reads linked operations and never the tree.
//!
//! The map is built once (`Inventory::of`) and rendered by `markdown`, `json` and
//! `mermaid`; everything in it is sorted, so the same code gives the same bytes.

pub mod json;
pub mod markdown;
pub mod mermaid;

use crate::apps::{package_name, AppId, Apps, NO_APP};
use crate::finding::Loc;
use crate::paths::Paths;
use crate::project::ProjectFacts;
use crate::rules::helpers::shared_keys::{
    effective, is_hmac, pair_key_of, sign_algorithm, signed_with, Half,
};
use crate::rules::helpers::token_names::names_token;
use crate::semantic::ir::{CookieSet, JwtOp, OpKind, Slot, TokenStore};
use crate::semantic::token_kind::{kind_of_name, TokenKind};
use crate::semantic::value::{KeyKind, Value};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a place does with a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Issue,
    Verify,
    Decode,
    /// Library-level defaults (a NestJS `JwtModule`, an `@fastify/jwt` registration).
    Config,
    /// A write to browser storage.
    Store,
    /// A cookie set by a server.
    Cookie,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Issue => "issue",
            Role::Verify => "verify",
            Role::Decode => "decode",
            Role::Config => "config",
            Role::Store => "store",
            Role::Cookie => "cookie",
        }
    }
}

/// Where a key comes from. A literal is never shown, only said to be one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct KeySource {
    /// `env`, `config`, `literal`, `file`, `jwks`, `function`, `import`, `parameter`,
    /// `none` or `unknown`.
    pub source: &'static str,
    /// The env var, config key, file path or import; `null` when there is nothing to name.
    pub name: Option<String>,
    /// What kind of key material wraps it (`public-key`, `private-key`, `secret-key`).
    pub material: Option<&'static str>,
    /// `process.env.X || 'literal'`: a literal is used when the variable is unset.
    pub literal_fallback: bool,
}

impl KeySource {
    fn new(source: &'static str, name: Option<String>) -> KeySource {
        KeySource {
            source,
            name,
            material: None,
            literal_fallback: false,
        }
    }

    /// The key source for people: `env JWT_SECRET`, `literal`, `file keys/pub.pem`.
    pub fn shown(&self) -> String {
        let mut s = match &self.name {
            Some(n) => format!("{} {n}", self.source),
            None => self.source.to_string(),
        };
        if let Some(m) = self.material {
            s.push_str(&format!(" ({m})"));
        }
        if self.literal_fallback {
            s.push_str(" (literal fallback)");
        }
        s
    }
}

/// A service: an app or package of a monorepo (see `apps.rs`), or the project itself.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Service {
    /// Its folder, relative to the working directory (`.` for the project itself).
    pub id: String,
    /// The package name, else the folder.
    pub name: String,
}

/// One place that handles a token.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// `role@path:line:column`: stable while the code around it does not move.
    pub id: String,
    pub role: Role,
    pub path: String,
    pub line: u32,
    pub column: u32,
    /// The service's id.
    pub service: String,
    /// The JWT library; `null` for storage writes and cookies.
    pub library: Option<&'static str>,
    /// The callee as written (`jwt.sign`, `res.cookie`).
    pub api: String,
    /// Signing: the algorithm; verification: the allowlist. `[]`: none given (the
    /// library's default); `null`: not known.
    pub algorithms: Option<Vec<String>>,
    pub key: Option<KeySource>,
    /// Signing: seconds the token lives; `null` when unknown or never expiring (see
    /// `lifetime`).
    #[serde(serialize_with = "whole_seconds")]
    pub lifetime_seconds: Option<f64>,
    /// Signing: `15 minutes`, `never` (no expiry), `unknown`; `null` for other roles.
    pub lifetime: Option<String>,
    /// The audience set (issue) or required (verify), as written; `null`: not set or unknown.
    pub audience: Option<String>,
    pub issuer: Option<String>,
    /// `access`, `refresh` or `other`, from the names around the place and its key.
    pub token_kind: &'static str,
    /// Storage: `localStorage`/`sessionStorage` and the item's key; cookie: its name.
    pub target: Option<String>,
    /// Cookie attributes set to a known value (`httpOnly`, `secure`, `sameSite=strict`).
    pub attributes: Vec<String>,
    /// For a place seen through a helper function: the call inside the helper
    /// (`path:line`).
    pub via: Option<String>,
    /// Key identity for flows; a literal's text stays out of every output.
    #[serde(skip)]
    identity: Option<String>,
    /// For an issuer's private key or a verifier's public key named as one half of a pair
    /// (`JWT_PRIVATE_KEY`, `JWT_PUBLIC_KEY`): the pair's identity and the half.
    #[serde(skip)]
    pair: Option<(String, Half)>,
    /// Module defaults that set up the app's verification (`@fastify/jwt`, next-auth).
    #[serde(skip)]
    verifies: bool,
}

/// Seconds as an integer when whole (`900`, not `900.0`): what people and diff tools expect.
fn whole_seconds<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
        None => s.serialize_none(),
    }
}

impl Entry {
    /// `path:line`, how people and diagrams name the place.
    pub fn place(&self) -> String {
        format!("{}:{}", self.path, self.line)
    }

    /// Whether tokens are checked here (a flow's target).
    pub fn is_verifier(&self) -> bool {
        self.role == Role::Verify || self.verifies
    }

    /// The algorithms for people: `HS256, RS256`, `default`, `unknown`.
    pub fn algorithms_shown(&self) -> String {
        match &self.algorithms {
            None => "unknown".into(),
            Some(a) if a.is_empty() => "default".into(),
            Some(a) => a.join(", "),
        }
    }
}

/// How tokens move between two places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlowKind {
    /// The verifier accepts the issuer's tokens: both use the same key.
    SameKey,
    /// The verifier accepts the issuer's tokens: it holds the public key of the issuer's
    /// private key (named alike: `JWT_PRIVATE_KEY` and `JWT_PUBLIC_KEY`).
    KeyPair,
    /// The issuer's service writes a token to browser storage.
    Stored,
    /// The issuer's service sets a token cookie.
    Cookie,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Flow {
    pub from: String,
    pub to: String,
    pub kind: FlowKind,
    /// The shared key for `same-key` (as `KeySource::shown`); for `key-pair`, the private
    /// key and the public key (`env JWT_PRIVATE_KEY → env JWT_PUBLIC_KEY`); else `null`.
    pub key: Option<String>,
}

/// The whole map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inventory {
    /// Services that hold at least one entry, by id.
    pub services: Vec<Service>,
    /// Sorted by path, line, column, role.
    pub entries: Vec<Entry>,
    /// Sorted by source, target (in entry order), kind.
    pub flows: Vec<Flow>,
}

/// Output formats of `jwtlint inventory`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Mermaid,
}

impl Inventory {
    /// The map of a linked project. `roots` are the walked roots (they bound the search
    /// for services); `only`, when files were named alone, the files to map.
    pub fn of(
        project: &ProjectFacts,
        roots: &[PathBuf],
        only: Option<&HashSet<PathBuf>>,
        paths: &Paths,
    ) -> Inventory {
        let mut apps = Apps::new(roots, paths.cwd());
        let mut services: BTreeMap<AppId, Service> = BTreeMap::new();
        let mut service_of = |p: &Path| -> String {
            let app = apps.app_of(p);
            let folder = apps.folder(app).map(Path::to_path_buf);
            services
                .entry(app)
                .or_insert_with(|| service(app, folder.as_deref(), paths))
                .id
                .clone()
        };
        // The operations written in helpers, for the copies seen through their callers.
        let mut originals: HashMap<&Loc, Vec<&JwtOp>> = HashMap::new();
        for o in project.ops().filter(|o| o.via.is_none()) {
            originals.entry(&o.at).or_default().push(o);
        }
        let mut entries = Vec::new();
        for file in &project.files {
            if only.is_some_and(|o| !o.contains(file.path.as_ref())) {
                continue;
            }
            let svc = service_of(&file.path);
            for op in &file.ops {
                let original = op
                    .via
                    .as_ref()
                    .and_then(|v| originals.get(v))
                    .and_then(|os| os.iter().find(|o| o.kind == op.kind));
                let op = match original {
                    Some(original) => through_helper(op, original),
                    None => op.clone(),
                };
                entries.push(op_entry(&op, project, &svc, paths));
            }
            for st in file.stores.iter().filter(|s| stores_token(s)) {
                entries.push(store_entry(st, &svc, paths));
            }
            for c in file.cookies.iter().filter(|c| sets_token(c)) {
                entries.push(cookie_entry(c, &svc, paths));
            }
        }
        entries.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.role, &a.api, &a.via)
                .cmp(&(&b.path, b.line, b.column, b.role, &b.api, &b.via))
        });
        entries.dedup_by(|a, b| a == b);
        // The same call read twice (an adapter giving two operations of one role, a helper
        // instantiated at a call twice) is one place on the map.
        entries.dedup_by(|a, b| a.id == b.id && a.via == b.via);
        let flows = flows(&entries);
        let used: HashSet<&str> = entries.iter().map(|e| e.service.as_str()).collect();
        let services = services
            .into_values()
            .filter(|s| used.contains(s.id.as_str()))
            .collect::<Vec<_>>();
        let mut services = services;
        services.sort();
        services.dedup();
        Inventory {
            services,
            entries,
            flows,
        }
    }

    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Markdown => markdown::render(self),
            Format::Json => json::render(self),
            Format::Mermaid => mermaid::render(self),
        }
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn count(&self, role: Role) -> usize {
        self.entries.iter().filter(|e| e.role == role).count()
    }
}

fn service(app: AppId, folder: Option<&Path>, paths: &Paths) -> Service {
    let Some(folder) = folder.filter(|_| app != NO_APP) else {
        return Service {
            id: ".".into(),
            name: "(project)".into(),
        };
    };
    let shown = paths.for_people(folder);
    let id = if shown.is_empty() { ".".into() } else { shown };
    let name = package_name(folder).unwrap_or_else(|| id.clone());
    Service { id, name }
}

/// An operation seen through a helper's call site, completed by the helper's own: the
/// copy knows only the slots the call fills in (`interpret::instantiate`); the others are
/// the helper's, the same at every call, unless they come from a parameter the call did
/// not fill in.
fn through_helper(op: &JwtOp, original: &JwtOp) -> JwtOp {
    let mut op = op.clone();
    let pairs = [
        (&mut op.key, &original.key),
        (&mut op.algorithms, &original.algorithms),
        (&mut op.expiry, &original.expiry),
        (&mut op.options, &original.options),
        (&mut op.audience, &original.audience),
        (&mut op.issuer, &original.issuer),
    ];
    for (copy, own) in pairs {
        let from_param = own.value().is_some_and(|v| v.param_function().is_some());
        if *copy == Slot::Unknown && *own != Slot::Unknown && !from_param {
            *copy = own.clone();
        }
    }
    op.api = original.api.clone();
    op
}

fn role_of(op: &JwtOp) -> Role {
    match op.kind {
        OpKind::Sign => Role::Issue,
        OpKind::Verify | OpKind::Middleware | OpKind::Strategy => Role::Verify,
        OpKind::Decode => Role::Decode,
        OpKind::ModuleConfig => Role::Config,
    }
}

fn place_id(role: Role, path: &str, loc: &Loc) -> String {
    format!(
        "{}@{path}:{}:{}",
        role.as_str(),
        loc.span.start.line,
        loc.span.start.column
    )
}

fn op_entry(op: &JwtOp, project: &ProjectFacts, service: &str, paths: &Paths) -> Entry {
    let role = role_of(op);
    let path = paths.for_people(&op.at.path);
    let key_slot = effective(op, project, |o| &o.key);
    let (key, identity, pair) = match role {
        Role::Decode => (None, None, None),
        _ => {
            let identity = key_slot.value().and_then(Value::identity).map(|id| {
                // A relative import means something only beside the file that wrote it.
                if id.starts_with('.') {
                    format!("{}:{id}", op.at.path.display())
                } else {
                    id
                }
            });
            // Only a private key that signs and a public key that verifies are halves of a
            // pair; an HMAC sign's key never is.
            let pair = key_slot
                .value()
                .and_then(pair_key_of)
                .filter(|(_, half)| match half {
                    Half::Private => {
                        role == Role::Issue
                            && !signed_with(op, project).is_some_and(|a| is_hmac(&a))
                    }
                    Half::Public => {
                        role == Role::Verify
                            || op.kind == OpKind::ModuleConfig && op.sets_up_verification
                    }
                });
            (Some(key_source(key_slot)), identity, pair)
        }
    };
    let algorithms = match role {
        Role::Decode => None,
        // A sign's own algorithm or its module's `signOptions` one, never the module's
        // verification allowlist.
        Role::Issue => algorithms(sign_algorithm(op, project)),
        _ => algorithms(effective(op, project, |o| &o.algorithms)),
    };
    let (lifetime_seconds, lifetime) = match role {
        Role::Issue => lifetime(op, project),
        Role::Config if !op.expiry.is_absent() => {
            let secs = op
                .expiry
                .value()
                .and_then(crate::semantic::duration::seconds);
            let shown = match (secs, op.expiry.value()) {
                (Some(secs), _) => describe(secs),
                (None, Some(Value::Env { .. } | Value::Config { .. })) => {
                    shown_value(&op.expiry).unwrap_or_else(|| "unknown".into())
                }
                _ => "unknown".into(),
            };
            (secs, Some(shown))
        }
        _ => (None, None),
    };
    let (audience, issuer) = match role {
        Role::Issue => (
            claim(op, project, "audience", "aud"),
            claim(op, project, "issuer", "iss"),
        ),
        Role::Verify | Role::Config => (
            shown_value(effective(op, project, |o| &o.audience)),
            shown_value(effective(op, project, |o| &o.issuer)),
        ),
        _ => (None, None),
    };
    Entry {
        id: place_id(role, &path, &op.at),
        role,
        line: op.at.span.start.line,
        column: op.at.span.start.column,
        path,
        service: service.to_string(),
        library: Some(op.lib),
        api: op.api.clone(),
        algorithms,
        key,
        lifetime_seconds,
        lifetime,
        audience,
        issuer,
        token_kind: kind_name(op.token_kind()),
        target: None,
        attributes: Vec::new(),
        via: op.via.as_ref().map(|v| shown_loc(v, paths)),
        identity,
        pair,
        verifies: op.kind == OpKind::ModuleConfig && op.sets_up_verification,
    }
}

fn shown_loc(loc: &Loc, paths: &Paths) -> String {
    format!("{}:{}", paths.for_people(&loc.path), loc.span.start.line)
}

fn describe(secs: f64) -> String {
    crate::duration::describe(secs)
}

/// A signed token's lifetime: seconds when constant, and how to show it (a duration,
/// `never`, the env var or config key it is read from, or `unknown`).
fn lifetime(op: &JwtOp, project: &ProjectFacts) -> (Option<f64>, Option<String>) {
    if let Some(secs) = op.lifetime() {
        return (Some(secs), Some(describe(secs)));
    }
    let slot = effective(op, project, |o| &o.expiry);
    match slot {
        Slot::Absent => (None, Some("never".into())),
        Slot::Present { value, .. } => {
            match crate::semantic::duration::seconds(value).filter(|s| *s < 1e9) {
                // Only an inherited value can get here with a constant (the operation's own
                // constant is `op.lifetime()`, above).
                Some(secs) if op.expiry.is_absent() => (Some(secs), Some(describe(secs))),
                _ if matches!(value, Value::Env { .. } | Value::Config { .. }) => {
                    (None, shown_value(slot))
                }
                _ => (None, Some("unknown".into())),
            }
        }
        Slot::Unknown => (None, Some("unknown".into())),
    }
}

/// An audience or issuer a signature sets: a sign option (`audience`) or a payload
/// claim (`aud`).
fn claim(op: &JwtOp, project: &ProjectFacts, option: &str, claim: &str) -> Option<String> {
    let options = effective(op, project, |o| &o.options);
    let found = Slot::first_of([options.prop(option), op.payload.prop(claim)]);
    shown_value(&found)
}

fn kind_name(k: TokenKind) -> &'static str {
    match k {
        TokenKind::Access => "access",
        TokenKind::Refresh => "refresh",
        TokenKind::Unknown => "other",
    }
}

/// A claim value as written: a string, a list of them, an env var or config key.
fn shown_value(slot: &Slot) -> Option<String> {
    let v = slot.value()?;
    let one = |v: &Value| match v {
        Value::Str { value, .. } => Some(format!("{value:?}")),
        Value::Env { name, .. } => Some(format!("env {name}")),
        Value::Config { key } => Some(format!("config {key}")),
        _ => None,
    };
    match v {
        Value::Array { items, .. } => {
            let all: Vec<String> = items.iter().filter_map(one).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        Value::Undefined | Value::Null => None,
        v => Some(one(v).unwrap_or_else(|| "unknown".into())),
    }
}

fn algorithms(slot: &Slot) -> Option<Vec<String>> {
    match slot {
        Slot::Absent => Some(Vec::new()),
        Slot::Unknown => None,
        Slot::Present { value, .. } => match value {
            Value::Str { value, .. } => Some(vec![value.clone()]),
            Value::Array { items, open: false } => {
                items.iter().map(|i| i.as_str().map(String::from)).collect()
            }
            Value::Undefined => Some(Vec::new()),
            _ => None,
        },
    }
}

/// Where a key comes from, without ever naming a literal's text.
fn key_source(slot: &Slot) -> KeySource {
    match slot {
        Slot::Absent => KeySource::new("none", None),
        Slot::Unknown => KeySource::new("unknown", None),
        Slot::Present { value, .. } => value_source(value),
    }
}

fn value_source(v: &Value) -> KeySource {
    match v {
        Value::Str { value, .. } if is_url(value) => KeySource::new("jwks", Some(value.clone())),
        Value::Str { .. } => KeySource::new("literal", None),
        Value::Env { name, fallback } => KeySource {
            literal_fallback: fallback
                .as_deref()
                .is_some_and(|f| f.literal_source().is_some()),
            ..KeySource::new("env", Some(name.clone()))
        },
        Value::Config { key } => KeySource::new("config", Some(key.clone())),
        Value::KeyMaterial {
            kind: KeyKind::File,
            from,
        } => {
            // The path of a key file is configuration, not a secret: it is shown.
            let name = match from.as_ref() {
                Value::Str { value, .. } => Some(value.clone()),
                other => {
                    let inner = value_source(other);
                    (inner.source != "unknown").then(|| inner.shown())
                }
            };
            KeySource::new("file", name)
        }
        Value::KeyMaterial { kind, from } => {
            let mut inner = value_source(from);
            inner.material = match kind {
                KeyKind::PublicKey => Some("public-key"),
                KeyKind::PrivateKey => Some("private-key"),
                KeyKind::SecretKey => Some("secret-key"),
                KeyKind::Buffer | KeyKind::Encoded | KeyKind::File => inner.material,
            };
            inner
        }
        Value::Import { module, path } if path.first().is_some_and(|p| is_jwks_api(p)) => {
            KeySource::new("jwks", Some(format!("{module} {}", path.join("."))))
        }
        Value::Import { module, path } => {
            let name = if path.is_empty() {
                module.clone()
            } else {
                format!("{module} {}", path.join("."))
            };
            KeySource::new("import", Some(name))
        }
        Value::Module { file, path } => KeySource::new(
            "import",
            Some(format!("{} {}", file.display(), path.join("."))),
        ),
        Value::Function { .. } => KeySource::new("function", None),
        Value::Param { .. } => KeySource::new("parameter", None),
        Value::Null | Value::Undefined | Value::Bool(false) => KeySource::new("none", None),
        Value::Num(_) | Value::Bool(_) => KeySource::new("literal", None),
        _ => KeySource::new("unknown", None),
    }
}

fn is_url(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

/// Library calls that make a key set fetched from a JWKS URL.
fn is_jwks_api(name: &str) -> bool {
    matches!(
        name,
        "createRemoteJWKSet" | "passportJwtSecret" | "expressJwtSecret" | "koaJwtSecret"
    )
}

/// Whether a storage write stores a token (as `token-in-localstorage` decides: the key
/// or the value's names say so; constants are not tokens).
fn stores_token(st: &TokenStore) -> bool {
    if matches!(
        st.value,
        Value::Str { .. } | Value::Num(_) | Value::Bool(_) | Value::Null | Value::Undefined
    ) {
        return false;
    }
    match st.key.as_str().map(names_token) {
        Some(true) => true,
        _ => {
            st.value_names.iter().any(|n| names_token(n))
                || st.value_members.iter().any(|n| names_token(n))
        }
    }
}

/// Whether a cookie carries a token: its name or its value's names say so.
fn sets_token(c: &CookieSet) -> bool {
    if matches!(c.value, Value::Str { .. } | Value::Null | Value::Undefined) {
        return false;
    }
    c.name.as_str().is_some_and(names_token) || c.value_names.iter().any(|n| names_token(n))
}

/// The token kind names suggest, nearest first.
fn kind_of_names<'a>(names: impl IntoIterator<Item = &'a str>) -> &'static str {
    let k = names
        .into_iter()
        .map(kind_of_name)
        .find(|k| *k != TokenKind::Unknown)
        .unwrap_or(TokenKind::Unknown);
    kind_name(k)
}

fn store_entry(st: &TokenStore, service: &str, paths: &Paths) -> Entry {
    let path = paths.for_people(&st.at.path);
    let target = match st.key.as_str() {
        Some(k) => format!("{} {k:?}", st.storage.name()),
        None => st.storage.name().to_string(),
    };
    let names = st
        .key
        .as_str()
        .into_iter()
        .chain(st.value_names.iter().map(String::as_str));
    let mut e = plain_entry(Role::Store, path, &st.at, service);
    e.api = format!("{}.setItem", st.storage.name());
    e.token_kind = kind_of_names(names);
    e.target = Some(target);
    e.via = st.via.as_ref().map(|v| shown_loc(v, paths));
    e
}

fn cookie_entry(c: &CookieSet, service: &str, paths: &Paths) -> Entry {
    let path = paths.for_people(&c.at.path);
    let names = c
        .name
        .as_str()
        .into_iter()
        .chain(c.value_names.iter().map(String::as_str));
    let mut e = plain_entry(Role::Cookie, path, &c.at, service);
    e.api = c.api.clone();
    e.token_kind = kind_of_names(names);
    e.target = Some(match c.name.as_str() {
        Some(n) => format!("{n:?}"),
        None => "unknown".into(),
    });
    e.attributes = cookie_attributes(c);
    e
}

/// The cookie attributes set to a known value, in a fixed order; the framework's safe
/// defaults count when the call leaves them out.
fn cookie_attributes(c: &CookieSet) -> Vec<String> {
    let mut out = Vec::new();
    let prop = |names: &[&str]| Slot::first_of(names.iter().map(|n| c.options.prop(n)));
    for (shown, names) in [
        ("httpOnly", &["httpOnly", "httponly", "HttpOnly"][..]),
        ("secure", &["secure", "Secure"][..]),
    ] {
        match prop(names) {
            Slot::Present {
                value: Value::Bool(true),
                ..
            } => out.push(shown.to_string()),
            Slot::Absent if c.safe_defaults => out.push(format!("{shown} (default)")),
            _ => {}
        }
    }
    match prop(&["sameSite", "samesite", "SameSite"]) {
        Slot::Present {
            value: Value::Str { value, .. },
            ..
        } => out.push(format!("sameSite={}", value.to_ascii_lowercase())),
        Slot::Present {
            value: Value::Bool(true),
            ..
        } => out.push("sameSite=strict".into()),
        _ => {}
    }
    out
}

fn plain_entry(role: Role, path: String, at: &Loc, service: &str) -> Entry {
    Entry {
        id: place_id(role, &path, at),
        role,
        line: at.span.start.line,
        column: at.span.start.column,
        path,
        service: service.to_string(),
        library: None,
        api: String::new(),
        algorithms: None,
        key: None,
        lifetime_seconds: None,
        lifetime: None,
        audience: None,
        issuer: None,
        token_kind: "other",
        target: None,
        attributes: Vec::new(),
        via: None,
        identity: None,
        pair: None,
        verifies: false,
    }
}

/// Kinds that cannot be the same token: an access token is not stored as a refresh one.
fn kinds_agree(a: &str, b: &str) -> bool {
    a == "other" || b == "other" || a == b
}

/// Which verifiers accept which issuers' tokens (the same key), and where each service
/// that issues tokens stores or sends them.
fn flows(entries: &[Entry]) -> Vec<Flow> {
    let mut out = Vec::new();
    let issuers: Vec<&Entry> = entries.iter().filter(|e| e.role == Role::Issue).collect();
    for issuer in &issuers {
        if let Some(id) = &issuer.identity {
            for v in entries
                .iter()
                .filter(|v| v.is_verifier() && v.identity.as_ref() == Some(id))
            {
                out.push(Flow {
                    from: issuer.id.clone(),
                    to: v.id.clone(),
                    kind: FlowKind::SameKey,
                    key: issuer.key.as_ref().map(KeySource::shown),
                });
            }
        }
        if let Some((id, Half::Private)) = &issuer.pair {
            for v in entries.iter().filter(|v| {
                v.is_verifier() && matches!(&v.pair, Some((vid, Half::Public)) if vid == id)
            }) {
                let shown = |e: &Entry| e.key.as_ref().map_or_else(|| "?".into(), KeySource::shown);
                out.push(Flow {
                    from: issuer.id.clone(),
                    to: v.id.clone(),
                    kind: FlowKind::KeyPair,
                    key: Some(format!("{} → {}", shown(issuer), shown(v))),
                });
            }
        }
        for t in entries.iter().filter(|t| {
            matches!(t.role, Role::Store | Role::Cookie)
                && t.service == issuer.service
                && kinds_agree(issuer.token_kind, t.token_kind)
        }) {
            out.push(Flow {
                from: issuer.id.clone(),
                to: t.id.clone(),
                kind: if t.role == Role::Store {
                    FlowKind::Stored
                } else {
                    FlowKind::Cookie
                },
                key: None,
            });
        }
    }
    // In the entries' order (path, then line), not the ids' text order (`:15` before `:6`).
    let index: std::collections::HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    out.sort_by_key(|f| (index[f.from.as_str()], index[f.to.as_str()], f.kind));
    out.dedup();
    out
}
