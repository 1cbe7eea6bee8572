use super::{OptionKind, OptionSpec, Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::duration;
use crate::semantic::ir::{OpKind, Slot};
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
            if let Slot::Present {
                value: Value::Bool(true),
                at,
            } = op.options.prop("ignoreExpiration")
            {
                out.push(
                    Finding::new(
                        &META,
                        at,
                        format!("`{}` accepts expired tokens (`ignoreExpiration: true`)", op.api),
                        "remove `ignoreExpiration`; to allow for clock skew, use a small `clockTolerance` instead",
                    )
                    .via(op),
                );
            }
            let Slot::Present { value, at } = op.options.prop("clockTolerance") else {
                continue;
            };
            let seconds = match &value {
                Value::Num(n) if op.ms_durations => Some(n / 1000.0),
                Value::Num(n) => Some(*n),
                Value::Str { value, .. } => duration::parse_ms(value).map(|ms| ms / 1000.0),
                _ => None,
            };
            if let Some(s) = seconds.filter(|s| *s > max) {
                out.push(
                    Finding::new(
                        &META,
                        at,
                        format!(
                            "`{}` accepts tokens up to {} after they expire (`clockTolerance`), more than {}",
                            op.api,
                            duration::describe(s),
                            duration::describe(max)
                        ),
                        "keep `clockTolerance` to the clock skew you expect between servers (seconds to a few minutes)",
                    )
                    .via(op),
                );
            }
        }
    }
}
