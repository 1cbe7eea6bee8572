use super::{OptionKind, OptionSpec, Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::OpKind;
use crate::semantic::value::Value;
use crate::text::words;

pub struct SensitiveClaims;

static META: RuleMeta = crate::rule_meta!("sensitive-claims").with_options(&[OptionSpec {
    name: "pii",
    kind: OptionKind::Bool,
    default: "false",
    help: "also report personal data (email, phone, address, birth date)",
}]);

/// Claim names (compared without case, `_` and `-`) that must never be in a token.
const SECRETS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "passwordhash",
    "hashedpassword",
    "salt",
    "secret",
    "clientsecret",
    "apikey",
    "privatekey",
    "cardnumber",
    "creditcard",
    "ccnumber",
    "cvv",
    "cvc",
    "ssn",
    "pin",
    "otp",
    "totpsecret",
    "mfasecret",
    "refreshtoken",
    "resettoken",
    "securityanswer",
];

const PII: &[&str] = &[
    "email",
    "phone",
    "phonenumber",
    "mobile",
    "address",
    "dob",
    "dateofbirth",
    "birthdate",
];

/// Last words of a claim name that make it a secret: `userPassword`, `apiSecret`,
/// `githubAccessToken` (the name's words, lower case, compared from the end).
const SECRET_ENDINGS: &[&[&str]] = &[
    &["password"],
    &["passwd"],
    &["pwd"],
    &["secret"],
    &["salt"],
    &["ssn"],
    &["cvv"],
    &["cvc"],
    &["api", "key"],
    &["private", "key"],
    &["secret", "key"],
    &["signing", "key"],
    &["access", "token"],
    &["refresh", "token"],
    &["bearer", "token"],
    &["reset", "token"],
    &["auth", "token"],
    &["password", "hash"],
    &["card", "number"],
];

/// First words that make a name a flag or a label, not the value (`hasPassword`,
/// `isSecret`).
const FLAG_PREFIXES: &[&str] = &["has", "is", "can", "should", "needs", "no", "with"];

/// Whether a claim name says it holds a secret.
fn is_secret_name(name: &str) -> bool {
    if SECRETS.contains(&squeeze(name).as_str()) {
        return true;
    }
    let w = words(name);
    if w.first()
        .is_some_and(|f| FLAG_PREFIXES.contains(&f.as_str()))
    {
        return false;
    }
    SECRET_ENDINGS.iter().any(|end| {
        w.len() >= end.len()
            && w[w.len() - end.len()..]
                .iter()
                .zip(end.iter())
                .all(|(a, b)| a == b)
    })
}

fn squeeze(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// A variable that holds a whole user or database record.
fn whole_record(name: &str) -> bool {
    let n = squeeze(name);
    n.ends_with("user")
        || matches!(
            n.as_str(),
            "account"
                | "customer"
                | "member"
                | "admin"
                | "profile"
                | "doc"
                | "document"
                | "record"
                | "row"
        )
}

/// Claims in a payload object, through nested literals: (dotted key, last key, where).
fn claims<'v>(
    o: &'v crate::semantic::value::Object,
    prefix: &str,
    depth: u32,
    out: &mut Vec<(String, &'v crate::semantic::value::Prop)>,
) {
    for p in &o.props {
        let key = if prefix.is_empty() {
            p.key.clone()
        } else {
            format!("{prefix}.{}", p.key)
        };
        if let (Value::Object(inner), true) = (&p.value, depth < 3) {
            claims(inner, &key, depth + 1, out);
        }
        out.push((key, p));
    }
}

impl Rule for SensitiveClaims {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>) {
        let file = cx.file;
        let pii = cx.options.bool("pii");
        for op in file.ops.iter().filter(|o| o.kind == OpKind::Sign) {
            let help = "sign only identifiers and authorisation data (sub, role, scopes); anyone holding the token can read its payload, it is only base64";
            if let Some(Value::Object(o)) = op.payload.value() {
                let mut found = Vec::new();
                claims(o, "", 0, &mut found);
                for (key, p) in found {
                    let secret = is_secret_name(&p.key);
                    let personal = pii && PII.contains(&squeeze(&p.key).as_str());
                    if !(secret || personal) || matches!(p.value, Value::Object(_)) {
                        continue;
                    }
                    let what = if secret { "a secret" } else { "personal data" };
                    out.push(
                        Finding::new(
                            &META,
                            p.at.clone(),
                            format!("`{}` puts {what} (`{key}`) in the token payload", op.api),
                            help,
                        )
                        .via(op),
                    );
                }
                // `{ user }`, `{ data: found }`: a whole record under a key.
                for r in &op.payload_records {
                    let value = match op.payload.prop(r.key.split('.').next().unwrap_or("")) {
                        crate::semantic::ir::Slot::Present { value, .. } => value,
                        _ => continue,
                    };
                    // A parameter is judged where the function is called, by what is passed.
                    let closed = matches!(&value, Value::Object(o) if !o.is_open());
                    if closed
                        || matches!(value, Value::Param { .. })
                        || r.key.contains('.') && !r.looked_up && !whole_record(&r.name)
                    {
                        continue;
                    }
                    if r.looked_up || whole_record(&r.name) {
                        out.push(
                            Finding::new(
                                &META,
                                r.at.clone(),
                                format!(
                                    "`{}` signs the whole `{}` record into the token (under `{}`)",
                                    op.api, r.name, r.key
                                ),
                                "pick the claims you need (`{ sub: user.id, role: user.role }`) instead of the whole record, which may hold a password hash or personal data",
                            )
                            .via(op),
                        );
                    }
                }
            }
            let whole = op
                .payload_source
                .as_deref()
                .filter(|n| op.payload_looked_up || whole_record(n));
            // A parameter is judged where the function is called, by what is passed.
            let param = matches!(op.payload.value(), Some(Value::Param { .. }));
            if let (Some(name), Some(at), false) = (whole, op.payload.at(), param) {
                // Spreading or signing a whole record copies its password hash and more.
                if !matches!(op.payload.value(), Some(Value::Object(o)) if !o.is_open()) {
                    out.push(
                        Finding::new(
                            &META,
                            at.clone(),
                            format!("`{}` signs the whole `{name}` object into the token", op.api),
                            "pick the claims you need (`{ sub: user.id, role: user.role }`) instead of the whole record, which may hold a password hash or personal data",
                        )
                        .via(op),
                    );
                }
            }
        }
    }
}
