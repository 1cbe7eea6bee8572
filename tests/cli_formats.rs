//! The real binary on paths, formats and outcomes: where reports say files are, how
//! several formats are written in one run, and how a run says why it failed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::*;

const BAD: &str =
    "const jwt = require('jsonwebtoken');\nmodule.exports = (t) => jwt.verify(t, process.env.S);\n";
const WARN_ONLY: &str = "localStorage.setItem('token', res.token);\n";
/// Two rules (hardcoded-secret, weak-secret) flag the same argument.
const TWO_AT_ONE_PLACE: &str =
    "const jwt = require('jsonwebtoken');\nexports.s = (p) => jwt.sign(p, 'secret', { expiresIn: '15m' });\n";

/// A repository (a `.git` folder, as `git init` makes) with an app in `apps/api`.
fn repo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    write(&root, "apps/api/src/a.js", BAD);
    write(&root, "apps/api/src/b.js", WARN_ONLY);
    (dir, root)
}

fn sarif_uris(o: &Output) -> Vec<String> {
    json(o)["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let a = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(a["uriBaseId"], "%SRCROOT%", "{a}");
            a["uri"].as_str().unwrap().to_string()
        })
        .collect()
}

fn json_paths(o: &Output) -> Vec<String> {
    json(o)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn sarif_and_gitlab_name_files_from_the_repository_root() {
    let (_d, root) = repo();
    let api = root.join("apps/api");
    let abs = api.to_string_lossy().into_owned();
    let expected = vec!["apps/api/src/a.js", "apps/api/src/b.js"];
    for (cwd, args) in [
        (root.as_path(), vec!["apps/api"]),
        (root.as_path(), vec!["."]),
        (root.as_path(), vec![abs.as_str()]),
        (api.as_path(), vec!["."]),
        (api.as_path(), vec!["src"]),
        (api.as_path(), vec![]),
        (api.join("src").as_path(), vec![".."]),
    ] {
        let o = run_in(cwd, &[&args[..], &["-f", "sarif"]].concat());
        assert_eq!(sarif_uris(&o), expected, "{args:?} in {}", cwd.display());
        let base = json(&o)["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].clone();
        assert_eq!(base, format!("file://{}/", root.to_string_lossy()));
        let o = run_in(cwd, &[&args[..], &["-f", "gitlab"]].concat());
        let paths: Vec<String> = json(&o)
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["location"]["path"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(paths, expected, "{args:?} in {}", cwd.display());
        let o = run_in(cwd, &[&args[..], &["-f", "github"]].concat());
        assert!(
            stdout(&o).contains("file=apps/api/src/a.js,"),
            "{}",
            stdout(&o)
        );
    }
}

#[test]
fn human_and_json_name_files_from_the_working_directory() {
    let (_d, root) = repo();
    let api = root.join("apps/api");
    let abs = api.join("src").to_string_lossy().into_owned();
    for (cwd, args, expected) in [
        (root.as_path(), vec!["apps/api"], "apps/api/src/a.js"),
        (root.as_path(), vec!["./apps/api/"], "apps/api/src/a.js"),
        (api.as_path(), vec!["."], "src/a.js"),
        (api.as_path(), vec!["./src"], "src/a.js"),
        (api.as_path(), vec![abs.as_str()], "src/a.js"),
        (api.join("src").as_path(), vec!["."], "a.js"),
    ] {
        let o = run_in(cwd, &[&args[..], &["-f", "json"]].concat());
        assert_eq!(json_paths(&o)[0], expected, "{args:?} in {}", cwd.display());
        let o = run_in(cwd, &[&args[..], &["--color", "never"]].concat());
        assert!(
            stdout(&o).contains(&format!("[{expected}:2:25]")),
            "{args:?}: {}",
            stdout(&o)
        );
    }
    // A sibling folder reached with `..` stays relative.
    write(&root, "apps/web/c.js", BAD);
    let o = run_in(&api, &["../web", "-f", "json"]);
    assert_eq!(json_paths(&o), vec!["../web/c.js"]);
}

#[test]
fn a_worktree_git_file_marks_the_repository_root() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    write(&root, ".git", "gitdir: /somewhere/else/.git/worktrees/x\n");
    write(&root, "pkg/src/a.js", BAD);
    let o = run_in(&root.join("pkg"), &["src", "-f", "sarif"]);
    assert_eq!(sarif_uris(&o), vec!["pkg/src/a.js"]);
}

#[test]
fn files_outside_the_repository_get_absolute_uris() {
    let (_d, root) = repo();
    let other = tempfile::tempdir().unwrap();
    let outside = write(&std::fs::canonicalize(other.path()).unwrap(), "x.js", BAD);
    let o = run_in(
        &root,
        &[
            "apps/api/src/a.js",
            &outside.to_string_lossy(),
            "-f",
            "sarif",
        ],
    );
    let v = json(&o);
    let results = v["runs"][0]["results"].as_array().unwrap();
    let mut locs: Vec<String> = results
        .iter()
        .map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"].to_string())
        .collect();
    locs.sort();
    assert_eq!(
        locs,
        vec![
            r#"{"uri":"apps/api/src/a.js","uriBaseId":"%SRCROOT%"}"#.to_string(),
            format!(r#"{{"uri":"file://{}"}}"#, outside.to_string_lossy()),
        ]
    );

    // Outside any repository and outside the working directory: the scanned folder is
    // the root, so SARIF never climbs out with `../`.
    let lone = tempfile::tempdir().unwrap();
    write(lone.path(), "src/y.js", BAD);
    let o = run_in(&root, &[&lone.path().to_string_lossy(), "-f", "sarif"]);
    assert_eq!(sarif_uris(&o), vec!["src/y.js"]);
}

#[test]
fn baselines_hold_whichever_folder_is_scanned() {
    let (_d, root) = repo();
    let base = root.join("baseline.json");
    let base_s = base.to_string_lossy().into_owned();
    let o = run_in(&root, &[".", "--write-baseline", &base_s]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Wrote 2 findings to the baseline"),
        "{}",
        stderr(&o)
    );
    let b: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    assert_eq!(b["version"], 2);
    assert_eq!(b["findings"][0]["path"], "apps/api/src/a.js");
    let api = root.join("apps/api");
    for (cwd, args) in [
        (root.as_path(), vec!["apps/api"]),
        (
            root.as_path(),
            vec!["apps/api/src/a.js", "apps/api/src/b.js"],
        ),
        (api.as_path(), vec!["src"]),
        (api.as_path(), vec!["."]),
    ] {
        let o = run_in(
            cwd,
            &[&args[..], &["--baseline", &base_s, "-f", "json"]].concat(),
        );
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stdout(&o));
        assert!(json_paths(&o).is_empty(), "{args:?}: {}", stdout(&o));
        assert_eq!(json(&o)["summary"]["baselined_findings"], 2);
    }
    // A baseline written inside the subfolder holds for a scan from the top.
    let o = run_in(&api, &["src", "--write-baseline", &base_s]);
    assert_eq!(o.status.code(), Some(0));
    let o = run_in(&root, &[".", "--baseline", &base_s]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("2 findings recorded in the baseline were left out"),
        "{}",
        stderr(&o)
    );
    // A version 1 baseline (paths relative to the scanned folder) is refused with the fix.
    std::fs::write(&base, r#"{"version":1,"findings":[]}"#).unwrap();
    let o = run_in(&root, &[".", "--baseline", &base_s]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("record it again with `--write-baseline"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn several_formats_in_one_run() {
    let (_d, root) = repo();
    let o = run_in(
        &root,
        &[
            ".",
            "-f",
            "sarif:out/jwtlint.sarif",
            "-f",
            "github",
            "-f",
            "junit:junit.xml",
        ],
    );
    // The output folder does not exist: a clear error, exit 2.
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("cannot write out/jwtlint.sarif"),
        "{}",
        stderr(&o)
    );

    let o = run_in(
        &root,
        &[
            ".",
            "-f",
            "sarif:jwtlint.sarif",
            "-f",
            "github",
            "-f",
            "junit:junit.xml",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("::error file=apps/api/src/a.js,"),
        "{}",
        stdout(&o)
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("jwtlint.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
    let junit = std::fs::read_to_string(root.join("junit.xml")).unwrap();
    assert!(junit.contains("tests=\"2\" failures=\"2\""), "{junit}");
    // Machine-readable output only on stdout: no timing line for people on stderr.
    assert!(!stderr(&o).contains("Checked"), "{}", stderr(&o));

    // `-o` takes the one format without a file of its own.
    let o = run_in(
        &root,
        &[".", "-f", "json", "-f", "gitlab:cq.json", "-o", "r.json"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("r.json")).unwrap()).unwrap();
    assert_eq!(r["version"], 2);
    let cq: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("cq.json")).unwrap()).unwrap();
    assert_eq!(cq.as_array().unwrap().len(), 2);

    // Two formats on standard output, or two reports in one file: usage errors.
    let o = run_in(&root, &[".", "-f", "sarif", "-f", "github"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the formats sarif, github would all be written to standard output"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
    let o = run_in(&root, &[".", "-f", "sarif:x", "-f", "json:x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("two reports would be written to x"),
        "{}",
        stderr(&o)
    );
    let o = run_in(&root, &[".", "-f", "sarif:x", "-o", "y"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run_in(&root, &[".", "-f", "yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown format `yaml`"),
        "{}",
        stderr(&o)
    );
    let o = run_in(&root, &[".", "-f", "json:"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no file name after `json:`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn gitlab_code_quality_report() {
    let (_d, root) = repo();
    write(&root, "apps/api/src/c.js", format!("{BAD}{BAD}"));
    let o = run_in(&root, &[".", "-f", "gitlab"]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let issues = v.as_array().unwrap();
    assert!(!issues.is_empty());
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    for i in issues {
        assert!(i["description"].as_str().unwrap().len() > 10);
        assert!(i["check_name"].as_str().is_some());
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&i["severity"].as_str().unwrap()));
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    let n = fingerprints.len();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), n, "fingerprints are unique");
    let a = issues
        .iter()
        .find(|i| i["check_name"] == "missing-algorithms")
        .unwrap();
    assert_eq!(a["severity"], "critical");
    let w = issues
        .iter()
        .find(|i| i["check_name"] == "token-in-localstorage")
        .unwrap();
    assert_eq!(w["severity"], "major");
    // Stable when code moves: the same fingerprints after lines are added above.
    write(
        &root,
        "apps/api/src/c.js",
        format!("// moved\n\n{BAD}{BAD}"),
    );
    let again = json(&run_in(&root, &[".", "-f", "gitlab"]));
    let mut moved: Vec<&str> = again
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    moved.sort();
    assert_eq!(moved, fingerprints);
}

#[test]
fn junit_report() {
    let (_d, root) = repo();
    write(
        &root,
        "apps/api/src/s.js",
        "const jwt = require('jsonwebtoken');\n// jwtlint-disable-next-line missing-algorithms -- legacy <client>\njwt.verify(t, process.env.S);\n",
    );
    write(&root, "apps/api/src/bin.js", b"\x00\x01");
    let o = run_in(&root, &[".", "-f", "junit"]);
    let xml = stdout(&o);
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"),
        "{xml}"
    );
    assert!(
        xml.contains(
            "<testsuite name=\"jwtlint\" tests=\"4\" failures=\"2\" errors=\"1\" skipped=\"1\">"
        ),
        "{xml}"
    );
    assert!(
        xml.contains("classname=\"apps/api/src/a.js\" name=\"missing-algorithms at 2:25\""),
        "{xml}"
    );
    assert!(xml.contains("<failure type=\"error\""), "{xml}");
    assert!(
        xml.contains(
            "<skipped message=\"suppressed by a jwtlint-disable comment: legacy &lt;client&gt;\"/>"
        ),
        "{xml}"
    );
    assert!(
        xml.contains("name=\"could not analyse this file\" file=\"apps/api/src/bin.js\">\n      <error message=\"binary file (contains NUL bytes)\"/>"),
        "{xml}"
    );
    assert_eq!(xml.matches("<testcase ").count(), 4);
    // A clean run has one passing test case.
    let clean = tempfile::tempdir().unwrap();
    write(clean.path(), "a.js", "export const x = 1;\n");
    let o = run_in(clean.path(), &["-f", "junit"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o)
            .contains("<testcase classname=\"jwtlint\" name=\"no problems found in 1 file\"/>"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn github_reports_related_locations_and_files_not_analysed() {
    let (_d, root) = repo();
    write(
        &root,
        "apps/api/src/config.js",
        "module.exports = { secret: 'a-hard-coded-secret-value-0123456789' };\n",
    );
    write(
        &root,
        "apps/api/src/sign.js",
        "const jwt = require('jsonwebtoken');\nconst { secret } = require('./config');\nexports.s = (p) => jwt.sign(p, secret, { expiresIn: '15m' });\n",
    );
    write(&root, "apps/api/src/bin.js", b"\x00\x01");
    let o = run_in(&root, &[".", "-f", "github"]);
    let text = stdout(&o);
    let secret = text
        .lines()
        .find(|l| l.contains("(hardcoded-secret)"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        secret.contains("file=apps/api/src/sign.js,line=3"),
        "{secret}"
    );
    assert!(
        secret.contains("%0Asee apps/api/src/config.js:1:"),
        "{secret}"
    );
    assert!(
        text.contains(
            "::warning file=apps/api/src/bin.js,title=jwtlint could not analyse this file::binary file (contains NUL bytes)\n"
        ),
        "{text}"
    );
    assert!(
        text.ends_with("jwtlint: 2 errors, 1 warning in 3 files (5 files checked)\n"),
        "{text}"
    );
}

#[test]
fn json_report_shape_version_2() {
    let (_d, root) = repo();
    write(
        &root,
        "apps/api/src/s.js",
        "const jwt = require('jsonwebtoken');\n// jwtlint-disable-next-line missing-algorithms -- legacy client\njwt.verify(t, process.env.S);\njwt.verify(t, process.env.S); // jwtlint-disable-line\n",
    );
    let v = json(&run_in(&root, &[".", "-f", "json"]));
    assert_eq!(v["version"], 2);
    assert_eq!(v["jwtlint_version"], env!("CARGO_PKG_VERSION"));
    let findings = v["findings"].as_array().unwrap();
    let reasons: Vec<serde_json::Value> = findings
        .iter()
        .filter(|f| f["suppressed"] == true)
        .map(|f| f["suppression_reason"].clone())
        .collect();
    assert_eq!(
        reasons,
        vec![serde_json::json!("legacy client"), serde_json::Value::Null]
    );
    assert!(findings
        .iter()
        .filter(|f| f["suppressed"] == false)
        .all(|f| f["suppression_reason"].is_null()));
    let s = &v["summary"];
    assert_eq!(s["error_findings"], 1);
    assert_eq!(s["warning_findings"], 1);
    assert_eq!(s["note_findings"], 0);
    assert_eq!(s["suppressed_findings"], 2);
    assert_eq!(s["files_scanned"], 3);
    assert_eq!(s["files_with_findings"], 2);
    assert_eq!(s["files_not_analysed"], 0);
    assert!(s.get("errors").is_none() && s.get("files").is_none());
}

#[test]
fn max_warnings_says_why_the_run_failed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", format!("{WARN_ONLY}{WARN_ONLY}"));
    let o = run_in(dir.path(), &["--max-warnings", "1"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("jwtlint: failed: 2 warnings, more than --max-warnings 1"),
        "{}",
        stderr(&o)
    );
    // Said whatever the format, and warnings hidden by --quiet still count.
    let o = run_in(dir.path(), &["--max-warnings", "0", "-q", "-f", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("2 warnings, more than --max-warnings 0"));
    let o = run_in(dir.path(), &["--max-warnings", "2"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stderr(&o).contains("more than"), "{}", stderr(&o));
}

#[test]
fn quiet_says_what_it_hid() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", WARN_ONLY);
    let o = run_in(dir.path(), &["-q", "--color", "never"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(!out.contains("No problems found"), "{out}");
    assert_eq!(
        out.trim_end(),
        "No errors found in 1 file (1 finding below error level hidden by --quiet)."
    );
    let v = json(&run_in(dir.path(), &["-q", "-f", "json"]));
    assert_eq!(v["summary"]["hidden_by_quiet"], 1);
    let o = run_in(dir.path(), &["-q", "-f", "github"]);
    assert_eq!(
        stdout(&o),
        "jwtlint: 0 errors, 0 warnings in 0 files (1 file checked); 1 finding below error level hidden by --quiet\n"
    );
    assert!(v["findings"].as_array().unwrap().is_empty());
    // Nothing hidden: the usual line.
    write(dir.path(), "a.js", "export const x = 1;\n");
    let o = run_in(dir.path(), &["-q", "--color", "never"]);
    assert_eq!(stdout(&o).trim_end(), "No problems found in 1 file.");
}

#[test]
fn a_run_that_lints_nothing_says_so() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "README.md", "# nothing here\n");
    write(dir.path(), "test/auth.js", BAD);
    let o = run_in(dir.path(), &["."]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("jwtlint: warning: no JavaScript or TypeScript file to lint in ."),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("--include-tests"));
    // Also with a machine-readable format (on stderr, the report stays clean).
    let o = run_in(dir.path(), &[".", "-f", "sarif"]);
    assert!(stderr(&o).contains("no JavaScript or TypeScript file"));
    json(&o);
    // Not when something was linted.
    let o = run_in(dir.path(), &[".", "--include-tests"]);
    assert!(!stderr(&o).contains("no JavaScript"), "{}", stderr(&o));
}

#[test]
fn global_options_before_a_subcommand() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = run_in(here, &["-q", "rules"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("missing-algorithms"));
    let o = run_in(here, &["--color", "never", "explain", "missing-algorithms"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("## What it does"));
    let o = run_in(here, &["rules", "-q", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    json(&o);
    // `-q init` writes the file without the "Created" line.
    let dir = tempfile::tempdir().unwrap();
    let o = run_in(dir.path(), &["-q", "init"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    assert!(dir.path().join("jwtlint.toml").is_file());
    // Linting options before a subcommand are an error, not silently ignored.
    let o = run_in(here, &["--max-warnings", "3", "rules"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--max-warnings is for linting, not for `jwtlint rules`"),
        "{}",
        stderr(&o)
    );
    // A path before the word still lints a folder called `rules`.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules/a.js", BAD);
    write(dir.path(), "b.js", BAD);
    let o = run_in(dir.path(), &["b.js", "rules", "-f", "json"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json_paths(&o), vec!["b.js", "rules/a.js"]);
}

#[test]
fn human_report_one_snippet_per_place_and_plurals() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", TWO_AT_ONE_PLACE);
    let o = run_in(dir.path(), &["--color", "never"]);
    let out = stdout(&o);
    assert_eq!(out.matches("╭─[a.js:2:32]").count(), 1, "{out}");
    assert!(out.contains("hardcoded-secret"), "{out}");
    assert!(out.contains("weak-secret"), "{out}");
    assert!(out.contains("(same place as above)"), "{out}");
    // The summary comes last and counts findings and files apart, in good English.
    let last = out.trim_end().lines().last().unwrap();
    assert_eq!(
        last,
        "2 problems (1 error, 1 warning) in 1 file; 1 file checked."
    );
    assert!(stderr(&o).contains("Checked 1 file ("), "{}", stderr(&o));
}

/// On a terminal, the human report fits its width.
#[test]
fn human_report_fits_the_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.js",
        "const jwt = require('jsonwebtoken');\nmodule.exports = (token) => jwt.verify(token, process.env.JWT_PUBLIC_KEY_FOR_THE_SERVICE);\n",
    );
    let bin = env!("CARGO_BIN_EXE_jwtlint");
    let shown = |cols: u32| {
        let o = Command::new("script")
            .args([
                "-qec",
                &format!("stty cols {cols} rows 50; {bin} . --color never"),
                "/dev/null",
            ])
            .current_dir(dir.path())
            .env_remove("CI")
            .output()
            .unwrap();
        String::from_utf8_lossy(&o.stdout).replace('\r', "")
    };
    let narrow = shown(60);
    assert!(narrow.contains("missing-algorithms"), "{narrow}");
    let help: Vec<&str> = narrow
        .lines()
        .skip_while(|l| !l.contains("help:"))
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert!(help.len() > 1, "help wraps at 60 columns: {narrow}");
    assert!(help.iter().all(|l| l.chars().count() <= 60), "{help:#?}");
    let wide = shown(200);
    let help_wide = wide.lines().filter(|l| l.contains("help:")).count();
    assert_eq!(help_wide, 1);
    assert!(
        wide.lines()
            .any(|l| l.contains("help:") && l.chars().count() > 100),
        "a wide terminal uses its width: {wide}"
    );
}
