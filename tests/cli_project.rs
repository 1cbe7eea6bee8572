//! A file named alone, or standard input, is analysed in its project's context
//! (DESIGN.md §5): the project around it is read, only the named files are reported on.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::{bin, run_with_input};

fn run(cwd: &Path, args: &[&str]) -> Output {
    bin(cwd).args(args).output().expect("binary runs")
}

fn run_stdin(cwd: &Path, args: &[&str], input: &str) -> Output {
    let mut cmd = bin(cwd);
    cmd.args(args);
    run_with_input(cmd, input.as_bytes())
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn write(dir: &Path, rel: &str, content: &str) -> PathBuf {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, content).unwrap();
    p
}

/// The findings of a JSON report, without fingerprints (they are compared elsewhere):
/// rule, path, line, column and related locations.
fn findings(o: &Output) -> Vec<serde_json::Value> {
    json(o)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut f = f.clone();
            f.as_object_mut().unwrap().remove("fingerprint");
            f
        })
        .collect()
}

fn rules_at(o: &Output) -> Vec<(String, String)> {
    findings(o)
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                format!("{}:{}", f["path"].as_str().unwrap(), f["line"]),
            )
        })
        .collect()
}

const CONFIG: &str = "module.exports = { secret: 'kitten-s3cret-that-is-hard-coded-here' };\n";
const SIGNS: &str = "const jsonwebtoken = require('jsonwebtoken');\nconst { secret } = require('./config');\n\nexports.issue = (user) =>\n  jsonwebtoken.sign({ sub: user.id }, secret, { algorithm: 'HS256', expiresIn: '1h' });\n";
const FIXED: &str = "const jsonwebtoken = require('jsonwebtoken');\n\nexports.issue = (user) =>\n  jsonwebtoken.sign({ sub: user.id }, process.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' });\n";

/// A project whose `a.js` signs with a secret from `config.js`, which mentions no JWT.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "package.json", "{ \"name\": \"app\" }\n");
    write(dir.path(), "src/config.js", CONFIG);
    write(dir.path(), "src/a.js", SIGNS);
    dir
}

#[test]
fn a_named_file_is_analysed_in_its_project() {
    let dir = project();
    let root = dir.path();
    let full = run(root, &[".", "-f", "json"]);
    assert_eq!(full.status.code(), Some(1));
    let expected = findings(&full);
    assert!(
        rules_at(&full).contains(&("hardcoded-secret".into(), "src/a.js:5".into())),
        "{expected:?}"
    );
    assert!(expected.iter().all(|f| f["path"] == "src/a.js"));
    // The secret's place in the other file is a related location.
    let related = &expected[0]["related"][0];
    assert_eq!(related["path"], "src/config.js");

    let alone = run(root, &["src/a.js", "-f", "json"]);
    assert_eq!(alone.status.code(), Some(1));
    assert_eq!(findings(&alone), expected);
    assert_eq!(json(&alone)["summary"]["files_scanned"], 1);
    assert_eq!(json(&full)["summary"]["files_scanned"], 2);

    // From inside the folder, paths read as given; the project is still found above.
    let inside = run(&root.join("src"), &["a.js", "-f", "json"]);
    assert_eq!(inside.status.code(), Some(1));
    assert_eq!(
        rules_at(&inside),
        rules_at(&alone)
            .into_iter()
            .map(|(r, p)| (r, p.replace("src/", "")))
            .collect::<Vec<_>>()
    );
    // Absolute, as editors and hooks often pass it.
    let abs = root.join("src/a.js");
    let absolute = run(root, &[abs.to_str().unwrap(), "-f", "json"]);
    assert_eq!(findings(&absolute), expected);

    // The file holding the secret makes no JWT call: nothing is reported on it, and
    // nothing from a.js either.
    let config = run(root, &["src/config.js", "-f", "json"]);
    assert_eq!(config.status.code(), Some(0));
    assert!(findings(&config).is_empty(), "{:?}", findings(&config));
    assert_eq!(json(&config)["summary"]["files_scanned"], 1);
}

