//! The fixture harness (DESIGN.md §4): runs the whole pipeline over `test-fixtures/` and
//! requires the findings to equal the `// expect: <rule>` annotations exactly.
//!
//! Each file directly inside a rule folder is a project of its own; each subfolder is one
//! multi-file project. `todo-expect` marks a known miss (asserted still missed) and `todo-ok`
//! a known false alarm (asserted still reported).

use jwtlint::config::Config;
use jwtlint::rules::ALL_RULES;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

type Key = (String, u32, String);

#[derive(Default)]
struct Annotations {
    expect: BTreeSet<Key>,
    todo_expect: BTreeSet<Key>,
    todo_ok: BTreeSet<Key>,
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test-fixtures")
}

fn rel(p: &Path) -> String {
    p.strip_prefix(fixtures_dir())
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

fn parse_annotations(path: &Path, text: &str, into: &mut Annotations) {
    for (i, line) in text.lines().enumerate() {
        for (tag, set) in [
            ("todo-expect:", &mut into.todo_expect),
            ("todo-ok:", &mut into.todo_ok),
            ("expect:", &mut into.expect),
        ] {
            // Only inside comments: `// expect:`, `/* expect: */`, `{/* expect: */}`.
            for marker in ["// ", "/* "] {
                let pat = format!("{marker}{tag}");
                if let Some(pos) = line.find(&pat) {
                    let rest = &line[pos + pat.len()..];
                    let rest = rest.split("*/").next().unwrap_or(rest);
                    for id in rest.split(',') {
                        let id = id.trim();
                        if !id.is_empty() {
                            set.insert((rel(path), i as u32 + 1, id.to_string()));
                        }
                    }
                }
            }
        }
    }
}

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            source_files(&p, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| jwtlint::parse::EXTENSIONS.contains(&e))
        {
            out.push(p);
        }
    }
}

/// The projects: one per top-level file of a rule folder, one per subfolder.
fn projects() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut rules: Vec<_> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    rules.sort();
    for rule_dir in rules.into_iter().filter(|p| p.is_dir()) {
        let mut entries: Vec<_> = std::fs::read_dir(&rule_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        out.extend(entries.into_iter().filter(|p| {
            p.is_dir()
                || p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| jwtlint::parse::EXTENSIONS.contains(&e))
        }));
    }
    out
}

fn run_project(project: &Path) -> (BTreeSet<Key>, Annotations, Vec<String>) {
    // A rule folder's jwtlint.toml (e.g. turning on an off-by-default rule) applies to it.
    let settings = match jwtlint::config::discover(project) {
        Some(f) => jwtlint::config::Settings::load(&f).expect("fixture jwtlint.toml is valid"),
        None => jwtlint::config::Settings::default(),
    };
    let config = Config {
        paths: vec![project.to_path_buf()],
        threads: 2,
        settings,
        ..Config::default()
    };
    let report = jwtlint::run(&config).expect("fixture run succeeds");
    let mut files = Vec::new();
    if project.is_dir() {
        source_files(project, &mut files);
    } else {
        files.push(project.to_path_buf());
    }
    let mut ann = Annotations::default();
    for f in &files {
        parse_annotations(f, &std::fs::read_to_string(f).unwrap(), &mut ann);
    }
    // A finding an inline comment suppresses is not reported, so it needs no annotation.
    let actual = report
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .map(|f| (rel(&f.loc.path), f.loc.span.start.line, f.rule.to_string()))
        .collect();
    let notes = report
        .notes
        .iter()
        .filter(|n| n.kind == jwtlint::finding::NoteKind::Skipped)
        .map(|n| format!("{}: {}", n.path.display(), n.message))
        .collect();
    (actual, ann, notes)
}

