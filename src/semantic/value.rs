//! The value lattice: what an expression is known to hold. Owned data with no tree
//! references, so it outlives the parse tree and crosses into the link and rule stages.

use crate::finding::Loc;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A string known at analysis time; `at` is where it is written.
    Str {
        value: String,
        at: Loc,
    },
    Num(f64),
    Bool(bool),
    Null,
    Undefined,
    /// `process.env.NAME`, with the literal used when it is unset (`||`, `??`, defaults).
    Env {
        name: String,
        fallback: Option<Box<Value>>,
    },
    /// A configuration value read by key (`configService.get('JWT_SECRET')`): unknown,
    /// but the same key always yields the same value.
    Config {
        key: String,
    },
    Object(Object),
    Array {
        items: Vec<Value>,
        open: bool,
    },
    /// Key bytes derived from another value (Buffer.from, TextEncoder, createSecretKey, a file).
    KeyMaterial {
        kind: KeyKind,
        from: Box<Value>,
    },
    /// A module or a member of one: `require('jsonwebtoken')`, `import { verify } from 'jose'`.
    Import {
        module: String,
        path: Vec<String>,
    },
    /// An export of a project file, not resolved yet (the link stage resolves it).
    Module {
        file: Arc<PathBuf>,
        path: Vec<String>,
    },
    /// An instance of a class a module exports (`new JwtService()`, an injected `JwtService`).
    Instance {
        module: String,
        path: Vec<String>,
    },
    /// A global object or a member path of one: `process.env`, `localStorage`, `Buffer.from`.
    Global(Vec<String>),
    /// A function written in this file; `at` is its location.
    Function {
        at: Loc,
    },
    /// The `index`-th parameter of the enclosing function `func`; `has_default` when an
    /// omitted argument takes a default value rather than `undefined`.
    Param {
        index: usize,
        func: Loc,
        has_default: bool,
    },
    /// The current time plus `offset`: `Date.now()`, `Math.floor(Date.now() / 1000) + 3600`,
    /// `moment().add(2, 'days').unix()`. In milliseconds when `ms`, else in seconds.
    Now {
        offset: f64,
        ms: bool,
    },
    /// Anything else: the rules stay silent on it.
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    pub props: Vec<Prop>,
    /// True when a spread or computed key may add properties we cannot see.
    pub open: bool,
    pub at: Option<Loc>,
    /// Spreads of other files' values (`{ secret, ...config.jwtOptions }`), with the number
    /// of properties written before each: linking splices them in.
    pub spreads: Vec<(usize, Value)>,
}

impl Object {
    pub fn new(props: Vec<Prop>, open: bool, at: Option<Loc>) -> Object {
        Object {
            props,
            open,
            at,
            spreads: Vec::new(),
        }
    }

    /// Whether properties not listed may be there: an open object, or spreads not linked.
    pub fn is_open(&self) -> bool {
        self.open || !self.spreads.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prop {
    pub key: String,
    pub value: Value,
    /// Where the property's value is written.
    pub at: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// `Buffer.from(x)`
    Buffer,
    /// `new TextEncoder().encode(x)`
    Encoded,
    /// `crypto.createSecretKey(x)`
    SecretKey,
    /// `crypto.createPublicKey(x)`
    PublicKey,
    /// `crypto.createPrivateKey(x)`
    PrivateKey,
    /// `fs.readFileSync(path)`
    File,
}

/// What a property lookup found in an object value.
pub enum Lookup<'a> {
    Found(&'a Prop),
    /// The object is closed and has no such property.
    Missing,
    /// Not an object we can see into, or an open one without the property.
    Unknown,
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str { value, .. } => Some(value),
            _ => None,
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown | Value::Param { .. })
    }

    /// The function of the first parameter this value is built from.
    pub fn param_function(&self) -> Option<&Loc> {
        match self {
            Value::Param { func, .. } => Some(func),
            Value::KeyMaterial { from, .. } => from.param_function(),
            Value::Env {
                fallback: Some(f), ..
            } => f.param_function(),
            Value::Object(o) => o.props.iter().find_map(|p| p.value.param_function()),
            Value::Array { items, .. } => items.iter().find_map(Value::param_function),
            _ => None,
        }
    }

