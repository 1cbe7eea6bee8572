//! A small project on disk: walk, prefilter, module resolution (relative imports, index
//! files, tsconfig/jsconfig path aliases), export tables, helpers and barrels across
//! files, `jwtlint.toml`, and every report format.
//!
//! Input: files separated by header lines `//@@ NAME`; text before the first header goes
//! to `index.js`. Names are relative paths of up to 4 parts made of `[A-Za-z0-9._-]`;
//! others get a generated name. At most 6 files.
//!
//! The prefilter (skip files without a trigger word) promises identical findings with it
//! on and off (DESIGN.md §1); the project is linted both ways and the findings compared.

#![no_main]

use jwtlint::config::{Config, Settings};
use jwtlint::finding::Finding;
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const HEADER: &str = "//@@ ";
const MAX_FILES: usize = 6;

const WORKDIR_PREFIX: &str = "jwtlint-fuzz-project-";

/// A folder of this process's own, emptied before each input. A fuzzer stops by aborting,
/// so folders of processes that no longer run are removed here.
fn workdir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let tmp = std::env::temp_dir();
        if let Ok(entries) = std::fs::read_dir(&tmp) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                let Some(pid) = name.strip_prefix(WORKDIR_PREFIX) else {
                    continue;
                };
                let gone = pid.parse::<u32>().is_ok()
                    && Path::new("/proc/self").exists()
                    && !Path::new("/proc").join(pid).exists();
                if gone {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        tmp.join(format!("{WORKDIR_PREFIX}{}", std::process::id()))
    })
}

fn valid_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split('/').collect();
    !name.is_empty()
        && name.len() <= 64
        && parts.len() <= 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && *p != "."
                && *p != ".."
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        })
}

/// Splits the input into (relative path, contents); later files with the same name, or a
/// name that is a folder of another file, are dropped.
fn split(data: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut name = "index.js".to_string();
    let mut body: Vec<u8> = Vec::new();
    let push = |name: String, body: Vec<u8>, files: &mut Vec<(String, Vec<u8>)>| {
        let clash = files.iter().any(|(n, _)| {
            n == &name || n.starts_with(&format!("{name}/")) || name.starts_with(&format!("{n}/"))
        });
        if !clash && files.len() < MAX_FILES {
            files.push((name, body));
        }
    };
    for line in data.split_inclusive(|&b| b == b'\n') {
        if let Some(rest) = line.strip_prefix(HEADER.as_bytes()) {
            push(
                std::mem::take(&mut name),
                std::mem::take(&mut body),
                &mut files,
            );
            let n = String::from_utf8_lossy(rest).trim().to_string();
            name = if valid_name(&n) {
                n
            } else {
                format!("f{}.ts", files.len())
            };
        } else {
            body.extend_from_slice(line);
        }
    }
    push(name, body, &mut files);
    files.retain(|(n, b)| !(n == "index.js" && b.is_empty()));
    files
}

fn lint(dir: &Path, settings: &Settings, prefilter: bool) -> jwtlint::Report {
    let config = Config {
        paths: vec![dir.to_path_buf()],
        threads: 1,
        include_tests: true,
        prefilter,
        settings: settings.clone(),
        report_unused_disables: true,
        ..Config::default()
    };
    match jwtlint::run(&config) {
        Ok(r) => r,
        Err(e) => panic!("a run over an existing folder failed: {e}"),
    }
}

fn key(f: &Finding) -> String {
    format!(
        "{}:{}:{} {} {:?} {}",
        f.loc.path.display(),
        f.loc.span.start.line,
        f.loc.span.start.column,
        f.rule,
        f.suppressed,
        f.message
    )
}

fuzz_target!(|data: &[u8]| {
    let files = split(data);
    if files.is_empty() {
        return;
    }
    let dir = workdir();
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("create the fuzz folder");
    for (name, body) in &files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create a folder");
        }
        std::fs::write(&path, body).expect("write a file");
    }
    let settings = match files.iter().find(|(n, _)| n == "jwtlint.toml") {
        Some(_) => Settings::load(&dir.join("jwtlint.toml")).unwrap_or_default(),
        None => Settings::default(),
    };
    let report = lint(dir, &settings, true);
    let mut cache = jwtlint_fuzz::cache_for(&report);
    jwtlint_fuzz::check_report(&report, &mut cache);
    jwtlint_fuzz::render_all(&report, &mut cache);
    let without = lint(dir, &settings, false);
    let a: Vec<String> = report.findings.iter().map(key).collect();
    let b: Vec<String> = without.findings.iter().map(key).collect();
    assert_eq!(
        a, b,
        "findings differ with the prefilter on (left) and off (right)"
    );
});