#[test]
fn standard_input_stands_in_for_the_file_on_disk() {
    let dir = project();
    let root = dir.path();
    let alone = run(root, &["src/a.js", "-f", "json"]);
    let piped = run_stdin(root, &["--stdin-filename", "src/a.js", "-f", "json"], SIGNS);
    assert_eq!(piped.status.code(), Some(1));
    assert_eq!(findings(&piped), findings(&alone));
    assert_eq!(json(&piped)["summary"]["files_scanned"], 1);

    // The editor's unsaved buffer fixes the problem; the file on disk still has it.
    let fixed = run_stdin(root, &["--stdin-filename", "src/a.js", "-f", "json"], FIXED);
    assert_eq!(fixed.status.code(), Some(0));
    assert!(findings(&fixed).is_empty(), "{:?}", findings(&fixed));

    // A new buffer, not yet saved, still reads the project from disk.
    let new = run_stdin(
        root,
        &["--stdin-filename", "src/new.js", "-f", "json"],
        SIGNS,
    );
    assert_eq!(
        rules_at(&new),
        vec![("hardcoded-secret".to_string(), "src/new.js:5".to_string())]
    );
}

#[test]
fn project_wide_rules_report_on_the_named_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", "{}\n");
    write(
        root,
        "src/access.js",
        "const jwt = require('jsonwebtoken');\nexports.access = (u) =>\n  jwt.sign({ id: u.id }, process.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '15m' });\n",
    );
    write(
        root,
        "src/refresh.js",
        "const jwt = require('jsonwebtoken');\nexports.refresh = (u) =>\n  jwt.sign({ id: u.id }, process.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '7d' });\n",
    );
    let full = run(root, &[".", "-f", "json"]);
    let all = findings(&full);
    let shared: Vec<&serde_json::Value> = all
        .iter()
        .filter(|f| f["rule"] == "shared-secret")
        .collect();
    assert_eq!(shared.len(), 1, "{all:?}");
    let on = shared[0]["path"].as_str().unwrap().to_string();
    let other = if on == "src/refresh.js" {
        "src/access.js"
    } else {
        "src/refresh.js"
    };
    assert_eq!(shared[0]["related"][0]["path"], other);

    // Named alone, the file the rule reports on gets the finding, with the other file
    // as the related location; the other file gets nothing from this rule.
    let named = findings(&run(root, &[&on, "-f", "json"]));
    let want: Vec<serde_json::Value> = all.iter().filter(|f| f["path"] == on).cloned().collect();
    assert_eq!(named, want);
    let named_other = findings(&run(root, &[other, "-f", "json"]));
    assert!(
        named_other.iter().all(|f| f["rule"] != "shared-secret"),
        "{named_other:?}"
    );
}

#[test]
fn a_monorepo_root_is_its_repository_not_the_nearest_package_json() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", "{ \"private\": true }\n");
    write(root, "apps/api/package.json", "{ \"name\": \"api\" }\n");
    write(
        root,
        "packages/config/package.json",
        "{ \"name\": \"@acme/config\" }\n",
    );
    write(root, "packages/config/index.js", CONFIG);
    write(
        root,
        "apps/api/src/sign.js",
        &SIGNS.replace("'./config'", "'../../../packages/config/index.js'"),
    );
    let sign = "apps/api/src/sign.js";
    // Without a repository or configuration above, the nearest package.json (the app's)
    // is the project, and the secret in packages/ is out of sight.
    let o = run(root, &[sign, "-f", "json"]);
    assert!(rules_at(&o).is_empty(), "{:?}", rules_at(&o));
    // A jwtlint.toml (or a .git) at the top makes the whole repository the project.
    write(root, "jwtlint.toml", "");
    let o = run(root, &[sign, "-f", "json"]);
    assert_eq!(
        rules_at(&o),
        vec![(
            "hardcoded-secret".to_string(),
            "apps/api/src/sign.js:5".to_string()
        )]
    );
    std::fs::remove_file(root.join("jwtlint.toml")).unwrap();
    std::fs::create_dir(root.join(".git")).unwrap();
    let from_app = run(&root.join("apps/api"), &["src/sign.js", "-f", "json"]);
    assert_eq!(
        rules_at(&from_app),
        vec![("hardcoded-secret".to_string(), "src/sign.js:5".to_string())]
    );
}

