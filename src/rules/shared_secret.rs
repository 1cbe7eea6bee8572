use super::{Rule, RuleMeta};
use crate::finding::Finding;
use crate::project::ProjectFacts;
use crate::semantic::ir::{FileFacts, JwtOp, OpKind};
use crate::semantic::token_kind::TokenKind;

pub struct SharedSecret;

static META: RuleMeta = crate::rule_meta!("shared-secret");

/// The identity of a sign operation's key, comparable across the project. Values that
/// only mean something inside one file (imports by relative path) are qualified by it.
fn key_identity(op: &JwtOp) -> Option<String> {
    let value = op.key.value()?;
    let id = value.identity()?;
    if id.starts_with('.') {
        Some(format!("{}:{id}", op.at.path.display()))
    } else {
        Some(id)
    }
}

/// Whether `other` signs access tokens: named so, or unnamed with a shorter lifetime
/// than the refresh token's.
fn is_access(other: &JwtOp, refresh: &JwtOp) -> bool {
    match other.token_kind() {
        TokenKind::Access => true,
        TokenKind::Refresh => false,
        TokenKind::Unknown => matches!(
            (other.lifetime(), refresh.lifetime()),
            (Some(a), Some(r)) if a < r
        ),
    }
}

impl Rule for SharedSecret {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, project: &ProjectFacts, file: &FileFacts, out: &mut Vec<Finding>) {
        for op in file.ops.iter().filter(|o| o.kind == OpKind::Sign) {
            if op.token_kind() != TokenKind::Refresh {
                continue;
            }
            let Some(id) = key_identity(op) else { continue };
            let access = project
                .ops()
                .filter(|o| o.kind == OpKind::Sign && !std::ptr::eq(*o, op))
                .find(|o| key_identity(o).as_deref() == Some(id.as_str()) && is_access(o, op));
            let Some(access) = access else { continue };
            let (Some(key_at), Some(access_key_at)) = (op.key.at(), access.key.at()) else {
                continue;
            };
            let shown = op.key.value().and_then(|v| v.identity()).unwrap_or(id);
            out.push(
                Finding::new(
                    &META,
                    key_at.clone(),
                    format!("the refresh token is signed with the same secret as the access token ({shown})"),
                    "give refresh tokens their own secret (e.g. `JWT_REFRESH_SECRET`), so an access token cannot be used as a refresh token and one leaked secret does not expose both",
                )
                .with_related(access_key_at.clone(), "the access token is signed with it here"),
            );
        }
    }
}