#[test]
fn findings_match_annotations() {
    let mut problems = Vec::new();
    let mut expected_total = 0;
    for project in projects() {
        let (actual, ann, notes) = run_project(&project);
        expected_total += ann.expect.len();
        for n in notes {
            problems.push(format!("file skipped: {n}"));
        }
        for k in &ann.expect {
            if !actual.contains(k) {
                problems.push(format!("missing    {}:{} {}", k.0, k.1, k.2));
            }
        }
        for k in &actual {
            if !ann.expect.contains(k) && !ann.todo_ok.contains(k) {
                problems.push(format!("unexpected {}:{} {}", k.0, k.1, k.2));
            }
        }
        for k in &ann.todo_expect {
            if actual.contains(k) {
                problems.push(format!(
                    "fixed miss {}:{} {} (todo-expect is now found: make it expect)",
                    k.0, k.1, k.2
                ));
            }
        }
        for k in &ann.todo_ok {
            if !actual.contains(k) {
                problems.push(format!(
                    "fixed alarm {}:{} {} (todo-ok no longer fires: remove it)",
                    k.0, k.1, k.2
                ));
            }
        }
        for k in actual.iter().chain(&ann.expect) {
            let file = Path::new(&k.0)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            if file.starts_with("good") && !ann.todo_ok.contains(k) {
                problems.push(format!(
                    "good file  {}:{} {} (good files must stay silent)",
                    k.0, k.1, k.2
                ));
            }
        }
    }
    assert!(
        expected_total > 0,
        "no annotations found: the harness would pass vacuously"
    );
    assert!(
        problems.is_empty(),
        "fixture mismatches:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_rule_has_fixtures_that_fire_and_files_that_stay_silent() {
    for rule in ALL_RULES {
        let id = rule.meta().id;
        let dir = fixtures_dir().join(id);
        assert!(dir.is_dir(), "rule {id} has no test-fixtures/{id}/");
        let mut files = Vec::new();
        source_files(&dir, &mut files);
        let mut ann = Annotations::default();
        for f in &files {
            parse_annotations(f, &std::fs::read_to_string(f).unwrap(), &mut ann);
        }
        let fires = ann.expect.iter().filter(|k| k.2 == id).count();
        assert!(
            fires >= 3,
            "rule {id}: only {fires} positive fixture lines (want at least 3)"
        );
        let goods = files
            .iter()
            .filter(|f| f.file_name().unwrap().to_string_lossy().starts_with("good"))
            .count();
        assert!(goods >= 2, "rule {id}: want good.* files in JS and TS");
        let exts: BTreeSet<_> = files
            .iter()
            .filter_map(|f| f.extension())
            .map(|e| e.to_string_lossy().to_string())
            .collect();
        assert!(
            exts.iter().any(|e| e.starts_with('t') || e.ends_with("ts")),
            "rule {id}: no TypeScript fixture"
        );
        assert!(
            exts.iter().any(|e| e.ends_with("js")),
            "rule {id}: no JavaScript fixture"
        );
    }
}

#[test]
fn annotation_parser_reads_all_comment_styles() {
    let mut ann = Annotations::default();
    let text = "a(); // expect: x, y\n<div>{/* expect: z */}</div>\nb(); // todo-expect: w\nc(); // todo-ok: v\n";
    parse_annotations(Path::new("f.js"), text, &mut ann);
    assert_eq!(ann.expect.len(), 3);
    assert_eq!(ann.todo_expect.len(), 1);
    assert_eq!(ann.todo_ok.len(), 1);
}

#[test]
fn prefilter_does_not_change_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("test-fixtures"), root.join("examples")];
    // Any extra corpus (e.g. a public project checked out in /tmp) can be added for a run.
    if let Some(extra) = std::env::var_os("JWTLINT_CORPUS") {
        paths.push(PathBuf::from(extra));
    }
    let run = |prefilter: bool| {
        let config = Config {
            paths: paths.clone(),
            prefilter,
            ..Config::default()
        };
        jwtlint::run(&config).expect("run succeeds").findings
    };
    let with = run(true);
    let without = run(false);
    assert!(!with.is_empty());
    assert_eq!(with, without, "the prefilter changed the findings");
}
