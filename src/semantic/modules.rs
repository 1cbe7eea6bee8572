//! The module graph: resolving relative import specifiers to project files, and the table
//! of what each file exports, through which imported values resolve (the link stage).

use super::value::{Object, Prop, Value};
use std::collections::HashMap;
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
            // `a/..` folds; a leading `..` stays (`../..` is two folders up), and the
            // root has no parent.
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Path aliases of one `tsconfig.json`/`jsconfig.json` (`compilerOptions.paths`, `baseUrl`).
#[derive(Debug, Clone, Default)]
pub struct Aliases {
    /// The folder the configuration applies to.
    dir: PathBuf,
    base_url: Option<PathBuf>,
    /// Pattern (`@/*`) → targets (`src/*`), targets already joined to their base.
    paths: Vec<(String, Vec<PathBuf>)>,
}

impl Aliases {
    /// Joins the folders to `cwd` (they are read as walked), so they compare with
    /// absolute importer paths.
    fn make_absolute(&mut self, cwd: &Path) {
        let abs = |p: &Path| normalize(&cwd.join(p));
        self.dir = abs(&self.dir);
        self.base_url = self.base_url.as_deref().map(abs);
        for (_, targets) in &mut self.paths {
            for t in targets {
                *t = abs(t);
            }
        }
    }
}

/// Reads a TypeScript configuration's aliases, following relative `extends` a few levels.
/// Comments and trailing commas are allowed, as TypeScript allows them.
pub fn read_aliases(config: &Path) -> Result<Aliases, String> {
    fn load(config: &Path, depth: u32, out: &mut Aliases) -> Result<(), String> {
        let text = std::fs::read_to_string(config).map_err(|e| format!("cannot read: {e}"))?;
        let json: serde_json::Value =
            json5::from_str(&text).map_err(|e| format!("not valid JSON: {e}"))?;
        let dir = config.parent().unwrap_or(Path::new("")).to_path_buf();
        if depth < 3 {
            if let Some(ext) = json.get("extends").and_then(|e| e.as_str()) {
                if ext.starts_with('.') {
                    let mut parent = normalize(&dir.join(ext));
                    if parent.extension().is_none() {
                        parent.set_extension("json");
                    }
                    // A broken base configuration only loses its aliases.
                    let _ = load(&parent, depth + 1, out);
                }
            }
        }
        let options = json.get("compilerOptions");
        let base_url = options
            .and_then(|o| o.get("baseUrl"))
            .and_then(|b| b.as_str())
            .map(|b| normalize(&dir.join(b)));
        if base_url.is_some() {
            out.base_url = base_url.clone();
        }
        if let Some(paths) = options
            .and_then(|o| o.get("paths"))
            .and_then(|p| p.as_object())
        {
            // Targets are relative to baseUrl when set, else to this configuration's folder.
            let base = out.base_url.clone().unwrap_or_else(|| dir.clone());
            out.paths = paths
                .iter()
                .map(|(pattern, targets)| {
                    let targets = targets
                        .as_array()
                        .map(|t| {
                            t.iter()
                                .filter_map(|x| x.as_str())
                                .map(|x| normalize(&base.join(x)))
                                .collect()
                        })
                        .unwrap_or_default();
                    (pattern.clone(), targets)
                })
                .collect();
        }
        Ok(())
    }
    let mut out = Aliases {
        dir: normalize(config.parent().unwrap_or(Path::new(""))),
        ..Aliases::default()
    };
    load(config, 0, &mut out)?;
    Ok(out)
}

/// The files of the run and the path aliases that apply to them.
///
/// Files are keyed as walked (`src/x.ts`, `../lib/y.ts`, absolute), normalized; resolution
/// works on absolute paths, so a file reached as `../src/x.ts` from one importer and as
/// `x.ts` from another is the same file, and maps back to the one key it was walked as.
#[derive(Debug, Default)]
pub struct FileSet {
    /// Absolute, normalized path → the key the file was walked as.
    by_abs: HashMap<PathBuf, PathBuf>,
    /// The working directory relative keys are relative to.
    cwd: PathBuf,
    /// Deepest folder first.
    aliases: Vec<Aliases>,
}

