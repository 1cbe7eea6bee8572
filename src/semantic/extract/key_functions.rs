//! Key-lookup functions (`getKey(header, cb)`, jose key functions, passport-jwt's
//! `secretOrKeyProvider`): where the key comes from when a function picks it. An
//! intra-function look at how the token header's `kid`, `jwk`, `jku` and `x5u` are used.

use crate::semantic::extract::scope::text;
use crate::semantic::extract::syntax::NodeExt;
use crate::semantic::extract::values::Ctx;
use crate::semantic::ir::{KeyFlow, KeyFlowKind};
use tree_sitter::Node;

/// Calls that fetch over the network.
const FETCH: &[&str] = &[
    "fetch",
    "get",
    "request",
    "got",
    "createRemoteJWKSet",
    "jwksClient",
    "getJSON",
];
/// File-system reads by path.
const FILE: &[&str] = &[
    "readFileSync",
    "readFile",
    "createReadStream",
    "existsSync",
    "statSync",
];
/// SQL text execution (the first argument is the query).
const SQL: &[&str] = &[
    "query",
    "execute",
    "raw",
    "$queryRawUnsafe",
    "$executeRawUnsafe",
    "unsafe",
    "exec",
];
/// Process execution.
const SHELL: &[&str] = &["execSync", "spawn", "spawnSync", "execFile", "execFileSync"];

fn last_segment(callee: &str) -> &str {
    callee.rsplit('.').next().unwrap_or(callee)
}

/// Whether `haystack` mentions `name` as a whole word.
fn mentions(haystack: &str, name: &str) -> bool {
    haystack.match_indices(name).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + name.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
        !word(before) && !word(after)
    })
}

/// Whether an expression reads a header field: `header.kid`, `protectedHeader['jku']`,
/// `decoded.header.kid`.
fn reads_header_field(expr: &str, field: &str) -> bool {
    let e = expr.to_ascii_lowercase();
    e.contains("header")
        && (e.contains(&format!(".{field}"))
            || e.contains(&format!("['{field}']"))
            || e.contains(&format!("[\"{field}\"]")))
}

/// Analyses one key-lookup function.
pub fn analyse(cx: &Ctx<'_, '_>, func: Node<'_>) -> Vec<KeyFlow> {
    let (start, end) = (func.start_byte(), func.end_byte());
    let body = cx.text(func);
    let src = cx.src();
    // Names bound from header fields: `const { kid } = header`, `const id = header.kid`.
    let mut tainted: Vec<(String, &'static str)> = Vec::new();
    let params_header = func
        .field("parameters")
        .and_then(|p| p.named_child(0))
        .map(|p| text(p, src).to_ascii_lowercase().contains("header"))
        .unwrap_or(false);
    for field in ["kid", "jku", "x5u"] {
        let mut cursor = func.walk();
        let mut stack = vec![func];
        while let Some(n) = stack.pop() {
            if n.kind() == "variable_declarator" {
                if let (Some(name), Some(init)) = (n.field("name"), n.field("value")) {
                    let init_text = text(init, src);
                    let name_text = text(name, src);
                    let from_header = reads_header_field(init_text, field)
                        || (name.kind() == "object_pattern"
                            && mentions(name_text, field)
                            && init_text.to_ascii_lowercase().contains("header"));
                    if from_header {
                        let bound = if name.kind() == "identifier" {
                            name_text
                        } else {
                            field
                        };
                        tainted.push((
                            bound.to_string(),
                            if field == "kid" { "kid" } else { "url" },
                        ));
                    }
                }
            }
            for c in n.named_children(&mut cursor) {
                stack.push(c);
            }
        }
    }
    let uses = |arg: &str, kind: &str, field: &str| {
        reads_header_field(arg, field)
            || tainted.iter().any(|(n, k)| *k == kind && mentions(arg, n))
    };
    let mut out = Vec::new();
    // `header.jwk` in a key function: the token supplies its own key.
    if reads_header_field(body, "jwk") || (params_header && body.contains(".jwk")) {
        out.push(KeyFlow {
            kind: KeyFlowKind::EmbeddedJwk,
            at: cx.loc(func),
        });
    }
    let first = cx.index.calls.partition_point(|c| c.start_byte() < start);
    for &call in &cx.index.calls[first..] {
        if call.start_byte() > end {
            break;
        }
        let Some(callee) = call.field("function") else {
            continue;
        };
        let callee_text = text(callee, src);
        let name = last_segment(callee_text);
        let args = cx.args(call);
        let arg_texts: Vec<&str> = args.iter().map(|a| text(*a, src)).collect();
        let any_arg = |kind: &str, field: &str| arg_texts.iter().any(|a| uses(a, kind, field));
        if FETCH.contains(&name) && (any_arg("url", "jku") || any_arg("url", "x5u")) {
            out.push(KeyFlow {
                kind: KeyFlowKind::HeaderUrl,
                at: cx.loc(call),
            });
        }
        let sink = if FILE.contains(&name) || callee_text == "require" || callee.kind() == "import"
        {
            Some(if FILE.contains(&name) {
                "a file path"
            } else {
                "a module path"
            })
        } else if SHELL.contains(&name)
            || (callee_text.ends_with("child_process.exec") || callee_text == "exec")
                && !args.is_empty()
        {
            Some("a shell command")
        } else {
            None
        };
        if let Some(what) = sink {
            if any_arg("kid", "kid") {
                out.push(KeyFlow {
                    kind: KeyFlowKind::KidInjection(what),
                    at: cx.loc(call),
                });
            }
            continue;
        }
        // SQL: only query text built from the kid; bound parameters are safe.
        if SQL.contains(&name) {
            if let Some(q) = args.first() {
                let built = matches!(q.kind(), "template_string" | "binary_expression");
                if built && uses(text(*q, src), "kid", "kid") {
                    out.push(KeyFlow {
                        kind: KeyFlowKind::KidInjection("SQL text"),
                        at: cx.loc(call),
                    });
                }
            }
        }
    }
    out
}
