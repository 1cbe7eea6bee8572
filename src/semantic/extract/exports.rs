//! What a file exports, as values: ESM `export` forms, CommonJS `module.exports` and
//! `exports.x`, re-exports, TypeScript enums.

use crate::semantic::extract::scope::{key_name, string_value};
use crate::semantic::extract::syntax::NodeExt;
use crate::semantic::extract::values::Ctx;
use crate::semantic::modules::Exports;
use crate::semantic::value::Value;
use tree_sitter::Node;

pub fn collect(cx: &Ctx<'_, '_>) -> Exports {
    let mut ex = Exports::default();
    for &node in &cx.index.exports {
        match node.kind() {
            "export_statement" => export_statement(cx, node, &mut ex),
            "assignment_expression" => commonjs(cx, node, &mut ex),
            _ => {}
        }
    }
    ex
}

fn bound_names<'t>(pattern: Node<'t>, out: &mut Vec<Node<'t>>) {
    match pattern.kind() {
        "identifier" => out.push(pattern),
        _ => {
            let mut c = pattern.walk();
            for child in pattern.named_children(&mut c) {
                match child.kind() {
                    "shorthand_property_identifier_pattern" => out.push(child),
                    "pair_pattern" => {
                        if let Some(v) = child.field("value") {
                            bound_names(v, out);
                        }
                    }
                    _ => bound_names(child, out),
                }
            }
        }
    }
}

fn export_statement<'t>(cx: &Ctx<'_, 't>, node: Node<'t>, ex: &mut Exports) {
    let source = node.field("source").and_then(|s| string_value(s, cx.src()));
    let is_default = {
        let mut c = node.walk();
        let r = node.children(&mut c).any(|n| n.kind() == "default");
        r
    };
    if let Some(decl) = node.field("declaration") {
        match decl.kind() {
            "lexical_declaration" | "variable_declaration" => {
                let mut c = decl.walk();
                for d in decl
                    .named_children(&mut c)
                    .filter(|d| d.kind() == "variable_declarator")
                {
                    let mut names = Vec::new();
                    if let Some(n) = d.field("name") {
                        bound_names(n, &mut names);
                    }
                    for n in names {
                        ex.named.push((cx.text(n).to_string(), cx.eval(n)));
                    }
                }
            }
            _ => {
                let name = decl.field("name").map(|n| cx.text(n).to_string());
                let value = match decl.kind() {
                    "enum_declaration" => cx.eval_enum(decl),
                    k if k.contains("function") => Value::Function { at: cx.loc(decl) },
                    _ => Value::Unknown,
                };
                if is_default {
                    ex.default = Some(value);
                } else if let Some(name) = name {
                    ex.named.push((name, value));
                }
            }
        }
        return;
    }
    if is_default {
        if let Some(v) = node.field("value") {
            ex.default = Some(cx.eval(v));
        }
        return;
    }
    let target = source.as_deref().and_then(|s| cx.resolve_module(s));
    let mut c = node.walk();
    for child in node.named_children(&mut c) {
        match child.kind() {
            "export_clause" => {
                let mut c2 = child.walk();
                for spec in child
                    .named_children(&mut c2)
                    .filter(|s| s.kind() == "export_specifier")
                {
                    let Some(name) = spec.field("name") else {
                        continue;
                    };
                    let local = key_name(name, cx.src()).unwrap_or_default();
                    let exported = spec
                        .field("alias")
                        .and_then(|a| key_name(a, cx.src()))
                        .unwrap_or_else(|| local.clone());
                    let value = match (&source, &target) {
                        (Some(_), Some(file)) => Value::Module {
                            file: file.clone(),
                            path: if local == "default" {
                                Vec::new()
                            } else {
                                vec![local]
                            },
                        },
                        // `export { sign } from 'jsonwebtoken'`: the library's member.
                        (Some(module), None) if is_bare(module) => Value::Import {
                            module: module.clone(),
                            path: if local == "default" {
                                Vec::new()
                            } else {
                                vec![local]
                            },
                        },
                        (Some(_), None) => Value::Unknown,
                        (None, _) => cx.eval(name),
                    };
                    if exported == "default" {
                        ex.default = Some(value);
                    } else {
                        ex.named.push((exported, value));
                    }
                }
            }
            "namespace_export" => {
                if let (Some(name), Some(file)) = (child.named_child(0), &target) {
                    let exported = key_name(name, cx.src()).unwrap_or_default();
                    ex.named.push((
                        exported,
                        Value::Module {
                            file: file.clone(),
                            path: Vec::new(),
                        },
                    ));
                }
            }
            _ => {}
        }
    }
    let has_clause = {
        let mut c3 = node.walk();
        let r = node
            .named_children(&mut c3)
            .any(|n| matches!(n.kind(), "export_clause" | "namespace_export"));
        r
    };
    if !has_clause {
        match (target, source) {
            (Some(file), _) => ex.star.push(file),
            // `export * from 'jose'`: every other name is the library's.
            (None, Some(module)) if is_bare(&module) => ex.star_modules.push(module),
            _ => {}
        }
    }
}

/// A package name rather than a path (`jose`, `@nestjs/jwt`, not `./x` or `/abs`).
fn is_bare(spec: &str) -> bool {
    !(spec.starts_with('.') || spec.starts_with('/'))
}

/// `module.exports = …`, `module.exports.x = …`, `exports.x = …`.
fn commonjs<'t>(cx: &Ctx<'_, 't>, node: Node<'t>, ex: &mut Exports) {
    let (Some(left), Some(right)) = (node.field("left"), node.field("right")) else {
        return;
    };
    let target = cx.text(left);
    let name = if target == "module.exports" {
        None
    } else if let Some(n) = target
        .strip_prefix("module.exports.")
        .or_else(|| target.strip_prefix("exports."))
    {
        if n.contains('.') || n.contains('[') {
            return;
        }
        Some(n.to_string())
    } else {
        return;
    };
    let value = cx.eval(right);
    match name {
        Some(n) => ex.named.push((n, value)),
        None => {
            // `const { secret } = require('./config')` reads named exports of the object.
            if let Value::Object(o) = &value {
                for p in &o.props {
                    ex.named.push((p.key.clone(), p.value.clone()));
                }
            }
            ex.default = Some(value);
        }
    }
}
