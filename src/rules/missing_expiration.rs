use super::{OptionKind, OptionSpec, Rule, RuleCtx, RuleMeta};
use crate::finding::{Edit, Finding};
use crate::fix::{facts, Fix};
use crate::semantic::ir::{JwtOp, OpKind, Slot};
use crate::semantic::token_kind::TokenKind;
use crate::semantic::value::Value;

pub struct MissingExpiration;

static META: RuleMeta = crate::rule_meta!("missing-expiration").with_options(&[OptionSpec {
    name: "fix-lifetime",
    kind: OptionKind::Duration,
    default: "15m",
    help: "the lifetime `--unsafe-fixes` gives access tokens signed without one",
}]);

impl Rule for MissingExpiration {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let (project, file) = (cx.project, cx.file);
        let lifetime = duration_text(cx.options.duration("fix-lifetime"));
        for op in file.ops.iter().filter(|op| op.kind == OpKind::Sign) {
            let Some(defaults) = project.missing_with_defaults(op, |o| &o.expiry) else {
                continue;
            };
            let mut f = Finding::new(
                &META,
                op.at.clone(),
                format!("`{}` signs a token that never expires", op.api),
                format!(
                    "give the token a lifetime (e.g. `{}`) so a leaked token stops working",
                    op.spelling.lifetime_example()
                ),
            );
            f = f
                .via(op)
                .with_fix(lifetime.as_deref().and_then(|l| fix(op, l)));
            for d in defaults {
                f = f.with_related(
                    d.at.clone(),
                    "the module defaults registered here give no lifetime either",
                );
            }
            out.push(f);
        }
    }
}

/// A lifetime in seconds as jsonwebtoken's and jose's time spans write it: `'15m'`, `'1h'`.
fn duration_text(seconds: f64) -> Option<String> {
    if !seconds.is_finite() || seconds < 1.0 || seconds.fract() != 0.0 {
        return None;
    }
    let s = seconds as u64;
    Some(match s {
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3_600 == 0 => format!("{}h", s / 3_600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    })
}

/// Gives the token the configured lifetime: `expiresIn` in the options object written at
/// the call (a new options argument for jsonwebtoken and NestJS), `.setExpirationTime` in a
/// jose chain. Unsafe: code that relies on the token lasting stops working when it expires.
/// Nothing for refresh tokens (their lifetime is the application's choice), a payload that
/// is a string (jsonwebtoken refuses `expiresIn` for it), copies seen through a helper and
/// options from a variable or a spread.
fn fix(op: &JwtOp, lifetime: &str) -> Option<Fix> {
    if op.via.is_some()
        || op.token_kind() == TokenKind::Refresh
        || matches!(op.payload.value(), Some(Value::Str { .. }) | None)
    {
        return None;
    }
    let value = format!("'{lifetime}'");
    let (title, edit) = match op.spelling.lifetime {
        ".setExpirationTime" => {
            let text = format!(".setExpirationTime({value})");
            let edit = Edit::ChainCallBefore {
                method: "sign".into(),
                arg: op.key.at()?.clone(),
                text: text.clone(),
            };
            (format!("Add `{text}`"), edit)
        }
        "expiresIn" => {
            let prop = format!("expiresIn: {value}");
            let edit = match (&op.options, op.lib) {
                (Slot::Absent, "jsonwebtoken") => Edit::AppendArgument {
                    after: op.key.at()?.clone(),
                    text: format!("{{ {prop} }}"),
                },
                (Slot::Absent, "@nestjs/jwt") => Edit::AppendArgument {
                    after: op.payload.at()?.clone(),
                    text: format!("{{ {prop} }}"),
                },
                (options, _) => facts::insert_props(options, vec![prop.clone()])?,
            };
            (format!("Add `{prop}`"), edit)
        }
        _ => return None,
    };
    Some(Fix::unsafe_(title, vec![edit]))
}
