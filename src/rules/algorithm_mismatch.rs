use super::helpers::shared_keys::{is_hmac, issuers_of, signed_with, written_algorithms, Link};
use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::JwtOp;

pub struct AlgorithmMismatch;

static META: RuleMeta = crate::rule_meta!("algorithm-mismatch");

/// The algorithms a verification accepts, when the allowlist is written out in full.
fn allowlist(op: &JwtOp) -> Option<Vec<String>> {
    Some(
        written_algorithms(op)?
            .iter()
            .map(|a| a.to_ascii_uppercase())
            .collect(),
    )
}

/// The key family an algorithm needs: RS* and PS* both take an RSA key.
fn family(alg: &str) -> Option<&'static str> {
    match alg.get(..2)? {
        "HS" => Some("HMAC"),
        "RS" | "PS" => Some("RSA"),
        "ES" => Some("ECDSA"),
        _ if alg == "EDDSA" || alg == "ED25519" || alg == "ED448" => Some("EdDSA"),
        _ => None,
    }
}

/// An algorithm as libraries spell it (the allowlist is compared in upper case).
fn shown(alg: &str) -> &str {
    if alg == "EDDSA" {
        "EdDSA"
    } else {
        alg
    }
}

/// Who signs with `alg`, for messages.
fn signer(link: Link, alg: &str) -> String {
    match link {
        Link::Same => format!("its issuer signs the same key's tokens with {alg}"),
        Link::Pair => format!("the issuer of the matching private key signs with {alg}"),
    }
}

impl Rule for AlgorithmMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let project = cx.project;
        for verify in cx.file.ops.iter().filter(|o| o.kind.verifies()) {
            let (Some(allowed), Some(at)) = (allowlist(verify), verify.algorithms.at()) else {
                continue;
            };
            let issuers = issuers_of(verify, project);
            if issuers.is_empty() {
                continue;
            }
            // 'none' is none-algorithm's business; an unwritten algorithm is the library's
            // default, not compared.
            let algs: Vec<(&JwtOp, Link, Option<String>)> = issuers
                .iter()
                .map(|(s, link)| (*s, *link, signed_with(s, project).filter(|a| a != "NONE")))
                .collect();
            // Issuers whose algorithm the allowlist leaves out: the tokens this verifier
            // exists to accept are all rejected.
            let rejected: Vec<(&JwtOp, Link, &String)> = algs
                .iter()
                .filter_map(|(s, link, alg)| alg.as_ref().map(|a| (*s, *link, a)))
                .filter(|(_, _, alg)| !allowed.contains(alg))
                .collect();
            if let Some((first, link, alg)) = rejected.first() {
                let mut f = Finding::new(
                    &META,
                    at.clone(),
                    format!(
                        "`{}` accepts only {} but {} (`{}`): every such token is rejected",
                        verify.api,
                        allowed.join(", "),
                        signer(*link, alg),
                        first.at.path.display()
                    ),
                    format!(
                        "allow the algorithm the issuer signs with (`{}`), or change the issuer to the one allowed",
                        crate::semantic::ir::example(verify.spelling.algorithms, &format!("['{alg}']"))
                    ),
                );
                for (s, _, _) in rejected.iter().take(3) {
                    f = f
                        .with_related(s.at.clone(), "the issuer signs with another algorithm here");
                }
                out.push(f.via(verify));
                continue;
            }
            // A family no issuer signs with, when every issuer's algorithm is written. An
            // allowlist mixing HMAC with public-key algorithms is algorithm-confusion's.
            let mixes = allowed.iter().any(|a| is_hmac(a))
                && allowed
                    .iter()
                    .any(|a| family(a).is_some_and(|f| f != "HMAC"));
            if mixes || algs.iter().any(|(_, _, a)| a.is_none()) {
                continue;
            }
            let used: Vec<&str> = algs
                .iter()
                .filter_map(|(_, _, a)| a.as_deref().and_then(family))
                .collect();
            let extra: Vec<&String> = allowed
                .iter()
                .filter(|a| family(a).is_some_and(|f| !used.contains(&f)))
                .collect();
            let (false, Some((first, link, _))) = (extra.is_empty(), algs.first()) else {
                continue;
            };
            let mut signed: Vec<&str> = algs
                .iter()
                .filter_map(|(_, _, a)| a.as_deref().map(shown))
                .collect();
            signed.sort_unstable();
            signed.dedup();
            let kept: Vec<String> = allowed
                .iter()
                .filter(|a| !extra.contains(a))
                .map(|a| format!("'{}'", shown(a)))
                .collect();
            let mut f = Finding::new(
                &META,
                at.clone(),
                format!(
                    "`{}` also accepts {}, a family no issuer of its key signs with: {} (`{}`)",
                    verify.api,
                    extra
                        .iter()
                        .map(|a| match family(a) {
                            Some(f) if f != shown(a) => format!("{} ({f})", shown(a)),
                            _ => shown(a).to_string(),
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                    signer(*link, &signed.join(", ")),
                    first.at.path.display()
                ),
                format!(
                    "allow only the issuer's family (`{}`): every extra algorithm is another way to forge a token the issuer never made",
                    crate::semantic::ir::example(verify.spelling.algorithms, &format!("[{}]", kept.join(", ")))
                ),
            );
            for (s, _, _) in algs.iter().take(3) {
                f = f.with_related(s.at.clone(), "the issuer signs here");
            }
            out.push(f.via(verify));
        }
    }
}
