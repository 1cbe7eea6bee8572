use super::{Rule, RuleMeta};
use crate::finding::{Finding, Loc, Related};
use crate::project::ProjectFacts;
use crate::semantic::ir::{FileFacts, OpKind, Slot};
use crate::semantic::value::{KeyKind, Value};

pub struct HardcodedSecret;

static META: RuleMeta = crate::rule_meta!("hardcoded-secret");

/// Public keys and certificates are meant to be shipped with the code.
pub fn is_public_key(s: &str) -> bool {
    s.contains("PUBLIC KEY-----") || s.contains("BEGIN CERTIFICATE") || s.starts_with("ssh-rsa ")
}

impl Rule for HardcodedSecret {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _project: &ProjectFacts, file: &FileFacts, out: &mut Vec<Finding>) {
        // One finding per literal: later uses of the same literal become related locations.
        let mut by_literal: Vec<(Loc, Finding)> = Vec::new();
        for op in file.ops.iter().filter(|op| op.kind != OpKind::Decode) {
            let Slot::Present { value, at } = &op.key else {
                continue;
            };
            if let Value::KeyMaterial {
                kind: KeyKind::PublicKey,
                ..
            } = value
            {
                continue;
            }
            let Some((secret, secret_at, fallback)) = value.literal_source() else {
                continue;
            };
            if secret.is_empty() || is_public_key(secret) {
                continue;
            }
            if let Some((_, first)) = by_literal.iter_mut().find(|(l, _)| l == secret_at) {
                first.related.push(Related {
                    loc: at.clone(),
                    message: format!("also used by `{}` here", op.api),
                });
                continue;
            }
            let message = match value {
                Value::Env { name, .. } if fallback => format!(
                    "`{}` falls back to a hard-coded secret when `{name}` is not set",
                    op.api
                ),
                _ => format!("`{}` uses a hard-coded secret", op.api),
            };
            let help = if fallback {
                "fail at start-up when the variable is missing instead of falling back to a secret in the source"
            } else {
                "load the secret from the environment or a secret manager (e.g. `process.env.JWT_SECRET`); anyone with the source can forge tokens"
            };
            let finding = Finding::new(&META, at.clone(), message, help)
                .with_related(secret_at.clone(), "the secret is written here")
                .via(op);
            by_literal.push((secret_at.clone(), finding));
        }
        out.extend(by_literal.into_iter().map(|(_, f)| f));
    }
}
