use super::helpers::token_names::names_token;
use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::Slot;
use crate::semantic::value::Value;

pub struct InsecureTokenCookie;

static META: RuleMeta = crate::rule_meta!("insecure-token-cookie");

/// Whether a cookie flag is provably off: absent, `false`, or (for sameSite) `'none'`.
fn flag_off(options: &Slot, key: &str) -> Option<bool> {
    match options.prop(key) {
        Slot::Absent => Some(true),
        Slot::Present { value, .. } => Some(match value {
            Value::Bool(b) => !b,
            Value::Undefined | Value::Null => true,
            Value::Str { value, .. } if key == "sameSite" => value.eq_ignore_ascii_case("none"),
            _ => false,
        }),
        Slot::Unknown => None,
    }
}

impl Rule for InsecureTokenCookie {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        for c in &file.cookies {
            let name = c.name.as_str();
            let is_token =
                name.is_some_and(names_token) || c.value_names.iter().any(|n| names_token(n));
            // Clearing a cookie (`res.cookie('token', '')`) sets no token.
            let constant = matches!(
                c.value,
                Value::Str { .. } | Value::Num(_) | Value::Bool(_) | Value::Null | Value::Undefined
            );
            if !is_token || constant {
                continue;
            }
            let mut missing = Vec::new();
            match flag_off(&c.options, "httpOnly") {
                Some(true)
                    if !c.safe_defaults
                        || matches!(c.options.prop("httpOnly"), Slot::Present { .. }) =>
                {
                    missing.push("httpOnly")
                }
                None => continue,
                _ => {}
            }
            for key in ["secure", "sameSite"] {
                if key == "secure" && c.safe_defaults && c.options.prop("secure").is_absent() {
                    continue;
                }
                match flag_off(&c.options, key) {
                    Some(true) => missing.push(key),
                    None => continue,
                    Some(false) => {}
                }
            }
            if missing.is_empty() {
                continue;
            }
            let label = name.map_or_else(
                || "a token cookie".to_string(),
                |n| format!("the token cookie `{n}`"),
            );
            // `sameSite: 'none'` is set, to the value that sends the cookie cross-site.
            let none = missing.contains(&"sameSite")
                && c.options
                    .prop("sameSite")
                    .value()
                    .is_some_and(|v| v.as_str().is_some_and(|s| s.eq_ignore_ascii_case("none")));
            let what = if none {
                missing.retain(|m| *m != "sameSite");
                let cross = "with `sameSite: 'none'` (sent on cross-site requests, open to CSRF)";
                if missing.is_empty() {
                    cross.to_string()
                } else {
                    format!("without {} and {cross}", flag_list(&missing))
                }
            } else {
                format!("without {}", flag_list(&missing))
            };
            out.push(Finding::new(
                &META,
                c.at.clone(),
                format!("`{}` sets {label} {what}", c.api),
                "set `httpOnly: true` (scripts cannot read it), `secure: true` (HTTPS only) and `sameSite: 'lax'` or `'strict'` (no cross-site sends)",
            ));
        }
    }
}

/// "`httpOnly`", "`httpOnly` and `secure`", "`httpOnly`, `secure` and `sameSite`".
fn flag_list(flags: &[&str]) -> String {
    let quoted: Vec<String> = flags.iter().map(|f| format!("`{f}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}
