//! `unused-disable`: a `jwtlint-disable…` comment that suppresses nothing, or a
//! `jwtlint-enable` that ends no block.
//!
//! The shape differs from the other rules because what it checks only exists after the
//! other rules ran and their findings met the suppression comments (the finish stage,
//! `suppress::apply_directives`). So `check` adds nothing; the finish stage hands the
//! directives that covered nothing to [`findings`], and the result gets its level from the
//! configuration like any rule's (`suppress::unused_levels`). The rule is in `ALL_RULES` so
//! that it is listed, explained, configured and described in SARIF like the others.

use super::{Rule, RuleCtx, RuleMeta};
use crate::finding::Finding;
use crate::semantic::directives::{Directive, Scope};

pub struct UnusedDisable;

pub static META: RuleMeta = crate::rule_meta!("unused-disable");

impl Rule for UnusedDisable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Nothing to see before suppression is applied: see the module comment.
    fn check(&self, _cx: &RuleCtx, _out: &mut Vec<Finding>) {}
}

/// Findings for directives that covered nothing: each comes with the rule ids in it that
/// suppressed nothing (`[""]` for a directive without ids, `[]` for a stray enable).
/// `active`: the rules that ran; an id of a rule that did not run is not known to be
/// unused, so it is left out.
pub fn findings(unused: &[(&Directive, Vec<String>)], active: &[&str]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (d, ids) in unused {
        let word = d.scope.word();
        let (message, help) = if d.scope == Scope::Enable {
            (
                format!("this `{word}` comment ends no `jwtlint-disable` block"),
                "remove it, or add the `/* jwtlint-disable */` comment it was meant to close"
                    .to_string(),
            )
        } else if ids.len() == 1 && ids[0].is_empty() {
            (
                format!("this `{word}` comment suppresses nothing"),
                "remove the comment".to_string(),
            )
        } else {
            let shown: Vec<String> = ids
                .iter()
                .filter_map(|r| match super::find(r) {
                    None => Some(format!(
                        "`{}` (no such rule)",
                        crate::text::escape_control(r)
                    )),
                    Some(rule) if active.contains(&rule.meta().id) => Some(format!("`{r}`")),
                    Some(_) => None,
                })
                .collect();
            if shown.is_empty() {
                continue;
            }
            (
                format!("unused `{word}` for {}", shown.join(", ")),
                if shown.len() == d.rules.len() {
                    "remove the comment".to_string()
                } else {
                    "remove the rule ids that no longer apply".to_string()
                },
            )
        };
        out.push(Finding::new(&META, d.at.clone(), message, help));
    }
    out
}
