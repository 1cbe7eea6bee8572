use super::{OptionKind, OptionSpec, Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::duration;
use crate::semantic::ir::OpKind;
use crate::semantic::token_kind::TokenKind;

pub struct LongLivedToken;

static META: RuleMeta = crate::rule_meta!("long-lived-token").with_options(&[
    OptionSpec {
        name: "max-access-lifetime",
        kind: OptionKind::Duration,
        default: "1h",
        help: "the longest lifetime of an access token",
    },
    OptionSpec {
        name: "max-refresh-lifetime",
        kind: OptionKind::Duration,
        default: "30d",
        help: "the longest lifetime of a refresh token",
    },
]);

/// Names of tokens that are neither access nor refresh tokens (one-off links and codes
/// with their own lifetimes), which the access bound does not fit.
fn single_purpose(names: &[String]) -> bool {
    const WORDS: &[&str] = &[
        "verif",
        "reset",
        "invite",
        "invitation",
        "email",
        "confirm",
        "magic",
        "download",
        "upload",
        "share",
        "unsubscribe",
        "link",
        "otp",
        "signup",
        "activation",
        "activate",
        "recover",
        "apikey",
        "api_key",
        "preview",
    ];
    names.iter().any(|n| {
        let n = n.to_ascii_lowercase();
        WORDS.iter().any(|w| n.contains(w))
    })
}

impl Rule for LongLivedToken {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        let max_access = cx.options.duration("max-access-lifetime");
        let max_refresh = cx.options.duration("max-refresh-lifetime");
        for op in file
            .ops
            .iter()
            .filter(|o| matches!(o.kind, OpKind::Sign | OpKind::ModuleConfig))
        {
            let Some(lifetime) = op.lifetime() else {
                continue;
            };
            let Some(at) = op.expiry.at().cloned() else {
                continue;
            };
            let (kind, bound) = match op.token_kind() {
                TokenKind::Refresh => ("refresh token", max_refresh),
                TokenKind::Access => ("access token", max_access),
                TokenKind::Unknown if single_purpose(&op.names) => continue,
                TokenKind::Unknown => ("token", max_access),
            };
            if lifetime <= bound {
                continue;
            }
            if lifetime.is_infinite() {
                out.push(
                    Finding::new(
                        &META,
                        at,
                        format!(
                            "`{}` issues {} {kind} that never expires in practice: its `exp` is a multiple of the current time, not the current time plus a lifetime",
                            op.api,
                            if kind.starts_with('a') { "an" } else { "a" },
                        ),
                        "add the lifetime to the current time in seconds: `exp: Math.floor(Date.now() / 1000) + 15 * 60`",
                    )
                    .via(op),
                );
                continue;
            }
            let option = if bound == max_refresh && kind == "refresh token" {
                "max-refresh-lifetime"
            } else {
                "max-access-lifetime"
            };
            out.push(
                Finding::new(
                    &META,
                    at,
                    format!(
                        "`{}` issues {} {kind} valid for {}, longer than {}",
                        op.api,
                        if kind.starts_with('a') { "an" } else { "a" },
                        duration::describe(lifetime),
                        duration::describe(bound)
                    ),
                    format!(
                        "shorten the lifetime (access tokens: minutes; refresh tokens: days, rotated on use), or raise `{option}` in jwtlint.toml if this is deliberate"
                    ),
                )
                .via(op),
            );
        }
    }
}
