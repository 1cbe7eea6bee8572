//! Reporter output on the bundled example project: snapshots of the three formats and
//! SARIF validation against the OASIS schema.

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
    // The SARIF root is an absolute file URI; make it machine-independent.
    let root =
        std::fs::canonicalize(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE))
            .unwrap();
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
            !uri.starts_with("./") && !uri.starts_with('/') && !uri.starts_with(EXAMPLE),
            "{uri}"
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
    for args in [
        vec![EXAMPLE],
        vec!["test-fixtures"],
        vec![tmp_path.as_str(), "--report-unused-disables"],
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_jwtlint"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
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
            "SARIF for {args:?} is invalid:\n{}",
            errors.join("\n")
        );
    }
}
