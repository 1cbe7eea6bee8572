//! Shared by the cross-service rules and the token map: which issuers' tokens a verifier
//! accepts because of its key. Two ways: the same value both signs and verifies (a shared,
//! HMAC secret, or a private key that also verifies), or the issuer signs with a private key
//! and the verifier holds its public half, named alike (`JWT_PRIVATE_KEY`/`JWT_PUBLIC_KEY`).

use crate::project::ProjectFacts;
use crate::semantic::ir::{JwtOp, OpKind, Slot};
use crate::semantic::value::{is_public_key, KeyKind, Value};
use crate::text::words;
use std::path::Path;

/// A slot of `op`, or, when the call leaves it out and the library's module defaults of
/// the app fill it in (a NestJS `JwtService` call and its `JwtModule`), the module
/// configuration's (DESIGN.md §2 "Project boundaries"). Several candidate configurations
/// must agree, else the slot is unknown.
pub fn effective<'a>(
    op: &'a JwtOp,
    project: &'a ProjectFacts,
    slot: impl Fn(&JwtOp) -> &Slot,
) -> &'a Slot {
    let own = slot(op);
    if !own.is_absent() || !op.inherits_defaults {
        return own;
    }
    let configs = project.module_configs_for(op);
    match nearest_configs(op, &configs).as_slice() {
        [] => own,
        [first, rest @ ..] => {
            let first = slot(first);
            // Several candidates that agree (the same secret registered in each feature
            // module) still tell the value.
            if rest.iter().all(|c| same_value(slot(c), first)) {
                first
            } else {
                &UNKNOWN
            }
        }
    }
}

static UNKNOWN: Slot = Slot::Unknown;

/// The module configurations that may apply to `op`. An app often registers the module in
/// several feature modules (NestJS: `auth/auth.module.ts` beside `auth/auth.service.ts`); the
/// ones in the nearest folder at or above the operation's file are taken, as a feature
/// module provides the services of its own folder. With none above it, all of them.
fn nearest_configs<'a>(op: &JwtOp, configs: &[&'a JwtOp]) -> Vec<&'a JwtOp> {
    let dir = op.at.path.parent().unwrap_or(Path::new(""));
    let depth = |c: &JwtOp| {
        let cdir = c.at.path.parent().unwrap_or(Path::new(""));
        dir.starts_with(cdir).then(|| cdir.components().count())
    };
    match configs.iter().filter_map(|c| depth(c)).max() {
        Some(best) => configs
            .iter()
            .copied()
            .filter(|c| depth(c) == Some(best))
            .collect(),
        None => configs.to_vec(),
    }
}

/// Two slots hold the same value, wherever it is written.
fn same_value(a: &Slot, b: &Slot) -> bool {
    match (a, b) {
        (Slot::Present { value: x, .. }, Slot::Present { value: y, .. }) => {
            x.identity().is_some() && x.identity() == y.identity()
                || crate::semantic::duration::seconds(x).is_some()
                    && crate::semantic::duration::seconds(x)
                        == crate::semantic::duration::seconds(y)
        }
        (x, y) => {
            x.is_absent() && y.is_absent() || matches!((x, y), (Slot::Unknown, Slot::Unknown))
        }
    }
}

/// The key an operation uses: its own, or the module defaults its own app registers. (A
/// shared folder that registers none, such as an Nx `libs/` package, may be used by any
/// app: whose key it gets is not known, so it has none here.)
pub fn key_value<'a>(op: &'a JwtOp, project: &'a ProjectFacts) -> Option<&'a Value> {
    if op.key.is_absent()
        && op.inherits_defaults
        && !project
            .module_configs_for(op)
            .iter()
            .all(|c| project.same_app(c, op))
    {
        return None;
    }
    effective(op, project, |o| &o.key).value()
}

/// The key's identity when the same value both signs and verifies: a value known to be the
/// same wherever it is used (an env var, a config key, a module's export, a literal), not
/// public or private key material (`createPublicKey`, a key file), not relative to one file.
pub fn same_key_of(value: &Value) -> Option<String> {
    if is_public_key(value)
        || matches!(
            value,
            Value::KeyMaterial {
                kind: KeyKind::PublicKey | KeyKind::PrivateKey | KeyKind::File,
                ..
            }
        )
    {
        return None;
    }
    let id = value.identity()?;
    (!id.starts_with('.')).then_some(id)
}

/// The identity of an operation's key (see [`same_key_of`]), module defaults included.
pub fn same_key(op: &JwtOp, project: &ProjectFacts) -> Option<String> {
    same_key_of(key_value(op, project)?)
}

