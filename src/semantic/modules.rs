//! The module graph: resolving relative import specifiers to project files, and the table
//! of what each file exports, through which imported values resolve (the link stage).

use super::value::{Object, Prop, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// How deep a chain of re-exports and imported values is followed; bounds cycles.
const MAX_LINK_DEPTH: u32 = 16;

/// Extensions tried, in order, for a specifier without one (and `index.*` in folders).
const RESOLVE_EXTENSIONS: &[&str] = &["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts"];

// Lexical path normalisation lives in the leaf `crate::paths` (config uses it too).
pub use crate::paths::normalize;

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
#[derive(Default)]
pub struct FileSet {
    /// Absolute, normalized path → the key the file was walked as.
    by_abs: HashMap<PathBuf, PathBuf>,
    /// The working directory relative keys are relative to.
    cwd: PathBuf,
    /// Deepest folder first.
    aliases: Vec<Aliases>,
    /// Node and TypeScript resolution (`oxc_resolver`), when the set is a project on disk:
    /// for ES modules (`import` conditions) and CommonJS (`require`), sharing one cache.
    resolvers: Option<(oxc_resolver::Resolver, oxc_resolver::Resolver)>,
    /// Folder → whether its nearest `package.json` says `"type": "module"`.
    esm_dirs: Mutex<HashMap<PathBuf, bool>>,
    /// Real path → key, built the first time a resolved path is not a key as it stands
    /// (the project reached through a symbolic link).
    by_real: OnceLock<HashMap<PathBuf, PathBuf>>,
}

impl std::fmt::Debug for FileSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileSet")
            .field("files", &self.by_abs.len())
            .field("cwd", &self.cwd)
            .field("aliases", &self.aliases)
            .finish_non_exhaustive()
    }
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
            ..FileSet::default()
        }
    }

    /// Resolves non-relative specifiers the way Node and TypeScript do (`oxc_resolver`):
    /// `tsconfig.json` `paths`, `extends` and project references, `package.json`
    /// `exports`/`imports`, `node_modules` (workspace packages linked there), and, for a
    /// fresh clone without `node_modules`, the workspace packages declared above `folders`
    /// (`package.json` `workspaces`, `pnpm-workspace.yaml`) by their `name`.
    pub fn with_resolver(mut self, folders: &[PathBuf]) -> FileSet {
        let folders: Vec<PathBuf> = folders.iter().map(|f| self.absolute(f)).collect();
        let alias = workspace_packages(&folders)
            .into_iter()
            .map(|(name, dir)| {
                let dir = dir.to_string_lossy().into_owned();
                (name, vec![oxc_resolver::AliasValue::Path(dir)])
            })
            .collect();
        let strings = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let options = oxc_resolver::ResolveOptions {
            tsconfig: Some(oxc_resolver::TsconfigDiscovery::Auto),
            alias,
            condition_names: strings(&["node", "import", "default"]),
            extensions: RESOLVE_EXTENSIONS.iter().map(|e| format!(".{e}")).collect(),
            // TypeScript's ESM style: `import './config.js'` compiles from `config.ts`.
            extension_alias: vec![
                (".js".into(), strings(&[".ts", ".tsx", ".js"])),
                (".jsx".into(), strings(&[".tsx", ".jsx"])),
                (".mjs".into(), strings(&[".mts", ".mjs"])),
                (".cjs".into(), strings(&[".cts", ".cjs"])),
            ],
            main_fields: strings(&["module", "main"]),
            builtin_modules: true,
            ..oxc_resolver::ResolveOptions::default()
        };
        let require = oxc_resolver::ResolveOptions {
            condition_names: strings(&["node", "require", "default"]),
            ..options.clone()
        };
        let esm = oxc_resolver::Resolver::new(options);
        let cjs = esm.clone_with_options(require);
        self.resolvers = Some((esm, cjs));
        self
    }

    /// Whether a file is an ES module, for `package.json` `exports` conditions: `.mjs`,
    /// `.mts` and TypeScript are; `.cjs` and `.cts` are not; `.js` and `.jsx` follow the
    /// nearest `package.json` `type`, as Node does.
    fn is_esm(&self, file: &Path) -> bool {
        match file.extension().and_then(|e| e.to_str()) {
            Some("mjs" | "mts" | "ts" | "tsx") => true,
            Some("cjs" | "cts") => false,
            _ => {
                let Some(dir) = file.parent() else {
                    return false;
                };
                if let Some(&esm) = self.esm_dirs.lock().unwrap().get(dir) {
                    return esm;
                }
                let esm = dir
                    .ancestors()
                    .find_map(|d| std::fs::read_to_string(d.join("package.json")).ok())
                    .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                    .is_some_and(|v| v.get("type").and_then(|t| t.as_str()) == Some("module"));
                self.esm_dirs.lock().unwrap().insert(dir.to_path_buf(), esm);
                esm
            }
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

    /// The project file a specifier names, as the key it was walked as; `None` for a
    /// library (a package outside the project, a Node built-in) or a missing file.
    /// Relative specifiers are looked up among the project's files first (exact, with an
    /// extension, `index.*` in a folder, `./x.js` naming `x.ts`: no file system access,
    /// and standard input's file need not exist on disk), then on disk; others through the
    /// resolver, then the `jsconfig.json`/`tsconfig.json` aliases read by jwtlint itself.
    pub fn resolve(&self, from: &Path, spec: &str) -> Option<PathBuf> {
        if is_relative(spec) {
            if let Some(p) = self.resolve_relative(from, spec) {
                return Some(p);
            }
        }
        if let Some(p) = self.resolve_on_disk(from, spec) {
            return Some(p);
        }
        if is_relative(spec) || self.aliases.is_empty() {
            return None;
        }
        self.resolve_alias(from, spec)
    }

    /// Through `oxc_resolver`, mapped back to the key the file was walked as.
    fn resolve_on_disk(&self, from: &Path, spec: &str) -> Option<PathBuf> {
        let (esm, cjs) = self.resolvers.as_ref()?;
        let from = self.absolute(from);
        let resolver = if self.is_esm(&from) { esm } else { cjs };
        let found = match resolver.resolve_file(&from, spec) {
            Ok(r) => r,
            // A tsconfig.json that cannot be read loses its aliases, not the rest
            // (jwtlint reports it while reading aliases).
            Err(oxc_resolver::ResolveError::Json(_))
            | Err(oxc_resolver::ResolveError::TsconfigNotFound(_))
            | Err(oxc_resolver::ResolveError::TsconfigSelfReference(_)) => {
                resolver.resolve(from.parent()?, spec).ok()?
            }
            Err(_) => return None,
        };
        let path = normalize(found.path());
        // Dependencies are libraries (`jsonwebtoken` stays `jsonwebtoken`), even when
        // --no-ignore walks them; a stylesheet or JSON file is no project file either.
        // Workspace packages linked into node_modules resolve to their real folder.
        let lintable = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| RESOLVE_EXTENSIONS.contains(&e));
        if !lintable || path.components().any(|c| c.as_os_str() == "node_modules") {
            return None;
        }
        if let Some(k) = self.key(&path) {
            return Some(k);
        }
        let by_real = self.by_real.get_or_init(|| {
            self.by_abs
                .iter()
                .filter_map(|(abs, key)| Some((std::fs::canonicalize(abs).ok()?, key.clone())))
                .collect()
        });
        by_real.get(&path).cloned()
    }

    /// Among the project's files, by path alone.
    fn resolve_relative(&self, from: &Path, spec: &str) -> Option<PathBuf> {
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

/// Workspace packages by name: from the nearest `pnpm-workspace.yaml` or `package.json`
/// with `workspaces` in or above each folder, the member folders' `package.json` names.
pub fn workspace_packages(folders: &[PathBuf]) -> Vec<(String, PathBuf)> {
    let mut roots: Vec<(PathBuf, Vec<String>)> = Vec::new();
    for folder in folders {
        let found = folder.ancestors().find_map(|d| {
            let patterns = workspace_patterns(d)?;
            Some((d.to_path_buf(), patterns))
        });
        if let Some(found) = found {
            if !roots.iter().any(|(r, _)| *r == found.0) {
                roots.push(found);
            }
        }
    }
    let mut out: Vec<(String, PathBuf)> = Vec::new();
    for (root, patterns) in roots {
        let mut members: Vec<PathBuf> = Vec::new();
        let mut excluded: Vec<PathBuf> = Vec::new();
        for p in &patterns {
            let (into, p) = match p.strip_prefix('!') {
                Some(rest) => (&mut excluded, rest),
                None => (&mut members, p.as_str()),
            };
            let p = p.trim_start_matches("./").trim_end_matches('/');
            let segs: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
            expand_glob(&root, &segs, 0, into);
        }
        members.sort();
        members.dedup();
        for dir in members.into_iter().filter(|m| !excluded.contains(m)) {
            let name = std::fs::read_to_string(dir.join("package.json"))
                .ok()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                .and_then(|v| v.get("name")?.as_str().map(str::to_string));
            if let Some(name) = name {
                if !out.iter().any(|(n, _)| *n == name) {
                    out.push((name, dir));
                }
            }
        }
    }
    out
}

/// A folder's workspace globs: `pnpm-workspace.yaml` `packages`, else `package.json`
/// `workspaces` (a list, or `{ "packages": [...] }` as Yarn writes it).
fn workspace_patterns(dir: &Path) -> Option<Vec<String>> {
    if let Ok(text) = std::fs::read_to_string(dir.join("pnpm-workspace.yaml")) {
        return Some(pnpm_packages(&text));
    }
    let text = std::fs::read_to_string(dir.join("package.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let ws = json.get("workspaces")?;
    let list = ws.as_array().or_else(|| ws.get("packages")?.as_array())?;
    Some(
        list.iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
    )
}

/// The `packages:` list of a `pnpm-workspace.yaml` (block style, `- 'glob'` items).
fn pnpm_packages(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        let content = line.split(" #").next().unwrap_or("").trim_end();
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        if !content.starts_with([' ', '\t', '-']) {
            inside = content.trim() == "packages:";
            continue;
        }
        if let Some(item) = content.trim().strip_prefix('-').filter(|_| inside) {
            let item = item.trim().trim_matches(|c| c == '\'' || c == '"');
            if !item.is_empty() {
                out.push(item.to_string());
            }
        }
    }
    out
}

/// Folders matching a workspace glob (`packages/*`, `apps/**`, `tools/cli`).
fn expand_glob(dir: &Path, segs: &[&str], depth: u32, out: &mut Vec<PathBuf>) {
    let Some((first, rest)) = segs.split_first() else {
        if dir.join("package.json").is_file() {
            out.push(normalize(dir));
        }
        return;
    };
    if depth > 8 {
        return;
    }
    if !first.contains('*') {
        expand_glob(&dir.join(first), rest, depth + 1, out);
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut subdirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !name.starts_with('.') && name != "node_modules"
        })
        .map(|e| e.path())
        .collect();
    subdirs.sort();
    if *first == "**" {
        expand_glob(dir, rest, depth + 1, out);
        for d in subdirs {
            expand_glob(&d, segs, depth + 1, out);
        }
        return;
    }
    let (prefix, suffix) = first.split_once('*').unwrap_or((first, ""));
    for d in subdirs {
        let name = d
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if name.len() >= prefix.len() + suffix.len()
            && name.starts_with(prefix)
            && name.ends_with(suffix)
        {
            expand_glob(&d, rest, depth + 1, out);
        }
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
    /// `export * from 'jose'`: packages whose names this module re-exports.
    pub star_modules: Vec<String>,
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
                        open: !exports.star.is_empty() || !exports.star_modules.is_empty(),
                        at: None,
                        spreads: Vec::new(),
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
                            .find_map(|f| self.resolve_at(f, path, depth + 1))
                            .or_else(|| {
                                // A name no project file exports: the re-exported package's.
                                let [module] = exports.star_modules.as_slice() else {
                                    return None;
                                };
                                Some(Value::Import {
                                    module: module.clone(),
                                    path: path.to_vec(),
                                })
                            });
                    }
                }
            },
        };
        let mut v = self.link_at(base, depth + 1);
        for key in rest {
            v = self.link_at(super::value::project(v, key), depth + 1);
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
                match self.resolve_at(&file, &path, depth + 1) {
                    // Unknown there (`envSchema.parse(process.env).JWT_SECRET`), yet the same
                    // reference is the same value wherever it is used: keep it as one.
                    Some(Value::Unknown) => Value::Module { file, path },
                    Some(v) => v,
                    None => Value::Undefined,
                }
            }
            Value::Object(mut o) => {
                for p in &mut o.props {
                    p.value =
                        self.link_at(std::mem::replace(&mut p.value, Value::Unknown), depth + 1);
                }
                // Spliced last to first, so earlier positions stay right.
                for (pos, spread) in std::mem::take(&mut o.spreads).into_iter().rev() {
                    match self.link_at(spread, depth + 1) {
                        Value::Object(inner) => {
                            o.open |= inner.is_open();
                            let at = pos.min(o.props.len());
                            o.props.splice(at..at, inner.props);
                        }
                        Value::Undefined | Value::Null => {}
                        _ => o.open = true,
                    }
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
