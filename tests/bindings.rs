//! The binding resolver: every import shape of DESIGN.md §2 binds the library, and
//! shadowing or look-alikes do not.

use jwtlint::semantic::ir::OpKind;
use std::path::Path;

/// (library, kind) of every operation found in `code`.
fn ops(file: &str, code: &str) -> Vec<(&'static str, OpKind)> {
    let facts = jwtlint::facts_of(Path::new(file), code).expect("analysed");
    facts.ops.iter().map(|o| (o.lib, o.kind)).collect()
}

const VERIFY: (&str, OpKind) = ("jsonwebtoken", OpKind::Verify);

#[test]
fn commonjs_shapes() {
    let cases = [
        "const jwt = require('jsonwebtoken'); jwt.verify(t, k);",
        "var jwt = require(\"jsonwebtoken\"); jwt.verify(t, k);",
        "const { verify } = require('jsonwebtoken'); verify(t, k);",
        "const { verify: v } = require('jsonwebtoken'); v(t, k);",
        "require('jsonwebtoken').verify(t, k);",
        "const lib = { jwt: require('jsonwebtoken') }; lib.jwt.verify(t, k);",
        "const jwt = require('jsonwebtoken'); const { verify } = jwt; verify(t, k);",
        "const util = require('util'); const jwt = require('jsonwebtoken'); const verifyAsync = util.promisify(jwt.verify); verifyAsync(t, k);",
    ];
    for code in cases {
        assert_eq!(ops("a.js", code), vec![VERIFY], "{code}");
    }
}

#[test]
fn esm_and_typescript_shapes() {
    let cases = [
        ("a.mjs", "import jwt from 'jsonwebtoken'; jwt.verify(t, k);"),
        (
            "a.mjs",
            "import * as jwt from 'jsonwebtoken'; jwt.verify(t, k);",
        ),
        (
            "a.ts",
            "import { verify as v } from 'jsonwebtoken'; v(t, k);",
        ),
        (
            "a.ts",
            "import { default as jwt } from 'jsonwebtoken'; jwt.verify(t, k);",
        ),
        (
            "a.ts",
            "import jwt = require('jsonwebtoken'); jwt.verify(t, k);",
        ),
        (
            "a.tsx",
            "import jwt from 'jsonwebtoken'; const x = <div>{jwt.verify(t, k) as any}</div>;",
        ),
        (
            "a.mjs",
            "const jwt = await import('jsonwebtoken'); jwt.verify(t, k);",
        ),
        (
            "a.mjs",
            "const { verify } = await import('jsonwebtoken'); verify(t, k);",
        ),
    ];
    for (file, code) in cases {
        assert_eq!(ops(file, code), vec![VERIFY], "{code}");
    }
}

#[test]
fn shadowing_and_lookalikes_bind_nothing() {
    let cases = [
        "const jwt = require('jsonwebtoken'); function f(jwt) { jwt.verify(t, k); }",
        "const jwt = require('jsonwebtoken'); { const jwt = other; jwt.verify(t, k); }",
        "const jwt = require('./jwt'); jwt.verify(t, k);",
        "const jwt = require('jsonwebtokens'); jwt.verify(t, k);",
        "function verify() {} verify(t, k);",
        "const { verify } = require('jsonwebtoken'); function g() { const verify = () => 1; verify(t, k); }",
        "let jwt = require('jsonwebtoken'); jwt = mock; jwt.verify(t, k);",
        "try {} catch (jwt) { jwt.verify(t, k); }",
    ];
    for code in cases {
        assert!(ops("a.js", code).is_empty(), "{code}");
    }
}

#[test]
fn class_based_apis() {
    let nest = "import { JwtService } from '@nestjs/jwt';\n\
        class A { constructor(private readonly jwt: JwtService) {} go() { return this.jwt.verify(t); } }";
    assert_eq!(ops("a.ts", nest), vec![("@nestjs/jwt", OpKind::Verify)]);

    let field = "import { JwtService } from '@nestjs/jwt';\n\
        class A { private jwt: JwtService; constructor(j: JwtService) { this.jwt = j; } go() { return this.jwt.sign(p); } }";
    assert_eq!(ops("a.ts", field), vec![("@nestjs/jwt", OpKind::Sign)]);

    let module = "import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret: s });";
    assert_eq!(
        ops("a.ts", module),
        vec![("@nestjs/jwt", OpKind::ModuleConfig)]
    );

    let passport =
        "const { Strategy } = require('passport-jwt'); new Strategy({ secretOrKey: k }, cb);";
    assert_eq!(
        ops("a.js", passport),
        vec![("passport-jwt", OpKind::Strategy)]
    );

    let nest_strategy = "import { PassportStrategy } from '@nestjs/passport';\n\
        import { Strategy, ExtractJwt } from 'passport-jwt';\n\
        export class JwtStrategy extends PassportStrategy(Strategy) { constructor() { super({ secretOrKey: k }); } }";
    assert_eq!(
        ops("a.ts", nest_strategy),
        vec![("passport-jwt", OpKind::Strategy)]
    );

    let jose = "import { SignJWT } from 'jose'; new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(k);";
    assert_eq!(ops("a.mjs", jose), vec![("jose", OpKind::Sign)]);

    let express_v6 = "const jwt = require('express-jwt'); app.use(jwt({ secret: s }));";
    assert_eq!(
        ops("a.js", express_v6),
        vec![("express-jwt", OpKind::Middleware)]
    );
}

#[test]
fn storage_writes() {
    let facts = jwtlint::facts_of(
        Path::new("a.js"),
        "localStorage.setItem('a', x); window.sessionStorage.b = y; const s = localStorage; s['c'] = z; localStorage.getItem('a');",
    )
    .unwrap();
    let keys: Vec<_> = facts
        .stores
        .iter()
        .map(|s| s.key.as_str().unwrap_or("?").to_string())
        .collect();
    assert_eq!(keys, vec!["a", "b", "c"]);
}
