use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::KeyFlowKind;

pub struct KidInjection;

static META: RuleMeta = crate::rule_meta!("kid-injection");

impl Rule for KidInjection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        for op in file.ops.iter().filter(|o| o.kind.verifies()) {
            for flow in &op.key_flows {
                let KeyFlowKind::KidInjection(sink) = flow.kind else {
                    continue;
                };
                out.push(
                    Finding::new(
                        &META,
                        flow.at.clone(),
                        format!("the token's `kid` header reaches {sink} unvalidated while choosing the key for `{}`", op.api),
                        "look the kid up in a fixed map or a JWKS client (`keys[kid]`, `client.getSigningKey(kid)`), or validate it against an allowlist first",
                    )
                    .with_related(op.at.clone(), "the verification using the key"),
                );
            }
        }
    }
}
