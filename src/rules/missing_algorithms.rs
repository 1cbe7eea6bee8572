use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::OpKind;

pub struct MissingAlgorithms;

static META: RuleMeta = crate::rule_meta!("missing-algorithms");

impl Rule for MissingAlgorithms {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let (project, file) = (cx.project, cx.file);
        for op in file.ops.iter().filter(|op| op.kind.verifies()) {
            let Some(defaults) = project.missing_with_defaults(op, |o| &o.algorithms) else {
                continue;
            };
            let what = match op.kind {
                OpKind::Middleware => "accepts tokens",
                OpKind::Strategy => "authenticates tokens",
                _ => "verifies a token",
            };
            let mut f = Finding::new(
                &META,
                op.at.clone(),
                format!("`{}` {what} without an algorithms allowlist", op.api),
                "pass `algorithms` with the one algorithm you sign with (e.g. `algorithms: ['HS256']`), so a token cannot pick its own algorithm",
            );
            f = f.via(op);
            for d in defaults {
                f = f.with_related(
                    d.at.clone(),
                    "the module defaults registered here give no algorithms allowlist either",
                );
            }
            out.push(f);
        }
    }
}
