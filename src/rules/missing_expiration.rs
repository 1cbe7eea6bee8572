use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::OpKind;

pub struct MissingExpiration;

static META: RuleMeta = crate::rule_meta!("missing-expiration");

impl Rule for MissingExpiration {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let (project, file) = (cx.project, cx.file);
        for op in file.ops.iter().filter(|op| op.kind == OpKind::Sign) {
            let Some(defaults) = project.missing_with_defaults(op, |o| &o.expiry) else {
                continue;
            };
            let mut f = Finding::new(
                &META,
                op.at.clone(),
                format!("`{}` signs a token that never expires", op.api),
                format!(
                    "give the token a lifetime (e.g. `{}`) so a leaked token stops working",
                    op.spelling.lifetime_example()
                ),
            );
            f = f.via(op);
            for d in defaults {
                f = f.with_related(
                    d.at.clone(),
                    "the module defaults registered here give no lifetime either",
                );
            }
            out.push(f);
        }
    }
}
