//! `--fix`, `--unsafe-fixes` and `--diff` through the binary (issue #12 item 4).

use std::path::Path;
use std::process::Output;

mod common;
use common::{bin, run_with_input, stderr, stdout};

fn jwtlint(dir: &Path, args: &[&str]) -> Output {
    bin(dir)
        .args(args)
        .args(["--color", "never"])
        .output()
        .unwrap()
}

/// A verification without an allowlist (safe fix) and a sign without a lifetime (unsafe fix).
const TOKENS: &str = "const jwt = require('jsonwebtoken');\r\n\
\r\n\
exports.issue = (u) => jwt.sign({ sub: u.id }, process.env.JWT_SECRET);\r\n\
exports.check = (t) => jwt.verify(t, process.env.JWT_SECRET);\r\n";

const SAFE_FIXED: &str = "const jwt = require('jsonwebtoken');\r\n\
\r\n\
exports.issue = (u) => jwt.sign({ sub: u.id }, process.env.JWT_SECRET);\r\n\
exports.check = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });\r\n";

const ALL_FIXED: &str = "const jwt = require('jsonwebtoken');\r\n\
\r\n\
exports.issue = (u) => jwt.sign({ sub: u.id }, process.env.JWT_SECRET, { expiresIn: '15m' });\r\n\
exports.check = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });\r\n";

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn read(dir: &tempfile::TempDir, name: &str) -> String {
    std::fs::read_to_string(dir.path().join(name)).unwrap()
}

#[test]
fn fix_applies_safe_fixes_only_and_reports_what_remains() {
    let dir = project(&[("src/tokens.js", TOKENS)]);
    let o = jwtlint(dir.path(), &["--fix", "."]);
    // CRLF line ends and everything else kept: only the edit's bytes change.
    assert_eq!(read(&dir, "src/tokens.js"), SAFE_FIXED);
    assert!(stderr(&o).contains("Fixed 1 problem"), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains("missing-algorithms"), "{out}");
    assert!(out.contains("missing-expiration"), "{out}");
    assert!(
        out.contains("1 fixable with --fix --unsafe-fixes."),
        "{out}"
    );
    // What remains is a warning: exit 0.
    assert_eq!(o.status.code(), Some(0), "{out}");
}

