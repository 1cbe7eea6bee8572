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
        let (findings, _) = jwtlint::lint_source(Path::new(file_for(lang)), code, &rules);
        let hits = findings.iter().filter(|f| f.rule == id).count();
        assert_eq!(
            hits, 1,
            "{id}: the Example fires {hits} times: {findings:#?}"
        );

        let (lang, code) = rule
            .meta()
            .section_code("Use instead")
            .unwrap_or_else(|| panic!("{id}: no Use instead code"));
        let (findings, _) = jwtlint::lint_source(Path::new(file_for(lang)), code, &rules);
        assert!(
            findings.is_empty(),
            "{id}: the Use instead code is flagged: {findings:#?}"
        );
    }
}
