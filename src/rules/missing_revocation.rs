use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::OpKind;

pub struct MissingRevocation;

static META: RuleMeta = crate::rule_meta!("missing-revocation");

impl Rule for MissingRevocation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        // Only middleware whose library offers a revocation hook (the adapter says so).
        for op in file
            .ops
            .iter()
            .filter(|o| o.kind == OpKind::Middleware && o.revocation_hook)
        {
            if !op.revocation.is_absent() {
                continue;
            }
            let hook = op.spelling.revocation;
            out.push(Finding::new(
                &META,
                op.at.clone(),
                format!("`{}` has no `{hook}` check: a token stays valid until it expires", op.api),
                format!("pass `{hook}` to reject tokens of users who logged out, changed their password or were blocked (e.g. by `jti` or a per-user token version)"),
            ));
        }
    }
}
