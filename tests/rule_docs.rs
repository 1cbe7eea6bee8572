//! Each rule's documentation is executable: its Example must fire exactly once for that
//! rule and its "Use instead" must not fire at all.

use jwtlint::rules::ALL_RULES;
use std::path::Path;

fn file_for(lang: &str) -> &'static str {
    match lang {
        "ts" | "typescript" => "example.ts",
        "tsx" => "example.tsx",
        "jsx" => "example.jsx",
        _ => "example.js",
    }
}

/// Lints a doc example: one file, or, for rules about several files or services, the
/// files its `// file: <path>` lines start (written to a scratch project and linted whole).
fn lint_example(
    lang: &str,
    code: &str,
    rules: &[&'static dyn jwtlint::rules::Rule],
) -> Vec<jwtlint::finding::Finding> {
    if !code.lines().any(|l| l.starts_with("// file: ")) {
        return jwtlint::lint_source(Path::new(file_for(lang)), code, rules).0;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut current: Option<(String, String)> = None;
    let mut files = Vec::new();
    for line in code.lines() {
        if let Some(path) = line.strip_prefix("// file: ") {
            files.extend(current.take());
            current = Some((path.trim().to_string(), String::new()));
        } else if let Some((_, text)) = current.as_mut() {
            text.push_str(line);
            text.push('\n');
        }
    }
    files.extend(current);
    for (path, text) in &files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let only: Vec<String> = rules.iter().map(|r| r.meta().id.to_string()).collect();
    let config = jwtlint::config::Config {
        paths: vec![dir.path().to_path_buf()],
        only_rules: only,
        ..jwtlint::config::Config::default()
    };
    jwtlint::run(&config).expect("example runs").findings
}

#[test]
fn docs_have_front_matter_matching_the_rule() {
    for rule in ALL_RULES {
        let meta = rule.meta();
        let header = meta.header_checked().as_ref().expect("front matter parses");
        assert_eq!(header.id, meta.id, "rules/{}.md names another id", meta.id);
        assert!(
            jwtlint::finding::Level::parse(&header.severity).is_some(),
            "rules/{}.md: bad severity",
            meta.id
        );
        assert!((0.0..=10.0).contains(&header.security_severity));
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
            "## Options",
            "## References",
        ] {
            assert!(
                meta.body().contains(section),
                "rules/{}.md lacks {section}",
                meta.id
            );
        }
    }
}

#[test]
fn examples_fire_once_and_fixes_stay_silent() {
    for rule in ALL_RULES {
        let id = rule.meta().id;
        // The rules on by default, and this one (which may be off by default).
        let rules: Vec<_> = ALL_RULES
            .iter()
            .copied()
            .filter(|r| r.meta().header().enabled || r.meta().id == id)
            .collect();
        let (lang, code) = rule
            .meta()
            .section_code("Example")
            .unwrap_or_else(|| panic!("{id}: no Example code"));
        let findings = lint_example(lang, code, &rules);
        let hits = findings.iter().filter(|f| f.rule == id).count();
        assert_eq!(
            hits, 1,
            "{id}: the Example fires {hits} times: {findings:#?}"
        );

        let (lang, code) = rule
            .meta()
            .section_code("Use instead")
            .unwrap_or_else(|| panic!("{id}: no Use instead code"));
        let findings = lint_example(lang, code, &rules);
        assert!(
            findings.is_empty(),
            "{id}: the Use instead code is flagged: {findings:#?}"
        );
    }
}