impl FileSet {
    pub fn new<'a>(files: impl IntoIterator<Item = &'a PathBuf>) -> FileSet {
        let cwd = std::env::current_dir().unwrap_or_default();
        let by_abs = files
            .into_iter()
            .map(|p| {
                let key = normalize(p);
                (normalize(&cwd.join(&key)), key)
            })
            .collect();
        FileSet {
            by_abs,
            cwd,
            aliases: Vec::new(),
        }
    }

    pub fn with_aliases(mut self, mut aliases: Vec<Aliases>) -> FileSet {
        for a in &mut aliases {
            a.make_absolute(&self.cwd);
        }
        aliases.sort_by_key(|a| std::cmp::Reverse(a.dir.components().count()));
        self.aliases = aliases;
        self
    }

    /// The absolute, normalized form of a path as walked.
    fn absolute(&self, p: &Path) -> PathBuf {
        normalize(&self.cwd.join(p))
    }

    /// The key of the project file at an absolute path, with the usual extension and
    /// `index` lookups.
    fn lookup(&self, base: &Path) -> Option<PathBuf> {
        if let Some(k) = self.key(base) {
            return Some(k);
        }
        if let Some(k) = with_ext(base).find_map(|p| self.key(&p)) {
            return Some(k);
        }
        with_ext(&base.join("index")).find_map(|p| self.key(&p))
    }

    fn key(&self, abs: &Path) -> Option<PathBuf> {
        self.by_abs.get(abs).cloned()
    }

    /// A non-relative specifier through the nearest configuration's `paths` and `baseUrl`.
    fn resolve_alias(&self, from: &Path, spec: &str) -> Option<PathBuf> {
        let from = self.absolute(from);
        let config = self.aliases.iter().find(|a| from.starts_with(&a.dir))?;
        for (pattern, targets) in &config.paths {
            let rest = match pattern.split_once('*') {
                Some((prefix, suffix)) => spec
                    .strip_prefix(prefix)
                    .and_then(|r| r.strip_suffix(suffix))
                    .map(str::to_string),
                None => (spec == pattern).then(String::new),
            };
            let Some(rest) = rest else { continue };
            for t in targets {
                let candidate = PathBuf::from(t.to_string_lossy().replace('*', &rest));
                if let Some(p) = self.lookup(&normalize(&candidate)) {
                    return Some(p);
                }
            }
        }
        let base = config.base_url.as_ref()?;
        self.lookup(&normalize(&base.join(spec)))
    }

    /// Whether a path as walked is one of the run's files.
    pub fn contains(&self, p: &Path) -> bool {
        self.by_abs.contains_key(&self.absolute(p))
    }

    /// The project file a specifier names, as the key it was walked as. Relative
    /// specifiers Node- and TypeScript-style: exact, with an extension, `index.*` in a
    /// folder, and `./x.js` naming `x.ts`; others through the configured path aliases.
    pub fn resolve(&self, from: &Path, spec: &str) -> Option<PathBuf> {
        if !is_relative(spec) {
            if self.aliases.is_empty() {
                return None;
            }
            return self.resolve_alias(from, spec);
        }
        let from = self.absolute(from);
        let dir = from.parent().unwrap_or(Path::new(""));
        let base = normalize(&dir.join(spec));
        if let Some(p) = self.lookup(&base) {
            return Some(p);
        }
        // TypeScript's ESM style: `import './config.js'` compiles from `config.ts`.
        let ext = base.extension().and_then(|e| e.to_str());
        if matches!(ext, Some("js" | "jsx" | "mjs" | "cjs")) {
            let stem = base.with_extension("");
            let ts: &[&str] = match ext {
                Some("mjs") => &["mts"],
                Some("cjs") => &["cts"],
                _ => &["ts", "tsx"],
            };
            for e in ts {
                if let Some(k) = self.key(&stem.with_extension(e)) {
                    return Some(k);
                }
            }
        }
        None
    }
}

fn with_ext(b: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    RESOLVE_EXTENSIONS.iter().map(move |e| {
        let mut s = b.as_os_str().to_owned();
        s.push(".");
        s.push(e);
        PathBuf::from(s)
    })
}

pub fn is_relative(spec: &str) -> bool {
    spec.starts_with("./") || spec.starts_with("../") || spec == "." || spec == ".."
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
    fn normalize_folds_only_what_it_can() {
        let n = |p: &str| normalize(Path::new(p));
        assert_eq!(n("a/./b/../c"), PathBuf::from("a/c"));
        assert_eq!(n("../../src/a.js"), PathBuf::from("../../src/a.js"));
        assert_eq!(n("a/../../b"), PathBuf::from("../b"));
        assert_eq!(n("/../x"), PathBuf::from("/x"));
        assert_eq!(n("./"), PathBuf::from(""));
    }

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
        // Two folders up is not the working directory.
        let up: Vec<PathBuf> = ["../../src/a.js", "../../src/config.js"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let set_up = FileSet::new(&up);
        assert_eq!(
            set_up.resolve(Path::new("../../src/a.js"), "./config"),
            Some(PathBuf::from("../../src/config.js"))
        );
        assert_eq!(set.resolve(from, "./missing"), None);
    }
}
