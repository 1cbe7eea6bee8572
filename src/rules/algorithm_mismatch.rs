use super::helpers::shared_keys::shared_key;
use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::{JwtOp, OpKind};
use crate::semantic::value::Value;

pub struct AlgorithmMismatch;

static META: RuleMeta = crate::rule_meta!("algorithm-mismatch");

/// The algorithms a verification accepts, when the allowlist is written out in full.
fn allowlist(op: &JwtOp) -> Option<Vec<String>> {
    match op.algorithms.value()? {
        Value::Array { items, open: false } => items
            .iter()
            .map(|i| i.as_str().map(str::to_ascii_uppercase))
            .collect(),
        Value::Str { value, .. } => Some(vec![value.to_ascii_uppercase()]),
        _ => None,
    }
}

/// The algorithm a sign uses, when written (`none` is none-algorithm's business).
fn signed_with(op: &JwtOp) -> Option<String> {
    op.algorithms
        .value()
        .and_then(Value::as_str)
        .map(str::to_ascii_uppercase)
        .filter(|a| a != "NONE")
}

impl Rule for AlgorithmMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let project = cx.project;
        for verify in cx.file.ops.iter().filter(|o| o.kind.verifies()) {
            let (Some(id), Some(allowed), Some(at)) = (
                shared_key(verify),
                allowlist(verify),
                verify.algorithms.at(),
            ) else {
                continue;
            };
            // Issuers of the same key whose algorithm the allowlist leaves out: the tokens
            // this verifier exists to accept are all rejected.
            let rejected: Vec<(&JwtOp, String)> = project
                .ops()
                .filter(|s| s.kind == OpKind::Sign && s.via.is_none())
                .filter(|s| shared_key(s).as_deref() == Some(id.as_str()))
                .filter_map(|s| signed_with(s).map(|alg| (s, alg)))
                .filter(|(_, alg)| !allowed.contains(alg))
                .collect();
            let Some((first, alg)) = rejected.first() else {
                continue;
            };
            let mut f = Finding::new(
                &META,
                at.clone(),
                format!(
                    "`{}` accepts only {} but its issuer signs the same key's tokens with {alg} (`{}`): every such token is rejected",
                    verify.api,
                    allowed.join(", "),
                    first.at.path.display()
                ),
                format!(
                    "allow the algorithm the issuer signs with (`{}`), or change the issuer to the one allowed",
                    crate::semantic::ir::example(verify.spelling.algorithms, &format!("['{alg}']"))
                ),
            );
            for (s, _) in rejected.iter().take(3) {
                f = f.with_related(s.at.clone(), "the issuer signs with another algorithm here");
            }
            out.push(f.via(verify));
        }
    }
}