#[test]
fn files_from_several_projects_each_get_their_own() {
    let one = project();
    let two = project();
    let a1 = one.path().join("src/a.js");
    let c2 = two.path().join("src/config.js");
    let a2 = two.path().join("src/a.js");
    let o = run(
        one.path(),
        &[
            a1.to_str().unwrap(),
            c2.to_str().unwrap(),
            a2.to_str().unwrap(),
            "-f",
            "json",
        ],
    );
    let report = json(&o);
    assert_eq!(report["summary"]["files_scanned"], 3);
    let mut hits: Vec<String> = findings(&o)
        .iter()
        .filter(|f| f["rule"] == "hardcoded-secret")
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    hits.sort();
    let mut want = vec![
        "src/a.js".to_string(),
        a2.to_string_lossy().replace('\\', "/"),
    ];
    want.sort();
    assert_eq!(hits, want);
}

#[test]
fn a_named_file_is_linted_even_where_a_scan_would_skip_it() {
    let dir = project();
    let root = dir.path();
    write(root, ".gitignore", "generated/\n");
    std::fs::create_dir(root.join(".git")).unwrap();
    write(
        root,
        "generated/a.js",
        SIGNS.replace("./config", "../src/config").as_str(),
    );
    write(
        root,
        "test/a.test.js",
        SIGNS.replace("./config", "../src/config").as_str(),
    );
    for named in ["generated/a.js", "test/a.test.js"] {
        let o = run(root, &[named, "-f", "json"]);
        assert_eq!(
            rules_at(&o),
            vec![("hardcoded-secret".to_string(), format!("{named}:5"))],
            "{named}"
        );
    }
    // A full scan skips both.
    let full = run(root, &[".", "-f", "json"]);
    assert_eq!(json(&full)["summary"]["files_scanned"], 2);
}

#[test]
fn notes_about_files_read_for_context_are_not_reported() {
    let dir = project();
    let root = dir.path();
    write(
        root,
        "src/broken.js",
        "const jwt = require('jsonwebtoken');\nfunction (\n",
    );
    let full = run(root, &[".", "-f", "json"]);
    assert!(!json(&full)["errors"].as_array().unwrap().is_empty());
    let alone = run(root, &["src/a.js", "-f", "json"]);
    assert!(
        json(&alone)["errors"].as_array().unwrap().is_empty(),
        "{}",
        json(&alone)["errors"]
    );
}

/// Workspace packages resolve through `node_modules` links as Node resolves them
/// (`package.json` `exports`), and real dependencies stay libraries.
#[cfg(unix)]
#[test]
fn workspace_packages_resolve_through_node_modules_links() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // No `workspaces` declared: only the link in node_modules leads to the package.
    write(
        root,
        "package.json",
        "{ \"name\": \"acme\", \"private\": true }\n",
    );
    write(
        root,
        "packages/config/package.json",
        "{ \"name\": \"@acme/config\", \"exports\": { \".\": { \"import\": \"./src/index.mjs\", \"require\": \"./src/index.cjs\" } } }\n",
    );
    write(root, "packages/config/src/index.cjs", CONFIG);
    write(
        root,
        "packages/config/src/index.mjs",
        "export const secret = process.env.JWT_SECRET;\n",
    );
    std::fs::create_dir_all(root.join("node_modules/@acme")).unwrap();
    std::os::unix::fs::symlink(
        "../../packages/config",
        root.join("node_modules/@acme/config"),
    )
    .unwrap();
    // A real dependency with a file of its own: `jsonwebtoken` stays the library.
    write(
        root,
        "node_modules/jsonwebtoken/package.json",
        "{ \"name\": \"jsonwebtoken\", \"main\": \"index.js\" }\n",
    );
    write(
        root,
        "node_modules/jsonwebtoken/index.js",
        "module.exports = { sign() {}, verify() {} };\n",
    );
    write(
        root,
        "apps/api/src/a.js",
        &SIGNS.replace("'./config'", "'@acme/config'"),
    );
    let o = run(root, &[".", "-f", "json"]);
    assert_eq!(
        rules_at(&o),
        vec![(
            "hardcoded-secret".to_string(),
            "apps/api/src/a.js:5".to_string()
        )]
    );
    assert_eq!(
        findings(&o)[0]["related"][0]["path"],
        "packages/config/src/index.cjs"
    );
    // With dependencies walked too, `jsonwebtoken` is still the library, not a file.
    let o = run(root, &[".", "--no-ignore", "-f", "json"]);
    assert_eq!(
        rules_at(&o),
        vec![(
            "hardcoded-secret".to_string(),
            "apps/api/src/a.js:5".to_string()
        )]
    );
    // The ESM entry point (`import`) is a different file, with no secret in it.
    write(
        root,
        "apps/api/src/b.mjs",
        "import jsonwebtoken from 'jsonwebtoken';\nimport { secret } from '@acme/config';\nexport const issue = (u) => jsonwebtoken.sign({ sub: u }, secret, { algorithm: 'HS256', expiresIn: '1h' });\n",
    );
    let o = run(root, &["apps/api/src/b.mjs", "-f", "json"]);
    assert!(rules_at(&o).is_empty(), "{:?}", rules_at(&o));
}

