use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::{JwtOp, Slot};
use crate::semantic::value::{is_public_key, Value};

pub struct AlgorithmConfusion;

static META: RuleMeta = crate::rule_meta!("algorithm-confusion");

fn is_hmac(alg: &str) -> bool {
    alg.to_ascii_uppercase().starts_with("HS")
}

fn is_asymmetric(alg: &str) -> bool {
    let a = alg.to_ascii_uppercase();
    a.starts_with("RS") || a.starts_with("PS") || a.starts_with("ES") || a == "EDDSA"
}

/// The algorithms an operation names, when all are known.
fn algorithms(op: &JwtOp) -> Option<Vec<String>> {
    match op.algorithms.value()? {
        Value::Array { items, open: false } => items
            .iter()
            .map(|i| i.as_str().map(str::to_string))
            .collect(),
        Value::Str { value, .. } => Some(vec![value.clone()]),
        _ => None,
    }
}

impl Rule for AlgorithmConfusion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        for op in &file.ops {
            let Some(algs) = algorithms(op) else { continue };
            let Some(at) = op.algorithms.at().cloned() else {
                continue;
            };
            let hmac: Vec<&String> = algs.iter().filter(|a| is_hmac(a)).collect();
            let asym: Vec<&String> = algs.iter().filter(|a| is_asymmetric(a)).collect();
            if !hmac.is_empty() && !asym.is_empty() {
                out.push(
                    Finding::new(
                        &META,
                        at,
                        format!(
                            "`{}` accepts both HMAC ({}) and public-key ({}) algorithms",
                            op.api,
                            hmac.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "),
                            asym.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                        "allow only the family you sign with: a public key used as an HMAC secret lets anyone who has it forge tokens",
                    )
                    .via(op),
                );
                continue;
            }
            if hmac.len() == algs.len() && !hmac.is_empty() {
                if let Slot::Present { value, at: key_at } = &op.key {
                    if is_public_key(value) {
                        out.push(
                            Finding::new(
                                &META,
                                key_at.clone(),
                                format!("`{}` uses a public key as an HMAC ({}) secret", op.api, hmac[0]),
                                "verify public-key signatures with RS256/ES256 (and only those); anyone can read a public key, so HMAC with it is forgeable",
                            )
                            .with_related(at, "the HMAC algorithm is chosen here")
                            .via(op),
                        );
                    }
                }
            }
        }
    }
}
