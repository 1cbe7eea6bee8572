use super::helpers::token_names::names_token;
use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::{Edit, Finding};
use crate::fix::{facts, Fix};
use crate::semantic::ir::{CookieSet, Slot};
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
            if c.script_set {
                let label = name.map_or_else(
                    || "a token cookie".to_string(),
                    |n| format!("the token cookie `{n}`"),
                );
                out.push(Finding::new(
                    &META,
                    c.at.clone(),
                    format!(
                        "`{}` sets {label} from a script: a cookie a script writes is never httpOnly, so any script on the page can read the token",
                        c.api
                    ),
                    "set token cookies from the server (`httpOnly: true`, `secure: true`, `sameSite: 'lax'`), or keep the token in memory",
                ));
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
            let fix = fix(c, &missing);
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
            out.push(
                Finding::new(
                    &META,
                    c.at.clone(),
                    format!("`{}` sets {label} {what}", c.api),
                    "set `httpOnly: true` (scripts cannot read it), `secure: true` (HTTPS only) and `sameSite: 'lax'` or `'strict'` (no cross-site sends)",
                )
                .with_fix(fix),
            );
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

/// What the fix writes for each flag: `sameSite: 'lax'` rather than `'strict'`, so links
/// from other sites still arrive signed in (top-level navigations), while cross-site
/// requests made by pages do not carry the cookie.
fn flag_value(flag: &str) -> &'static str {
    if flag == "sameSite" {
        "'lax'"
    } else {
        "true"
    }
}

/// Sets the flags that are off in the options object written at the call (or a new
/// options argument after the value): adds the ones missing, turns `false` into `true` and `'none'` into `'lax'`. Unsafe: a script that
/// reads the cookie, a site served over plain HTTP or a cross-site flow that needs it stop
/// working. Nothing when a flag is off in another way (`undefined`, a variable).
fn fix(c: &CookieSet, missing: &[&str]) -> Option<Fix> {
    let mut add = Vec::new();
    let mut edits = Vec::new();
    for &flag in missing {
        match c.options.prop(flag) {
            Slot::Absent => add.push(format!("{flag}: {}", flag_value(flag))),
            Slot::Present { value, at } => {
                let (old, text) = match value {
                    Value::Bool(false) => ("false".to_string(), flag_value(flag).to_string()),
                    // `'None'` becomes `'Lax'`: APIs typed with capitalised values
                    // (`'Strict' | 'Lax' | 'None'`) accept only those.
                    Value::Str { value, .. } if value.eq_ignore_ascii_case("none") => {
                        let lax = if value.starts_with('N') {
                            "'Lax'"
                        } else {
                            "'lax'"
                        };
                        (format!("'{value}'"), lax.to_string())
                    }
                    _ => return None,
                };
                // The value must be written in the options object itself.
                facts::remove_prop(&c.options, flag, &at)?;
                edits.push(Edit::Replace { at, old, text });
            }
            Slot::Unknown => return None,
        }
    }
    if !add.is_empty() {
        edits.push(match (&c.options, &c.value_at) {
            // No options argument: one after the value.
            (Slot::Absent, Some(value)) => Edit::AppendArgument {
                after: value.clone(),
                text: format!("{{ {} }}", add.join(", ")),
            },
            (options, _) => facts::insert_props(options, add)?,
        });
    }
    let set: Vec<String> = missing
        .iter()
        .map(|f| format!("`{f}: {}`", flag_value(f)))
        .collect();
    Some(Fix::unsafe_(format!("Set {}", set.join(", ")), edits))
}
