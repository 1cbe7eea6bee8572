//! The whole per-file pipeline on arbitrary bytes: read (binary check, lossy UTF-8),
//! parse, extract, link, every rule, suppressions, fingerprints, and every report format.
//!
//! Input: one selector byte, then the file's bytes. The selector's low bits pick the
//! extension (and so the grammar: JS, JSX, TS, TSX, ESM, CommonJS TS); its high bit turns on
//! `--report-unused-disables`.

#![no_main]

use jwtlint::config::Settings;
use jwtlint::source::{self, ReadOutcome};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let path = jwtlint_fuzz::file_name(selector & 0x7f);
    // The CLI reads standard input through the same function as files.
    let text = match source::from_bytes(&path, bytes.to_vec()) {
        ReadOutcome::Ok(src, _) => src.text,
        ReadOutcome::Skipped(_) => return,
    };
    jwtlint_fuzz::lint_and_render(&path, text, Settings::default(), selector & 0x80 != 0);
});
