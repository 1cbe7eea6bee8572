//! jwtlint: a JWT security linter for JavaScript and TypeScript.
//!
//! Data flows one way (DESIGN.md §1): walk → read → parse → extract → expand → link →
//! interpret → rules → finish → report; `engine` runs the stages, this file only exposes them.

pub mod apps;
pub mod baseline;
pub mod catalog;
pub mod config;
pub mod duration;
pub mod engine;
pub mod finding;
pub mod fix;
pub mod inventory;
pub mod lsp;
pub mod panics;
pub mod parse;
pub mod paths;
pub mod prefilter;
pub mod project;
pub mod report;
pub mod rules;
pub mod semantic;
pub mod source;
pub mod suppress;
pub mod text;
pub mod walk;
pub mod workspace;

use std::path::Path;

pub use engine::{
    active_rules, analyse_source, check, check_files, facts_of, lint_source, run, Error,
};
// The outcome of a run lives with the reporters; re-exported so the API stays `jwtlint::Report`.
pub use report::Report;

// The glue hands config the rule catalog: config sits below rules and cannot list them.
impl config::Settings {
    /// Reads and validates a `jwtlint.toml` against every rule ([`config::Settings::load_with`]).
    pub fn load(path: &Path) -> Result<config::Settings, config::ConfigError> {
        config::Settings::load_with(path, rules::catalog())
    }

    /// Validates a configuration's text against every rule ([`config::Settings::parse_with`]).
    pub fn parse(path: &Path, text: &str) -> Result<config::Settings, config::ConfigError> {
        config::Settings::parse_with(path, text, rules::catalog())
    }
}
