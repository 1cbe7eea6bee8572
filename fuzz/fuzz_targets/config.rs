//! `jwtlint.toml` parsing: any text gives settings or a located error, never a panic.
//! Settings that parse are then used: levels and options per rule and path, include and
//! exclude globs, and a lint of a sample file that several rules flag.

#![no_main]

use jwtlint::config::Settings;
use jwtlint::rules::ALL_RULES;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

/// Code that most rules flag, so configured levels and options are all consulted.
const SAMPLE: &str = r#"const jwt = require('jsonwebtoken');
const SECRET = 'secret';
const token = jwt.sign({ sub: user.id, password: user.password }, SECRET, { expiresIn: '365d' });
const refresh = jwt.sign({ sub: user.id, type: 'refresh' }, SECRET, { expiresIn: '400d' });
const eternal = jwt.sign({ sub: user.id, email: user.email }, SECRET);
jwt.verify(token, SECRET, { ignoreExpiration: true, clockTolerance: 100000 });
jwt.verify(token, SECRET, { algorithms: ['none', 'HS256', 'RS256'] });
const claims = jwt.decode(token);
if (claims.admin) grant();
localStorage.setItem('token', token);
res.cookie('token', token);
"#;

const PATHS: [&str; 5] = [
    "src/app.js",
    "src/auth/token.ts",
    "test/auth.test.js",
    "node_modules/x/index.js",
    "a b/ü.tsx",
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let config_path = Path::new("jwtlint.toml");
    let settings = match Settings::parse(config_path, &text) {
        Ok(s) => s,
        Err(e) => {
            // Errors name the file, say what is wrong, point inside the file, and draw.
            assert_eq!(e.path, "jwtlint.toml", "error names another file: {e}");
            assert!(!e.message.trim().is_empty(), "error without a message: {e}");
            if let Some((line, column)) = e.position {
                let lines = text.split('\n').count();
                assert!(
                    line >= 1 && column >= 1 && line <= lines,
                    "error position {line}:{column} outside the file ({lines} lines): {e}"
                );
            }
            let head = e.to_string();
            for color in [false, true] {
                let drawn = e.render(color);
                assert!(drawn.starts_with(&head), "drawn error lost its first line");
            }
            return;
        }
    };
    for rule in ALL_RULES {
        let meta = rule.meta();
        let _ = settings.base_severity(meta);
        let _ = settings.maybe_on(meta);
        for p in PATHS {
            let _ = settings.severity(meta, Path::new(p));
        }
        for o in meta.options {
            if let Some(v) = settings.option(meta.id, o.name) {
                assert!(
                    o.check(v).is_ok(),
                    "option `{}` kept though invalid",
                    o.name
                );
            }
        }
    }
    for p in PATHS {
        let _ = settings.excludes(Path::new(p), false);
        let _ = settings.excludes(Path::new(p), true);
    }
    // Overrides are per path: a second file then sees other levels.
    let files: &[&str] = if settings.overrides.is_empty() {
        &["src/app.js"]
    } else {
        &["src/app.js", "test/auth.test.ts"]
    };
    for p in files {
        jwtlint_fuzz::lint_and_render(Path::new(p), SAMPLE.to_string(), settings.clone(), true);
    }
});
