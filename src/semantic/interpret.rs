//! The interpret stage (DESIGN.md §1): linked call sites become JWT operations through
//! their library's adapter, and operations inside helper functions are instantiated at
//! each call of the helper by substituting the call's arguments into the helper's own
//! call site and interpreting it again, so every adapter's option handling applies.

use super::ir::{CallSite, JwtOp, OpKind, Slot};
use super::libraries::{self, Call, Functions};
use super::value::Value;
use crate::finding::Loc;

/// The operations a (linked) call site performs, appended to `out`.
pub fn interpret(site: &CallSite, functions: &dyn Functions, out: &mut Vec<JwtOp>) {
    let Value::Import { module, path } = &site.callee else {
        return;
    };
    let Some(lib) = libraries::for_module(module) else {
        return;
    };
    let call = Call {
        site,
        module,
        path,
        is_new: site.is_new,
        functions,
        spelling: lib.spelling(),
    };
    let start = libraries::interpret(lib, &call, out);
    for op in &mut out[start..] {
        op.names = site.names.clone();
        if op.kind == OpKind::Decode {
            op.decode_use = site.decode_use.clone();
            op.verified_nearby = site.verified_nearby;
        }
        if op.kind.verifies() && op.key_flows.is_empty() {
            // A key chosen by a function: what it does with the token's header.
            if let Some(f) = call.function(op.key.value()) {
                op.key_flows = f.key_flows.clone();
            }
        }
        if let Some(at) = op.payload.at() {
            if let Some(a) = site.args.iter().flatten().find(|a| a.at == *at) {
                op.payload_source = a.source.clone();
                op.payload_looked_up = a.looked_up;
                op.payload_records = a.records.clone();
            }
        }
    }
}

/// The first parameter index of `func` a value uses.
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

/// `inner`, a call site inside helper `func`, as seen from `call` (a call of the helper):
/// arguments built from the helper's parameters take the call's arguments and are blamed
/// at the call. `None` when nothing of `inner` depends on the parameters.
pub fn substitute(inner: &CallSite, func: &Loc, call: &CallSite) -> Option<CallSite> {
    let spread_before = |i: usize| call.args.iter().take(i + 1).any(Option::is_none);
    let arg = |index: usize, has_default: bool| -> Option<Value> {
        if spread_before(index) {
            return None;
        }
        match call.args.get(index) {
            // Not passed: `undefined`, unless a default applies (unknown here).
            None => (!has_default).then_some(Value::Undefined),
            Some(a) => a.as_ref().map(|a| a.value.clone()),
        }
    };
    let mut site = inner.clone();
    let mut changed = false;
    let args = site
        .args
        .iter_mut()
        .chain(site.chain.iter_mut().flat_map(|l| l.args.iter_mut()))
        .flatten();
    for a in args {
        let Some(index) = first_param(&a.value, func) else {
            continue;
        };
        changed = true;
        let passed = (!spread_before(index)).then(|| call.args.get(index));
        let at = match passed {
            Some(Some(Some(c))) => Some(c.at.clone()),
            Some(None) => Some(call.at.clone()),
            _ => None,
        };
        match (a.value.substitute(func, &arg), at) {
            (Some(value), Some(at)) => {
                // A parameter passed whole goes by the caller's names for it.
                if let (Value::Param { .. }, Some(Some(Some(c)))) = (&a.value, passed) {
                    a.names = c.names.clone();
                    a.source = c.source.clone();
                    a.looked_up = c.looked_up;
                    a.records = c.records.clone();
                }
                a.value = value;
                a.at = at;
            }
            _ => a.value = Value::Unknown,
        }
    }
    changed.then_some(site)
}

/// Operations of a helper as seen from one call of it: `fresh` are the operations of the
/// substituted call site, `original` those of the helper's own. A slot the substitution
/// left as it was is the helper's own business (reported there), so it becomes unknown.
pub fn instantiate(
    fresh: Vec<JwtOp>,
    original: &[JwtOp],
    func: &Loc,
    call: &CallSite,
) -> Vec<JwtOp> {
    if fresh.len() != original.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (mut op, old) in fresh.into_iter().zip(original) {
        if old.helper_function() != Some(func) {
            continue;
        }
        let fresh_payload = op.payload.clone();
        let pairs = [
            (&mut op.key, &old.key),
            (&mut op.payload, &old.payload),
            (&mut op.algorithms, &old.algorithms),
            (&mut op.expiry, &old.expiry),
            (&mut op.options, &old.options),
            (&mut op.ignores_expiration, &old.ignores_expiration),
            (&mut op.clock_tolerance, &old.clock_tolerance),
            (&mut op.skips_verification, &old.skips_verification),
            (&mut op.audience, &old.audience),
            (&mut op.issuer, &old.issuer),
            (&mut op.revocation, &old.revocation),
        ];
        for (new, old) in pairs {
            if *new == *old || matches!(new.value(), Some(Value::Unknown)) {
                *new = Slot::Unknown;
            }
        }
        // An unknown payload still tells what it was built from (`issue(await
        // User.findById(id))`): kept for the whole-record check, blamed at the argument.
        if old.payload != fresh_payload && matches!(fresh_payload.value(), Some(Value::Unknown)) {
            op.payload = fresh_payload;
        }
        op.at = call.at.clone();
        op.api = format!("{}` through `{}", old.api, call.api);
        op.via = Some(old.at.clone());
        op.names = call.names.iter().chain(&old.names).cloned().collect();
        // A decode wrapper's claims are used by its caller: the caller's use counts here.
        if op.kind == OpKind::Decode {
            op.decode_use = call.decode_use.clone();
            op.verified_nearby = call.verified_nearby;
        }
        out.push(op);
    }
    out
}
