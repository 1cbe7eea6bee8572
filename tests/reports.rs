//! Reporter output on the bundled example project: snapshots of every format and SARIF
//! validation against the OASIS schema, for scans of a subfolder and runs inside one.

use std::process::Command;

const EXAMPLE: &str = "examples/vulnerable-api";

fn run(format: &str) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_jwtlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([EXAMPLE, "--format", format, "--color", "never"])
        .env_remove("FORCE_COLOR")
        .output()
        .expect("binary runs");
    assert_eq!(
        o.status.code(),
        Some(1),
        "the example has error-level findings"
    );
    let text = String::from_utf8(o.stdout).expect("UTF-8 output");
    // The SARIF root (the repository: this checkout) is an absolute file URI; make it
    // machine-independent.
    let root = std::fs::canonicalize(env!("CARGO_MANIFEST_DIR")).unwrap();
    text.replace(&root.to_string_lossy().to_string(), "<ROOT>")
}

#[test]
fn human_snapshot() {
    insta::assert_snapshot!("human", run("human"));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!("json", run("json"));
}

#[test]
fn sarif_snapshot() {
    insta::assert_snapshot!("sarif", run("sarif"));
}

#[test]
fn gitlab_snapshot() {
    insta::assert_snapshot!("gitlab", run("gitlab"));
}

#[test]
fn junit_snapshot() {
    insta::assert_snapshot!("junit", run("junit"));
}

#[test]
fn github_snapshot() {
    insta::assert_snapshot!("github", run("github"));
}

#[test]
fn sarif_follows_github_conventions() {
    let v: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1, "one run");
    let run = &runs[0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(base.starts_with("file://") && base.ends_with('/'), "{base}");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.last().unwrap()["id"], "unused-disable");
    for r in &rules[..rules.len() - 1] {
        assert!(r["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("## Why is this bad?"));
        assert!(r["properties"]["security-severity"].as_str().is_some());
        assert!(r["properties"]["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "security"));
    }
    for res in run["results"].as_array().unwrap() {
        let loc = &res["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(
            uri.starts_with(&format!("{EXAMPLE}/")) && !uri.starts_with("./"),
            "repository-relative: {uri}"
        );
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(loc["region"]["startLine"].as_i64().unwrap() >= 1);
        let idx = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], res["ruleId"]);
        assert!(res["partialFingerprints"]["jwtlint/v1"].as_str().is_some());
    }
}

/// Needs `../shared/schemas/sarif-2.1.0.json`, which CI provides through
/// `JWTLINT_SARIF_SCHEMA`; on a user's clone it is not there and the test says so.
#[test]
fn sarif_validates_against_the_schema() {
    let Some(path) = std::env::var_os("JWTLINT_SARIF_SCHEMA") else {
        eprintln!("skipped: JWTLINT_SARIF_SCHEMA is not set (CI sets it to ../shared/schemas/sarif-2.1.0.json)");
        return;
    };
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("schema readable"))
            .expect("schema is JSON");
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    // Suppressed results and notifications must validate too.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("bin.js"), b"\x00").unwrap();
    std::fs::write(
        tmp.path().join("a b.js"),
        "const jwt = require('jsonwebtoken');\n// jwtlint-disable-next-line -- reviewed\njwt.verify(t, 'k-literal-secret');\n",
    )
    .unwrap();
    let tmp_path = tmp.path().to_string_lossy().into_owned();
    let here = env!("CARGO_MANIFEST_DIR");
    let inside = format!("{here}/{EXAMPLE}");
    for (cwd, args) in [
        (here, vec![EXAMPLE]),
        (here, vec!["test-fixtures"]),
        (here, vec![tmp_path.as_str(), "--report-unused-disables"]),
        // A subfolder scan, and runs inside a subfolder.
        (here, vec!["examples/vulnerable-api/src"]),
        (inside.as_str(), vec!["."]),
        (inside.as_str(), vec!["src/services"]),
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_jwtlint"))
            .current_dir(cwd)
            .args(&args)
            .args(["--format", "sarif"])
            .output()
            .unwrap();
        let instance: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "SARIF for {args:?} in {cwd} is invalid:\n{}",
            errors.join("\n")
        );
    }
}

/// The URIs of a SARIF report's results.
fn sarif_uris(cwd: &std::path::Path, args: &[&str]) -> (String, Vec<String>) {
    let o = Command::new(env!("CARGO_BIN_EXE_jwtlint"))
        .current_dir(cwd)
        .args(args)
        .args(["--format", "sarif"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let run = &v["runs"][0];
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap()
        .to_string();
    let uris = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    (base, uris)
}

/// Whatever folder is scanned or run from, SARIF names files from the repository root
/// (this checkout), as GitHub code scanning needs.
#[test]
fn sarif_paths_are_repository_relative_from_any_folder() {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (base, all) = sarif_uris(here, &[EXAMPLE]);
    let root = std::fs::canonicalize(here).unwrap();
    assert_eq!(
        base,
        format!("file://{}/", root.to_string_lossy()),
        "%SRCROOT% is the repository root"
    );
    assert!(!all.is_empty());
    assert!(
        all.iter()
            .all(|u| u.starts_with("examples/vulnerable-api/")),
        "{all:?}"
    );
    let abs = here.join(EXAMPLE).to_string_lossy().into_owned();
    let inside = here.join(EXAMPLE);
    for (cwd, args) in [
        (here, vec!["examples/vulnerable-api/"]),
        (here, vec!["./examples/vulnerable-api"]),
        (here, vec![abs.as_str()]),
        (inside.as_path(), vec!["."]),
        (inside.as_path(), vec![]),
        (inside.join("src").as_path(), vec![".."]),
    ] {
        let (b, uris) = sarif_uris(cwd, &args);
        assert_eq!(b, base, "{args:?} in {}", cwd.display());
        assert_eq!(uris, all, "{args:?} in {}", cwd.display());
    }
    // A subfolder scan names the same files as the whole scan does.
    let (_, sub) = sarif_uris(&inside, &["src/services"]);
    assert!(!sub.is_empty());
    assert!(sub.iter().all(|u| all.contains(u)), "{sub:?}");
}
