//! Fixture tests for every fix (issue #12): `test-fixtures/fixes/<rule>/`.
//!
//! Each file directly inside a rule folder is a case of its own, each subfolder a case of
//! several files (a sign in one file, the verification in another). `<file>.fixed` beside a
//! file is that file as the rule's fixes leave it (safe and unsafe fixes alike); a file
//! without one must stay as it is. A case with no `.fixed` file at all is a near miss: the
//! rule reports it, but offers no fix that applies.
//!
//! Each case is copied to a scratch folder and linted there alone; the fixes are rendered
//! and applied through the library (`fix::render`, `fix::apply`), the output compared byte
//! for byte, then linted again: the rule's findings are gone and the file parses.

use jwtlint::config::Config;
use jwtlint::finding::{Finding, NoteKind};
use jwtlint::fix::{self, Safety, TextEdit};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn fixes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test-fixtures/fixes")
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

fn is_expected(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "fixed")
}

/// Every case: (rule, case path).
fn cases() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for rule_dir in sorted(&fixes_dir()).into_iter().filter(|p| p.is_dir()) {
        let rule = rule_dir.file_name().unwrap().to_string_lossy().into_owned();
        for case in sorted(&rule_dir) {
            if !is_expected(&case) {
                out.push((rule.clone(), case));
            }
        }
    }
    out
}

/// A case's files relative to the case: source text and the expected fixed text, if any.
struct CaseFile {
    rel: PathBuf,
    text: String,
    expected: Option<String>,
}

fn case_files(case: &Path) -> Vec<CaseFile> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<CaseFile>) {
        for p in sorted(dir) {
            if p.is_dir() {
                walk(root, &p, out);
            } else if !is_expected(&p) {
                let mut fixed = p.clone().into_os_string();
                fixed.push(".fixed");
                out.push(CaseFile {
                    rel: p.strip_prefix(root).unwrap().to_path_buf(),
                    text: std::fs::read_to_string(&p).unwrap(),
                    expected: std::fs::read_to_string(PathBuf::from(fixed)).ok(),
                });
            }
        }
    }
    let mut out = Vec::new();
    if case.is_dir() {
        walk(case, case, &mut out);
    } else {
        let mut fixed = case.to_path_buf().into_os_string();
        fixed.push(".fixed");
        out.push(CaseFile {
            rel: PathBuf::from(case.file_name().unwrap()),
            text: std::fs::read_to_string(case).unwrap(),
            expected: std::fs::read_to_string(PathBuf::from(fixed)).ok(),
        });
    }
    out
}

fn lint(dir: &Path, rule: &str) -> jwtlint::Report {
    let config = Config {
        paths: vec![dir.to_path_buf()],
        only_rules: vec![rule.to_string()],
        threads: 2,
        ..Config::default()
    };
    jwtlint::run(&config).expect("the case runs")
}

/// The safety each rule's doc gives its fix.
fn documented_safety(rule: &str) -> Safety {
    match rule {
        "missing-algorithms" | "none-algorithm" | "algorithm-confusion" => Safety::Safe,
        _ => Safety::Unsafe,
    }
}

fn findings_of<'a>(report: &'a jwtlint::Report, rule: &str) -> Vec<&'a Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.rule == rule && f.suppressed.is_none())
        .collect()
}

