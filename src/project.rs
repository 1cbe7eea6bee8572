//! The project view: all files' facts together, linked (DESIGN.md §1). Values across
//! files are resolved during the facts stage's second look (see `lib.rs`); here, JWT
//! operations inside helper functions are instantiated at each call site that passes
//! them something known, and project-wide queries are offered to rules.

use crate::finding::Loc;
use crate::semantic::ir::{FileFacts, HelperCall, JwtOp, OpKind, Slot, TokenStore};
use crate::semantic::modules::ExportTable;
use crate::semantic::value::Value;
use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct ProjectFacts {
    pub files: Vec<FileFacts>,
}

/// The first parameter index a value uses.
fn first_param(v: &Value, func: &Loc) -> Option<usize> {
    match v {
        Value::Param { func: f, index, .. } if f == func => Some(*index),
        Value::KeyMaterial { from, .. } => first_param(from, func),
        Value::Env {
            fallback: Some(f), ..
        } => first_param(f, func),
        Value::Object(o) => o.props.iter().find_map(|p| first_param(&p.value, func)),
        Value::Array { items, .. } => items.iter().find_map(|i| first_param(i, func)),
        _ => None,
    }
}

/// A copy of `op` as seen from `call`: parameter slots take the call's arguments; every
/// other slot becomes unknown, so the copy reports nothing the helper itself reports.
fn instantiate(op: &JwtOp, func: &Loc, call: &HelperCall, table: Option<&ExportTable>) -> JwtOp {
    let arg = |index: usize, has_default: bool| -> Option<Value> {
        // Not passed: `undefined`, unless a default applies (unknown here).
        if index >= call.args.len() {
            return (!has_default).then_some(Value::Undefined);
        }
        // After a spread: unknown.
        let (value, _) = call.args.get(index)?.as_ref()?;
        Some(match table {
            Some(t) => t.link(value.clone()),
            None => value.clone(),
        })
    };
    let fill = |slot: &Slot| -> Slot {
        let Some(value) = slot.value().filter(|v| v.param_function() == Some(func)) else {
            return Slot::Unknown;
        };
        // Blame the argument at the call site (the call, for an argument not passed).
        let at = first_param(value, func).and_then(|i| match call.args.get(i) {
            Some(a) => a.as_ref().map(|(_, at)| at.clone()),
            None => Some(call.at.clone()),
        });
        match (value.substitute(func, &arg), at) {
            (Some(value), Some(at)) => Slot::Present { value, at },
            _ => Slot::Unknown,
        }
    };
    let mut copy = op.clone();
    copy.key = fill(&op.key);
    copy.payload = fill(&op.payload);
    copy.algorithms = fill(&op.algorithms);
    copy.expiry = fill(&op.expiry);
    copy.options = fill(&op.options);
    // Facts the adapter derives from the options and payload, derived again from the
    // call's arguments (`expiresIn` of an options parameter).
    if let Some(derive) = op.derive {
        if !matches!(copy.options, Slot::Unknown) || !matches!(copy.payload, Slot::Unknown) {
            (derive.0)(&mut copy);
        }
    }
    copy.at = call.at.clone();
    copy.api = format!("{}` through `{}", op.api, call.api);
    copy.via = Some(op.at.clone());
    copy.names = call.names.iter().chain(&op.names).cloned().collect();
    copy
}

/// A storage write inside a wrapper, as seen from one call of the wrapper.
fn instantiate_store(
    st: &TokenStore,
    func: &Loc,
    call: &HelperCall,
    table: Option<&ExportTable>,
) -> TokenStore {
    let arg = |v: &Value| -> (Value, Option<Vec<String>>) {
        match v {
            Value::Param { func: f, index, .. } if f == func => match call.args.get(*index) {
                Some(Some((value, _))) => (
                    table.map_or_else(|| value.clone(), |t| t.link(value.clone())),
                    call.arg_names.get(*index).cloned(),
                ),
                _ => (Value::Unknown, None),
            },
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
        ProjectFacts { files }
    }

    /// Instantiates helper functions' operations at their call sites (one level).
    pub fn link(&mut self, table: Option<&ExportTable>) {
        let mut by_function: HashMap<Loc, Vec<JwtOp>> = HashMap::new();
        for op in self.ops().filter(|op| op.via.is_none()) {
            if let Some(func) = op.helper_function() {
                by_function
                    .entry(func.clone())
                    .or_default()
                    .push(op.clone());
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
        if by_function.is_empty() && stores_by_function.is_empty() {
            return;
        }
        for file in &mut self.files {
            let mut added = Vec::new();
            let mut added_stores = Vec::new();
            for call in &file.helper_calls {
                let callee = match (table, &call.callee) {
                    (Some(t), c) => t.link(c.clone()),
                    (None, c) => c.clone(),
                };
                let Value::Function { at } = callee else {
                    continue;
                };
                for op in by_function.get(&at).into_iter().flatten() {
                    added.push(instantiate(op, &at, call, table));
                }
                for st in stores_by_function.get(&at).into_iter().flatten() {
                    added_stores.push(instantiate_store(st, &at, call, table));
                }
            }
            file.ops.extend(added);
            file.stores.extend(added_stores);
        }
    }

    pub fn ops(&self) -> impl Iterator<Item = &JwtOp> {
        self.files.iter().flat_map(|f| f.ops.iter())
    }

    /// Whether an option `slot` picks is provably missing for `op`: absent at the call and,
    /// for operations that inherit module defaults, absent from every module configuration
    /// found (none found means unknown). `Some(configs)` when missing, to cite as related.
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
        let defaults: Vec<&JwtOp> = self.module_configs(op.lib).collect();
        if defaults.is_empty() || defaults.iter().any(|c| !slot(c).is_absent()) {
            return None;
        }
        Some(defaults)
    }

    /// Module-level defaults of one library (NestJS `JwtModule.register`), in path order.
    pub fn module_configs<'a>(&'a self, lib: &'a str) -> impl Iterator<Item = &'a JwtOp> + 'a {
        self.ops()
            .filter(move |op| op.lib == lib && op.kind == OpKind::ModuleConfig && op.via.is_none())
    }
}
