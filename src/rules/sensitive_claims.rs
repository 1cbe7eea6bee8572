use super::{OptionKind, OptionSpec, Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::ir::OpKind;
use crate::semantic::value::Value;

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
                for p in &o.props {
                    let key = squeeze(&p.key);
                    let secret = SECRETS.contains(&key.as_str());
                    if secret || (pii && PII.contains(&key.as_str())) {
                        let what = if secret { "a secret" } else { "personal data" };
                        out.push(
                            Finding::new(
                                &META,
                                p.at.clone(),
                                format!(
                                    "`{}` puts {what} (`{}`) in the token payload",
                                    op.api, p.key
                                ),
                                help,
                            )
                            .via(op),
                        );
                    }
                }
            }
            let whole = op.payload_source.as_deref().filter(|n| whole_record(n));
            if let (Some(name), Some(at)) = (whole, op.payload.at()) {
                // Spreading or signing a whole record copies its password hash and more.
                if !matches!(op.payload.value(), Some(Value::Object(o)) if !o.open) {
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
