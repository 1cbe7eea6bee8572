use super::helpers::literal_keys::literal_keys;
use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;

pub struct HardcodedSecret;

static META: RuleMeta = crate::rule_meta!("hardcoded-secret");

impl Rule for HardcodedSecret {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        for k in literal_keys(file) {
            let message = match (&k.env, k.fallback) {
                (Some(name), true) => format!(
                    "`{}` falls back to a hard-coded secret when `{name}` is not set",
                    k.op.api
                ),
                _ => format!("`{}` uses a hard-coded secret", k.op.api),
            };
            let help = if k.fallback {
                "fail at start-up when the variable is missing instead of falling back to a secret in the source"
            } else {
                "load the secret from the environment or a secret manager (e.g. `process.env.JWT_SECRET`); anyone with the source can forge tokens"
            };
            let mut f = Finding::new(&META, k.at, message, help)
                .with_related(k.secret_at.clone(), "the secret is written here");
            if let Some(given) = k.given_at.filter(|g| *g != k.secret_at) {
                f = f.with_related(given, "the key is given here");
            }
            out.push(f.via(k.op));
        }
    }
}
