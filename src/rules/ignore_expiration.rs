use super::{OptionKind, OptionSpec, Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::fix::{facts, Fix};
use crate::semantic::duration;
use crate::semantic::ir::{JwtOp, OpKind, Slot};
use crate::semantic::value::Value;

pub struct IgnoreExpiration;

static META: RuleMeta = crate::rule_meta!("ignore-expiration").with_options(&[OptionSpec {
    name: "max-clock-tolerance",
    kind: OptionKind::Duration,
    default: "300s",
    help: "the largest clockTolerance accepted",
}]);

impl Rule for IgnoreExpiration {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        let max = cx.options.duration("max-clock-tolerance");
        for op in file
            .ops
            .iter()
            .filter(|op| op.kind.verifies() || op.kind == OpKind::ModuleConfig)
        {
            let (ignore, tolerance) = (op.spelling.ignore_expiration, op.spelling.clock_tolerance);
            if let Slot::Present {
                value: Value::Bool(true),
                at,
            } = &op.ignores_expiration
            {
                out.push(
                    Finding::new(
                        &META,
                        at.clone(),
                        format!("`{}` accepts expired tokens (`{ignore}: true`)", op.api),
                        format!("remove `{ignore}`; to allow for clock skew, use a small `{tolerance}` instead"),
                    )
                    .via(op)
                    .with_fix(fix(op, at)),
                );
            }
            let Some(at) = op.clock_tolerance.at() else {
                continue;
            };
            if let Some(s) = op.clock_tolerance_seconds().filter(|s| *s > max) {
                out.push(
                    Finding::new(
                        &META,
                        at.clone(),
                        format!(
                            "`{}` accepts tokens up to {} after they expire (`{tolerance}`), more than {}",
                            op.api,
                            duration::describe(s),
                            duration::describe(max)
                        ),
                        format!("keep `{tolerance}` to the clock skew you expect between servers (seconds to a few minutes)"),
                    )
                    .via(op),
                );
            }
        }
    }
}

/// Removes `ignoreExpiration: true` from the options object written at the call. Unsafe:
/// expired tokens the application accepts today are rejected afterwards.
fn fix(op: &JwtOp, at: &crate::finding::Loc) -> Option<Fix> {
    if op.via.is_some() {
        return None;
    }
    let spelled = op.spelling.ignore_expiration;
    let key = spelled.rsplit('.').next().unwrap_or(spelled);
    let edit = facts::remove_prop(&op.options, key, at)?;
    Some(Fix::unsafe_(format!("Remove `{key}: true`"), vec![edit]))
}
