//! What happens to decoded (unverified) claims: whether they feed an access decision in
//! the same function, and whether the token is verified there too. And whether a file is
//! browser code, where decoding for display is normal.

use crate::semantic::extract::scope::text;
use crate::semantic::extract::syntax::NodeExt;
use crate::semantic::extract::values::Ctx;
use crate::semantic::ir::DecodeUse;
use crate::text::words;
use tree_sitter::Node;

fn mentions(haystack: &str, name: &str) -> bool {
    haystack.match_indices(name).any(|(i, _)| {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
        !word(haystack[..i].chars().next_back()) && !word(haystack[i + name.len()..].chars().next())
    })
}

fn enclosing_function<'t>(chain: &[Node<'t>]) -> Option<Node<'t>> {
    chain.iter().copied().find(|n| {
        matches!(
            n.kind(),
            "function_declaration"
                | "function_expression"
                | "arrow_function"
                | "method_definition"
                | "function"
        )
    })
}

/// Whether an assignment target makes the claims part of the request's identity: any
/// field of the request (`req.user`, `req.accountId`, `request.session.userId`), Express's
/// `res.locals`, Koa's `ctx.state`, or a context's user.
fn is_request_field(target: &str) -> bool {
    let t = target.replace("?.", ".");
    const PREFIXES: &[&str] = &[
        "req.",
        "request.",
        "res.locals.",
        "response.locals.",
        "ctx.state.",
        "ctx.request.",
        "context.state.",
    ];
    const FIELDS: &[&str] = &["ctx.user", "ctx.auth", "context.user", "ctx.session"];
    PREFIXES
        .iter()
        .any(|p| t.starts_with(p) && t.len() > p.len())
        || FIELDS
            .iter()
            .any(|f| t == *f || t.starts_with(&format!("{f}.")))
}

/// Whether a claim's name says it holds an authorisation (`role`, `roles`, `isAdmin`,
/// `role_id`, `permissions`, `scope`, `groups`).
fn role_like(name: &str) -> bool {
    const ROLE_WORDS: &[&str] = &[
        "role",
        "roles",
        "admin",
        "isadmin",
        "permission",
        "permissions",
        "perms",
        "scope",
        "scopes",
        "groups",
        "privilege",
        "privileges",
        "authorities",
    ];
    words(name).iter().any(|w| ROLE_WORDS.contains(&w.as_str()))
}

/// Whether a function's name says it grants or checks an authorisation: `grant`,
/// `authorize`, `can`, `canEdit`, `hasRole`, `isAdmin`, `checkPermission`, `requireScope`.
fn authorises(name: &str) -> bool {
    let w = words(name);
    let Some(first) = w.first() else {
        return false;
    };
    const VERBS: &[&str] = &[
        "can",
        "cannot",
        "grant",
        "authorize",
        "authorise",
        "authorized",
        "authorised",
        "permit",
        "allow",
        "allowed",
    ];
    const CHECKS: &[&str] = &[
        "has", "check", "require", "ensure", "is", "assert", "validate", "must",
    ];
    VERBS.contains(&first.as_str())
        || CHECKS.contains(&first.as_str())
            && w[1..].iter().any(|w| {
                role_like(w) || matches!(w.as_str(), "access" | "authorized" | "authorised")
            })
}

/// Test assertions: claims compared in `expect(…)` or `assert…(…)` check a test's
/// expectation, not a request (`--include-tests` runs lint them).
fn asserts(callee: &str) -> bool {
    let base = callee.split(['.', '(']).next().unwrap_or(callee);
    matches!(base, "expect" | "assert" | "should" | "chai")
}

/// Claims that time the token: comparing them decides no access by itself.
const TIME_CLAIMS: &[&str] = &["exp", "iat", "nbf"];

/// Calls that load the user the claims name.
const LOOKUPS: &[&str] = &[
    "findById",
    "findOne",
    "findUnique",
    "findByPk",
    "findFirst",
    "getUserById",
    "findUserById",
];

/// The member paths read after each word occurrence of `name` in `body`
/// (`claims?.data?.role` gives `data`, `role`), with the offset of the occurrence.
fn claim_paths<'b>(body: &'b str, name: &str) -> Vec<(usize, Vec<&'b str>)> {
    let ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let mut out = Vec::new();
    for (i, _) in body.match_indices(name) {
        if body[..i].chars().next_back().is_some_and(ident) {
            continue;
        }
        let mut rest = &body[i + name.len()..];
        if rest.chars().next().is_some_and(ident) {
            continue;
        }
        let mut path = Vec::new();
        loop {
            let after = rest
                .strip_prefix("?.")
                .or_else(|| rest.strip_prefix('.'))
                .or_else(|| rest.strip_prefix('!').and_then(|r| r.strip_prefix('.')));
            let Some(after) = after else { break };
            let len = after.find(|c: char| !ident(c)).unwrap_or(after.len());
            if len == 0 {
                break;
            }
            path.push(&after[..len]);
            rest = &after[len..];
        }
        out.push((i, path));
    }
    out
}

