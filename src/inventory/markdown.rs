//! The token map as Markdown: a summary, one table per role, the flows, and the mermaid
//! diagram (GitHub renders it).

use super::{Entry, FlowKind, Inventory, Role};

/// A table cell: pipes escaped and lines joined, so a value cannot break the table.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn code(s: &str) -> String {
    if s.is_empty() || s.contains('`') {
        cell(s)
    } else {
        format!("`{}`", cell(s))
    }
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map_or("—".into(), cell)
}

fn table(out: &mut String, title: &str, head: &[&str], rows: Vec<Vec<String>>) {
    if rows.is_empty() {
        return;
    }
    out.push_str(&format!("## {title}\n\n| {} |\n|", head.join(" | ")));
    out.push_str(&"---|".repeat(head.len()));
    out.push('\n');
    for r in rows {
        out.push_str(&format!("| {} |\n", r.join(" | ")));
    }
    out.push('\n');
}

fn where_(e: &Entry) -> String {
    let mut s = code(&e.place());
    if let Some(v) = &e.via {
        s.push_str(&format!(" (via {})", code(v)));
    }
    s
}

fn service(inv: &Inventory, e: &Entry) -> String {
    cell(inv.service(&e.service).map_or(&e.service, |s| &s.name))
}

fn key(e: &Entry) -> String {
    e.key.as_ref().map_or("—".into(), |k| cell(&k.shown()))
}

fn rows(inv: &Inventory, role: Role, row: impl Fn(&Entry) -> Vec<String>) -> Vec<Vec<String>> {
    inv.entries
        .iter()
        .filter(|e| e.role == role)
        .map(|e| {
            let mut r = vec![where_(e), service(inv, e)];
            r.extend(row(e));
            r
        })
        .collect()
}

pub fn render(inv: &Inventory) -> String {
    let mut out = String::from("# Token map\n\n");
    let n = |role, what| crate::report::plural(inv.count(role), what);
    out.push_str(&format!(
        "{}; {}, {}, {}, {}, {}, {}; {}.\n\n",
        crate::report::plural(inv.services.len(), "service"),
        n(Role::Issue, "issuer"),
        n(Role::Verify, "verifier"),
        n(Role::Decode, "decode"),
        n(Role::Config, "module configuration"),
        n(Role::Store, "browser storage write"),
        n(Role::Cookie, "cookie"),
        crate::report::plural(inv.flows.len(), "flow"),
    ));
    let services = inv
        .services
        .iter()
        .map(|s| {
            let c = |role| {
                inv.entries
                    .iter()
                    .filter(|e| e.service == s.id && e.role == role)
                    .count()
                    .to_string()
            };
            vec![
                cell(&s.name),
                code(&s.id),
                c(Role::Issue),
                c(Role::Verify),
                c(Role::Decode),
                c(Role::Store),
                c(Role::Cookie),
            ]
        })
        .collect();
    table(
        &mut out,
        "Services",
        &[
            "service", "folder", "issue", "verify", "decode", "store", "cookie",
        ],
        services,
    );
    let lib = |e: &Entry| e.library.unwrap_or("—").to_string();
    table(
        &mut out,
        "Issued",
        &[
            "where",
            "service",
            "library",
            "algorithm",
            "key",
            "lifetime",
            "audience",
            "issuer",
            "kind",
        ],
        rows(inv, Role::Issue, |e| {
            vec![
                lib(e),
                cell(&e.algorithms_shown()),
                key(e),
                opt(&e.lifetime),
                opt(&e.audience),
                opt(&e.issuer),
                e.token_kind.into(),
            ]
        }),
    );
    table(
        &mut out,
        "Verified",
        &[
            "where",
            "service",
            "library",
            "algorithms",
            "key",
            "audience",
            "issuer",
            "kind",
        ],
        rows(inv, Role::Verify, |e| {
            vec![
                lib(e),
                cell(&e.algorithms_shown()),
                key(e),
                opt(&e.audience),
                opt(&e.issuer),
                e.token_kind.into(),
            ]
        }),
    );
    table(
        &mut out,
        "Module configuration",
        &[
            "where",
            "service",
            "library",
            "algorithms",
            "key",
            "lifetime",
            "verifies",
        ],
        rows(inv, Role::Config, |e| {
            vec![
                lib(e),
                cell(&e.algorithms_shown()),
                key(e),
                opt(&e.lifetime),
                if e.is_verifier() { "yes" } else { "no" }.into(),
            ]
        }),
    );
    table(
        &mut out,
        "Decoded without verification",
        &["where", "service", "library", "call"],
        rows(inv, Role::Decode, |e| vec![lib(e), code(&e.api)]),
    );
    table(
        &mut out,
        "Stored in the browser",
        &["where", "service", "storage", "kind"],
        rows(inv, Role::Store, |e| {
            vec![opt(&e.target), e.token_kind.into()]
        }),
    );
    table(
        &mut out,
        "Set as cookies",
        &["where", "service", "cookie", "call", "attributes", "kind"],
        rows(inv, Role::Cookie, |e| {
            let attrs = if e.attributes.is_empty() {
                "none".to_string()
            } else {
                e.attributes.join(", ")
            };
            vec![
                opt(&e.target),
                code(&e.api),
                cell(&attrs),
                e.token_kind.into(),
            ]
        }),
    );
    let place = |id: &str| {
        inv.entry(id).map_or_else(
            || cell(id),
            |e| format!("{} {}", e.role.as_str(), code(&e.place())),
        )
    };
    let flows = inv
        .flows
        .iter()
        .map(|f| {
            let how = match f.kind {
                FlowKind::SameKey => format!(
                    "accepted: same key ({})",
                    cell(f.key.as_deref().unwrap_or("?"))
                ),
                FlowKind::KeyPair => format!(
                    "accepted: key pair ({})",
                    cell(f.key.as_deref().unwrap_or("?"))
                ),
                FlowKind::Stored => "stored in the browser".into(),
                FlowKind::Cookie => "sent as a cookie".into(),
            };
            vec![place(&f.from), place(&f.to), how]
        })
        .collect();
    table(&mut out, "Flows", &["from", "to", "how"], flows);
    if inv
        .entries
        .iter()
        .any(|e| e.role == Role::Issue || e.is_verifier())
    {
        out.push_str("## Diagram\n\n```mermaid\n");
        out.push_str(&super::mermaid::render(inv));
        out.push_str("```\n");
    } else if inv.entries.is_empty() {
        out.push_str("No token is issued, verified, decoded, stored or set here.\n");
    }
    out
}
