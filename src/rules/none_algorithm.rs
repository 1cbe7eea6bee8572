use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::fix::{facts, Fix};
use crate::project::ProjectFacts;
use crate::semantic::ir::{JwtOp, OpKind, Slot};
use crate::semantic::value::Value;

pub struct NoneAlgorithm;

static META: RuleMeta = crate::rule_meta!("none-algorithm");

fn is_none(v: &Value) -> bool {
    v.as_str().is_some_and(|s| s.eq_ignore_ascii_case("none"))
}

/// Whether a value is certainly truthy in JavaScript.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Num(n) => *n != 0.0 && !n.is_nan(),
        Value::Str { value, .. } => !value.is_empty(),
        Value::Object(_) | Value::Array { .. } | Value::Function { .. } => true,
        _ => false,
    }
}

impl Rule for NoneAlgorithm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let (project, file) = (cx.project, cx.file);
        for op in &file.ops {
            if let Slot::Present { value, at } = &op.algorithms {
                let hit = match value {
                    Value::Array { items, .. } => {
                        items.iter().find(|i| is_none(i)).and_then(Value::origin)
                    }
                    v if is_none(v) => Some(at.clone()),
                    _ => None,
                };
                if let Some(place) = hit {
                    let message = if op.kind == OpKind::Sign {
                        format!("`{}` creates an unsigned token (algorithm `none`)", op.api)
                    } else {
                        format!(
                            "`{}` accepts unsigned tokens (`none` in the algorithms)",
                            op.api
                        )
                    };
                    out.push(
                        Finding::new(
                            &META,
                            place,
                            message,
                            "sign and verify with a real algorithm (e.g. HS256 or RS256); an unsigned token can be written by anyone",
                        )
                        .via(op)
                        .with_fix(fix(project, op)),
                    );
                    continue;
                }
            }
            // A switch that turns the signature check off (jwt-simple's `noVerify`).
            if let Slot::Present { value, at } = &op.skips_verification {
                if truthy(value) {
                    let name = op.spelling.skip_verification;
                    out.push(
                        Finding::new(
                            &META,
                            at.clone(),
                            format!("`{}` skips signature verification (`{name}`)", op.api),
                            format!("verify the signature: drop the `{name}` argument and pass the algorithm you sign with"),
                        )
                        .via(op),
                    );
                }
            }
        }
    }
}

/// Drops `'none'` from an allowlist written at the verification, when other algorithms stay
/// and no token of the project is signed with `none` (which the fix would start rejecting).
fn fix(project: &ProjectFacts, op: &JwtOp) -> Option<Fix> {
    if op.kind == OpKind::Sign || op.via.is_some() {
        return None;
    }
    // A sign whose algorithm is `none`, or not known (a library default never is `none`).
    let signs_none = project.ops().any(|s| {
        s.kind == OpKind::Sign
            && match &s.algorithms {
                Slot::Absent => false,
                Slot::Unknown => true,
                Slot::Present { value, .. } => value.as_str().is_none() || is_none(value),
            }
    });
    if signs_none {
        return None;
    }
    let edit = facts::remove_strings(&op.algorithms, |a| a.eq_ignore_ascii_case("none"))?;
    Some(Fix::safe_unless_tests_unread(
        project.tests_unread,
        "Remove `'none'` from the allowlist",
        vec![edit],
    ))
}