/// The names a declaration binds: `claims`, `{ role }`, `{ app_metadata: { role_id } }`.
fn bound_names(n: Node<'_>, src: &str, out: &mut Vec<String>) {
    match n.kind() {
        "identifier" | "shorthand_property_identifier_pattern" => {
            out.push(text(n, src).to_string())
        }
        "pair_pattern" => {
            if let Some(v) = n.field("value") {
                bound_names(v, src, out);
            }
        }
        "assignment_pattern" | "object_assignment_pattern" => {
            if let Some(l) = n.field("left").or_else(|| n.named_child(0)) {
                bound_names(l, src, out);
            }
        }
        _ => {
            let mut c = n.walk();
            for part in n.named_children(&mut c) {
                bound_names(part, src, out);
            }
        }
    }
}

/// The name a function goes by in its file: its declaration, or the variable, property
/// or export it is assigned to.
fn function_name<'s>(func: Node<'_>, outer: Option<Node<'_>>, src: &'s str) -> Option<&'s str> {
    if let Some(n) = func.field("name") {
        return Some(text(n, src));
    }
    let outer = outer?;
    let n = match outer.kind() {
        "variable_declarator" => outer.field("name")?,
        "pair" => outer.field("key")?,
        "assignment_expression" => outer.field("left")?,
        _ => return None,
    };
    let t = text(n, src);
    Some(t.rsplit('.').next().unwrap_or(t))
}

/// How many callers a function that returns claims is followed into.
const MAX_CALLERS: usize = 8;

/// Looks at a decode call: the access decision its claims feed, if any, and whether the
/// same function verifies a token.
pub fn analyse(cx: &Ctx<'_, '_>, call: Node<'_>) -> (Option<DecodeUse>, bool) {
    analyse_at(cx, call, 1)
}

