//! A byte prefilter (DESIGN.md §7): files that mention none of the trigger words cannot
//! produce a finding today, so they are not parsed. Parsing is most of the run's cost.
//!
//! Trigger words: the names of the supported libraries (every adapter's module name
//! contains one of them) and the browser storage APIs. When cross-file resolution lands,
//! files skipped here are parsed on demand when a parsed file imports from them.

use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

pub const TRIGGERS: &[&str] = &[
    "jwt",
    "jose",
    "jsonwebtoken",
    "localstorage",
    "sessionstorage",
];

fn matcher() -> &'static AhoCorasick {
    static M: OnceLock<AhoCorasick> = OnceLock::new();
    M.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(TRIGGERS)
            .expect("static patterns compile")
    })
}

/// Whether a file may hold something a rule reports.
pub fn may_match(text: &str) -> bool {
    matcher().is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::semantic::libraries::LIBRARIES;

    #[test]
    fn every_library_module_contains_a_trigger() {
        for lib in LIBRARIES {
            for m in lib.modules() {
                assert!(
                    may_match(m),
                    "module {m} of {} would be prefiltered away",
                    lib.id()
                );
            }
        }
        assert!(may_match("window.LocalStorage.setItem"));
        assert!(!may_match("import React from 'react';"));
    }
}
