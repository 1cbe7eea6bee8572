use super::{Rule, RuleMeta};
use crate::finding::Finding;
use crate::project::ProjectFacts;
use crate::semantic::ir::{FileFacts, JwtOp, Slot};

pub struct MissingClaimChecks;

static META: RuleMeta = crate::rule_meta!("missing-claim-checks");

/// Whether none of the option names that check a claim is given (unknown counts as given).
fn all_absent(op: &JwtOp, names: &[&str]) -> bool {
    names
        .iter()
        .all(|n| matches!(op.options.prop(n), Slot::Absent))
}

impl Rule for MissingClaimChecks {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _project: &ProjectFacts, file: &FileFacts, out: &mut Vec<Finding>) {
        for op in file
            .ops
            .iter()
            .filter(|o| o.kind.verifies() && !o.inherits_defaults)
        {
            // Library spellings: jsonwebtoken, jose, passport-jwt, express-jwt use
            // audience/issuer; fast-jwt allowedAud/allowedIss; jsrsasign aud/iss.
            let no_audience = all_absent(op, &["audience", "allowedAud", "aud"]);
            let no_issuer = all_absent(op, &["issuer", "allowedIss", "iss"]);
            if !(no_audience && no_issuer) {
                continue;
            }
            out.push(
                Finding::new(
                    &META,
                    op.at.clone(),
                    format!("`{}` checks neither the audience nor the issuer of the token", op.api),
                    "pass `audience` and `issuer`, so a token issued for another service or by another issuer sharing the key is refused",
                )
                .via(op),
            );
        }
    }
}
