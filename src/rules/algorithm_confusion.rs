use super::helpers::shared_keys::written_algorithms;
use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::fix::{facts, Fix};
use crate::project::ProjectFacts;
use crate::semantic::ir::{JwtOp, Slot};
use crate::semantic::value::{is_public_key, KeyKind, Value};

pub struct AlgorithmConfusion;

static META: RuleMeta = crate::rule_meta!("algorithm-confusion");

fn is_hmac(alg: &str) -> bool {
    alg.to_ascii_uppercase().starts_with("HS")
}

fn is_asymmetric(alg: &str) -> bool {
    let a = alg.to_ascii_uppercase();
    a.starts_with("RS") || a.starts_with("PS") || a.starts_with("ES") || a == "EDDSA"
}

impl Rule for AlgorithmConfusion {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let (project, file) = (cx.project, cx.file);
        for op in &file.ops {
            let Some(algs) = written_algorithms(op) else {
                continue;
            };
            let Some(at) = op.algorithms.at().cloned() else {
                continue;
            };
            let hmac: Vec<&String> = algs.iter().filter(|a| is_hmac(a)).collect();
            let asym: Vec<&String> = algs.iter().filter(|a| is_asymmetric(a)).collect();
            if !hmac.is_empty() && !asym.is_empty() {
                let general = "allow only the family you sign with: a public key used as an HMAC secret lets anyone who has it forge tokens";
                // Where the project signs this key, when that is known.
                let help = match super::missing_algorithms::project_algorithm(project, op) {
                    Some(s) => format!("{}: {general}", s.said()),
                    None => general.to_string(),
                };
                out.push(
                    Finding::new(
                        &META,
                        at,
                        format!(
                            "`{}` accepts both HMAC ({}) and public-key ({}) algorithms",
                            op.api,
                            hmac.iter()
                                .map(|s| s.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                            asym.iter()
                                .map(|s| s.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        help,
                    )
                    .via(op)
                    .with_fix(fix(project, op)),
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

/// Drops the family the verification's key cannot be for, when that is certain: HMAC
/// algorithms for a public key; public-key algorithms for a shared secret the project
/// signs with one HMAC algorithm (see missing-algorithms).
fn fix(project: &ProjectFacts, op: &JwtOp) -> Option<Fix> {
    if op.kind == crate::semantic::ir::OpKind::Sign || op.via.is_some() {
        return None;
    }
    let key = op.key.value()?;
    let public = is_public_key(key)
        || matches!(
            key,
            Value::KeyMaterial {
                kind: KeyKind::PublicKey,
                ..
            }
        );
    let (drop, title): (fn(&str) -> bool, _) = if public {
        (
            is_hmac,
            "Remove the HMAC algorithms (the key is a public key)",
        )
    } else {
        let signed = super::missing_algorithms::project_algorithm(project, op)?;
        if !is_hmac(&signed.alg) {
            return None;
        }
        (
            is_asymmetric,
            "Remove the public-key algorithms (the project signs this key with HMAC)",
        )
    };
    let edit = facts::remove_strings(&op.algorithms, drop)?;
    Some(Fix::safe(title, vec![edit]))
}