    /// Replaces parameters of `func` with `arg(index, has_default)`; `None` if an argument
    /// is unknown.
    pub fn substitute(
        &self,
        func: &Loc,
        arg: &dyn Fn(usize, bool) -> Option<Value>,
    ) -> Option<Value> {
        Some(match self {
            Value::Param {
                func: f,
                index,
                has_default,
            } if f == func => arg(*index, *has_default)?,
            Value::KeyMaterial { kind, from } => Value::KeyMaterial {
                kind: *kind,
                from: Box::new(from.substitute(func, arg)?),
            },
            Value::Env {
                name,
                fallback: Some(f),
            } => Value::Env {
                name: name.clone(),
                fallback: Some(Box::new(f.substitute(func, arg)?)),
            },
            Value::Object(o) => {
                let mut o = o.clone();
                for p in &mut o.props {
                    p.value = p.value.substitute(func, arg)?;
                }
                Value::Object(o)
            }
            Value::Array { items, open } => Value::Array {
                items: items
                    .iter()
                    .map(|i| i.substitute(func, arg))
                    .collect::<Option<_>>()?,
                open: *open,
            },
            other => other.clone(),
        })
    }

    /// The files of the unresolved references inside.
    pub fn module_files(&self, out: &mut Vec<Arc<PathBuf>>) {
        match self {
            Value::Module { file, .. } => out.push(file.clone()),
            Value::Object(o) => o.props.iter().for_each(|p| p.value.module_files(out)),
            Value::Array { items, .. } => items.iter().for_each(|i| i.module_files(out)),
            Value::Env {
                fallback: Some(f), ..
            } => f.module_files(out),
            Value::KeyMaterial { from, .. } => from.module_files(out),
            _ => {}
        }
    }

    /// Whether an unresolved reference to another file hides anywhere inside.
    pub fn refers_to_module(&self) -> bool {
        match self {
            Value::Module { .. } => true,
            Value::Object(o) => o.props.iter().any(|p| p.value.refers_to_module()),
            Value::Array { items, .. } => items.iter().any(Value::refers_to_module),
            Value::Env {
                fallback: Some(f), ..
            } => f.refers_to_module(),
            Value::KeyMaterial { from, .. } => from.refers_to_module(),
            _ => false,
        }
    }

    /// Where the value is written, when it is.
    pub fn origin(&self) -> Option<Loc> {
        match self {
            Value::Str { at, .. } | Value::Function { at } => Some(at.clone()),
            Value::Object(o) => o.at.clone(),
            _ => None,
        }
    }

    /// Property lookup on an object value.
    pub fn lookup(&self, key: &str) -> Lookup<'_> {
        match self {
            Value::Object(o) => {
                match o.props.iter().enumerate().rev().find(|(_, p)| p.key == key) {
                    // A spread written after the property may override it.
                    Some((i, _)) if o.spreads.iter().any(|(at, _)| *at > i) => Lookup::Unknown,
                    Some((_, p)) => Lookup::Found(p),
                    None if o.is_open() => Lookup::Unknown,
                    None => Lookup::Missing,
                }
            }
            _ => Lookup::Unknown,
        }
    }

    /// The literal string this value certainly or possibly (as an env fallback) holds,
    /// seen through key-material wrappers.
    pub fn literal_source(&self) -> Option<(&str, &Loc, bool)> {
        match self {
            Value::Str { value, at } => Some((value, at, false)),
            Value::Env {
                fallback: Some(f), ..
            } => f.literal_source().map(|(v, at, _)| (v, at, true)),
            Value::KeyMaterial { kind, from } if *kind != KeyKind::File => from.literal_source(),
            _ => None,
        }
    }

    /// A short, stable description of where a key comes from, used to tell whether two
    /// operations share a secret. `None` when nothing certain is known.
    pub fn identity(&self) -> Option<String> {
        match self {
            Value::Str { value, .. } => Some(format!("literal {value:?}")),
            Value::Env { name, .. } => Some(format!("process.env.{name}")),
            Value::Config { key } => Some(format!("config key {key:?}")),
            Value::KeyMaterial { from, .. } => from.identity(),
            Value::Import { module, path } if !path.is_empty() => {
                Some(format!("{module}#{}", path.join(".")))
            }
            Value::Module { file, path } => Some(format!("{}#{}", file.display(), path.join("."))),
            _ => None,
        }
    }
}

