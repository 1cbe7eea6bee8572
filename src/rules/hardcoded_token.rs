use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;

pub struct HardcodedToken;

static META: RuleMeta = crate::rule_meta!("hardcoded-token");

impl Rule for HardcodedToken {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        for t in &file.token_literals {
            out.push(Finding::new(
                &META,
                t.at.clone(),
                format!("a JWT ({}) is written in the source", t.alg),
                "remove it and revoke or rotate whatever it grants; load tokens at run time from the environment or a secret manager",
            ));
        }
    }
}