/// `hops`: how many times claims returned from a function are followed to its callers
/// in the same file (`getUserId(req)` returns the decoded id that the caller looks up).
fn analyse_at(cx: &Ctx<'_, '_>, call: Node<'_>, hops: u32) -> (Option<DecodeUse>, bool) {
    let src = cx.src();
    // What the decoded value is called: `const claims = decode(t)`, `const { role } = …`.
    let mut names: Vec<String> = Vec::new();
    let chain = cx.ancestors(call);
    let mut direct = None;
    let mut returned = false;
    // Claims read off the decoded value in place: `decode(t).data.tier`.
    let mut path: Vec<&str> = Vec::new();
    let mut from = call;
    let decides = |path: &[&str]| path.last().is_some_and(|c| !TIME_CLAIMS.contains(c));
    // Inside a test assertion, whatever the expression around the decode.
    let asserted_here = chain.iter().enumerate().any(|(i, p)| {
        p.kind() == "arguments"
            && chain
                .get(i + 1)
                .and_then(|c| c.field("function"))
                .is_some_and(|f| asserts(text(f, src)))
    });
    if asserted_here {
        return (None, false);
    }
    for (i, &p) in chain.iter().enumerate() {
        let came_from = from;
        from = p;
        match p.kind() {
            // Wrappers and chains that keep the claims: `await`, casts, `.payload`,
            // `.toString()`, `JSON.parse(…)`.
            "await_expression"
            | "parenthesized_expression"
            | "as_expression"
            | "satisfies_expression"
            | "non_null_expression"
            | "call_expression" => continue,
            "member_expression" => {
                if p.field("object").is_some_and(|o| o.id() == came_from.id()) {
                    if let Some(prop) = p.field("property") {
                        path.push(text(prop, src));
                    }
                }
                continue;
            }
            "arguments" => {
                let Some(callee) = chain.get(i + 1).and_then(|c| c.field("function")) else {
                    continue;
                };
                let callee = text(callee, src);
                let name = callee.rsplit('.').next().unwrap_or(callee);
                if authorises(name) {
                    direct = Some((format!("is passed to `{name}`"), chain[i + 1]));
                } else if LOOKUPS.contains(&name) {
                    direct = Some((format!("loads a user (`{name}`)"), chain[i + 1]));
                } else {
                    // A new value (`JSON.parse(…)`): its own members are read next.
                    path.clear();
                    continue;
                }
            }
            "binary_expression" => {
                let op = p.field("operator").map(|o| text(o, src)).unwrap_or("");
                if matches!(op, "===" | "!==" | "==" | "!=" | "<" | ">" | "<=" | ">=")
                    && decides(&path)
                {
                    direct = Some((
                        format!("decides access (`{}` compared)", path.join(".")),
                        call,
                    ));
                }
            }
            // The claim is the condition: `if (decode(t).admin)`, `!decode(t).paid ? … : …`.
            "unary_expression" | "if_statement" | "while_statement" | "ternary_expression"
                if decides(&path)
                    && (p.kind() == "unary_expression"
                        || p.field("condition")
                            .is_some_and(|c| c.id() == came_from.id())) =>
            {
                direct = Some((
                    format!("decides access (`{}` tested)", path.join(".")),
                    call,
                ));
            }
            "variable_declarator" => {
                if let Some(n) = p.field("name") {
                    bound_names(n, src, &mut names);
                }
            }
            "assignment_expression" => {
                let left = p.field("left").map(|l| text(l, src)).unwrap_or("");
                if is_request_field(left) {
                    direct = Some((format!("is assigned to `{left}`"), call));
                } else {
                    names.push(left.to_string());
                }
            }
            "return_statement" | "arrow_function" => returned = true,
            _ => {}
        }
        break;
    }
    let func = enclosing_function(&chain);
    // A decode at module scope: the module is its scope.
    let scope = func.unwrap_or(cx.root);
    let (start, end) = (scope.start_byte(), scope.end_byte());
    let at_module = func.is_none();
    // Verified in the same function: any verify-like call other than this one (at module
    // scope, one outside every function).
    let first = cx.index.calls.partition_point(|c| c.start_byte() < start);
    let mut verified = false;
    let mut lookup = None;
    let mut authorised = None;
    let mut assertions: Vec<(usize, usize)> = Vec::new();
    for &c in &cx.index.calls[first..] {
        if c.start_byte() > end {
            break;
        }
        let Some(callee) = c.field("function") else {
            continue;
        };
        let callee_text = text(callee, src);
        if asserts(callee_text) {
            assertions.push((c.start_byte(), c.end_byte()));
            continue;
        }
        let name = callee_text.rsplit('.').next().unwrap_or("");
        let lower = name.to_ascii_lowercase();
        if c.id() != call.id()
            && lower.contains("verify")
            && (!at_module || enclosing_function(&cx.ancestors(c)).is_none())
        {
            verified = true;
        }
        let args = || c.field("arguments").map(|a| text(a, src)).unwrap_or("");
        if LOOKUPS.contains(&name) && lookup.is_none() && names.iter().any(|n| mentions(args(), n))
        {
            lookup = Some((format!("loads a user (`{name}`)"), c));
        }
        if authorised.is_none()
            && c.id() != call.id()
            && authorises(name)
            && names.iter().any(|n| mentions(args(), n))
        {
            authorised = Some((format!("is passed to `{name}`"), c));
        }
    }
    let asserted = |c: Node<'_>| {
        assertions
            .iter()
            .any(|&(s, e)| s <= c.start_byte() && c.end_byte() <= e)
    };
    let found = |what: String, at: Node<'_>| {
        (
            Some(DecodeUse {
                what,
                at: cx.loc(at),
            }),
            verified,
        )
    };
    if let Some((what, at)) = direct {
        return found(what, at);
    }
    // Assigned to a field of the request or context.
    let first_assign = cx
        .index
        .assignments
        .partition_point(|a| a.start_byte() < start);
    for &a in &cx.index.assignments[first_assign..] {
        if a.start_byte() > end {
            break;
        }
        let left = a.field("left").map(|l| text(l, src)).unwrap_or("");
        let right = a.field("right").map(|r| text(r, src)).unwrap_or("");
        if is_request_field(left) && names.iter().any(|n| mentions(right, n)) {
            return found(format!("is assigned to `{left}`"), a);
        }
    }
    // A role-like claim read: `claims.role`, `token?.data?.role`, or a destructured `role`.
    let body = text(scope, src);
    let in_assertion = |offset: usize| {
        assertions
            .iter()
            .any(|&(s, e)| s <= start + offset && start + offset < e)
    };
    for n in &names {
        for (offset, claims) in claim_paths(body, n) {
            if in_assertion(offset) {
                continue;
            }
            let role = if claims.is_empty() {
                role_like(n)
            } else {
                claims.iter().any(|c| role_like(c))
            };
            if role {
                let read = if claims.is_empty() {
                    n.clone()
                } else {
                    format!("{n}.{}", claims.join("."))
                };
                return found(format!("decides access (`{read}`)"), call);
            }
        }
    }
    for (what, at) in [authorised, lookup].into_iter().flatten() {
        if !asserted(at) {
            return found(what, at);
        }
    }
    // Claims returned to the callers in this file: what they do with them counts.
    if returned || names.iter().any(|n| returns_name(scope, n, src)) {
        if let (Some(func), true) = (func, hops > 0) {
            let outer = chain
                .iter()
                .skip_while(|n| n.id() != func.id())
                .nth(1)
                .copied();
            if let Some(fname) = function_name(func, outer, src) {
                let callers = cx.index.calls.iter().filter(|c| {
                    (c.start_byte() < start || c.start_byte() > end)
                        && c.field("function").is_some_and(|f| {
                            let t = text(f, src);
                            t.rsplit('.').next() == Some(fname)
                        })
                });
                for &c in callers.take(MAX_CALLERS) {
                    let (use_, also_verified) = analyse_at(cx, c, hops - 1);
                    if let Some(u) = use_ {
                        return (Some(u), verified || also_verified);
                    }
                }
            }
        }
    }
    (None, verified)
}

