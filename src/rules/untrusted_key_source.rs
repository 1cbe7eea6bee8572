use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::KeyFlowKind;

pub struct UntrustedKeySource;

static META: RuleMeta = crate::rule_meta!("untrusted-key-source");

const HELP: &str = "verify with keys you choose: a fixed secret or public key, or a JWKS URL in your configuration (`createRemoteJWKSet(new URL(JWKS_URL))`)";

impl Rule for UntrustedKeySource {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        for op in file.ops.iter().filter(|o| o.kind.verifies()) {
            for flow in &op.key_flows {
                let message = match flow.kind {
                    KeyFlowKind::EmbeddedJwk => {
                        format!(
                            "the key for `{}` is the `jwk` from the token's own header",
                            op.api
                        )
                    }
                    KeyFlowKind::HeaderUrl => format!(
                        "the key for `{}` is fetched from a URL the token names (`jku`/`x5u`)",
                        op.api
                    ),
                    KeyFlowKind::KidInjection(_) => continue,
                };
                out.push(
                    Finding::new(&META, flow.at.clone(), message, HELP)
                        .with_related(op.at.clone(), "the verification using it"),
                );
            }
        }
    }
}
