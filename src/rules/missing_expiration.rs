use super::{Rule, RuleMeta};
use crate::finding::Finding;
use crate::project::ProjectFacts;
use crate::semantic::ir::{FileFacts, OpKind};

pub struct MissingExpiration;

static META: RuleMeta = crate::rule_meta!("missing-expiration");

impl Rule for MissingExpiration {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, project: &ProjectFacts, file: &FileFacts, out: &mut Vec<Finding>) {
        for op in file.ops.iter().filter(|op| op.kind == OpKind::Sign) {
            if !op.expiry.is_absent() {
                continue;
            }
            let mut defaults = Vec::new();
            if op.inherits_defaults {
                defaults = project.module_configs(op.lib).collect();
                if defaults.is_empty() || defaults.iter().any(|c| !c.expiry.is_absent()) {
                    continue;
                }
            }
            let mut f = Finding::new(
                &META,
                op.at.clone(),
                format!("`{}` signs a token that never expires", op.api),
                "give the token a lifetime (e.g. `expiresIn: '15m'`, or `.setExpirationTime('15m')` with jose) so a leaked token stops working",
            );
            f = f.via(op);
            for d in defaults {
                f = f.with_related(
                    d.at.clone(),
                    "module defaults here set no `signOptions.expiresIn`",
                );
            }
            out.push(f);
        }
    }
}
