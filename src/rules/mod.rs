//! Rules: one file each over the facts, never over the tree (DESIGN.md §3).

mod algorithm_confusion;
mod decode_without_verify;
mod falsy_verify_key;
mod hardcoded_secret;
mod hardcoded_token;
mod helpers;
mod ignore_expiration;
mod insecure_token_cookie;
mod kid_injection;
mod long_lived_token;
mod missing_algorithms;
mod missing_claim_checks;
mod missing_expiration;
mod missing_revocation;
mod none_algorithm;
mod sensitive_claims;
mod shared_secret;
mod token_in_localstorage;
mod untrusted_key_source;
pub mod unused_disable;
mod weak_secret;

use crate::finding::{Finding, Level, Loc, Related};
use crate::project::ProjectFacts;
use crate::semantic::ir::FileFacts;
use serde::Deserialize;
use std::sync::OnceLock;

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, project: &ProjectFacts, file: &FileFacts, out: &mut Vec<Finding>);
}

/// Every rule, one line each.
pub static ALL_RULES: &[&dyn Rule] = &[
    &missing_algorithms::MissingAlgorithms,
    &hardcoded_secret::HardcodedSecret,
    &missing_expiration::MissingExpiration,
    &token_in_localstorage::TokenInLocalstorage,
    &shared_secret::SharedSecret,
    &weak_secret::WeakSecret,
    &ignore_expiration::IgnoreExpiration,
    &none_algorithm::NoneAlgorithm,
    &falsy_verify_key::FalsyVerifyKey,
    &algorithm_confusion::AlgorithmConfusion,
    &long_lived_token::LongLivedToken,
    &missing_revocation::MissingRevocation,
    &missing_claim_checks::MissingClaimChecks,
    &sensitive_claims::SensitiveClaims,
    &hardcoded_token::HardcodedToken,
    &insecure_token_cookie::InsecureTokenCookie,
    &untrusted_key_source::UntrustedKeySource,
    &kid_injection::KidInjection,
    &decode_without_verify::DecodeWithoutVerify,
    // Last: not a security rule; it runs after suppression (see its file).
    &unused_disable::UnusedDisable,
];

pub fn find(id: &str) -> Option<&'static dyn Rule> {
    ALL_RULES.iter().copied().find(|r| r.meta().id == id)
}

/// A rule's identity, its documentation (embedded from `rules/<id>.md`) and the options
/// `jwtlint.toml` may set for it.
pub struct RuleMeta {
    pub id: &'static str,
    pub doc: &'static str,
    pub options: &'static [OptionSpec],
    parsed: OnceLock<Result<DocHeader, String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// A lifetime: seconds as a number, or a string such as "15m" or "7d".
    Duration,
    Bool,
    Integer,
}

/// A typed rule option with its default, as written in TOML.
#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    pub name: &'static str,
    pub kind: OptionKind,
    pub default: &'static str,
    pub help: &'static str,
}

impl OptionSpec {
    /// Checks a configured value's type.
    pub fn check(&self, v: &toml::Value) -> Result<(), String> {
        let ok = match self.kind {
            OptionKind::Duration => match v {
                toml::Value::Integer(n) => *n >= 0,
                toml::Value::String(s) => crate::semantic::duration::parse_ms(s).is_some(),
                _ => false,
            },
            OptionKind::Bool => v.is_bool(),
            OptionKind::Integer => v.is_integer(),
        };
        if ok {
            Ok(())
        } else {
            Err(format!(
                "`{}` expects {}, found `{v}`",
                self.name,
                match self.kind {
                    OptionKind::Duration =>
                        "a duration such as \"15m\", \"7d\" or a number of seconds",
                    OptionKind::Bool => "true or false",
                    OptionKind::Integer => "a whole number",
                }
            ))
        }
    }
}

/// The TOML front matter of a rule doc.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocHeader {
    pub id: String,
    pub severity: String,
    #[serde(default)]
    pub cwe: Vec<u32>,
    #[serde(default)]
    pub libraries: Vec<String>,
    pub summary: String,
    pub security_severity: f64,
    #[serde(default = "default_true")]
    pub enabled: bool,
    #[serde(default = "default_precision")]
    pub precision: String,
}

fn default_true() -> bool {
    true
}

fn default_precision() -> String {
    "high".into()
}

#[macro_export]
macro_rules! rule_meta {
    ($id:literal) => {
        $crate::rules::RuleMeta::new($id, include_str!(concat!("../../rules/", $id, ".md")))
    };
}

impl RuleMeta {
    pub const fn new(id: &'static str, doc: &'static str) -> RuleMeta {
        RuleMeta {
            id,
            doc,
            options: &[],
            parsed: OnceLock::new(),
        }
    }

    pub const fn with_options(mut self, options: &'static [OptionSpec]) -> RuleMeta {
        self.options = options;
        self
    }

    /// Splits `+++`-fenced front matter from the body.
    fn split(&self) -> Option<(&'static str, &'static str)> {
        let rest = self.doc.strip_prefix("+++\n")?;
        let end = rest.find("\n+++\n")?;
        Some((&rest[..end], &rest[end + 5..]))
    }

    /// The parsed front matter; `Err` only for a malformed embedded doc (a test checks all).
    pub fn header_checked(&self) -> &Result<DocHeader, String> {
        self.parsed.get_or_init(|| {
            let (front, _) = self
                .split()
                .ok_or_else(|| format!("rules/{}.md has no +++ front matter", self.id))?;
            toml::from_str::<DocHeader>(front).map_err(|e| format!("rules/{}.md: {e}", self.id))
        })
    }

    pub fn header(&self) -> &DocHeader {
        match self.header_checked() {
            Ok(h) => h,
            Err(e) => panic!("embedded rule doc is malformed: {e}"),
        }
    }

    /// The markdown body (without front matter).
    pub fn body(&self) -> &'static str {
        self.split().map_or(self.doc, |(_, body)| body.trim_start())
    }

    pub fn level(&self) -> Level {
        Level::parse(&self.header().severity).unwrap_or(Level::Warning)
    }

    pub fn summary(&self) -> &str {
        &self.header().summary
    }

    /// The fenced code block under a `## <heading>` section of the doc.
    pub fn section_code(&self, heading: &str) -> Option<(&'static str, &'static str)> {
        let body = self.body();
        let start = body.find(&format!("## {heading}\n"))?;
        let section = &body[start..];
        let section = match section[3..].find("\n## ") {
            Some(end) => &section[..end + 3],
            None => section,
        };
        let fence = section.find("```")?;
        let after = &section[fence + 3..];
        let nl = after.find('\n')?;
        let lang = after[..nl].trim();
        let code = &after[nl + 1..];
        let end = code.find("```")?;
        Some((lang, &code[..end]))
    }
}

impl Finding {
    pub fn new(meta: &RuleMeta, loc: Loc, message: String, help: impl Into<String>) -> Finding {
        Finding {
            loc,
            rule: meta.id,
            level: meta.level(),
            message,
            help: help.into(),
            related: Vec::new(),
            suppressed: None,
            fingerprint: String::new(),
        }
    }

    /// For an operation seen through a helper's call site: points at the call inside the helper.
    pub fn via(self, op: &crate::semantic::ir::JwtOp) -> Finding {
        match &op.via {
            Some(inner) => self.with_related(inner.clone(), "the helper makes the JWT call here"),
            None => self,
        }
    }

    pub fn with_related(mut self, loc: Loc, message: impl Into<String>) -> Finding {
        if loc != self.loc {
            self.related.push(Related {
                loc,
                message: message.into(),
            });
        }
        self
    }
}
