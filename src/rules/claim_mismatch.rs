use super::helpers::shared_keys::{issuers_of, Link};
use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::{Finding, Loc};
use crate::semantic::ir::{JwtOp, Slot};
use crate::semantic::value::Value;

pub struct ClaimMismatch;

static META: RuleMeta = crate::rule_meta!("claim-mismatch");

/// A claim an issuer sets, as a known string: its sign option or the payload's claim.
fn sets(op: &JwtOp, option: &str, claim: &str) -> Option<(String, Loc)> {
    let slot = match op.options.prop(option) {
        s @ Slot::Present { .. } => s,
        _ => op.payload.prop(claim),
    };
    match slot {
        Slot::Present {
            value: Value::Str { value, .. },
            at,
        } => Some((value, at)),
        _ => None,
    }
}

/// What a verifier expects of a claim: a known string, `None` when it provably checks
/// nothing; unknown and lists are left alone (`Err`).
fn expects(slot: &Slot) -> Result<Option<String>, ()> {
    match slot {
        Slot::Absent => Ok(None),
        Slot::Present {
            value: Value::Str { value, .. },
            ..
        } => Ok(Some(value.clone())),
        _ => Err(()),
    }
}

impl Rule for ClaimMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let project = cx.project;
        for verify in cx.file.ops.iter().filter(|o| o.kind.verifies()) {
            // Only libraries that can check the claims are asked to.
            let Some(names) = verify.claim_options else {
                continue;
            };
            // Signs with the same key, or with the private half of its public key.
            let issuers = issuers_of(verify, project);
            for (option, claim, slot, name) in [
                ("audience", "aud", &verify.audience, names.audience),
                ("issuer", "iss", &verify.issuer, names.issuer),
            ] {
                let Ok(expected) = expects(slot) else {
                    continue;
                };
                let Some((issuer, link, (set, set_at))) = issuers
                    .iter()
                    .find_map(|(s, link)| sets(s, option, claim).map(|v| (*s, *link, v)))
                else {
                    continue;
                };
                let whose = match link {
                    Link::Same => "the issuer of the same key",
                    Link::Pair => "the issuer of the matching private key",
                };
                let (at, message, help) = match expected {
                    Some(e) if e == set => continue,
                    Some(e) => (
                        slot.at().cloned().unwrap_or_else(|| verify.at.clone()),
                        format!(
                            "`{}` expects the {option} \"{e}\" but {whose} sets \"{set}\": every such token is rejected",
                            verify.api
                        ),
                        format!("expect the {option} the issuer sets (`{name}: '{set}'`), or change the issuer"),
                    ),
                    None => (
                        verify.at.clone(),
                        format!(
                            "`{}` does not check the {option} (`{claim}`) that {whose} sets to \"{set}\"",
                            verify.api
                        ),
                        format!("pass `{name}: '{set}'`, so tokens issued for another {option} are refused"),
                    ),
                };
                out.push(
                    Finding::new(&META, at, message, help)
                        .with_related(set_at, format!("the issuer sets `{claim}` here"))
                        .with_related(issuer.at.clone(), "signed here")
                        .via(verify),
                );
            }
        }
    }
}