/// A shared secret: a key that both signs and verifies ([`same_key`]) and is not named as
/// a private key (`JWT_PRIVATE_KEY` is the private half of a pair, not an HMAC secret).
pub fn shared_secret(op: &JwtOp, project: &ProjectFacts) -> Option<String> {
    let value = key_value(op, project)?;
    if pair_key_of(value).is_some() {
        return None;
    }
    same_key_of(value)
}

/// Which half of a key pair a name says a key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    Private,
    Public,
}

/// A key pair's identity and the half `value` is, read from its name: an env var, a config
/// key, a module export or a key file path whose words hold exactly one `private` or
/// `public` (`JWT_PRIVATE_KEY` and `JWT_PUBLIC_KEY`, `jwt.privateKey` and `jwt.publicKey`,
/// `keys/private.pem` and `keys/public.pem`). The identity is the name with that word left
/// out, so `ACCESS_TOKEN_PRIVATE_KEY` pairs with `ACCESS_TOKEN_PUBLIC_KEY` and never with
/// `REFRESH_TOKEN_PUBLIC_KEY`. Literals (PEM text) and anything unnamed have none.
pub fn pair_key_of(value: &Value) -> Option<(String, Half)> {
    let (kind, name) = match value {
        Value::Env { name, .. } => ("env", name.clone()),
        Value::Config { key } => ("config", key.clone()),
        Value::Import { module, path } if !path.is_empty() => {
            return named_pair(&format!("import {module}#"), &path.join("."))
        }
        Value::Module { file, path } if !path.is_empty() => {
            return named_pair(&format!("module {}#", file.display()), &path.join("."))
        }
        Value::KeyMaterial {
            kind: KeyKind::File,
            from,
        } => {
            return match from.as_ref() {
                Value::Str { value, .. } if value.ends_with(".pub") => dot_pub(value),
                Value::Str { value, .. } => named_pair("file ", value).or_else(|| dot_pub(value)),
                other => pair_key_of(other).map(|(id, half)| (format!("file of {id}"), half)),
            }
        }
        Value::KeyMaterial { kind, from } => {
            let (id, half) = pair_key_of(from)?;
            // `createPublicKey(process.env.JWT_PRIVATE_KEY)` derives the public half: the
            // name and the material must agree.
            return match (kind, half) {
                (KeyKind::PublicKey, Half::Private) | (KeyKind::PrivateKey, Half::Public) => None,
                (KeyKind::SecretKey, _) => None,
                _ => Some((id, half)),
            };
        }
        _ => return None,
    };
    named_pair(&format!("{kind} "), &name)
}

/// `ssh-keygen`'s naming: `jwtRS256.key` and its public half `jwtRS256.key.pub`. A key file
/// named without `private`/`public` is a private half only for a `.pub` of the same path.
fn dot_pub(path: &str) -> Option<(String, Half)> {
    let (path, half) = match path.strip_suffix(".pub") {
        Some(p) => (p, Half::Public),
        None => (path, Half::Private),
    };
    Some((format!("file {path} and its .pub"), half))
}

fn named_pair(prefix: &str, name: &str) -> Option<(String, Half)> {
    let words = words(name);
    let mut half = None;
    let mut rest = Vec::with_capacity(words.len());
    for w in &words {
        let this = match w.as_str() {
            "private" | "priv" => Some(Half::Private),
            "public" | "pub" => Some(Half::Public),
            _ => None,
        };
        match (this, half) {
            (Some(_), Some(_)) => return None,
            (Some(h), None) => {
                half = Some(h);
                rest.push("*");
            }
            (None, _) => rest.push(w.as_str()),
        }
    }
    Some((format!("{prefix}{}", rest.join(" ")), half?))
}

/// The pair identity and half of an operation's key, module defaults included.
pub fn pair_key(op: &JwtOp, project: &ProjectFacts) -> Option<(String, Half)> {
    pair_key_of(key_value(op, project)?)
}

/// The algorithms an operation names, when every one is written out (an allowlist array
/// that is not open, or one algorithm), as written.
pub fn written_algorithms(op: &JwtOp) -> Option<Vec<String>> {
    match op.algorithms.value()? {
        Value::Array { items, open: false } => items
            .iter()
            .map(|i| i.as_str().map(str::to_string))
            .collect(),
        Value::Str { value, .. } => Some(vec![value.clone()]),
        _ => None,
    }
}

