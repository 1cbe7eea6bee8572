//! The configuration and suppression comments, through the real binary: glob semantics,
//! levels, errors (positions, suggestions, miette snippets, hostile files), block
//! suppressions and the `unused-disable` rule.

use std::path::Path;
use std::process::Output;

mod common;
use common::*;

/// One missing-algorithms finding on line 2.
const BAD: &str =
    "const jwt = require('jsonwebtoken');\nmodule.exports = (t) => jwt.verify(t, process.env.S);\n";

/// (path, line, rule, level, suppressed) of each JSON finding.
fn findings(o: &Output) -> Vec<(String, u64, String, String, bool)> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}{}", stdout(o), stderr(o)));
    let mut out: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().replace('\\', "/"),
                f["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
                f["level"].as_str().unwrap().to_string(),
                f["suppressed"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    out.sort();
    out
}

/// The files with a finding, relative to the scanned folder.
fn linted(dir: &Path, config: &str, files: &[&str]) -> Vec<String> {
    for f in files {
        write(dir, f, BAD);
    }
    write(dir, "jwtlint.toml", config);
    let o = run_in(dir, &["-f", "json"]);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    let mut paths: Vec<String> = findings(&o)
        .into_iter()
        .map(|f| f.0.trim_start_matches("./").to_string())
        .collect();
    paths.dedup();
    paths
}

#[test]
fn exclude_globs_have_gitignore_semantics() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        "src/a.js",
        "src/deep/b.js",
        "packages/api/legacy/c.js",
        "legacy-code/d.js",
        "server.js",
        "lib/server.js",
        "old/drop.js",
        "old/keep.js",
    ];
    let got = linted(
        dir.path(),
        "exclude = [\"src/*.js\", \"legacy\", \"/server.js\", \"old/*\", \"!old/keep.js\"]\n",
        &files,
    );
    assert_eq!(
        got,
        vec![
            // `src/*.js` does not cross a slash.
            "legacy-code/d.js",
            // A leading slash anchors to the configuration's folder.
            "lib/server.js",
            // `!` re-includes.
            "old/keep.js",
            "src/deep/b.js",
        ],
        "a bare name (`legacy`) matches its folder at any depth"
    );
}

#[test]
fn include_globs_select_files_at_any_depth_they_allow() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        "apps/web/src/a.js",
        "apps/web/src/deep/b.js",
        "apps/web/lib/c.js",
        "docs/d.js",
        "src/e.js",
        "src/sub/f.js",
        "x/auth/g.js",
    ];
    let got = linted(
        dir.path(),
        "include = [\"apps/*/src/**\", \"src/*.js\", \"auth\"]\n",
        &files,
    );
    assert_eq!(
        got,
        vec![
            "apps/web/src/a.js",
            "apps/web/src/deep/b.js",
            "src/e.js",
            "x/auth/g.js"
        ]
    );
    // exclude wins over include.
    let got = linted(
        dir.path(),
        "include = [\"src/**\"]\nexclude = [\"sub\"]\n",
        &files,
    );
    assert_eq!(got, vec!["src/e.js"]);
}

#[test]
fn override_files_have_gitignore_semantics() {
    let dir = tempfile::tempdir().unwrap();
    let got = linted(
        dir.path(),
        "[[overrides]]\nfiles = [\"scripts\", \"/tools/*.js\"]\nrules = { missing-algorithms = \"off\" }\n",
        &[
            "scripts/a.js",
            "pkg/scripts/b.js",
            "tools/c.js",
            "tools/deep/d.js",
            "pkg/tools/e.js",
        ],
    );
    assert_eq!(got, vec!["pkg/tools/e.js", "tools/deep/d.js"]);
}

