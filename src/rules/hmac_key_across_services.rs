use super::helpers::shared_keys::{shared_secret, signs_with_secret_elsewhere};
use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::JwtOp;
use crate::semantic::value::Value;

pub struct HmacKeyAcrossServices;

static META: RuleMeta = crate::rule_meta!("hmac-key-across-services");

/// Whether a sign uses an asymmetric algorithm (then the same key cannot verify elsewhere
/// without being the private key, which other rules and reviews catch).
fn asymmetric(op: &JwtOp) -> bool {
    op.algorithms
        .value()
        .and_then(Value::as_str)
        .is_some_and(|a| {
            let a = a.to_ascii_uppercase();
            a.starts_with("RS") || a.starts_with("ES") || a.starts_with("PS") || a == "EDDSA"
        })
}

/// How to name a key in a message without repeating a literal.
fn shown(id: &str) -> String {
    if id.starts_with("literal ") {
        "a hard-coded secret".into()
    } else if let Some((module, path)) = id.split_once('#') {
        format!("`{path}` from `{module}`")
    } else {
        format!("`{id}`")
    }
}

impl Rule for HmacKeyAcrossServices {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let project = cx.project;
        for verify in cx.file.ops.iter().filter(|o| o.kind.verifies()) {
            let Some(id) = shared_secret(verify, project) else {
                continue;
            };
            // Signs of the same key in other services, in path order.
            let signers: Vec<&JwtOp> = signs_with_secret_elsewhere(&id, verify, project)
                .into_iter()
                .filter(|s| !asymmetric(s))
                .collect();
            let Some(first) = signers.first() else {
                continue;
            };
            let at = verify
                .key
                .at()
                .filter(|k| k.path == verify.at.path)
                .unwrap_or(&verify.at);
            let mut f = Finding::new(
                &META,
                at.clone(),
                format!(
                    "`{}` verifies with the HMAC key {} that another service signs with (`{}`): this service can mint that service's tokens",
                    verify.api,
                    shown(&id),
                    first.at.path.display()
                ),
                "sign with a private key (RS256, ES256 or EdDSA) in the issuing service and verify with its public key elsewhere, so a verifier cannot issue tokens",
            );
            for s in signers.iter().take(3) {
                f = f.with_related(
                    s.at.clone(),
                    "signed with the same key here, in another service",
                );
            }
            out.push(f.via(verify));
        }
    }
}