/// Whether an algorithm is HMAC (`HS256`).
pub fn is_hmac(alg: &str) -> bool {
    alg.to_ascii_uppercase().starts_with("HS")
}

/// The algorithm a sign uses: written at the call, or, when the call writes none, the one
/// its module defaults give signs (NestJS `signOptions.algorithm`; the module
/// configuration's `algorithms` is the verification allowlist, never a sign's algorithm).
pub fn signed_with(op: &JwtOp, project: &ProjectFacts) -> Option<String> {
    sign_algorithm(op, project)
        .value()
        .and_then(Value::as_str)
        .map(str::to_ascii_uppercase)
}

/// The slot of a sign's algorithm, module defaults included (see [`signed_with`]).
pub fn sign_algorithm<'a>(op: &'a JwtOp, project: &'a ProjectFacts) -> &'a Slot {
    if op.kind != OpKind::Sign {
        return &op.algorithms;
    }
    effective(op, project, |o| match o.kind {
        OpKind::ModuleConfig => &o.sign_algorithm,
        _ => &o.algorithms,
    })
}

/// How a verifier's key relates to an issuer's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// The same value signs and verifies.
    Same,
    /// The issuer's private key, the verifier's public key.
    Pair,
}

/// Whether a sign's private key and a verifier's public key are the two halves of one
/// pair: alike names, and the sign not HMAC (an HMAC secret never pairs with a public key).
pub fn pairs(sign: &JwtOp, verify: &JwtOp, project: &ProjectFacts) -> bool {
    let (Some((s, Half::Private)), Some((v, Half::Public))) =
        (pair_key(sign, project), pair_key(verify, project))
    else {
        return false;
    };
    s == v && !signed_with(sign, project).is_some_and(|a| is_hmac(&a))
}

/// The project's signs by the identities of their keys, built once per check
/// ([`ProjectFacts::memo`]): every verifier of every file looks its issuers up here instead
/// of comparing its key with every sign of the project. Signs are kept as positions
/// (file, op) in path order.
#[derive(Default)]
struct SignIndex {
    /// By [`same_key`].
    same: std::collections::HashMap<String, Vec<(usize, usize)>>,
    /// By [`shared_secret`].
    secret: std::collections::HashMap<String, Vec<(usize, usize)>>,
    /// Private halves by pair identity ([`pair_key`]).
    private: std::collections::HashMap<String, Vec<(usize, usize)>>,
}

impl SignIndex {
    fn of(project: &ProjectFacts) -> SignIndex {
        let mut index = SignIndex::default();
        for (fi, file) in project.files.iter().enumerate() {
            for (oi, op) in file.ops.iter().enumerate() {
                if op.kind != OpKind::Sign {
                    continue;
                }
                if let Some(id) = same_key(op, project) {
                    index.same.entry(id).or_default().push((fi, oi));
                }
                if let Some(id) = shared_secret(op, project) {
                    index.secret.entry(id).or_default().push((fi, oi));
                }
                if let Some((id, Half::Private)) = pair_key(op, project) {
                    index.private.entry(id).or_default().push((fi, oi));
                }
            }
        }
        index
    }
}

fn sign_at(project: &ProjectFacts, (fi, oi): (usize, usize)) -> &JwtOp {
    &project.files[fi].ops[oi]
}

/// The signs whose key is `id` ([`same_key`]), in path order.
pub fn signs_with_key<'a>(id: &str, project: &'a ProjectFacts) -> Vec<&'a JwtOp> {
    let index = project.memo(SignIndex::of);
    index
        .same
        .get(id)
        .into_iter()
        .flatten()
        .map(|&at| sign_at(project, at))
        .collect()
}

/// The signs whose key is the shared secret `id` ([`shared_secret`]) in other apps than
/// `op`'s, in path order.
pub fn signs_with_secret_elsewhere<'a>(
    id: &str,
    op: &JwtOp,
    project: &'a ProjectFacts,
) -> Vec<&'a JwtOp> {
    let index = project.memo(SignIndex::of);
    let app = project.app_of(&op.at.path);
    index
        .secret
        .get(id)
        .into_iter()
        .flatten()
        .filter(|&&(fi, _)| project.file_app(fi) != app)
        .map(|&at| sign_at(project, at))
        .collect()
}

/// The signs with the private half of `verify`'s public key (see [`pairs`]), in path order.
pub fn private_halves_of<'a>(verify: &JwtOp, project: &'a ProjectFacts) -> Vec<&'a JwtOp> {
    let Some((id, Half::Public)) = pair_key(verify, project) else {
        return Vec::new();
    };
    let index = project.memo(SignIndex::of);
    index
        .private
        .get(&id)
        .into_iter()
        .flatten()
        .map(|&at| sign_at(project, at))
        .filter(|s| s.via.is_none() && pairs(s, verify, project))
        .collect()
}