fn check_case(rule: &str, case: &Path) -> Result<(), String> {
    let name = format!("{rule}/{}", case.file_name().unwrap().to_string_lossy());
    let files = case_files(case);
    let tmp = tempfile::tempdir().unwrap();
    for f in &files {
        let p = tmp.path().join(&f.rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, &f.text).unwrap();
    }
    let report = lint(tmp.path(), rule);
    let found = findings_of(&report, rule);
    if found.is_empty() {
        return Err(format!("{name}: {rule} does not fire"));
    }
    // The edits of every fix that applies, by file.
    let mut edits: BTreeMap<PathBuf, Vec<TextEdit>> = BTreeMap::new();
    for f in &found {
        let Some(x) = &f.fix else { continue };
        if x.safety != documented_safety(rule) {
            return Err(format!(
                "{name}: the fix is {:?}, the doc says otherwise",
                x.safety
            ));
        }
        let rel = f.loc.path.strip_prefix(tmp.path()).unwrap().to_path_buf();
        let text = &files.iter().find(|c| c.rel == rel).unwrap().text;
        if let Some(mine) = fix::render(x, text) {
            edits.entry(rel).or_default().extend(mine);
        }
    }
    let expects_fix = files.iter().any(|f| f.expected.is_some());
    if !expects_fix {
        return if edits.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{name}: a near miss, but a fix is offered: {edits:?}"
            ))
        };
    }
    for f in &files {
        let mut mine = edits.remove(&f.rel).unwrap_or_default();
        mine.sort_by_key(|e| (e.start, e.end));
        if mine.windows(2).any(|w| w[1].start < w[0].end) {
            return Err(format!("{name}: fixes overlap in {}", f.rel.display()));
        }
        let out = fix::apply(&f.text, &mine);
        let want = f.expected.as_deref().unwrap_or(&f.text);
        if out != want {
            return Err(format!(
                "{name}: {} fixed differs\n--- expected\n{want}\n--- got\n{out}",
                f.rel.display()
            ));
        }
        if f.expected.is_some() && fix::apply_checked(&f.rel, &f.text, &mine).is_err() {
            return Err(format!("{name}: {} no longer parses", f.rel.display()));
        }
        std::fs::write(tmp.path().join(&f.rel), &out).unwrap();
    }
    // Linted again: the findings the fixes were for are gone, and nothing fails to parse.
    let again = lint(tmp.path(), rule);
    let left: Vec<String> = findings_of(&again, rule)
        .iter()
        .filter(|f| {
            let rel = f.loc.path.strip_prefix(tmp.path()).unwrap();
            files.iter().any(|c| c.rel == rel && c.expected.is_some())
        })
        .map(|f| {
            format!(
                "{}:{} {}",
                f.loc.path.display(),
                f.loc.span.start.line,
                f.message
            )
        })
        .collect();
    if !left.is_empty() {
        return Err(format!("{name}: still reported after the fix: {left:?}"));
    }
    let broken: Vec<&str> = again
        .notes
        .iter()
        .filter(|n| n.kind != NoteKind::Warning || n.message.contains("syntax error"))
        .map(|n| n.message.as_str())
        .collect();
    if !broken.is_empty() {
        return Err(format!("{name}: the fixed files have problems: {broken:?}"));
    }
    Ok(())
}

#[test]
fn every_fix_case_gives_its_expected_output() {
    let cases = cases();
    let mut problems = Vec::new();
    for (rule, case) in &cases {
        if let Err(e) = check_case(rule, case) {
            problems.push(e);
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n\n"));
}

#[test]
fn every_fixable_rule_has_cases_and_near_misses() {
    let cases = cases();
    for rule in [
        "missing-algorithms",
        "insecure-token-cookie",
        "ignore-expiration",
        "missing-expiration",
        "none-algorithm",
        "algorithm-confusion",
    ] {
        let mine: Vec<&PathBuf> = cases
            .iter()
            .filter(|(r, _)| r == rule)
            .map(|(_, c)| c)
            .collect();
        let fixed = mine
            .iter()
            .filter(|c| case_files(c).iter().any(|f| f.expected.is_some()))
            .count();
        assert!(fixed >= 2, "{rule}: {fixed} cases with a fix");
        assert!(
            mine.len() > fixed,
            "{rule}: no near miss (a case where no fix is offered)"
        );
        // JavaScript and TypeScript.
        for ext in ["js", "ts"] {
            assert!(
                mine.iter().any(|c| case_files(c)
                    .iter()
                    .any(|f| f.expected.is_some() && f.rel.extension().is_some_and(|e| e == ext))),
                "{rule}: no .{ext} case with a fix"
            );
        }
    }
}
