//! What happens to decoded (unverified) claims: whether they feed an access decision in
//! the same function, and whether the token is verified there too. And whether a file is
//! browser code, where decoding for display is normal.

use crate::semantic::extract::scope::text;
use crate::semantic::extract::syntax::NodeExt;
use crate::semantic::extract::values::Ctx;
use crate::semantic::ir::DecodeUse;
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

/// Targets that make the claims the request's identity.
const IDENTITY: &[&str] = &[
    "req.user",
    "req.auth",
    "request.user",
    "ctx.state.user",
    "res.locals.user",
    "req.session.user",
    "ctx.user",
];
/// Claims whose value is an authorisation.
const ROLE_CLAIMS: &[&str] = &[
    "role",
    "roles",
    "isAdmin",
    "admin",
    "permissions",
    "scope",
    "scopes",
    "groups",
];
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

/// Looks at a decode call: the access decision its claims feed, if any, and whether the
/// same function verifies a token.
pub fn analyse(cx: &Ctx<'_, '_>, call: Node<'_>) -> (Option<DecodeUse>, bool) {
    let src = cx.src();
    // What the decoded value is called: `const claims = decode(t)`, `const { role } = …`.
    let mut names: Vec<String> = Vec::new();
    let chain = cx.ancestors(call);
    let mut direct = None;
    for &p in &chain {
        match p.kind() {
            // Wrappers and chains that keep the claims: `await`, casts, `.payload`,
            // `.toString()`, `JSON.parse(…)`.
            "await_expression"
            | "parenthesized_expression"
            | "as_expression"
            | "non_null_expression"
            | "member_expression"
            | "call_expression"
            | "arguments" => continue,
            "variable_declarator" => {
                if let Some(n) = p.field("name") {
                    if n.kind() == "identifier" {
                        names.push(text(n, src).to_string());
                    } else {
                        let mut c = n.walk();
                        for part in n.named_children(&mut c) {
                            let t = text(part, src);
                            names.push(t.rsplit(':').next().unwrap_or(t).trim().to_string());
                        }
                    }
                }
            }
            "assignment_expression" => {
                let left = p.field("left").map(|l| text(l, src)).unwrap_or("");
                if IDENTITY.contains(&left) {
                    direct = Some(format!("is assigned to `{left}`"));
                } else {
                    names.push(left.to_string());
                }
            }
            _ => {}
        }
        break;
    }
    let Some(func) = enclosing_function(&chain) else {
        return (
            direct.map(|what| DecodeUse {
                what,
                at: cx.loc(call),
            }),
            false,
        );
    };
    let (start, end) = (func.start_byte(), func.end_byte());
    // Verified in the same function: any verify-like call other than this one.
    let first = cx.index.calls.partition_point(|c| c.start_byte() < start);
    let mut verified = false;
    let mut lookup = None;
    for &c in &cx.index.calls[first..] {
        if c.start_byte() > end {
            break;
        }
        let Some(callee) = c.field("function") else {
            continue;
        };
        let name = text(callee, src).rsplit('.').next().unwrap_or("");
        let lower = name.to_ascii_lowercase();
        if c.id() != call.id() && lower.contains("verify") {
            verified = true;
        }
        if LOOKUPS.contains(&name) && lookup.is_none() {
            let args = c.field("arguments").map(|a| text(a, src)).unwrap_or("");
            if names.iter().any(|n| mentions(args, n)) {
                lookup = Some((format!("loads a user (`{name}`)"), cx.loc(c)));
            }
        }
    }
    if let Some(what) = direct {
        return (
            Some(DecodeUse {
                what,
                at: cx.loc(call),
            }),
            verified,
        );
    }
    // Assigned to the request's identity, or a role claim read.
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
        if IDENTITY.contains(&left) && names.iter().any(|n| mentions(right, n)) {
            return (
                Some(DecodeUse {
                    what: format!("is assigned to `{left}`"),
                    at: cx.loc(a),
                }),
                verified,
            );
        }
    }
    let body = text(func, src);
    for n in &names {
        for claim in ROLE_CLAIMS {
            if body.contains(&format!("{n}.{claim}")) || (n == claim && mentions(body, n)) {
                return (
                    Some(DecodeUse {
                        what: format!("decides access (`{n}.{claim}`)"),
                        at: cx.loc(call),
                    }),
                    verified,
                );
            }
        }
    }
    (lookup.map(|(what, at)| DecodeUse { what, at }), verified)
}

/// Whether a file is browser code: a client directive, a UI framework import, DOM globals,
/// or a path under a front-end folder.
pub fn is_browser(cx: &Ctx<'_, '_>) -> bool {
    let src = cx.src();
    let head = crate::source::prefix(src, 200);
    if head.contains("'use client'") || head.contains("\"use client\"") {
        return true;
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
    let path = cx
        .path
        .to_string_lossy()
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
