//! Inputs that once stopped a run (hangs, quadratic work, panics, blocking opens) and
//! pathological shapes: each must end with a report and a sensible exit code. The waits
//! below are hang guards (a run that does not end within them is a failure), never speed
//! measurements: speed is measured in scripts/bench*.sh.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::*;

/// A run that has not finished by then is hung.
const HANG: Duration = Duration::from_secs(120);

fn bin(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_jwtlint"));
    c.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("JWTLINT_FORCE_PANIC")
        .stdin(Stdio::null());
    c
}

/// Runs the binary in `dir`, killing it (and failing) if it hangs.
fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = bin(dir);
    c.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in env {
        c.env(k, v);
    }
    let mut child = c.spawn().expect("binary runs");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut o = Vec::new();
        out.read_to_end(&mut o).ok();
        o
    });
    let err_reader = std::thread::spawn(move || {
        let mut e = Vec::new();
        err.read_to_end(&mut e).ok();
        e
    });
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > HANG {
            child.kill().ok();
            panic!("jwtlint {args:?} did not finish within {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    }
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

/// (path, line, rule) of every finding.
fn findings(v: &serde_json::Value) -> Vec<(String, u64, String)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn errors(v: &serde_json::Value) -> Vec<(String, String)> {
    v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const BAD: &str =
    "const jwt = require('jsonwebtoken');\nmodule.exports = (t) => jwt.verify(t, process.env.S);\n";

#[test]
fn runaway_parses_are_abandoned_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    // Inputs that sent tree-sitter's error recovery into minutes of work and gigabytes.
    write(dir.path(), "r1.tsx", "// jwt\n<a {{b:>c:d(e f)");
    write(dir.path(), "r2.tsx", "// jwt\ne={:(''});./t:@@@@@");
    write(dir.path(), "ok.js", BAD);
    let o = run_in(
        dir.path(),
        &[".", "-f", "json", "--parse-timeout", "300"],
        &[],
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(
        findings(&v),
        vec![("ok.js".to_string(), 2, "missing-algorithms".to_string())]
    );
    let errs = errors(&v);
    for name in ["r1.tsx", "r2.tsx"] {
        let (_, msg) = errs
            .iter()
            .find(|(p, _)| p == name)
            .unwrap_or_else(|| panic!("no note for {name}: {errs:?}"));
        assert!(msg.contains("parsing gave up after 300 ms"), "{msg}");
    }
    // The same notes reach SARIF as tool execution notifications.
    let o = run_in(
        dir.path(),
        &[".", "-f", "sarif", "--parse-timeout", "300"],
        &[],
    );
    let v = json(&o);
    let notes = v["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(
        notes
            .iter()
            .filter(|n| n["message"]["text"]
                .as_str()
                .unwrap()
                .contains("parsing gave up"))
            .count(),
        2
    );
}

#[test]
fn the_parse_budget_is_configurable() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r1.tsx", "// jwt\n<a {{b:>c:d(e f)");
    write(dir.path(), "jwtlint.toml", "parse-timeout = \"250ms\"\n");
    let v = json(&run_in(dir.path(), &[".", "-f", "json"], &[]));
    assert!(errors(&v)[0].1.contains("after 250 ms"), "{v:#}");
    // The command line wins over the file.
    let v = json(&run_in(
        dir.path(),
        &[".", "-f", "json", "--parse-timeout", "200"],
        &[],
    ));
    assert!(errors(&v)[0].1.contains("after 200 ms"), "{v:#}");
    write(dir.path(), "jwtlint.toml", "parse-timeout = \"-1s\"\n");
    let o = run_in(dir.path(), &["."], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("negative"));
}

/// A minified bundle: the same code on one line and on many lines gives the same findings
/// (once this took minutes on one line: every column was counted from the line's start).
#[test]
fn one_long_line_gives_the_findings_of_many_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut parts = vec!["const jwt=require('jsonwebtoken');".to_string()];
    for i in 0..4000 {
        parts.push(format!(
            "function f{i}(a){{var c=a*{i};return jwt.sign({{id:c,n:'é{i}'}},process.env.S,{{expiresIn:'1h'}})}}"
        ));
        if i % 50 == 0 {
            parts.push(format!("jwt.verify(t{i},k);"));
        }
    }
    write(dir.path(), "one.js", parts.concat());
    write(dir.path(), "many.js", parts.join("\n"));
    let count = |file: &str| {
        // A generous parse budget: a loaded test machine must not make this test about time.
        let o = run_in(
            dir.path(),
            &[file, "-f", "json", "--parse-timeout", "60000"],
            &[],
        );
        let f = findings(&json(&o));
        assert!(!f.is_empty(), "{}", String::from_utf8_lossy(&o.stdout));
        f.into_iter().map(|(_, _, r)| r).collect::<Vec<_>>()
    };
    assert_eq!(count("one.js"), count("many.js"));
    // The human report draws a piece of the long line, not all of it.
    let o = run_in(dir.path(), &["one.js", "--parse-timeout", "60000"], &[]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.lines().all(|l| l.len() < 1000),
        "a snippet line was not clipped"
    );
}

#[test]
fn a_panic_in_one_file_becomes_a_note_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", BAD);
    write(dir.path(), "boom.js", BAD);
    let o = run_in(
        dir.path(),
        &[".", "-f", "json"],
        &[("JWTLINT_FORCE_PANIC", "boom.js")],
    );
    // The report is written, and the run says it is incomplete.
    assert_eq!(o.status.code(), Some(2));
    let v = json(&o);
    assert_eq!(
        findings(&v),
        vec![("a.js".to_string(), 2, "missing-algorithms".to_string())]
    );
    let errs = v["errors"].as_array().unwrap();
    let note = errs
        .iter()
        .find(|e| e["path"] == "boom.js")
        .expect("a note for the file that panicked");
    assert_eq!(note["kind"], "internal");
    let msg = note["message"].as_str().unwrap();
    assert!(
        msg.contains("internal error") && msg.contains("bug"),
        "{msg}"
    );
    assert!(!msg.contains('\u{1b}'), "{msg:?}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("internal error left 1 file out"), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "panic text reached the terminal raw: {err:?}"
    );
    assert!(!err.contains("panicked at"), "{err}");
    // Human format: the note is on stderr, the other file's finding on stdout.
    let o = run_in(dir.path(), &["."], &[("JWTLINT_FORCE_PANIC", "boom.js")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stdout).contains("a.js:2"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("internal error: boom.js"));
}

/// Fuzz find: the browser check cut the first 200 bytes of a file with a decode call at a
/// fixed offset, and panicked when a multibyte character straddled it.
#[test]
fn a_character_across_byte_200_does_not_break_decode_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let head = "const jwt = require('jsonwebtoken');\n// ";
    for shift in 0..4 {
        let pad = "x".repeat(199 - head.len() - shift);
        let text = format!(
            "{head}{pad}€😀 é\nexports.who = (t) => {{ const c = jwt.decode(t); if (c.role === 'admin') return 1; }};\n"
        );
        write(dir.path(), &format!("d{shift}.js"), text);
    }
    let o = run_in(dir.path(), &[".", "-f", "json"], &[]);
    let v = json(&o);
    assert!(
        v["errors"].as_array().unwrap().is_empty(),
        "{:#}",
        v["errors"]
    );
    assert_eq!(findings(&v).len(), 4, "{v:#}");
}

