//! Drives the real binary: exit codes, formats, flags, bad input.

use std::process::{Command, Output};

mod common;
use common::*;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_jwtlint"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.env_remove("NO_COLOR").env_remove("FORCE_COLOR");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

const BAD: &str =
    "const jwt = require('jsonwebtoken');\nmodule.exports = (t) => jwt.verify(t, process.env.S);\n";
const WARN_ONLY: &str = "localStorage.setItem('token', res.token);\n";
const GOOD: &str = "const jwt = require('jsonwebtoken');\nmodule.exports = (t) => jwt.verify(t, process.env.S, { algorithms: ['HS256'] });\n";

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good/a.js", GOOD);
    write(dir.path(), "bad/a.js", BAD);
    write(dir.path(), "warn/a.js", WARN_ONLY);
    let d = |p: &str| dir.path().join(p).to_string_lossy().into_owned();

    let o = run(&[&d("good")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("No problems found in 1 file."));

    let o = run(&[&d("bad")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("missing-algorithms"));

    // Warnings alone pass, unless --max-warnings is exceeded.
    assert_eq!(run(&[&d("warn")]).status.code(), Some(0));
    assert_eq!(
        run(&[&d("warn"), "--max-warnings", "0"]).status.code(),
        Some(1)
    );
    assert_eq!(
        run(&[&d("warn"), "--max-warnings", "1"]).status.code(),
        Some(0)
    );

    let o = run(&[&d("does-not-exist")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no such file or folder"),
        "{}",
        stderr(&o)
    );

    let o = run(&[&d("bad"), "--rule", "no-such-rule"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown rule `no-such-rule`"));

    assert_eq!(run(&["--no-such-flag"]).status.code(), Some(2));
    assert_eq!(run(&[&d("bad"), "--format", "xml"]).status.code(), Some(2));
}

#[test]
fn rule_selection_and_quiet() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", format!("{BAD}{WARN_ONLY}"));
    let p = dir.path().to_string_lossy().into_owned();
    let rules = |o: &Output| -> Vec<String> {
        json(o)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        rules(&run(&[&p, "-f", "json"])),
        vec!["missing-algorithms", "token-in-localstorage"]
    );
    assert_eq!(
        rules(&run(&[&p, "-f", "json", "--quiet"])),
        vec!["missing-algorithms"]
    );
    assert_eq!(
        rules(&run(&[&p, "-f", "json", "--disable", "missing-algorithms"])),
        vec!["token-in-localstorage"]
    );
    assert_eq!(
        rules(&run(&[&p, "-f", "json", "--rule", "token-in-localstorage"])),
        vec!["token-in-localstorage"]
    );
    let o = run(&[&p, "--disable", "missing-algorithms"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn json_output_shape_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/a.js", BAD);
    let out = dir.path().join("report.json");
    let o = run(&[
        &dir.path().join("src").to_string_lossy(),
        "-f",
        "json",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "report went to the file, not stdout");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "missing-algorithms");
    assert_eq!(f["level"], "error");
    assert_eq!(f["line"], 2);
    assert_eq!(f["column"], 25);
    assert!(f["path"].as_str().unwrap().ends_with("src/a.js"));
    assert_eq!(v["summary"]["error_findings"], 1);
    assert!(v["errors"].as_array().unwrap().is_empty());

    let o = run(&[
        &dir.path().join("src").to_string_lossy(),
        "-o",
        "/nonexistent-dir/x/report.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write"));
}

#[test]
fn output_is_identical_across_thread_counts() {
    for format in ["json", "sarif", "human"] {
        let one = run(&[
            "examples/vulnerable-api",
            "test-fixtures",
            "-f",
            format,
            "--threads",
            "1",
            "--color",
            "never",
        ]);
        let four = run(&[
            "examples/vulnerable-api",
            "test-fixtures",
            "-f",
            format,
            "--threads",
            "4",
            "--color",
            "never",
        ]);
        assert_eq!(one.status.code(), Some(1));
        assert!(
            one.stdout == four.stdout,
            "{format} output differs between 1 and 4 threads"
        );
    }
}

#[test]
fn bad_input_becomes_notes_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-bad.js", BAD);
    write(
        dir.path(),
        "binary.js",
        b"\x7fELF\x00\x00\x01\x02jwt.verify(t, k)",
    );
    write(
        dir.path(),
        "latin1.js",
        b"// caf\xe9\nconst jwt = require('jsonwebtoken'); jwt.verify(t, process.env.K);\n",
    );
    write(dir.path(), "huge.js", format!("// {}\n", "x".repeat(5000)));
    write(
        dir.path(),
        "tsconfig.json",
        "{ \"compilerOptions\": { \"paths\": ",
    );
    write(
        dir.path(),
        "broken.ts",
        "import jwt from 'jsonwebtoken';\n<<<<<<< HEAD\nconst a = 1;\n=======\nconst a = 2;\n>>>>>>> branch\nexport const f = (t: string) => jwt.verify(t, process.env.K!);\n",
    );
    let p = dir.path().to_string_lossy().into_owned();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("missing.js"),
            dir.path().join("dangling.js"),
        )
        .unwrap();
    }
    let o = run(&[&p, "-f", "json", "--max-file-size", "4096"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json(&o);
    let errors = v["errors"].as_array().unwrap();
    let msg = |name: &str| -> String {
        errors
            .iter()
            .find(|e| e["path"].as_str().unwrap().ends_with(name))
            .map(|e| e["message"].as_str().unwrap().to_string())
            .unwrap_or_else(|| panic!("no note for {name}: {errors:#?}"))
    };
    assert!(msg("binary.js").contains("binary"));
    assert!(msg("latin1.js").contains("UTF-8"));
    assert!(msg("huge.js").contains("size cap"));
    assert!(msg("broken.ts").contains("syntax error at"));
    assert!(msg("tsconfig.json").contains("path aliases not read"));
    #[cfg(unix)]
    {
        assert!(msg("loop").contains("loop"), "{}", msg("loop"));
        assert!(!msg("dangling.js").is_empty());
    }
    // The good parts still get analysed: the bad file, the Latin-1 file and the broken file.
    let flagged: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(flagged.iter().any(|p| p.ends_with("a-bad.js")));
    assert!(flagged.iter().any(|p| p.ends_with("latin1.js")));
    assert!(flagged.iter().any(|p| p.ends_with("broken.ts")));

    // Human mode reports the notes on stderr.
    let o = run(&[&p, "--max-file-size", "4096"]);
    assert!(stderr(&o).contains("binary"), "{}", stderr(&o));
}

#[test]
fn walker_excludes_and_explicit_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "node_modules/lib/index.js", BAD);
    write(dir.path(), "dist/bundle.js", BAD);
    write(dir.path(), "public/app.min.js", BAD);
    write(dir.path(), "types/index.d.ts", BAD);
    write(dir.path(), "README.md", BAD);
    let odd = write(dir.path(), "server.es6", BAD);
    let p = dir.path().to_string_lossy().into_owned();
    let o = run(&[&p, "-f", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(json(&o)["summary"]["files_scanned"], 0);
    // Tests are skipped unless asked for.
    write(dir.path(), "test/auth.js", BAD);
    write(dir.path(), "src/__tests__/auth.js", BAD);
    write(dir.path(), "src/auth.spec.ts", BAD);
    write(dir.path(), "src/auth.test.js", BAD);
    let o = run(&[&p, "-f", "json"]);
    assert_eq!(json(&o)["summary"]["files_scanned"], 0);
    let o = run(&[&p, "-f", "json", "--include-tests"]);
    assert_eq!(json(&o)["summary"]["files_scanned"], 4);
    // An explicit file is always linted, whatever its name.
    let o = run(&[&odd.to_string_lossy(), "-f", "json"]);
    assert_eq!(o.status.code(), Some(1));
    // --no-ignore lints dependencies and build output too.
    let o = run(&[&p, "-f", "json", "--no-ignore"]);
    assert_eq!(json(&o)["summary"]["files_scanned"], 8);
}

#[test]
fn rules_and_explain() {
    let o = run(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    for id in [
        "missing-algorithms",
        "hardcoded-secret",
        "missing-expiration",
        "token-in-localstorage",
        "shared-secret",
    ] {
        assert!(text.contains(id), "{id} not listed");
    }
    let v = json(&run(&["rules", "--format", "json"]));
    assert_eq!(v.as_array().unwrap().len(), jwtlint::rules::ALL_RULES.len());
    assert_eq!(v[0]["id"], "missing-algorithms");
    assert_eq!(v[0]["level"], "error");

    let o = run(&["explain", "missing-algorithms"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("## Why is this bad?"));
    assert!(!stdout(&o).contains("+++"), "front matter is not shown");
    assert_eq!(run(&["explain", "nope"]).status.code(), Some(2));
}

#[test]
fn color_is_decided_by_flag_and_environment() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", BAD);
    let p = dir.path().to_string_lossy().into_owned();
    let esc = |o: &Output| o.stdout.contains(&0x1b);
    assert!(!esc(&run(&[&p])), "a pipe gets no colour");
    assert!(esc(&run(&[&p, "--color", "always"])));
    assert!(!esc(&bin()
        .args([&p, "--color", "always"])
        .arg("--color")
        .arg("never")
        .output()
        .unwrap()));
    assert!(esc(&bin()
        .arg(&p)
        .env("FORCE_COLOR", "1")
        .output()
        .unwrap()));
    assert!(!esc(&bin()
        .arg(&p)
        .env("FORCE_COLOR", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()));
}

#[test]
fn control_characters_from_source_are_not_printed_raw() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", "const jwt = require('jsonwebtoken'); /* \x1b[31mred\x07 */ jwt.verify(t, process.env.S);\n");
    let o = run(&[&dir.path().to_string_lossy(), "--color", "never"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        !o.stdout.contains(&0x1b) && !o.stdout.contains(&0x07),
        "{}",
        stdout(&o)
    );
}

fn rules_of(o: &Output) -> Vec<(String, String, u64)> {
    json(o)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppressed"] == false)
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["level"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn config_file_levels_overrides_and_globs() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/a.js", format!("{BAD}{WARN_ONLY}"));
    write(dir.path(), "scripts/b.js", BAD);
    write(dir.path(), "legacy/c.js", BAD);
    write(
        dir.path(),
        "jwtlint.toml",
        "exclude = [\"legacy/**\"]\n\
         [rules]\ntoken-in-localstorage = \"error\"\n\
         [rules.missing-algorithms]\nlevel = \"warning\"\n\
         [[overrides]]\nfiles = [\"scripts/**\"]\nrules = { missing-algorithms = \"off\" }\n",
    );
    let p = dir.path().to_string_lossy().into_owned();
    let o = run(&[&p, "-f", "json"]);
    let found = rules_of(&o);
    assert_eq!(
        found,
        vec![
            ("missing-algorithms".into(), "warning".into(), 2),
            ("token-in-localstorage".into(), "error".into(), 3)
        ],
        "{}",
        stdout(&o)
    );
    assert_eq!(o.status.code(), Some(1), "an error-level finding fails");
    // The configuration is found upward from a sub-folder too.
    let o = run(&[&dir.path().join("src").to_string_lossy(), "-f", "json"]);
    assert_eq!(rules_of(&o).len(), 2);
    // -c points at another file.
    write(
        dir.path(),
        "other.toml",
        "[rules]\ntoken-in-localstorage = \"off\"\n",
    );
    let o = run(&[
        &p,
        "-f",
        "json",
        "-c",
        &dir.path().join("other.toml").to_string_lossy(),
    ]);
    let found = rules_of(&o);
    assert_eq!(
        found.len(),
        3,
        "no excludes or overrides any more: {}",
        stdout(&o)
    );
    assert!(found
        .iter()
        .all(|f| f.0 == "missing-algorithms" && f.1 == "error"));
}

#[test]
fn bad_configuration_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", BAD);
    let p = dir.path().to_string_lossy().into_owned();
    for (config, expect) in [
        (
            "[rules]\nno-such-rule = \"error\"\n",
            "jwtlint.toml:2:1: unknown rule `no-such-rule`",
        ),
        (
            "[rules]\nmissing-algorithms = \"loud\"\n",
            "jwtlint.toml:2:22: expected \"off\", \"note\", \"warning\" or \"error\"",
        ),
        (
            "[rules.missing-algorithms]\nstrict = true\n",
            "jwtlint.toml:2:1: unknown option `strict` for rule `missing-algorithms`",
        ),
        ("exclude = \"legacy\"\n", "jwtlint.toml:1:11:"),
        ("[rules\n", "jwtlint.toml:1:"),
    ] {
        write(dir.path(), "jwtlint.toml", config);
        let o = run(&[&p]);
        assert_eq!(o.status.code(), Some(2), "{config}");
        assert!(stderr(&o).contains(expect), "{config}: {}", stderr(&o));
    }
    let o = run(&[&p, "-c", "/nonexistent/jwtlint.toml"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn init_writes_a_commented_config_once() {
    let dir = tempfile::tempdir().unwrap();
    let o = bin().current_dir(dir.path()).arg("init").output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("jwtlint.toml")).unwrap();
    assert!(text.contains("# missing-algorithms = \"error\""));
    // It parses, and a second init refuses to overwrite.
    write(dir.path(), "a.js", GOOD);
    assert_eq!(
        bin()
            .current_dir(dir.path())
            .arg(".")
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        bin()
            .current_dir(dir.path())
            .arg("init")
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn inline_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.js",
        "const jwt = require('jsonwebtoken');\n\
         // jwtlint-disable-next-line missing-algorithms -- legacy client, tracked in #12\n\
         jwt.verify(t, process.env.S);\n\
         jwt.verify(t, process.env.S); // jwtlint-disable-line\n\
         jwt.verify(t, process.env.S); /* jwtlint-disable-line hardcoded-secret */\n\
         // jwtlint-disable-next-line token-in-localstorage\n\
         const x = 1;\n",
    );
    write(
        dir.path(),
        "b.jsx",
        "// jwtlint-disable-file token-in-localstorage\nexport const A = () => <div>{localStorage.setItem('token', t)}</div>;\n\
         export const B = () => (\n  <div>\n    {/* jwtlint-disable-next-line missing-algorithms */}\n    {require('jsonwebtoken').verify(t, k)}\n  </div>\n);\n",
    );
    let p = dir.path().to_string_lossy().into_owned();
    let o = run(&[&p, "-f", "json"]);
    assert_eq!(
        rules_of(&o),
        vec![("missing-algorithms".into(), "error".into(), 5)],
        "{}",
        stdout(&o)
    );
    let v = json(&o);
    let suppressed: Vec<_> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppressed"] == true)
        .map(|f| &f["suppression_reason"])
        .collect();
    assert_eq!(suppressed.len(), 4);
    assert!(suppressed
        .iter()
        .any(|s| *s == "legacy client, tracked in #12"));

    // Unused directives, on request.
    let o = run(&[&p, "-f", "json", "--report-unused-disables"]);
    let unused: Vec<_> = rules_of(&o)
        .into_iter()
        .filter(|f| f.0 == "unused-disable")
        .collect();
    assert_eq!(
        unused,
        vec![
            ("unused-disable".into(), "warning".into(), 5),
            ("unused-disable".into(), "warning".into(), 6)
        ]
    );

    // SARIF keeps suppressed results, marked.
    let v: serde_json::Value = serde_json::from_slice(&run(&[&p, "-f", "sarif"]).stdout).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    let marked = results
        .iter()
        .filter(|r| r["suppressions"][0]["kind"] == "inSource")
        .count();
    assert_eq!(marked, 4);
    assert_eq!(results.len(), 5);
}

#[test]
fn baseline_keeps_old_findings_out_and_survives_moves() {
    let dir = tempfile::tempdir().unwrap();
    let src = write(dir.path(), "src/a.js", BAD);
    let p = dir.path().join("src").to_string_lossy().into_owned();
    let base = dir
        .path()
        .join("baseline.json")
        .to_string_lossy()
        .into_owned();
    let o = run(&[&p, "--write-baseline", &base]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&[&p, "--baseline", &base, "-f", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(rules_of(&o).is_empty());
    // Lines added above the finding do not make it new.
    std::fs::write(&src, format!("// a comment\n\n{BAD}")).unwrap();
    let o = run(&[&p, "--baseline", &base, "-f", "json"]);
    assert!(rules_of(&o).is_empty(), "{}", stdout(&o));
    // A new finding is reported.
    std::fs::write(
        &src,
        format!("{BAD}module.exports.b = (t) => jwt.verify(t, process.env.OTHER);\n"),
    )
    .unwrap();
    let o = run(&[&p, "--baseline", &base, "-f", "json"]);
    assert_eq!(rules_of(&o).len(), 1);
    assert_eq!(o.status.code(), Some(1));
    // A broken baseline is an error.
    std::fs::write(&base, "{").unwrap();
    assert_eq!(run(&[&p, "--baseline", &base]).status.code(), Some(2));
}

#[test]
fn github_annotations() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a,b.js", format!("{BAD}{WARN_ONLY}"));
    let o = run(&[&dir.path().to_string_lossy(), "-f", "github"]);
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("::error file="), "{text}");
    assert!(
        lines[0].contains("a%2Cb.js,line=2,endLine=2,col=25,endColumn="),
        "{text}"
    );
    assert!(lines[0].contains("title=jwtlint (missing-algorithms)::"));
    assert!(
        lines[0].contains("%0Apass `algorithms`"),
        "message and help are joined by an escaped newline"
    );
    assert!(lines[1].starts_with("::warning file="));
    assert_eq!(lines.len(), 3);
}

#[test]
fn stdin_is_linted_as_the_named_file() {
    use std::io::Write as _;
    let mut child = bin()
        .args(["--stdin-filename", "src/auth.ts", "-f", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"import jwt from 'jsonwebtoken';\nexport const v = (t: string) => jwt.verify(t, 'hard-coded-secret-value-123', { algorithms: ['HS256'] });\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["findings"][0]["path"], "src/auth.ts");
    assert_eq!(v["findings"][0]["rule"], "hardcoded-secret");
    // Human output shows the snippet from standard input.
    let mut child = bin()
        .args(["--stdin-filename", "x.js", "--color", "never"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(BAD.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(
        stdout(&o).contains("jwt.verify(t, process.env.S)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn no_progress_output_in_pipes() {
    // stderr is a pipe here: only the closing timing line may appear, no bar or spinner.
    let o = run(&["examples/vulnerable-api"]);
    let err = stderr(&o);
    assert!(!err.contains("linting"), "{err}");
    assert!(!err.contains('\r'), "{err}");
}

#[test]
fn sarif_columns_count_utf16_and_notes_become_notifications() {
    let dir = tempfile::tempdir().unwrap();
    // "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
    write(
        dir.path(),
        "a.js",
        "const jwt = require('jsonwebtoken'); const s = 'é😀'; jwt.verify(t, process.env.S);\n",
    );
    write(dir.path(), "bin.js", b"\x00\x01");
    let o = run(&[&dir.path().to_string_lossy(), "-f", "sarif"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let run0 = &v["runs"][0];
    let region = &run0["results"][0]["locations"][0]["physicalLocation"]["region"];
    let expected = "const jwt = require('jsonwebtoken'); const s = 'é😀'; "
        .encode_utf16()
        .count() as i64
        + 1;
    assert_eq!(region["startColumn"].as_i64().unwrap(), expected);
    let notes = run0["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert!(notes[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("binary"));
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "bin.js"
    );
}

/// On a terminal (a pseudo-terminal from `script`), a long scan shows progress on stderr;
/// with CI set it does not.
#[test]
fn progress_on_a_terminal_only() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_jwtlint");
    let cmd = format!("{bin} test-fixtures --color never");
    let pty = |ci: bool| {
        let mut c = Command::new("script");
        c.args(["-qec", &cmd, "/dev/null"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("JWTLINT_PROGRESS_DELAY_MS", "0")
            .env_remove("CI");
        if ci {
            c.env("CI", "true");
        }
        String::from_utf8_lossy(&c.output().unwrap().stdout).into_owned()
    };
    assert!(pty(false).contains("linting"), "no progress on a terminal");
    assert!(!pty(true).contains("linting"), "progress shown in CI");
}

/// Long help lines wrap between words, never at a hyphen inside a path or flag.
#[test]
fn human_output_never_breaks_a_hyphenated_path() {
    let dir = tempfile::tempdir().unwrap();
    let sign = "packages/identity-access-management-service/src/session-token-issuer.js";
    write(
        dir.path(),
        sign,
        "const jwt = require('jsonwebtoken');\nexports.issue = (u) => jwt.sign({ sub: u.id }, process.env.JWT_SECRET, { expiresIn: '15m' });\n",
    );
    write(
        dir.path(),
        "packages/identity-access-management-service/src/session-token-verifier.js",
        "const jwt = require('jsonwebtoken');\nexports.check = (t) => jwt.verify(t, process.env.JWT_SECRET);\n",
    );
    let o = run_in(dir.path(), &[".", "--color", "never"]);
    let out = stdout(&o);
    assert!(out.contains(&format!("{sign}:2")), "{out}");
}
