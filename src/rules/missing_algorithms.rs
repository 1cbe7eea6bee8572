use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::{example, JwtOp, OpKind};

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
                help(op, &defaults),
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
        // A registration that sets up verification for its app, when the app shows no
        // verification of its own to blame (DESIGN.md §2 "Project boundaries").
        for op in file
            .ops
            .iter()
            .filter(|op| op.sets_up_verification && op.via.is_none() && op.algorithms.is_absent())
        {
            let verified_here = project
                .ops()
                .any(|v| v.lib == op.lib && v.kind.verifies() && project.same_app(v, op));
            if verified_here {
                continue;
            }
            out.push(Finding::new(
                &META,
                op.at.clone(),
                format!(
                    "`{}` sets up token verification without `{}`",
                    op.api, op.spelling.algorithms
                ),
                help(op, &[]),
            ));
        }
    }
}

/// What to write, in the library's words: at the call, or in the module defaults it inherits.
fn help(op: &JwtOp, defaults: &[&JwtOp]) -> String {
    let (name, at_module) = match defaults.first() {
        Some(d) => (
            d.spelling.algorithms,
            format!(
                " here, or `{}` where the module is registered,",
                d.spelling.algorithms
            ),
        ),
        None => (op.spelling.algorithms, String::new()),
    };
    format!(
        "pass `{}`{at_module} with the one algorithm you sign with (e.g. `{}`), so a token cannot pick its own algorithm",
        op.spelling.algorithms,
        example(name, "['HS256']")
    )
}
