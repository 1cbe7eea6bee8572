//! A byte prefilter (DESIGN.md §7): files that mention none of the trigger words cannot
//! produce a finding, so they are not parsed. Parsing is most of the run's cost.
//!
//! Trigger words: the names of the supported libraries (every adapter's module name
//! contains one of them), the browser storage and cookie APIs, and `eyJ` (JWT literals).
//! A skipped file is still parsed on demand when a JWT value comes from it.

use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Every ASCII letter-case spelling of the short words (`jwt`, `JWT` in `SignJWT`, `Jose`),
/// the module name as written, and the storage APIs as written. Case-sensitive patterns
/// let aho-corasick use its SIMD prefilter, several times faster than a case-insensitive
/// search over every byte of the project.
fn patterns() -> Vec<String> {
    fn cases(word: &str) -> Vec<String> {
        (0..1u32 << word.len())
            .map(|mask| {
                word.chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if mask & (1 << i) != 0 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect()
            })
            .collect()
    }
    let mut out = cases("jwt");
    out.extend(cases("jose"));
    // `eyJ` starts every JWT (base64 of `{"`), for tokens written in the source;
    // cookie-setting calls and headers; `split('.')[1]`: a token's payload decoded by
    // hand; and module names without "jwt". Narrow on purpose: every extra trigger
    // file is a parse.
    out.extend(
        [
            "jsonwebtoken",
            "localStorage",
            "sessionStorage",
            "eyJ",
            ".cookie(",
            "setCookie(",
            "cookies.set(",
            "cookies().set(",
            "cookies()).set(",
            "Set-Cookie",
            "set-cookie",
            "split('.')[1]",
            "split(\".\")[1]",
            "next-auth",
            "@auth/core",
            "jsrsasign",
            "jws",
        ]
        .map(String::from),
    );
    out
}

fn matcher() -> &'static AhoCorasick {
    static M: OnceLock<AhoCorasick> = OnceLock::new();
    M.get_or_init(|| AhoCorasick::new(patterns()).expect("static patterns compile"))
}

/// Relative module specifiers written in a file (`'./x'`, `"../y"`), found without parsing.
/// A file the prefilter skips is still parsed when it imports a helper function whose JWT
/// call its arguments may feed.
pub fn relative_specifiers(bytes: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < bytes.len() {
        let q = bytes[i];
        if matches!(q, b'\'' | b'"' | b'`')
            && bytes[i + 1] == b'.'
            && (bytes[i + 2] == b'/' || bytes[i + 2] == b'.')
        {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && j - start < 300 && bytes[j] != q && bytes[j] != b'\n' {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == q {
                if let Ok(s) = std::str::from_utf8(&bytes[start..j]) {
                    if s.starts_with("./") || s.starts_with("../") {
                        out.push(s.to_string());
                    }
                }
            }
            i = j + 1;
            continue;
        }
        i += 1;
    }
    out.sort();
    out.dedup();
    out
}

/// What pass 1 keeps of a file it skipped, so later passes can tell without reading it
/// again whether it calls a helper or re-exports one.
#[derive(Debug, Clone, Default)]
pub struct SkippedIndex {
    /// Relative specifiers it imports.
    pub specs: Vec<String>,
    /// Relative specifiers it re-exports (`export … from`, `module.exports = require(…)`).
    pub reexports: Vec<String>,
    /// Hashes of the identifiers it calls (`name(`), sorted.
    pub called: Vec<u64>,
}

/// FNV-1a of an identifier.
pub fn name_hash(name: &[u8]) -> u64 {
    name.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ *b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The longest `export { … } from` statement the skipped-file index recognises, in bytes.
const MAX_STATEMENT: usize = 4096;

impl SkippedIndex {
    pub fn of(bytes: &[u8]) -> Option<SkippedIndex> {
        let specs = relative_specifiers(bytes);
        if specs.is_empty() {
            return None;
        }
        let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
        let mut called = Vec::new();
        for (i, _) in bytes.iter().enumerate().filter(|(_, b)| **b == b'(') {
            let mut end = i;
            while end > 0 && bytes[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
            let mut start = end;
            while start > 0 && ident(bytes[start - 1]) {
                start -= 1;
            }
            if start < end {
                called.push(name_hash(&bytes[start..end]));
            }
        }
        called.sort_unstable();
        called.dedup();
        let text = String::from_utf8_lossy(bytes);
        let reexports = specs
            .iter()
            .filter(|spec| {
                text.match_indices(spec.as_str()).any(|(at, _)| {
                    // An `export … from` statement is short: look back a bounded distance,
                    // so a one-line bundle naming a module many times stays linear.
                    let mut from = at.saturating_sub(MAX_STATEMENT);
                    while !text.is_char_boundary(from) {
                        from += 1;
                    }
                    let before = &text[from..at];
                    let esm = before.rfind("export").is_some_and(|e| {
                        let statement = &before[e..];
                        !statement.contains(';')
                            && !statement.contains("import")
                            && statement.contains("from")
                    });
                    // CommonJS: `module.exports = require('./x')`, `exports.a = require('./x')`.
                    let cjs = before.rfind("exports").is_some_and(|e| {
                        let statement = before[e..].trim_end_matches(['\'', '"', '`']);
                        !statement.contains(';')
                            && statement.contains('=')
                            && statement.trim_end().ends_with("require(")
                    });
                    esm || cjs
                })
            })
            .cloned()
            .collect();
        Some(SkippedIndex {
            specs,
            reexports,
            called,
        })
    }

    pub fn calls(&self, name: &str) -> bool {
        self.called
            .binary_search(&name_hash(name.as_bytes()))
            .is_ok()
    }
}

/// Whether a file may hold something a rule reports.
pub fn may_match(text: &str) -> bool {
    matcher().is_match(text)
}

/// The same test on raw bytes, before a file is decoded or indexed.
pub fn may_match_bytes(bytes: &[u8]) -> bool {
    matcher().is_match(bytes)
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
        assert!(may_match("window.localStorage.setItem"));
        assert!(may_match("class SignJWT {}") && may_match("const Jwt = 1") && may_match("JOSE"));
        assert!(!may_match("import React from 'react';"));
        assert_eq!(
            relative_specifiers(
                b"import a from './a';\nconst b = require(\"../lib/b\"); x = '.5';"
            ),
            vec!["../lib/b".to_string(), "./a".to_string()]
        );
    }
}
