use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;

pub struct MissingClaimChecks;

static META: RuleMeta = crate::rule_meta!("missing-claim-checks");

impl Rule for MissingClaimChecks {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        for op in file
            .ops
            .iter()
            .filter(|o| o.kind.verifies() && !o.inherits_defaults)
        {
            // A library that cannot check claims (hono/jwt, njwt, jwt-simple) is not asked to.
            let Some(names) = op.claim_options else {
                continue;
            };
            if !(op.audience.is_absent() && op.issuer.is_absent()) {
                continue;
            }
            out.push(
                Finding::new(
                    &META,
                    op.at.clone(),
                    format!("`{}` checks neither the audience nor the issuer of the token", op.api),
                    format!(
                        "pass `{}` and `{}`, so a token issued for another service or by another issuer sharing the key is refused",
                        names.audience, names.issuer
                    ),
                )
                .via(op),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(file: &str, code: &str) -> Vec<String> {
        let rules: Vec<&'static dyn super::super::Rule> = vec![&MissingClaimChecks];
        let (findings, _) = crate::lint_source(std::path::Path::new(file), code, &rules);
        findings.into_iter().map(|f| f.help).collect()
    }

    #[test]
    fn help_names_the_library_s_own_options() {
        let jsonwebtoken = messages(
            "a.js",
            "const jwt = require('jsonwebtoken');\njwt.verify(t, process.env.K, { algorithms: ['HS256'] });\n",
        );
        assert!(
            jsonwebtoken[0].contains("`audience` and `issuer`"),
            "{jsonwebtoken:?}"
        );
        let fast = messages(
            "b.js",
            "const { createVerifier } = require('fast-jwt');\nconst v = createVerifier({ key: process.env.K, algorithms: ['HS256'] });\n",
        );
        assert!(
            fast[0].contains("`allowedAud` and `allowedIss`"),
            "{fast:?}"
        );
    }
}
