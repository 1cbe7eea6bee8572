//! The token map as a mermaid flowchart: services are subgraphs, issuers and verifiers
//! (and the storage writes and cookies issued tokens reach) are nodes labelled with
//! `file:line`, library, algorithm and lifetime, and flows are edges. GitHub renders it in
//! Markdown, so the markdown format embeds it.

use super::{Entry, FlowKind, Inventory, Role};
use std::collections::HashMap;

/// Mermaid text inside a quoted label: quotes and markup characters as entities, so a file
/// name or an audience cannot end the label or the diagram.
fn label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The places drawn: issuers, verifiers, and every place a flow reaches.
fn drawn(inv: &Inventory) -> Vec<&Entry> {
    inv.entries
        .iter()
        .filter(|e| {
            matches!(e.role, Role::Issue)
                || e.is_verifier()
                || inv.flows.iter().any(|f| f.to == e.id)
        })
        .collect()
}

fn node_text(e: &Entry) -> String {
    let mut lines = vec![format!("{} {}", e.role.as_str(), e.place())];
    let mut second = Vec::new();
    if let Some(lib) = e.library {
        second.push(lib.to_string());
    }
    match e.role {
        Role::Issue | Role::Verify | Role::Config => second.push(e.algorithms_shown()),
        _ => {}
    }
    if let Some(l) = &e.lifetime {
        second.push(l.clone());
    }
    if let Some(t) = &e.target {
        second.push(t.clone());
    }
    if !second.is_empty() {
        lines.push(second.join(" · "));
    }
    lines
        .iter()
        .map(|l| label(l))
        .collect::<Vec<_>>()
        .join("<br/>")
}

fn node(id: &str, e: &Entry) -> String {
    let text = node_text(e);
    match e.role {
        Role::Issue => format!("{id}[\"{text}\"]"),
        Role::Store => format!("{id}[(\"{text}\")]"),
        Role::Cookie => format!("{id}>\"{text}\"]"),
        _ => format!("{id}([\"{text}\"])"),
    }
}

pub fn render(inv: &Inventory) -> String {
    let mut out = String::from("flowchart LR\n");
    let nodes = drawn(inv);
    let ids: HashMap<&str, String> = nodes
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), format!("n{}", i + 1)))
        .collect();
    for (i, svc) in inv.services.iter().enumerate() {
        let members: Vec<&&Entry> = nodes.iter().filter(|e| e.service == svc.id).collect();
        if members.is_empty() {
            continue;
        }
        let title = if svc.name == svc.id {
            svc.name.clone()
        } else {
            format!("{} ({})", svc.name, svc.id)
        };
        out.push_str(&format!("  subgraph s{}[\"{}\"]\n", i + 1, label(&title)));
        for e in members {
            out.push_str(&format!("    {}\n", node(&ids[e.id.as_str()], e)));
        }
        out.push_str("  end\n");
    }
    for f in &inv.flows {
        let (Some(from), Some(to)) = (ids.get(f.from.as_str()), ids.get(f.to.as_str())) else {
            continue;
        };
        let edge = match f.kind {
            FlowKind::SameKey => format!(
                "{from} -- \"{}\" --> {to}",
                label(f.key.as_deref().unwrap_or("same key"))
            ),
            FlowKind::KeyPair => format!(
                "{from} -- \"{}\" --> {to}",
                label(f.key.as_deref().unwrap_or("key pair"))
            ),
            FlowKind::Stored => format!("{from} -. stored .-> {to}"),
            FlowKind::Cookie => format!("{from} -. cookie .-> {to}"),
        };
        out.push_str(&format!("  {edge}\n"));
    }
    out
}
