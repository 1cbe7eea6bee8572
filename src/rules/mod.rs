//! Rules: one file each over the facts, never over the tree (DESIGN.md §3).

mod algorithm_confusion;
mod algorithm_mismatch;
mod claim_mismatch;
mod decode_without_verify;
mod falsy_verify_key;
mod hardcoded_secret;
mod hardcoded_token;
pub mod helpers;
mod hmac_key_across_services;
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

// The catalog types live below config, rules and reports (DESIGN.md §1); re-exported for
// the rule files and the public API.
pub use crate::catalog::{DocHeader, OptionKind, OptionSpec, RuleMeta, RuleOptions};
use crate::finding::{Finding, Loc, Related};
use crate::project::ProjectFacts;
use crate::semantic::ir::FileFacts;
use std::sync::OnceLock;

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &RuleCtx, out: &mut Vec<Finding>);
}

/// What a rule sees when it checks one file (DESIGN.md §3).
pub struct RuleCtx<'a> {
    /// Every file's facts, for project-wide rules (`shared-secret`, module defaults).
    pub project: &'a ProjectFacts,
    /// The file being checked.
    pub file: &'a FileFacts,
    /// This rule's options from `jwtlint.toml`, typed, with the documented defaults.
    pub options: &'a RuleOptions<'a>,
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
    &hmac_key_across_services::HmacKeyAcrossServices,
    &algorithm_mismatch::AlgorithmMismatch,
    &claim_mismatch::ClaimMismatch,
    // Last: not a security rule; it runs after suppression (see its file).
    &unused_disable::UnusedDisable,
];

pub fn find(id: &str) -> Option<&'static dyn Rule> {
    ALL_RULES.iter().copied().find(|r| r.meta().id == id)
}

/// Every rule's metadata, in `ALL_RULES` order: what the modules below rules (config
/// validation, SARIF) are handed, so they need not import `rules`.
pub fn catalog() -> &'static [&'static RuleMeta] {
    static METAS: OnceLock<Vec<&'static RuleMeta>> = OnceLock::new();
    METAS.get_or_init(|| ALL_RULES.iter().map(|r| r.meta()).collect())
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
            fix: None,
        }
    }

    /// For an operation seen through a helper's call site: points at the call inside the helper.
    pub fn via(self, op: &crate::semantic::ir::JwtOp) -> Finding {
        match &op.via {
            Some(inner) => self.with_related(inner.clone(), "the helper makes the JWT call here"),
            None => self,
        }
    }

    /// Offers a fix.
    pub fn with_fix(mut self, fix: Option<crate::fix::Fix>) -> Finding {
        self.fix = fix;
        self
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