/// `./x.js` names `x.ts` (TypeScript's ESM style), through a `tsconfig.json` alias too;
/// a specifier naming nothing on disk is simply unresolved.
#[test]
fn typescript_esm_specifiers_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "package.json", "{ \"type\": \"module\" }\n");
    write(
        root,
        "tsconfig.json",
        "{\n  // comments are allowed\n  \"compilerOptions\": { \"baseUrl\": \".\", \"paths\": { \"#cfg/*\": [\"src/config/*\"] } },\n}\n",
    );
    write(
        root,
        "src/config/keys.ts",
        "export const key = 'typescript-esm-signing-secret-0042';\n",
    );
    write(
        root,
        "src/config/other.ts",
        "export const other = 'typescript-alias-signing-secret-0042';\n",
    );
    write(
        root,
        "src/a.ts",
        "import jwt from 'jsonwebtoken';\nimport { key } from './config/keys.js';\nimport { other as aliased } from '#cfg/other.js';\nimport { missing } from './nowhere/at/all.js';\nexport const a = (s: string) => jwt.sign({ s }, key, { algorithm: 'HS256', expiresIn: '1h' });\nexport const b = (s: string) => jwt.sign({ s }, aliased, { algorithm: 'HS256', expiresIn: '1h' });\nexport const c = (s: string) => jwt.sign({ s }, missing, { algorithm: 'HS256', expiresIn: '1h' });\n",
    );
    let o = run(root, &["src/a.ts", "-f", "json"]);
    assert_eq!(
        rules_at(&o),
        vec![
            ("hardcoded-secret".to_string(), "src/a.ts:5".to_string()),
            ("hardcoded-secret".to_string(), "src/a.ts:6".to_string()),
        ]
    );
}

/// A project scanned through a symbolic link: what the resolver finds (real paths) maps
/// back to the files as walked.
#[cfg(unix)]
#[test]
fn a_project_reached_through_a_link_resolves_aliases() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    write(
        &real,
        "tsconfig.json",
        "{ \"compilerOptions\": { \"paths\": { \"@cfg\": [\"./src/config.ts\"] } } }\n",
    );
    write(
        &real,
        "src/config.ts",
        "export const secret = 'linked-project-signing-secret-0042';\n",
    );
    write(
        &real,
        "src/a.ts",
        "import jwt from 'jsonwebtoken';\nimport { secret } from '@cfg';\nexport const a = (s: string) => jwt.sign({ s }, secret, { algorithm: 'HS256', expiresIn: '1h' });\n",
    );
    std::os::unix::fs::symlink(&real, dir.path().join("link")).unwrap();
    let o = run(dir.path(), &["link", "-f", "json"]);
    assert_eq!(
        rules_at(&o),
        vec![(
            "hardcoded-secret".to_string(),
            "link/src/a.ts:3".to_string()
        )]
    );
    assert_eq!(findings(&o)[0]["related"][0]["path"], "link/src/config.ts");
}
