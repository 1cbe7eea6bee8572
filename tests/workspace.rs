//! The language server's incremental analysis agrees with a whole run: a project kept in
//! memory (`Workspace`) finds what `jwtlint::run` finds, and after any one file is edited
//! (its text re-extracted from a buffer) and edited back, it finds the same again.

use jwtlint::config::Config;
use jwtlint::finding::Finding;
use jwtlint::workspace::Workspace;
use std::path::{Path, PathBuf};

fn key(f: &Finding) -> (PathBuf, u32, u32, &'static str, String) {
    (
        f.loc.path.as_ref().clone(),
        f.loc.span.start.line,
        f.loc.span.start.column,
        f.rule,
        f.message.clone(),
    )
}

fn keys(findings: &[Finding]) -> Vec<(PathBuf, u32, u32, &'static str, String)> {
    let mut k: Vec<_> = findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .map(key)
        .collect();
    k.sort();
    k
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| jwtlint::parse::EXTENSIONS.contains(&x))
        {
            out.push(p);
        }
    }
}

/// Multi-file fixture projects, where a change in one file changes findings in another.
const PROJECTS: &[&str] = &[
    "test-fixtures/hmac-key-across-services",
    "test-fixtures/algorithm-mismatch",
    "test-fixtures/claim-mismatch",
    "test-fixtures/shared-secret",
    "test-fixtures/hardcoded-secret",
    "test-fixtures/missing-algorithms",
    "test-fixtures/libraries/jsonwebtoken",
    "examples/vulnerable-api",
];

#[test]
fn editing_any_file_and_back_gives_the_whole_run_findings() {
    for project in PROJECTS {
        let root = std::fs::canonicalize(project).unwrap();
        let config = Config {
            paths: vec![root.clone()],
            threads: 2,
            ..Config::default()
        };
        let whole = keys(&jwtlint::run(&config).unwrap().findings);
        let mut ws = Workspace::new(config, Default::default()).unwrap();
        assert_eq!(keys(&ws.check().findings), whole, "{project}: first check");
        let mut files = Vec::new();
        sources(&root, &mut files);
        files.retain(|f| ws.contains(f));
        assert!(!files.is_empty(), "{project}: no file walked");
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            // Emptied, then typed back: the unsaved text is what counts, each time.
            ws.set_text(file, Some(String::new()));
            let emptied = keys(&ws.check().findings);
            assert!(
                emptied.iter().all(|k| k.0 != *file),
                "{}: an empty buffer still has findings",
                file.display()
            );
            ws.set_text(file, Some(text));
            assert_eq!(
                keys(&ws.check().findings),
                whole,
                "{}: edited back",
                file.display()
            );
            ws.set_text(file, None);
        }
        assert_eq!(keys(&ws.check().findings), whole, "{project}: closed");
    }
}

#[test]
fn a_secret_moved_to_the_environment_in_a_buffer_clears_its_users() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::write(root.join("package.json"), r#"{ "name": "app" }"#).unwrap();
    let config_js = root.join("config.js");
    std::fs::write(
        &config_js,
        "module.exports = { secret: 'a-very-long-hard-coded-secret' };\n",
    )
    .unwrap();
    std::fs::write(
        root.join("auth.js"),
        "const jwt = require('jsonwebtoken');\nconst { secret } = require('./config');\nexports.issue = (u) => jwt.sign({ sub: u.id }, secret, { expiresIn: '15m' });\n",
    )
    .unwrap();
    let config = Config {
        paths: vec![root.clone()],
        ..Config::default()
    };
    let mut ws = Workspace::new(config, Default::default()).unwrap();
    let rules = |ws: &Workspace| -> Vec<&'static str> {
        ws.check()
            .findings
            .iter()
            .filter(|f| f.loc.path.ends_with("auth.js"))
            .map(|f| f.rule)
            .collect()
    };
    assert!(rules(&ws).contains(&"hardcoded-secret"));
    ws.set_text(
        &config_js,
        Some("module.exports = { secret: process.env.JWT_SECRET };\n".into()),
    );
    assert!(rules(&ws).is_empty(), "{:?}", rules(&ws));
    // The buffer closed without saving: the file on disk counts again.
    ws.set_text(&config_js, None);
    assert!(rules(&ws).contains(&"hardcoded-secret"));
}

#[test]
fn a_buffer_that_becomes_a_helper_brings_in_its_callers() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::write(root.join("package.json"), r#"{ "name": "app" }"#).unwrap();
    let helper = root.join("mint.js");
    // Nothing here mentions a JWT library yet: the prefilter skips both files.
    std::fs::write(
        &helper,
        "exports.mint = (claims, key) => ({ claims, key });\n",
    )
    .unwrap();
    std::fs::write(
        root.join("routes.js"),
        "const { mint } = require('./mint');\nexports.login = (u) => mint({ sub: u.id }, 'hunter2-hunter2-hunter2');\n",
    )
    .unwrap();
    let config = Config {
        paths: vec![root.clone()],
        ..Config::default()
    };
    let mut ws = Workspace::new(config, Default::default()).unwrap();
    assert!(ws.check().findings.is_empty());
    ws.set_text(
        &helper,
        Some("const jwt = require('jsonwebtoken');\nexports.mint = (claims, key) => jwt.sign(claims, key, { expiresIn: '15m' });\n".into()),
    );
    let found: Vec<(String, &'static str)> = ws
        .check()
        .findings
        .iter()
        .map(|f| {
            (
                f.loc
                    .path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                f.rule,
            )
        })
        .collect();
    assert!(
        found.contains(&("routes.js".into(), "hardcoded-secret")),
        "{found:?}"
    );
}