/// Member access on a value.
pub fn project(v: Value, key: &str) -> Value {
    match v {
        Value::Object(o) => {
            let open = o.is_open();
            match o
                .props
                .into_iter()
                .enumerate()
                .rev()
                .find(|(_, p)| p.key == key)
            {
                Some((i, _)) if o.spreads.iter().any(|(at, _)| *at > i) => Value::Unknown,
                Some((_, p)) => p.value,
                None if open => Value::Unknown,
                None => Value::Undefined,
            }
        }
        Value::Array { items, open } => match key.parse::<usize>() {
            Ok(i) if i < items.len() => items.into_iter().nth(i).unwrap_or(Value::Unknown),
            Ok(_) if !open => Value::Undefined,
            _ => Value::Unknown,
        },
        Value::Import { module, mut path } => {
            path.push(key.to_string());
            Value::Import { module, path }
        }
        Value::Module { file, mut path } => {
            path.push(key.to_string());
            Value::Module { file, path }
        }
        Value::Instance { module, mut path } => {
            path.push("prototype".into());
            path.push(key.to_string());
            Value::Import { module, path }
        }
        Value::Global(mut p) => {
            if p.len() == 2 && p[0] == "process" && p[1] == "env" {
                return Value::Env {
                    name: key.to_string(),
                    fallback: None,
                };
            }
            p.push(key.to_string());
            Value::Global(p)
        }
        _ => Value::Unknown,
    }
}

/// Whether a key value is public-key material: a PEM public key or certificate, a
/// `createPublicKey(...)`, a key file named like a public key, or an environment variable
/// named for one (`JWT_PUBLIC_KEY`). Anyone may hold such a key, so it must never be used
/// as an HMAC secret.
pub fn is_public_key(v: &Value) -> bool {
    match v {
        Value::Str { value, .. } => {
            value.contains("PUBLIC KEY-----") || value.contains("BEGIN CERTIFICATE")
        }
        Value::KeyMaterial {
            kind: KeyKind::PublicKey,
            ..
        } => true,
        // Judged by the file's name: a folder such as `certs/` or `public/` holds private
        // keys too (`certs/jwtRS256.key`).
        Value::KeyMaterial {
            kind: KeyKind::File,
            from,
        } => from.as_str().is_some_and(|p| {
            let name = p
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(p)
                .to_ascii_lowercase();
            name.contains("public")
                || name.ends_with(".pub")
                || name.ends_with(".crt")
                || name.contains("cert")
        }),
        Value::KeyMaterial { from, .. } => is_public_key(from),
        Value::Env { name, fallback } => {
            name.to_ascii_uppercase().contains("PUBLIC")
                || fallback.as_deref().is_some_and(is_public_key)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str) -> Value {
        Value::KeyMaterial {
            kind: KeyKind::File,
            from: Box::new(Value::Str {
                value: path.into(),
                at: Loc {
                    path: Arc::new("a.js".into()),
                    span: Default::default(),
                },
            }),
        }
    }

    #[test]
    fn a_key_file_is_public_by_its_name() {
        for p in [
            "keys/public.pem",
            "certs/jwtRS256.key.pub",
            "tls/server.crt",
            "keys/cert.pem",
        ] {
            assert!(is_public_key(&file(p)), "{p}");
        }
        for p in [
            "certs/jwtRS256.key",
            "public/keys/private.pem",
            "certificates\\private.pem",
            "keys/private.pem",
        ] {
            assert!(!is_public_key(&file(p)), "{p}");
        }
    }
}