#[test]
fn unsafe_fixes_apply_the_unsafe_ones_too() {
    let dir = project(&[("src/tokens.js", TOKENS)]);
    let o = jwtlint(dir.path(), &["--fix", "--unsafe-fixes", "."]);
    assert_eq!(read(&dir, "src/tokens.js"), ALL_FIXED);
    assert!(stderr(&o).contains("Fixed 2 problems"), "{}", stderr(&o));
    assert!(stdout(&o).contains("No problems found"), "{}", stdout(&o));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn without_fix_the_report_marks_what_is_fixable() {
    let dir = project(&[("src/tokens.js", TOKENS)]);
    let o = jwtlint(dir.path(), &["."]);
    let out = stdout(&o);
    assert!(out.contains("[*] `jwt.verify` verifies a token"), "{out}");
    assert!(
        out.contains("fix (safe): Add `algorithms: ['HS256']`"),
        "{out}"
    );
    assert!(
        out.contains("1 fixable with --fix (1 more with --unsafe-fixes)."),
        "{out}"
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(read(&dir, "src/tokens.js"), TOKENS);
}

#[test]
fn diff_prints_the_fixes_and_changes_nothing() {
    let dir = project(&[("src/tokens.js", TOKENS)]);
    let o = jwtlint(dir.path(), &["--diff", "."]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("--- a/src/tokens.js"), "{out}");
    assert!(out.contains("+++ b/src/tokens.js"), "{out}");
    assert!(
        out.contains("+exports.check = (t) => jwt.verify(t, process.env.JWT_SECRET, { algorithms: ['HS256'] });"),
        "{out}"
    );
    assert!(
        !out.contains("expiresIn"),
        "an unsafe fix without --unsafe-fixes: {out}"
    );
    assert_eq!(read(&dir, "src/tokens.js"), TOKENS);

    let o = jwtlint(dir.path(), &["--diff", "--unsafe-fixes", "."]);
    assert!(stdout(&o).contains("expiresIn: '15m'"), "{}", stdout(&o));
    assert_eq!(read(&dir, "src/tokens.js"), TOKENS);

    // --fix with --diff: the diff wins, nothing is written.
    let o = jwtlint(dir.path(), &["--fix", "--diff", "."]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(read(&dir, "src/tokens.js"), TOKENS);

    // Nothing to fix: exit 0, no diff.
    let clean = project(&[("a.js", "const x = 1;\n")]);
    let o = jwtlint(clean.path(), &["--diff", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[cfg(unix)]
#[test]
fn fix_keeps_the_file_and_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(&[("src/tokens.js", TOKENS)]);
    let path = dir.path().join("src/tokens.js");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    jwtlint(dir.path(), &["--fix", "."]);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(read(&dir, "src/tokens.js"), SAFE_FIXED);
}

#[test]
fn fixes_at_the_same_place_go_in_separate_passes() {
    let text = "const jwt = require('jsonwebtoken');\n\
exports.sign = (u) => jwt.sign({ sub: u.id }, process.env.S, { expiresIn: '5m' });\n\
exports.check = (t) =>\n  jwt.verify(t, process.env.S, {\n    audience: 'api',\n    ignoreExpiration: true,\n  });\n";
    let dir = project(&[("a.js", text)]);
    let o = jwtlint(dir.path(), &["--fix", "--unsafe-fixes", "."]);
    assert_eq!(
        read(&dir, "a.js"),
        "const jwt = require('jsonwebtoken');\n\
exports.sign = (u) => jwt.sign({ sub: u.id }, process.env.S, { expiresIn: '5m' });\n\
exports.check = (t) =>\n  jwt.verify(t, process.env.S, {\n    audience: 'api',\n    algorithms: ['HS256'],\n  });\n"
    );
    assert!(stderr(&o).contains("Fixed 2 problems"), "{}", stderr(&o));
}

#[test]
fn a_syntax_error_where_the_fix_goes_keeps_the_file_as_it_is() {
    // The verification's line does not parse (a stray `)`): no fix there.
    let text = "const jwt = require('jsonwebtoken');\n\
exports.sign = (u) => jwt.sign({ sub: u.id }, process.env.S, { expiresIn: '5m' });\n\
exports.check = (t) => jwt.verify(t, process.env.S, { audience: 'api' }));\n";
    let dir = project(&[("a.js", text)]);
    let o = jwtlint(dir.path(), &["--fix", "."]);
    assert_eq!(read(&dir, "a.js"), text);
    assert!(stderr(&o).contains("Fixed 0 problems"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "missing-algorithms not fixed: the file has a syntax error where the fix goes"
        ),
        "{}",
        stderr(&o)
    );
    // A syntax error elsewhere in the file does not stop a fix.
    let text = "const jwt = require('jsonwebtoken');\n\
exports.sign = (u) => jwt.sign({ sub: u.id }, process.env.S, { expiresIn: '5m' });\n\
exports.check = (t) => jwt.verify(t, process.env.S, { audience: 'api' });\n\
const = ;\n";
    let dir = project(&[("a.js", text)]);
    jwtlint(dir.path(), &["--fix", "."]);
    assert!(
        read(&dir, "a.js").contains("{ audience: 'api', algorithms: ['HS256'] }"),
        "{}",
        read(&dir, "a.js")
    );
}

#[test]
fn suppressed_and_baselined_findings_are_not_fixed() {
    let text = "const jwt = require('jsonwebtoken');\n\
exports.sign = (u) => jwt.sign({ sub: u.id }, process.env.S, { expiresIn: '5m' });\n\
// jwtlint-disable-next-line missing-algorithms -- checked by the gateway\n\
exports.a = (t) => jwt.verify(t, process.env.S);\n";
    let dir = project(&[("a.js", text)]);
    jwtlint(dir.path(), &["--fix", "."]);
    assert_eq!(read(&dir, "a.js"), text);

    let dir = project(&[("a.js", TOKENS)]);
    let o = jwtlint(dir.path(), &["--write-baseline", "baseline.json", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = jwtlint(
        dir.path(),
        &[
            "--fix",
            "--unsafe-fixes",
            "--baseline",
            "baseline.json",
            ".",
        ],
    );
    assert_eq!(read(&dir, "a.js"), TOKENS);
    assert!(stderr(&o).contains("Fixed 0 problems"), "{}", stderr(&o));
}

#[test]
fn standard_input_with_fix_prints_the_fixed_source() {
    let dir = project(&[]);
    let mut cmd = bin(dir.path());
    cmd.args([
        "--fix",
        "--stdin-filename",
        "src/tokens.js",
        "--color",
        "never",
    ]);
    let o = run_with_input(cmd, TOKENS.as_bytes());
    assert_eq!(stdout(&o), SAFE_FIXED);
    // The report of what remains goes to standard error.
    assert!(stderr(&o).contains("missing-expiration"), "{}", stderr(&o));
    assert!(stderr(&o).contains("Fixed 1 problem"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn json_carries_the_fix_with_offsets_and_positions() {
    let dir = project(&[("src/tokens.js", TOKENS)]);
    let o = jwtlint(dir.path(), &["-f", "json", "."]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "missing-algorithms")
        .unwrap();
    let fix = &f["fix"];
    assert_eq!(fix["title"], "Add `algorithms: ['HS256']`");
    assert_eq!(fix["safety"], "safe");
    let e = &fix["edits"][0];
    let at = TOKENS.rfind("JWT_SECRET);\r\n").unwrap() + "JWT_SECRET".len();
    assert_eq!(e["start_byte"], at);
    assert_eq!(e["end_byte"], at);
    assert_eq!(e["line"], 4);
    assert_eq!(e["text"], ", { algorithms: ['HS256'] }");
    // The unsafe fix is in the report too, marked so.
    let other = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "missing-expiration")
        .unwrap();
    assert_eq!(other["fix"]["safety"], "unsafe");
}

#[test]
fn usage_errors() {
    let dir = project(&[("a.js", TOKENS)]);
    let o = jwtlint(dir.path(), &["--unsafe-fixes", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--unsafe-fixes goes with --fix or --diff"));
    let o = jwtlint(dir.path(), &["--fix", "--write-baseline", "b.json", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(read(&dir, "a.js"), TOKENS);
}

#[test]
fn rules_json_says_which_rules_have_a_fix() {
    let dir = project(&[]);
    let o = jwtlint(dir.path(), &["rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let fix = |id: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()["fix"]
            .clone()
    };
    for id in [
        "missing-algorithms",
        "none-algorithm",
        "algorithm-confusion",
    ] {
        assert_eq!(fix(id), "safe", "{id}");
    }
    for id in [
        "ignore-expiration",
        "insecure-token-cookie",
        "missing-expiration",
    ] {
        assert_eq!(fix(id), "unsafe", "{id}");
    }
    assert_eq!(fix("hardcoded-secret"), serde_json::Value::Null);
}

#[test]
fn diff_refuses_report_options_it_would_ignore() {
    let dir = project(&[("a.js", TOKENS)]);
    for args in [
        &["--diff", "-o", "out.txt", "."][..],
        &["--diff", "-f", "json", "."][..],
        &["--diff", "-f", "sarif:x.sarif", "."][..],
    ] {
        let o = jwtlint(dir.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("--diff"), "{}", stderr(&o));
        assert!(!dir.path().join("out.txt").exists() && !dir.path().join("x.sarif").exists());
    }
}

/// The safe allowlist fix relies on every sign of the key: with tests left out (the
/// default), a test may sign with another algorithm, so the fix is unsafe and says why; with
/// `--include-tests` the test's sign is seen and the algorithm is not certain (no fix).
#[test]
fn unread_tests_make_the_allowlist_fix_unsafe() {
    const TEST: &str = "const jwt = require('jsonwebtoken');\n\
test('accepts HS512', () => {\n\
  const t = jwt.sign({ sub: 1 }, process.env.JWT_SECRET, { algorithm: 'HS512', expiresIn: '1m' });\n\
  expect(require('../a').check(t)).toBeTruthy();\n\
});\n";
    let dir = project(&[("a.js", TOKENS), ("test/a.test.js", TEST)]);
    let o = jwtlint(dir.path(), &["--fix", "."]);
    assert_eq!(read(&dir, "a.js"), TOKENS, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("tests were not read: safe with --include-tests"),
        "{}",
        stdout(&o)
    );
    let o = jwtlint(dir.path(), &["--fix", "--include-tests", "."]);
    assert_eq!(read(&dir, "a.js"), TOKENS, "{}", stderr(&o));
    // Without the test, the same fix is safe and applied.
    std::fs::remove_dir_all(dir.path().join("test")).unwrap();
    jwtlint(dir.path(), &["--fix", "."]);
    assert_eq!(read(&dir, "a.js"), SAFE_FIXED);
}
