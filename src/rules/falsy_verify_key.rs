use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::Slot;
use crate::semantic::value::Value;

pub struct FalsyVerifyKey;

static META: RuleMeta = crate::rule_meta!("falsy-verify-key");

/// The falsy literal a key value is, or falls back to.
fn falsy(v: &Value) -> Option<(&'static str, bool)> {
    let what = match v {
        Value::Str { value, .. } if value.is_empty() => "an empty string",
        Value::Null => "`null`",
        Value::Undefined => "`undefined`",
        Value::Bool(false) => "`false`",
        Value::Num(n) if *n == 0.0 => "`0`",
        Value::Env {
            fallback: Some(f), ..
        } => return falsy(f).map(|(w, _)| (w, true)),
        // `new TextEncoder().encode('')`, `Buffer.from('')`: an empty key.
        Value::KeyMaterial { kind, from } if *kind != crate::semantic::value::KeyKind::File => {
            return match from.as_ref() {
                Value::Str { value, .. } if value.is_empty() => {
                    Some(("an empty byte string", false))
                }
                _ => None,
            }
        }
        _ => return None,
    };
    Some((what, false))
}

impl Rule for FalsyVerifyKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        for op in file.ops.iter().filter(|op| op.kind.verifies()) {
            let Slot::Present { value, at } = &op.key else {
                continue;
            };
            let Some((what, fallback)) = falsy(value) else {
                continue;
            };
            let message = if fallback {
                format!(
                    "`{}` falls back to {what} as its key when the variable is not set",
                    op.api
                )
            } else {
                format!("`{}` verifies with {what} as its key", op.api)
            };
            out.push(
                Finding::new(
                    &META,
                    at.clone(),
                    message,
                    "pass the real secret or public key, and fail at start-up when it is missing",
                )
                .via(op),
            );
        }
    }
}
