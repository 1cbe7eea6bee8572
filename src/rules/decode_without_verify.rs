use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::OpKind;

pub struct DecodeWithoutVerify;

static META: RuleMeta = crate::rule_meta!("decode-without-verify");

impl Rule for DecodeWithoutVerify {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        if file.browser {
            return;
        }
        for op in file.ops.iter().filter(|o| o.kind == OpKind::Decode) {
            let Some(use_) = &op.decode_use else { continue };
            if op.verified_nearby {
                continue;
            }
            out.push(
                Finding::new(
                    &META,
                    op.at.clone(),
                    format!("`{}` reads claims without checking the signature, and the result {}", op.api, use_.what),
                    "verify the token (`jwt.verify` with an algorithms allowlist) and use what it returns; anyone can write a token that decodes",
                )
                .with_related(use_.at.clone(), "the unverified claims are used here"),
            );
        }
    }
}