/// Whether a `return` of `scope` (not of a function inside it) mentions `name`.
fn returns_name(scope: Node<'_>, name: &str, src: &str) -> bool {
    fn walk(n: Node<'_>, name: &str, src: &str) -> bool {
        let mut c = n.walk();
        let children: Vec<Node<'_>> = n.named_children(&mut c).collect();
        children.into_iter().any(|child| match child.kind() {
            "return_statement" => mentions(text(child, src), name),
            "function_declaration"
            | "function_expression"
            | "arrow_function"
            | "function"
            | "class_declaration"
            | "method_definition" => false,
            _ => walk(child, name, src),
        })
    }
    match scope.field("body") {
        Some(b) if b.kind() == "statement_block" => walk(b, name, src),
        Some(b) => mentions(text(b, src), name),
        None => false,
    }
}

/// Whether a file is browser code: a client directive, a UI framework import, DOM globals,
/// or a path under a front-end folder.
pub fn is_browser(cx: &Ctx<'_, '_>) -> bool {
    let src = cx.src();
    let head = crate::source::prefix(src, 200);
    if head.contains("'use client'") || head.contains("\"use client\"") {
        return true;
    }
    // Code that only runs on a server: Next.js middleware and route handlers
    // (`next/server`, `next/headers`, also under `client/` or `frontend/`), and a file
    // that imports a Node-only library, whatever its extension (`.jsx`/`.tsx` included),
    // unless it also touches the page.
    const SERVER: &[&str] = &["next/server", "next/headers"];
    const NODE_ONLY: &[&str] = &[
        "jsonwebtoken",
        "jws",
        "jwt-simple",
        "express",
        "koa",
        "fastify",
        "fs",
        "node:fs",
        "node:crypto",
        "crypto",
        "mongoose",
        "pg",
        "@prisma/client",
    ];
    let specs = &cx.index.module_specs;
    if specs.iter().any(|m| SERVER.contains(&m.as_str())) {
        return false;
    }
    let in_page = src.contains("window.")
        || src.contains("document.")
        || src.contains("localStorage")
        || src.contains("useEffect(")
        || src.contains("useState(");
    if specs.iter().any(|m| NODE_ONLY.contains(&m.as_str())) {
        return in_page;
    }
    const UI: &[&str] = &[
        "react",
        "react-dom",
        "vue",
        "@angular/core",
        "svelte",
        "preact",
        "solid-js",
        "next/router",
        "next/navigation",
        "@reduxjs/toolkit",
        "zustand",
        "pinia",
        "vuex",
    ];
    if cx
        .index
        .module_specs
        .iter()
        .any(|m| UI.contains(&m.as_str()))
    {
        return true;
    }
    // Leading slash: a relative path (`frontend/src/a.js`) starts with a folder too.
    let path = format!("/{}", cx.path.to_string_lossy())
        .replace('\\', "/")
        .to_ascii_lowercase();
    const FRONT: &[&str] = &[
        "/components/",
        "/hooks/",
        "/views/",
        "/client/",
        "/frontend/",
        "/web/",
        "/public/",
        "/store/",
        "/stores/",
        "/composables/",
    ];
    if FRONT.iter().any(|f| path.contains(f))
        || path.ends_with(".tsx")
        || path.ends_with(".jsx")
        || path.ends_with(".vue")
    {
        return true;
    }
    src.contains("window.") || src.contains("document.") || src.contains("localStorage")
}
