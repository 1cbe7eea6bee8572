//! `jwtlint inventory`: snapshots of the three formats on a small monorepo (npm workspaces:
//! an auth service that signs, an api service that verifies with the same secret and with
//! the public half of the auth service's private key, a NestJS app), and the command's exit
//! codes.

use std::process::{Command, Output};

const FIXTURE: &str = "test-fixtures/inventory/workspaces";

fn inventory(args: &[&str]) -> Output {
    inventory_in(env!("CARGO_MANIFEST_DIR"), args)
}

fn inventory_in(dir: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jwtlint"))
        .current_dir(dir)
        .arg("inventory")
        .args(args)
        .output()
        .expect("binary runs")
}

/// The map as a user in the monorepo's folder sees it (paths relative to it).
fn map(format: &str) -> String {
    let dir = format!("{}/{FIXTURE}", env!("CARGO_MANIFEST_DIR"));
    let o = inventory_in(&dir, &["--format", format]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("inventory_markdown", map("markdown"));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!("inventory_json", map("json"));
}

#[test]
fn mermaid_snapshot() {
    insta::assert_snapshot!("inventory_mermaid", map("mermaid"));
}

#[test]
fn a_public_key_is_linked_to_the_issuer_of_its_private_half_only() {
    let v: serde_json::Value = serde_json::from_str(&map("json")).unwrap();
    let pairs: Vec<(&str, &str)> = v["flows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "key-pair")
        .map(|f| (f["from"].as_str().unwrap(), f["to"].as_str().unwrap()))
        .collect();
    assert_eq!(
        pairs,
        [(
            "issue@services/auth/src/service-tokens.js:6:3",
            "verify@services/api/src/service-auth.ts:5:3"
        )]
    );
}

#[test]
fn markdown_is_the_default_and_embeds_the_diagram() {
    let dir = format!("{}/{FIXTURE}", env!("CARGO_MANIFEST_DIR"));
    let o = inventory_in(&dir, &[]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    assert_eq!(text, map("markdown"));
    assert!(text.contains(&format!("```mermaid\n{}```\n", map("mermaid"))));
}

#[test]
fn json_is_versioned_and_links_services_and_flows() {
    let v: serde_json::Value = serde_json::from_str(&map("json")).unwrap();
    assert_eq!(v["version"], 1);
    let services: Vec<&str> = v["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let entries = v["entries"].as_array().unwrap();
    for e in entries {
        assert!(services.contains(&e["service"].as_str().unwrap()), "{e}");
    }
    let ids: Vec<&str> = entries.iter().map(|e| e["id"].as_str().unwrap()).collect();
    let flows = v["flows"].as_array().unwrap();
    assert!(!flows.is_empty());
    for f in flows {
        assert!(ids.contains(&f["from"].as_str().unwrap()), "{f}");
        assert!(ids.contains(&f["to"].as_str().unwrap()), "{f}");
    }
    // The api service verifies what the auth service issues: same secret, across services.
    let cross = flows.iter().any(|f| {
        f["kind"] == "same-key"
            && f["from"].as_str().unwrap().contains("@services/auth/")
            && f["to"].as_str().unwrap().contains("@services/api/")
    });
    assert!(cross, "{flows:#?}");
}

#[test]
fn output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.json");
    let fixture = format!("{}/{FIXTURE}", env!("CARGO_MANIFEST_DIR"));
    let o = inventory_in(&fixture, &["-f", "json", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(out).unwrap(), map("json"));
}

#[test]
fn exit_codes() {
    let o = inventory(&["test-fixtures/inventory/no-such-folder"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no such file or folder"));
    let o = inventory(&[FIXTURE, "--format", "sarif"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("invalid value"));
    // A project without tokens is mapped as empty, and that is a success.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.js"), "console.log(1);\n").unwrap();
    let o = inventory(&[dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("No token is issued"));
}

#[test]
fn literals_are_never_printed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.js"),
        "const jwt = require('jsonwebtoken');\n\
         exports.s = (u) => jwt.sign(u, 'hunter2-very-secret', { expiresIn: '1h' });\n\
         exports.v = (t) => jwt.verify(t, 'hunter2-very-secret', { algorithms: ['HS256'] });\n",
    )
    .unwrap();
    for format in ["markdown", "json", "mermaid"] {
        let o = inventory(&[dir.path().to_str().unwrap(), "-f", format]);
        assert_eq!(o.status.code(), Some(0));
        let text = String::from_utf8(o.stdout).unwrap();
        assert!(!text.contains("hunter2"), "{format}: {text}");
        assert!(text.contains("literal"), "{format}: {text}");
    }
}

/// The key-pair flows of a fixture folder, as (from, to) entry ids.
fn pair_flows(dir: &str) -> Vec<(String, String)> {
    let o = inventory_in(
        &format!("{}/test-fixtures/{dir}", env!("CARGO_MANIFEST_DIR")),
        &["--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["flows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "key-pair")
        .map(|f| {
            (
                f["from"].as_str().unwrap().to_string(),
                f["to"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn pairs_are_never_crossed_nor_made_of_an_hmac_secret() {
    // Access and refresh pairs: each public key is linked to its own private key only.
    let flows = pair_flows("algorithm-mismatch/pnpm");
    let access = "issue@services/auth/src/tokens.ts:5:3";
    let refresh = "issue@services/auth/src/tokens.ts:7:3";
    for (from, to) in &flows {
        let line: u32 = to.rsplit(':').nth(1).unwrap().parse().unwrap();
        match to.as_str() {
            t if t.starts_with("verify@services/api/src/auth.js") && (6..=8).contains(&line) => {
                assert_eq!(from, refresh, "{to}")
            }
            _ => assert_eq!(from, access, "{to}"),
        }
    }
    assert_eq!(flows.len(), 6, "{flows:?}");
    // The HMAC sign with LEGACY_PRIVATE_KEY is no half of LEGACY_PUBLIC_KEY; service.key pairs
    // with service.key.pub only.
    let flows = pair_flows("algorithm-mismatch/yarn");
    assert!(
        flows.iter().all(|(_, to)| !to.contains("verify.ts:13")),
        "{flows:?}"
    );
    assert!(flows.contains(&(
        "issue@packages/issuer/src/sign.js:10:33".into(),
        "verify@packages/web/src/service.js:5:31".into()
    )));
    assert_eq!(flows.len(), 4, "{flows:?}");
}

/// The algorithms the map shows for the issuers of a fixture folder, by entry id.
fn issue_algorithms(dir: &str) -> Vec<(String, serde_json::Value)> {
    let o = inventory_in(
        &format!("{}/test-fixtures/{dir}", env!("CARGO_MANIFEST_DIR")),
        &["--format", "json"],
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["role"] == "issue")
        .map(|e| {
            (
                e["id"].as_str().unwrap().to_string(),
                e["algorithms"].clone(),
            )
        })
        .collect()
}

#[test]
fn a_nest_sign_shows_its_module_sign_algorithm_not_the_verify_allowlist() {
    let algs = issue_algorithms("algorithm-mismatch/nest-sign-options");
    assert_eq!(
        algs,
        vec![(
            "issue@src/auth/auth.service.ts:10:12".to_string(),
            serde_json::json!(["RS256"])
        )]
    );
    let algs = issue_algorithms("algorithm-mismatch/nest-sign-options-near-miss");
    let of = |file: &str| {
        algs.iter()
            .find(|(id, _)| id.contains(file))
            .map(|(_, a)| a.clone())
            .unwrap()
    };
    // The call's own algorithm; two registrations that disagree; a module with only a
    // verification allowlist (the library's default, not that allowlist).
    assert_eq!(of("own.service.ts"), serde_json::json!(["ES256"]));
    assert_eq!(of("split.service.ts"), serde_json::Value::Null);
    assert_eq!(of("verify-only.service.ts"), serde_json::json!([]));
}
