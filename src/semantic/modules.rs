//! The module graph: resolving relative import specifiers to project files, and the table
//! of what each file exports, through which imported values resolve (the link stage).

use super::value::{Object, Prop, Value};
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// How deep a chain of re-exports and imported values is followed; bounds cycles.
const MAX_LINK_DEPTH: u32 = 16;

/// Extensions tried, in order, for a specifier without one (and `index.*` in folders).
const RESOLVE_EXTENSIONS: &[&str] = &["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"];

/// Removes `.` and folds `..` without touching the file system.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The files of the run, by normalized path.
#[derive(Debug, Default)]
pub struct FileSet {
    files: HashSet<PathBuf>,
}

impl FileSet {
    pub fn new<'a>(files: impl IntoIterator<Item = &'a PathBuf>) -> FileSet {
        FileSet {
            files: files.into_iter().map(|p| normalize(p)).collect(),
        }
    }

    fn has(&self, p: &Path) -> bool {
        self.files.contains(p)
    }

    /// The project file a relative specifier names, Node- and TypeScript-style:
    /// exact, with an extension, `index.*` in a folder, and `./x.js` naming `x.ts`.
    pub fn resolve(&self, from: &Path, spec: &str) -> Option<PathBuf> {
        if !(spec.starts_with("./") || spec.starts_with("../") || spec == "." || spec == "..") {
            return None;
        }
        let dir = from.parent().unwrap_or(Path::new(""));
        let base = normalize(&dir.join(spec));
        if self.has(&base) {
            return Some(base);
        }
        fn with_ext(b: &Path) -> impl Iterator<Item = PathBuf> + '_ {
            RESOLVE_EXTENSIONS.iter().map(move |e| {
                let mut s = b.as_os_str().to_owned();
                s.push(".");
                s.push(e);
                PathBuf::from(s)
            })
        }
        if let Some(p) = with_ext(&base).find(|p| self.has(p)) {
            return Some(p);
        }
        if let Some(p) = with_ext(&base.join("index")).find(|p| self.has(p)) {
            return Some(p);
        }
        // TypeScript's ESM style: `import './config.js'` compiles from `config.ts`.
        let ext = base.extension().and_then(|e| e.to_str());
        if matches!(ext, Some("js" | "jsx" | "mjs" | "cjs")) {
            let stem = base.with_extension("");
            let ts = match ext {
                Some("mjs") => vec!["mts"],
                Some("cjs") => vec!["cts"],
                _ => vec!["ts", "tsx"],
            };
            for e in ts {
                let p = stem.with_extension(e);
                if self.has(&p) {
                    return Some(p);
                }
            }
        }
        None
    }
}

/// What one file exports. Values may refer to other files (`Value::Module`).
#[derive(Debug, Clone, Default)]
pub struct Exports {
    pub named: Vec<(String, Value)>,
    pub default: Option<Value>,
    /// `export * from './x'`
    pub star: Vec<Arc<PathBuf>>,
}

impl Exports {
    fn named(&self, name: &str) -> Option<&Value> {
        self.named
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }
}

/// Every parsed file's exports.
#[derive(Debug, Default)]
pub struct ExportTable {
    map: HashMap<PathBuf, Exports>,
}

impl ExportTable {
    pub fn insert(&mut self, file: &Path, exports: Exports) {
        self.map.insert(normalize(file), exports);
    }

    pub fn contains(&self, file: &Path) -> bool {
        self.map.contains_key(file)
    }

    /// The value of `path` in `file`'s exports, with nested references resolved.
    /// `None` when the file is not in the table or does not export the name.
    pub fn resolve(&self, file: &Path, path: &[String]) -> Option<Value> {
        self.resolve_at(file, path, 0)
    }

    fn resolve_at(&self, file: &Path, path: &[String], depth: u32) -> Option<Value> {
        if depth > MAX_LINK_DEPTH {
            return None;
        }
        let exports = self.map.get(file)?;
        let (base, rest) = match path.split_first() {
            None => match &exports.default {
                Some(d) => (d.clone(), path),
                None => (
                    Value::Object(Object {
                        props: exports
                            .named
                            .iter()
                            .map(|(n, v)| Prop {
                                key: n.clone(),
                                value: v.clone(),
                                at: v.origin().unwrap_or_else(|| crate::finding::Loc {
                                    path: Arc::new(file.to_path_buf()),
                                    span: Default::default(),
                                }),
                            })
                            .collect(),
                        open: !exports.star.is_empty(),
                        at: None,
                    }),
                    path,
                ),
            },
            Some((first, rest)) => match exports.named(first) {
                Some(v) => (v.clone(), rest),
                None => {
                    if let Some(d) = &exports.default {
                        (d.clone(), path)
                    } else {
                        return exports
                            .star
                            .iter()
                            .find_map(|f| self.resolve_at(f, path, depth + 1));
                    }
                }
            },
        };
        let mut v = self.link_at(base, depth + 1);
        for key in rest {
            v = self.link_at(super::values::project(v, key), depth + 1);
        }
        Some(v)
    }

    /// Resolves `Value::Module` references inside a value (objects, fallbacks, key material).
    pub fn link(&self, v: Value) -> Value {
        self.link_at(v, 0)
    }

    fn link_at(&self, v: Value, depth: u32) -> Value {
        if depth > MAX_LINK_DEPTH {
            return Value::Unknown;
        }
        match v {
            Value::Module { file, path } => {
                if !self.contains(&file) {
                    return Value::Module { file, path };
                }
                self.resolve_at(&file, &path, depth + 1)
                    .unwrap_or(Value::Undefined)
            }
            Value::Object(mut o) => {
                for p in &mut o.props {
                    p.value =
                        self.link_at(std::mem::replace(&mut p.value, Value::Unknown), depth + 1);
                }
                Value::Object(o)
            }
            Value::Array { items, open } => Value::Array {
                items: items
                    .into_iter()
                    .map(|i| self.link_at(i, depth + 1))
                    .collect(),
                open,
            },
            Value::Env { name, fallback } => Value::Env {
                name,
                fallback: fallback.map(|f| Box::new(self.link_at(*f, depth + 1))),
            },
            Value::KeyMaterial { kind, from } => Value::KeyMaterial {
                kind,
                from: Box::new(self.link_at(*from, depth + 1)),
            },
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_follows_node_and_typescript() {
        let files: Vec<PathBuf> = [
            "app/src/config.ts",
            "app/src/lib/index.js",
            "app/src/auth.js",
            "app/src/util.mts",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let set = FileSet::new(&files);
        let from = Path::new("app/src/routes/../auth.js");
        assert_eq!(
            set.resolve(from, "./config"),
            Some(PathBuf::from("app/src/config.ts"))
        );
        assert_eq!(
            set.resolve(from, "./config.js"),
            Some(PathBuf::from("app/src/config.ts"))
        );
        assert_eq!(
            set.resolve(from, "./lib"),
            Some(PathBuf::from("app/src/lib/index.js"))
        );
        assert_eq!(
            set.resolve(from, "./util.mjs"),
            Some(PathBuf::from("app/src/util.mts"))
        );
        assert_eq!(
            set.resolve(Path::new("app/src/lib/index.js"), "../auth"),
            Some(PathBuf::from("app/src/auth.js"))
        );
        assert_eq!(set.resolve(from, "jsonwebtoken"), None);
        assert_eq!(set.resolve(from, "./missing"), None);
    }
}