/// The issuers (signs written in the project, not copies seen through a helper's callers)
/// whose tokens `verify` accepts by its key: the same key, or the private half of its
/// public key. In path order.
pub fn issuers_of<'a>(verify: &JwtOp, project: &'a ProjectFacts) -> Vec<(&'a JwtOp, Link)> {
    let same = same_key(verify, project);
    let pair = pair_key(verify, project).filter(|(_, h)| *h == Half::Public);
    if same.is_none() && pair.is_none() {
        return Vec::new();
    }
    let index = project.memo(SignIndex::of);
    if let (Some(id), None) = (&same, &pair) {
        // The same key only: the index is in path order already.
        return index
            .same
            .get(id)
            .into_iter()
            .flatten()
            .map(|&at| sign_at(project, at))
            .filter(|s| s.via.is_none())
            .map(|s| (s, Link::Same))
            .collect();
    }
    let mut found: Vec<((usize, usize), Link)> = Vec::new();
    if let Some(id) = &same {
        found.extend(
            index
                .same
                .get(id)
                .into_iter()
                .flatten()
                .map(|&at| (at, Link::Same)),
        );
    }
    if let Some((id, _)) = &pair {
        found.extend(
            index
                .private
                .get(id)
                .into_iter()
                .flatten()
                .filter(|&&at| !found.iter().any(|(f, _)| *f == at))
                .filter(|&&at| pairs(sign_at(project, at), verify, project))
                .map(|&at| (at, Link::Pair))
                .collect::<Vec<_>>(),
        );
    }
    found.sort_by_key(|(at, _)| *at);
    found
        .into_iter()
        .map(|(at, link)| (sign_at(project, at), link))
        .filter(|(s, _)| s.via.is_none())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Value {
        Value::Env {
            name: name.into(),
            fallback: None,
        }
    }

    fn pair(v: &Value) -> Option<(String, Half)> {
        pair_key_of(v)
    }

    #[test]
    fn private_and_public_names_pair() {
        let (a, ha) = pair(&env("JWT_PRIVATE_KEY")).unwrap();
        let (b, hb) = pair(&env("JWT_PUBLIC_KEY")).unwrap();
        assert_eq!((a, ha, hb), (b, Half::Private, Half::Public));
        let cfg = |k: &str| Value::Config { key: k.into() };
        assert_eq!(
            pair(&cfg("jwt.privateKey")).unwrap().0,
            pair(&cfg("jwt.publicKey")).unwrap().0
        );
        let file = |p: &str| Value::KeyMaterial {
            kind: KeyKind::File,
            from: Box::new(Value::Str {
                value: p.into(),
                at: crate::finding::Loc {
                    path: std::sync::Arc::new("a.js".into()),
                    span: Default::default(),
                },
            }),
        };
        assert_eq!(
            pair(&file("keys/private.pem")).unwrap().0,
            pair(&file("keys/public.pem")).unwrap().0
        );
        assert_ne!(
            pair(&file("keys/private.pem")).unwrap().0,
            pair(&env("KEYS_PUBLIC_PEM")).unwrap().0
        );
        let (a, ha) = pair(&file("certs/jwtRS256.key")).unwrap();
        let (b, hb) = pair(&file("certs/jwtRS256.key.pub")).unwrap();
        assert_eq!((a, ha, hb), (b, Half::Private, Half::Public));
        assert_ne!(
            pair(&file("certs/jwtRS256.key")).unwrap().0,
            pair(&file("certs/other.key.pub")).unwrap().0
        );
    }

    #[test]
    fn different_pairs_and_secrets_do_not_pair() {
        assert_ne!(
            pair(&env("ACCESS_TOKEN_PRIVATE_KEY")).unwrap().0,
            pair(&env("REFRESH_TOKEN_PUBLIC_KEY")).unwrap().0
        );
        assert_eq!(pair(&env("JWT_SECRET")), None);
        assert_eq!(pair(&env("PUBLIC_PRIVATE_KEY")), None);
        assert_eq!(pair(&env("REPUBLICATION_KEY")), None);
        let derived = Value::KeyMaterial {
            kind: KeyKind::PublicKey,
            from: Box::new(env("JWT_PRIVATE_KEY")),
        };
        assert_eq!(pair(&derived), None);
    }
}
