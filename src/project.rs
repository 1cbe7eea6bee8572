//! The project view: all files' facts together, linked (DESIGN.md §1). Here values across
//! files are resolved through the export table, call sites are interpreted into JWT
//! operations, operations inside helper functions are instantiated at each call site, and
//! project-wide queries are offered to rules.

use crate::apps::{AppId, Apps, NO_APP};
use crate::finding::Loc;
use crate::semantic::interpret;
use crate::semantic::ir::{CallSite, FileFacts, FunctionSummary, JwtOp, OpKind, Slot, TokenStore};
use crate::semantic::modules::ExportTable;
use crate::semantic::value::Value;
use std::collections::HashMap;

/// A helper function, the index of a call site inside it, and that site's operations.
type HelperSite = (Loc, usize, std::ops::Range<usize>);

#[derive(Debug, Default)]
pub struct ProjectFacts {
    pub files: Vec<FileFacts>,
    /// Each file's app, by index in `files` (empty: one app, as for a source linted alone).
    apps: Vec<AppId>,
    /// Test files were left out of the walk: signs in tests are not among the facts (a fix
    /// that relies on knowing every sign of a key cannot be sure of it).
    pub tests_unread: bool,
    /// Project-wide indexes rules build once and share (see [`ProjectFacts::memo`]).
    memo: std::sync::Mutex<
        std::collections::HashMap<
            std::any::TypeId,
            std::sync::Arc<dyn std::any::Any + Send + Sync>,
        >,
    >,
}

/// A storage write inside a wrapper, as seen from one call of the wrapper.
fn instantiate_store(st: &TokenStore, func: &Loc, call: &CallSite) -> TokenStore {
    let arg = |v: &Value| -> (Value, Option<Vec<String>>) {
        match v {
            Value::Param { func: f, index, .. } if f == func => {
                let spread = call.args.iter().take(index + 1).any(Option::is_none);
                match call.args.get(*index) {
                    Some(Some(a)) if !spread => (a.value.clone(), Some(a.names.clone())),
                    _ => (Value::Unknown, None),
                }
            }
            other => (other.clone(), None),
        }
    };
    let (key, _) = arg(&st.key);
    let (value, names) = arg(&st.value);
    TokenStore {
        storage: st.storage,
        key,
        // A value stored through the wrapper goes by the caller's names for it.
        value_names: names.unwrap_or_else(|| st.value_names.clone()),
        value_members: Vec::new(),
        value,
        at: call.at.clone(),
        via: Some(st.at.clone()),
    }
}

impl ProjectFacts {
    pub fn new(mut files: Vec<FileFacts>) -> ProjectFacts {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        ProjectFacts {
            files,
            apps: Vec::new(),
            tests_unread: false,
            memo: Default::default(),
        }
    }