#[test]
fn threads_are_clamped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", BAD);
    let o = run_in(dir.path(), &[".", "--threads", "100000", "-f", "json"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(findings(&json(&o)).len(), 1);
    assert!(String::from_utf8_lossy(&o.stderr).contains("--threads 100000 is more than"));
}

#[cfg(unix)]
#[test]
fn fifos_are_never_opened_and_named_unreadable_paths_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.js", BAD);
    let fifo = dir.path().join("pipe.js");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // In a folder: a note, and the run goes on.
    let o = run_in(dir.path(), &[".", "-f", "json"], &[]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(findings(&v).len(), 1);
    assert!(errors(&v)
        .iter()
        .any(|(p, m)| p == "pipe.js" && m.contains("FIFO")));
    // Named: the run cannot read what it was asked to lint.
    let o = run_in(dir.path(), &["pipe.js"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("named pipe"));
    let o = run_in(dir.path(), &["missing.js"], &[]);
    assert_eq!(o.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn symbolic_links_stay_inside_the_scanned_folders() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret/o.js", BAD);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/a.js", BAD);
    std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("in/out")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("in"), dir.path().join("in/loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("in/a.js"), dir.path().join("in/again.js")).unwrap();
    std::os::unix::fs::symlink("gone.js", dir.path().join("in/dangling.js")).unwrap();
    let o = run_in(dir.path(), &["in", "-f", "json"], &[]);
    let v = json(&o);
    let paths: Vec<String> = findings(&v).into_iter().map(|f| f.0).collect();
    // The link to a file inside is linted; nothing outside is.
    assert_eq!(paths, vec!["in/a.js", "in/again.js"], "{v:#}");
    let errs = errors(&v);
    assert!(
        errs.iter()
            .any(|(p, m)| p == "in/out" && m.contains("outside the scanned folders")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|(p, m)| p == "in/dangling.js" && m.contains("broken symbolic link")),
        "{errs:?}"
    );
    let o = run_in(dir.path(), &["in/dangling.js"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("broken symbolic link"));
}

#[test]
fn line_numbers_agree_across_formats_for_cr_lf_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.js",
        "const jwt = require('jsonwebtoken');\r// one\r\n// two\njwt.verify(t, process.env.S);\r",
    );
    let v = json(&run_in(dir.path(), &["a.js", "-f", "json"], &[]));
    assert_eq!(findings(&v)[0].1, 4);
    let sarif = json(&run_in(dir.path(), &["a.js", "-f", "sarif"], &[]));
    assert_eq!(
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        4
    );
    let human = run_in(dir.path(), &["a.js", "--color", "never"], &[]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("a.js:4:1"), "{text}");
    assert!(text.contains(" 4 │ jwt.verify"), "{text}");
}

#[test]
fn deep_nesting_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let n = 200_000;
    let head = "const jwt = require('jsonwebtoken');\n";
    let cases = [
        (
            "paren.js",
            format!("{head}x = {}1{};\n", "(".repeat(n), ")".repeat(n)),
        ),
        (
            "brack.js",
            format!("{head}x = {}{};\n", "[".repeat(n), "]".repeat(n)),
        ),
        (
            "tmpl.js",
            format!("{head}x = {}1{};\n", "`${".repeat(n), "}`".repeat(n)),
        ),
        (
            "jsx.jsx",
            format!("{head}x = {}{};\n", "<a>".repeat(n), "</a>".repeat(n)),
        ),
        (
            "block.js",
            format!(
                "{head}{}jwt.verify(t, process.env.S);{}\n",
                "{".repeat(n / 5),
                "}".repeat(n / 5)
            ),
        ),
    ];
    for (name, text) in &cases {
        write(dir.path(), name, text);
    }
    let o = run_in(
        dir.path(),
        &[".", "-f", "json", "--parse-timeout", "60000"],
        &[],
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{:?}", o.status);
    let v = json(&o);
    // The call 40,000 blocks deep is still found.
    assert!(findings(&v)
        .iter()
        .any(|(p, _, r)| p == "block.js" && r == "missing-algorithms"));
}

#[test]
fn long_method_chains_and_self_referencing_objects_stay_linear() {
    // Each link of a chain once evaluated its object twice (2^n), and an object built by
    // property writes that read it again re-expanded itself at every level.
    let dir = tempfile::tempdir().unwrap();
    let chain = format!("q{}", ".where(x)".repeat(400));
    let writes: String = (0..30)
        .map(|i| format!("o.p{i} = o.p{} || o;\n", i.max(1) - 1))
        .collect();
    write(
        dir.path(),
        "chain.js",
        format!(
            "const jwt = require('jsonwebtoken');\nconst q = db();\njwt.verify(t, {chain});\nconst o = {{}};\n{writes}jwt.verify(t, process.env.K, o);\n"
        ),
    );
    let o = run_in(dir.path(), &[".", "-f", "json"], &[]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{:?}", o.status);
    let v = json(&o);
    assert!(findings(&v)
        .iter()
        .any(|(p, _, r)| p == "chain.js" && r == "missing-algorithms"));
}

#[test]
fn many_files_and_deep_folders() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20_000 {
        write(
            dir.path(),
            &format!("src/m{}/f{i}.js", i % 100),
            format!("export const v{i} = {i};\n"),
        );
    }
    let deep: String = (0..200).map(|i| format!("d{i}/")).collect();
    write(dir.path(), &format!("{deep}a.js"), BAD);
    let o = run_in(dir.path(), &[".", "-f", "json"], &[]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v["summary"]["files_scanned"], 20_001);
    assert_eq!(findings(&v).len(), 1);
}

#[cfg(unix)]
#[test]
fn odd_file_names_are_sanitised() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "new\nline\u{1b}[31m.js", BAD);
    let raw = std::ffi::OsStr::from_bytes(b"bad\xffname.js");
    std::fs::write(dir.path().join(raw), BAD).unwrap();
    for format in ["human", "github"] {
        let o = run_in(dir.path(), &[".", "-f", format, "--color", "never"], &[]);
        assert_eq!(o.status.code(), Some(1));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(!out.contains('\u{1b}'), "{format}: {out:?}");
        assert!(!out.contains("new\nline"), "{format}: {out:?}");
    }
    let v = json(&run_in(dir.path(), &[".", "-f", "json"], &[]));
    assert_eq!(findings(&v).len(), 2);
    let sarif = json(&run_in(dir.path(), &[".", "-f", "sarif"], &[]));
    for r in sarif["runs"][0]["results"].as_array().unwrap() {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            uri.chars().all(|c| c.is_ascii_graphic()),
            "SARIF URIs are percent-encoded: {uri:?}"
        );
    }
}

#[test]
fn nul_in_a_string_and_utf16_files_are_analysed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "nul.js",
        "const jwt = require('jsonwebtoken');\nconst sep = 'a\0b';\njwt.verify(t, process.env.S);\n",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(BAD.encode_utf16().flat_map(u16::to_le_bytes));
    write(dir.path(), "wide.js", utf16);
    let v = json(&run_in(dir.path(), &[".", "-f", "json"], &[]));
    let f = findings(&v);
    assert!(
        f.contains(&("nul.js".into(), 3, "missing-algorithms".into())),
        "{f:?}"
    );
    assert!(
        f.contains(&("wide.js".into(), 2, "missing-algorithms".into())),
        "{f:?}"
    );
    // The UTF-16 file's snippet is drawn from the decoded text too.
    let o = run_in(dir.path(), &["wide.js", "--color", "never"], &[]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("jwt.verify(t, process.env.S)"));
}