#[test]
fn levels_accept_warn_and_err() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", BAD);
    write(
        dir.path(),
        "jwtlint.toml",
        "[rules]\nmissing-algorithms = \"warn\"\n",
    );
    let o = run_in(dir.path(), &["-f", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(findings(&o)[0].3, "warning");
    write(
        dir.path(),
        "jwtlint.toml",
        "[rules.missing-algorithms]\nlevel = \"err\"\n",
    );
    let o = run_in(dir.path(), &["-f", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(findings(&o)[0].3, "error");
}

/// Runs with a configuration; returns (exit code, stderr).
fn config_error(config: impl AsRef<[u8]>) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", BAD);
    write(dir.path(), "jwtlint.toml", config);
    let o = run_in(dir.path(), &[]);
    (o.status.code(), stderr(&o))
}

#[test]
fn typos_get_a_suggestion() {
    for (config, want) in [
        (
            "[rules]\nmissing-algorithm = \"error\"\n",
            "jwtlint.toml:2:1: unknown rule `missing-algorithm`; did you mean `missing-algorithms`?",
        ),
        (
            "[rules.long-lived-token]\nmax-acces-lifetime = \"1h\"\n",
            "did you mean `max-access-lifetime`?",
        ),
        ("[rules]\nweak-secret = \"warnign\"\n", "did you mean `warning`?"),
        (
            "exlude = [\"a\"]\n",
            "jwtlint.toml:1:1: unknown key `exlude`",
        ),
        ("exlude = [\"a\"]\n", "did you mean `exclude`?"),
    ] {
        let (code, err) = config_error(config);
        assert_eq!(code, Some(2), "{config}");
        assert!(err.contains(want), "{config}: {err}");
    }
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", BAD);
    for flag in ["--rule", "--disable"] {
        let o = run_in(dir.path(), &[flag, "hardcoded-secrets"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o)
                .contains("unknown rule `hardcoded-secrets`; did you mean `hardcoded-secret`?"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn errors_show_the_offending_line_with_a_caret() {
    let (code, err) =
        config_error("[rules]\nweak-secret = \"warning\"\nmissing-algorithm = \"error\"\n");
    assert_eq!(code, Some(2));
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].starts_with("jwtlint: error: jwtlint.toml:3:1: unknown rule `missing-algorithm`"),
        "{err}"
    );
    let code_line = lines
        .iter()
        .position(|l| l.contains("missing-algorithm = \"error\""))
        .unwrap_or_else(|| panic!("no source line: {err}"));
    assert!(lines[code_line].trim_start().starts_with("3 │"), "{err}");
    // The underline sits under the key, with the label below it.
    let under = lines[code_line + 1];
    let col = |s: &str, c: char| s.chars().position(|x| x == c);
    assert_eq!(
        col(under, '─'),
        col(lines[code_line], 'm'),
        "the caret is under the rule id: {err}"
    );
    assert!(err.contains("not a rule"), "{err}");
    // stderr is not a terminal here: no colour.
    assert!(!err.contains('\u{1b}'), "{err:?}");
    // FORCE_COLOR asks for it; NO_COLOR wins over it.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "jwtlint.toml", "[rules]\nx = \"error\"\n");
    let o = bin(dir.path()).env("FORCE_COLOR", "1").output().unwrap();
    assert!(stderr(&o).contains('\u{1b}'), "{}", stderr(&o));
    let o = bin(dir.path())
        .env("FORCE_COLOR", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stderr(&o).contains('\u{1b}'), "{}", stderr(&o));
}

#[test]
fn error_paths_are_relative_to_the_working_directory() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/a.js", BAD);
    write(dir.path(), "jwtlint.toml", "[rules]\nx = \"error\"\n");
    let o = run_in(&dir.path().join("src"), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("jwtlint: error: ../jwtlint.toml:2:1: unknown rule `x`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn durations_must_be_real() {
    for (value, want) in [
        (
            "\"-5m\"",
            "jwtlint.toml:2:23: `max-access-lifetime`: \"-5m\" is negative",
        ),
        (
            "-300",
            "jwtlint.toml:2:23: `max-access-lifetime`: -300 is negative",
        ),
        (
            "\"101y\"",
            "is too long: a duration may be at most 100 years",
        ),
        ("\"soon\"", "`soon` is not a duration"),
    ] {
        let (code, err) = config_error(format!(
            "[rules.long-lived-token]\nmax-access-lifetime = {value}\n"
        ));
        assert_eq!(code, Some(2), "{value}");
        assert!(err.contains(want), "{value}: {err}");
    }
    let (code, err) = config_error(format!(
        "[rules.long-lived-token]\nmax-access-lifetime = \"{}m\"\n",
        "9".repeat(400)
    ));
    assert_eq!(code, Some(2));
    assert!(
        err.contains("jwtlint.toml:2:23:") && err.contains("too long"),
        "{err}"
    );
    // TOML itself refuses a 400-digit integer, with a position.
    let (code, err) = config_error(format!(
        "[rules.long-lived-token]\nmax-access-lifetime = {}\n",
        "9".repeat(400)
    ));
    assert_eq!(code, Some(2));
    assert!(err.contains("jwtlint.toml:2:"), "{err}");
}

#[test]
fn empty_or_missing_override_files_have_a_position() {
    let (code, err) =
        config_error("[[overrides]]\nfiles = []\nrules = { weak-secret = \"off\" }\n");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("jwtlint.toml:2:9: an override's `files` is empty"),
        "{err}"
    );
    let (code, err) = config_error("[rules]\n\n[[overrides]]\nrules = { weak-secret = \"off\" }\n");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("jwtlint.toml:") && err.contains("an override needs `files`"),
        "{err}"
    );
    assert!(
        !err.contains("jwtlint.toml: "),
        "a position is given: {err}"
    );
}

#[test]
fn hostile_configuration_files_are_refused_cleanly() {
    // Binary.
    let (code, err) = config_error(b"[rules]\n\x00\x01\x02binary".as_slice());
    assert_eq!(code, Some(2));
    assert!(
        err.contains("jwtlint.toml:2:1: the configuration holds a NUL byte"),
        "{err}"
    );
    // Not UTF-8.
    let (code, err) = config_error(b"exclude = [\"caf\xe9\"]\n".as_slice());
    assert_eq!(code, Some(2));
    assert!(
        err.contains("jwtlint.toml:1:16: the configuration is not valid UTF-8"),
        "{err}"
    );
    // 50 MB (sparse): refused before it is read.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", BAD);
    let f = std::fs::File::create(dir.path().join("jwtlint.toml")).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let started = std::time::Instant::now();
    let o = run_in(dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "jwtlint.toml: the configuration is 50.0 MiB; a jwtlint.toml may be at most 1 MiB"
        ),
        "{}",
        stderr(&o)
    );
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn control_characters_from_the_configuration_are_escaped() {
    // A TOML escape puts a real ESC in the rule id.
    let (code, err) = config_error("[rules]\n\"x\\u001b[31mred\" = \"error\"\n");
    assert_eq!(code, Some(2));
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("unknown rule `x\\u{1b}[31mred`"), "{err}");
    // A raw ESC in the file (TOML refuses it) is not drawn either.
    let (code, err) = config_error("[rules]\nweak-secret = \"\u{1b}[2J\"\n");
    assert_eq!(code, Some(2));
    assert!(!err.contains('\u{1b}'), "{err:?}");
    // Nor one given on the command line.
    let dir = tempfile::tempdir().unwrap();
    let o = run_in(dir.path(), &["--rule", "x\u{1b}[31m"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains('\u{1b}'), "{:?}", stderr(&o));
}

const BLOCKS: &str = "const jwt = require('jsonwebtoken');
/* jwtlint-disable missing-algorithms -- legacy clients */
jwt.verify(a, process.env.S);
jwt.verify(b, process.env.S);
/* jwtlint-enable missing-algorithms */
jwt.verify(c, process.env.S);
// jwtlint-disable missing-algorithms
jwt.verify(d, process.env.S, { algorithms: ['HS256'] });
// jwtlint-enable
/* jwtlint-enable hardcoded-secret */
/* jwtlint-disable */
jwt.verify(e, process.env.S);
";

#[test]
fn block_suppressions_used_unused_and_unterminated() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", BLOCKS);
    let o = run_in(dir.path(), &["-f", "json"]);
    let f = findings(&o);
    let active: Vec<u64> = f.iter().filter(|f| !f.4).map(|f| f.1).collect();
    assert_eq!(active, vec![6], "{f:?}");
    let suppressed: Vec<u64> = f.iter().filter(|f| f.4).map(|f| f.1).collect();
    // Line 12: the unterminated block runs to the end of the file.
    assert_eq!(suppressed, vec![3, 4, 12], "{f:?}");
    assert_eq!(o.status.code(), Some(1));

    // Unused: the block around a call with an allowlist, and an enable that ends nothing.
    let o = run_in(dir.path(), &["-f", "json", "--report-unused-disables"]);
    let unused: Vec<(u64, String)> = findings(&o)
        .into_iter()
        .filter(|f| f.2 == "unused-disable")
        .map(|f| (f.1, f.3))
        .collect();
    assert_eq!(
        unused,
        vec![(7, "warning".to_string()), (10, "warning".to_string())]
    );
    let o = run_in(dir.path(), &["--report-unused-disables"]);
    let out = stdout(&o);
    assert!(
        out.contains("unused `jwtlint-disable` for `missing-algorithms`"),
        "{out}"
    );
    assert!(
        out.contains("this `jwtlint-enable` comment ends no `jwtlint-disable` block"),
        "{out}"
    );
}

#[test]
fn unused_disable_is_a_rule_like_the_others() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = run_in(root, &["rules"]);
    assert!(
        stdout(&o)
            .lines()
            .any(|l| l.starts_with("unused-disable ") && l.contains("off")),
        "{}",
        stdout(&o)
    );
    let o = run_in(root, &["explain", "unused-disable"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("unused-disable (warning, off by default"),
        "{}",
        stdout(&o)
    );

    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.js",
        "// jwtlint-disable-next-line hardcoded-secret\nconst x = 1;\n",
    );
    let unused = |args: &[&str]| {
        let mut all = vec!["-f", "json"];
        all.extend_from_slice(args);
        let o = run_in(dir.path(), &all);
        (
            o.status.code(),
            findings(&o)
                .into_iter()
                .filter(|f| f.2 == "unused-disable")
                .map(|f| f.3)
                .collect::<Vec<_>>(),
        )
    };
    // Off by default.
    assert_eq!(unused(&[]), (Some(0), vec![]));
    // On with the flag, or as a selected rule, at its default level.
    assert_eq!(
        unused(&["--report-unused-disables"]),
        (Some(0), vec!["warning".to_string()])
    );
    assert_eq!(
        unused(&["--rule", "unused-disable", "--rule", "hardcoded-secret"]),
        (Some(0), vec!["warning".to_string()])
    );
    // A comment about a rule that did not run is not judged.
    assert_eq!(unused(&["--rule", "unused-disable"]), (Some(0), vec![]));
    // --disable wins.
    assert_eq!(
        unused(&["--report-unused-disables", "--disable", "unused-disable"]),
        (Some(0), vec![])
    );
    // Configured like any rule: on, at a level, and per path.
    write(
        dir.path(),
        "jwtlint.toml",
        "[rules]\nunused-disable = \"error\"\n",
    );
    assert_eq!(unused(&[]), (Some(1), vec!["error".to_string()]));
    write(
        dir.path(),
        "jwtlint.toml",
        "[rules]\nunused-disable = \"error\"\n[[overrides]]\nfiles = [\"a.js\"]\nrules = { unused-disable = \"note\" }\n",
    );
    assert_eq!(unused(&[]), (Some(0), vec!["note".to_string()]));
}