    /// A project-wide index of type `T`, built by `build` the first time a rule asks and
    /// shared by every file's check after: rules run per file, and a rule comparing each
    /// file's operations with the whole project's would otherwise scan the project once per
    /// file. `T` is the key: one index per type. Facts must not change after the first call.
    pub fn memo<T: Send + Sync + 'static>(
        &self,
        build: impl FnOnce(&ProjectFacts) -> T,
    ) -> std::sync::Arc<T> {
        let key = std::any::TypeId::of::<T>();
        if let Some(hit) = self
            .memo
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            if let Ok(t) = hit.clone().downcast::<T>() {
                return t;
            }
        }
        // Built outside the lock (two threads may both build it; the first one stored wins).
        let built = std::sync::Arc::new(build(self));
        let mut memo = self.memo.lock().unwrap_or_else(|e| e.into_inner());
        let entry = memo.entry(key).or_insert_with(|| built.clone());
        entry.clone().downcast::<T>().unwrap_or(built)
    }

    /// Works out which app each file belongs to (see `apps.rs`); `roots` are the walked
    /// paths, whose projects bound the search.
    pub fn assign_apps(&mut self, roots: &[std::path::PathBuf]) {
        // Apps scope module defaults and tell services apart for keys signed in one and
        // verified in another: without either, no manifest needs reading.
        let defaults = self.ops().any(|op| op.kind == OpKind::ModuleConfig);
        let signs = self.ops().any(|op| op.kind == OpKind::Sign);
        let verifies = self.ops().any(|op| op.kind.verifies());
        if !(defaults || signs && verifies) {
            return;
        }
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut apps = Apps::new(roots, &cwd);
        self.apps = self.files.iter().map(|f| apps.app_of(&f.path)).collect();
    }

    /// The app of the file at `path` (an operation's `at.path`).
    pub fn app_of(&self, path: &std::path::Path) -> AppId {
        self.files
            .binary_search_by(|f| f.path.as_path().cmp(path))
            .ok()
            .and_then(|i| self.apps.get(i).copied())
            .unwrap_or(NO_APP)
    }

    /// The app of `files[i]`.
    pub fn file_app(&self, i: usize) -> AppId {
        self.apps.get(i).copied().unwrap_or(NO_APP)
    }

    /// Whether two operations are in the same app.
    pub fn same_app(&self, a: &JwtOp, b: &JwtOp) -> bool {
        self.app_of(&a.at.path) == self.app_of(&b.at.path)
    }

    /// The link and interpret stages: values that refer to other files are resolved
    /// through the export table, every call site is interpreted by its library's adapter,
    /// and operations inside helper functions are instantiated at each call of the helper
    /// (one level).
    pub fn link(&mut self, table: Option<&ExportTable>) {
        use rayon::prelude::*;
        if let Some(t) = table {
            self.files.par_iter_mut().for_each(|file| {
                for site in &mut file.calls {
                    link_site(site, t);
                }
                let take = |v: &mut Value| *v = t.link(std::mem::replace(v, Value::Unknown));
                for f in &mut file.functions {
                    take(&mut f.returns);
                }
                for st in &mut file.stores {
                    take(&mut st.key);
                    take(&mut st.value);
                }
                for c in &mut file.cookies {
                    take(&mut c.name);
                    take(&mut c.value);
                    if let Slot::Present { value, .. } = &mut c.options {
                        take(value);
                    }
                }
            });
        }
        let summaries: HashMap<&Loc, &FunctionSummary> = self
            .files
            .iter()
            .flat_map(|f| &f.functions)
            .map(|f| (&f.at, f))
            .collect();
        // Each file's operations, and per helper function the call sites inside it whose
        // operations use its parameters.
        let interpreted: Vec<(Vec<JwtOp>, Vec<HelperSite>)> = self
            .files
            .par_iter()
            .map(|file| {
                let mut ops = Vec::new();
                let mut helpers = Vec::new();
                for (i, site) in file.calls.iter().enumerate() {
                    let start = ops.len();
                    interpret::interpret(site, &summaries, &mut ops);
                    let mut funcs: Vec<&Loc> = ops[start..]
                        .iter()
                        .filter_map(JwtOp::helper_function)
                        .collect();
                    funcs.sort();
                    funcs.dedup();
                    let range = start..ops.len();
                    for func in funcs {
                        helpers.push((func.clone(), i, range.clone()));
                    }
                }
                (ops, helpers)
            })
            .collect();
        let mut by_function: HashMap<Loc, Vec<(&CallSite, Vec<JwtOp>)>> = HashMap::new();
        for (file, (ops, helpers)) in self.files.iter().zip(&interpreted) {
            for (func, i, range) in helpers {
                by_function
                    .entry(func.clone())
                    .or_default()
                    .push((&file.calls[*i], ops[range.clone()].to_vec()));
            }
        }
        let mut stores_by_function: HashMap<Loc, Vec<TokenStore>> = HashMap::new();
        for st in self
            .files
            .iter()
            .flat_map(|f| f.stores.iter())
            .filter(|s| s.via.is_none())
        {
            if let Some(func) = st.helper_function() {
                stores_by_function
                    .entry(func.clone())
                    .or_default()
                    .push(st.clone());
            }
        }
        let added: Vec<(Vec<JwtOp>, Vec<TokenStore>)> = self
            .files
            .par_iter()
            .map(|file| {
                let mut ops = Vec::new();
                let mut stores = Vec::new();
                for call in &file.calls {
                    let Value::Function { at } = &call.callee else {
                        continue;
                    };
                    for (inner, original) in by_function.get(at).into_iter().flatten() {
                        let Some(site) = interpret::substitute(inner, at, call) else {
                            continue;
                        };
                        let mut fresh = Vec::new();
                        interpret::interpret(&site, &summaries, &mut fresh);
                        ops.extend(interpret::instantiate(fresh, original, at, call));
                    }
                    for st in stores_by_function.get(at).into_iter().flatten() {
                        stores.push(instantiate_store(st, at, call));
                    }
                }
                (ops, stores)
            })
            .collect();
        for ((file, (ops, _)), (more_ops, more_stores)) in
            self.files.iter_mut().zip(interpreted).zip(added)
        {
            file.ops.extend(ops);
            file.ops.extend(more_ops);
            file.stores.extend(more_stores);
            // Interpreted: rules read the operations, so the call sites' memory goes back.
            file.calls = Vec::new();
            file.functions = Vec::new();
        }
    }

    pub fn ops(&self) -> impl Iterator<Item = &JwtOp> {
        self.files.iter().flat_map(|f| f.ops.iter())
    }

    /// Whether an option `slot` picks is provably missing for `op`: absent at the call and,
    /// for operations that inherit module defaults, absent from every module configuration
    /// that may provide them (see `module_configs_for`; none found means unknown).
    /// `Some(configs)` when missing, to cite as related.
    pub fn missing_with_defaults<'a>(
        &'a self,
        op: &JwtOp,
        slot: impl Fn(&JwtOp) -> &Slot,
    ) -> Option<Vec<&'a JwtOp>> {
        if !slot(op).is_absent() {
            return None;
        }
        if !op.inherits_defaults {
            return Some(Vec::new());
        }
        let defaults = self.module_configs_for(op);
        if defaults.is_empty() || defaults.iter().any(|c| !slot(c).is_absent()) {
            return None;
        }
        Some(defaults)
    }

    /// The module configurations an operation that inherits defaults may get them from:
    /// those of its library in its own app (DESIGN.md §2 "Project boundaries"); when its
    /// app registers none (a shared library package, an Nx `libs/` folder used by the
    /// apps), those of the whole project. In path order.
    pub fn module_configs_for<'a>(&'a self, op: &JwtOp) -> Vec<&'a JwtOp> {
        let app = self.app_of(&op.at.path);
        let all: Vec<&JwtOp> = self.module_configs(op.lib).collect();
        let own: Vec<&JwtOp> = all
            .iter()
            .copied()
            .filter(|c| self.app_of(&c.at.path) == app)
            .collect();
        if own.is_empty() {
            all
        } else {
            own
        }
    }

    /// Module-level defaults of one library (NestJS `JwtModule.register`), in path order,
    /// across the project.
    pub fn module_configs<'a>(&'a self, lib: &'a str) -> impl Iterator<Item = &'a JwtOp> + 'a {
        self.ops()
            .filter(move |op| op.lib == lib && op.kind == OpKind::ModuleConfig && op.via.is_none())
    }
}

/// Resolves a call site's references to other files.
fn link_site(site: &mut CallSite, t: &ExportTable) {
    let take = |v: &mut Value| *v = t.link(std::mem::replace(v, Value::Unknown));
    take(&mut site.callee);
    for a in site
        .args
        .iter_mut()
        .chain(site.chain.iter_mut().flat_map(|l| l.args.iter_mut()))
        .flatten()
    {
        take(&mut a.value);
    }
}

#[cfg(test)]
mod tests {
    use super::ProjectFacts;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn memo_builds_once_per_type() {
        struct Count(usize);
        struct Other(&'static str);
        let project = ProjectFacts::new(Vec::new());
        let builds = AtomicUsize::new(0);
        for _ in 0..3 {
            let c = project.memo(|p| {
                builds.fetch_add(1, Ordering::SeqCst);
                Count(p.files.len())
            });
            assert_eq!(c.0, 0);
        }
        assert_eq!(builds.load(Ordering::SeqCst), 1);
        assert_eq!(project.memo(|_| Other("x")).0, "x");
    }
}
