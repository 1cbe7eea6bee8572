//! Messages name options the way the library spells them (DESIGN.md §2: "a message that
//! names an option takes the option's name from the op, never from the rule").

use jwtlint::config::Config;
use std::path::{Path, PathBuf};

fn findings(folder: &str) -> Vec<jwtlint::finding::Finding> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("test-fixtures");
    let config = Config {
        paths: vec![root.join(folder)],
        ..Config::default()
    };
    jwtlint::run(&config).expect("run succeeds").findings
}

fn help_of(folder: &str, rule: &str) -> Vec<String> {
    findings(folder)
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.help)
        .collect()
}

#[test]
fn fastify_registration_is_spelled_verify_algorithms() {
    let help = help_of("missing-algorithms/fastify-register", "missing-algorithms");
    assert_eq!(help.len(), 1, "{help:?}");
    assert!(
        help[0].contains("`verify.algorithms` where the module is registered"),
        "{}",
        help[0]
    );
    assert!(
        help[0].contains("`verify: { algorithms: ['HS256'] }`"),
        "{}",
        help[0]
    );
    assert!(!help[0].contains("verifyOptions"), "{}", help[0]);
}

#[test]
fn nestjs_module_is_spelled_verify_options() {
    let help = help_of(
        "missing-algorithms/nest-module-missing",
        "missing-algorithms",
    );
    assert!(!help.is_empty());
    assert!(
        help.iter()
            .all(|h| h.contains("`verifyOptions: { algorithms: ['HS256'] }`")),
        "{help:?}"
    );
}

#[test]
fn jose_lifetime_is_a_method() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let code = "import { SignJWT } from 'jose';\nexport const t = (k) => new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'HS256' }).sign(k);\n";
    let rules = jwtlint::active_rules(&Config::default()).unwrap();
    let (found, _) = jwtlint::lint_source(&root.join("x.ts"), code, &rules);
    let help: Vec<&str> = found
        .iter()
        .filter(|f| f.rule == "missing-expiration")
        .map(|f| f.help.as_str())
        .collect();
    assert_eq!(help.len(), 1);
    assert!(
        help[0].contains("`.setExpirationTime('15m')`"),
        "{}",
        help[0]
    );
    assert!(!help[0].contains("expiresIn"), "{}", help[0]);
}
