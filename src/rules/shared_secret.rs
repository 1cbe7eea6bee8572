use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::project::ProjectFacts;
use crate::semantic::ir::{JwtOp, OpKind};
use crate::semantic::token_kind::TokenKind;

pub struct SharedSecret;

static META: RuleMeta = crate::rule_meta!("shared-secret");

/// The identity of a sign operation's key, comparable across the project, and how to
/// show it. Values that only mean something inside one file (imports by relative path)
/// are qualified by it.
fn key_identity(op: &JwtOp, project: &ProjectFacts) -> Option<(String, String)> {
    // No key at the call: it comes from the library's module defaults, shared by every
    // call of the app when the app registers the module once.
    if inherits_key(op) {
        let configs = project.module_configs_for(op);
        let [only] = configs.as_slice() else {
            return None;
        };
        let id = only.key.value().and_then(|v| v.identity());
        let id = id.unwrap_or_else(|| format!("the secret registered for {}", op.lib));
        return Some((id.clone(), id));
    }
    let value = op.key.value()?;
    let id = value.identity()?;
    if id.starts_with('.') {
        Some((format!("{}:{id}", op.at.path.display()), id))
    } else {
        Some((id.clone(), id))
    }
}

/// The operation's key is its module's (NestJS `JwtModule` `secret`).
fn inherits_key(op: &JwtOp) -> bool {
    op.key.is_absent() && op.inherits_defaults
}

/// Whether two signs' keys may be compared: a key inherited from module defaults is only
/// known inside its app (another app's module with the same expression is another
/// deployment's secret, DESIGN.md §2 "Project boundaries").
fn comparable(a: &JwtOp, b: &JwtOp, project: &ProjectFacts) -> bool {
    !(inherits_key(a) || inherits_key(b)) || project.same_app(a, b)
}

/// A key identity for people: `process.env.X`, "`secret` from ./config", a hard-coded
/// string (without repeating it).
fn shown_secret(id: &str) -> String {
    if id.starts_with("literal ") {
        return "a hard-coded string".to_string();
    }
    if id.starts_with("process.env.") {
        return format!("`{id}`");
    }
    if let Some(key) = id.strip_prefix("config key ") {
        return format!("config key `{}`", key.trim_matches('"'));
    }
    match id.split_once('#') {
        Some((module, path)) => format!("`{path}` from `{module}`"),
        None => id.to_string(),
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

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let (project, file) = (cx.project, cx.file);
        for op in file.ops.iter().filter(|o| o.kind == OpKind::Sign) {
            if op.token_kind() != TokenKind::Refresh {
                continue;
            }
            let Some((id, shown)) = key_identity(op, project) else {
                continue;
            };
            let access = project
                .ops()
                .filter(|o| o.kind == OpKind::Sign && !std::ptr::eq(*o, op))
                .find(|o| {
                    comparable(o, op, project)
                        && key_identity(o, project).is_some_and(|(other, _)| other == id)
                        && is_access(o, op)
                });
            let Some(access) = access else { continue };
            // Inherited keys are blamed at the call.
            let key_at = op.key.at().unwrap_or(&op.at);
            let access_key_at = access.key.at().unwrap_or(&access.at);
            out.push(
                Finding::new(
                    &META,
                    key_at.clone(),
                    format!("the refresh token is signed with the same secret as the access token ({})", shown_secret(&shown)),
                    "give refresh tokens their own secret (e.g. `JWT_REFRESH_SECRET`), so an access token cannot be used as a refresh token and one leaked secret does not expose both",
                )
                .with_related(access_key_at.clone(), "the access token is signed with it here")
                .via(op),
            );
        }
    }
}
