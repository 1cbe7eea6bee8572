//! The extract stage (DESIGN.md §1): from a parse tree to `FileFacts`. The only stage
//! besides parsing that sees tree-sitter; the tree is dropped when it returns.

pub mod calls;
pub mod decode_use;
pub mod exports;
pub mod key_functions;
pub mod scope;
pub mod syntax;
pub mod values;

use super::{directives, ir, modules, token_literals};
use crate::parse::Lang;
use crate::source::Source;
use ir::FileFacts;
use std::path::PathBuf;
use std::sync::Arc;
use tree_sitter::Tree;

/// Extracts the facts of one parsed file; the tree can be dropped afterwards. With an
/// export table, values imported from other files are resolved on the spot.
pub fn extract(
    source: &Source,
    tree: &Tree,
    lang: Lang,
    path: Arc<PathBuf>,
    files: &modules::FileSet,
) -> FileFacts {
    syntax::set_current(lang);
    let root = tree.root_node();
    let index = scope::FileIndex::build(root, &source.text, lang);
    let cx = values::Ctx {
        source,
        index: &index,
        root,
        path,
        files,
        resolved: Default::default(),
        expanding: Default::default(),
    };
    let mut facts = calls::collect(&cx);
    if facts.may_decode || facts.ops.iter().any(|o| o.kind == ir::OpKind::Decode) {
        facts.browser = decode_use::is_browser(&cx);
    }
    facts.exports = exports::collect(&cx);
    exported_summaries(&cx, &mut facts);
    for s in &index.strings {
        if let Some(value) = scope::string_value(*s, &source.text) {
            if let Some(t) = token_literals::decode(&value) {
                if !token_literals::is_placeholder(&t) {
                    facts.token_literals.push(ir::TokenLiteral {
                        alg: t.alg,
                        at: cx.loc(*s),
                    });
                }
            }
        }
    }
    facts.directives = index
        .directive_comments
        .iter()
        .filter_map(|c| directives::parse(cx.text(*c), c.start_byte(), source, &cx.path))
        .collect();
    for (_, v) in &facts.exports.named {
        v.module_files(&mut facts.export_refs);
    }
    if let Some(d) = &facts.exports.default {
        d.module_files(&mut facts.export_refs);
    }
    facts.export_refs.extend(facts.exports.star.iter().cloned());
    facts.export_refs.sort();
    facts.export_refs.dedup();
    facts.needs.sort();
    facts.needs.dedup();
    facts
}

/// Small exported functions are summarised too: another file may pass one as a callback
/// (`JwtModule.registerAsync({ useFactory: jwtOptionsFactory })` with the factory in a
/// config module). Large ones are not: factories and key lookups are short, and summarising
/// every exported function of a big project would cost a walk of each.
fn exported_summaries(cx: &values::Ctx<'_, '_>, facts: &mut ir::FileFacts) {
    const MAX_BYTES: usize = 4096;
    let mut found: Vec<&crate::finding::Loc> = Vec::new();
    let values = facts
        .exports
        .named
        .iter()
        .map(|(_, v)| v)
        .chain(facts.exports.default.iter());
    for v in values {
        match v {
            super::value::Value::Function { at } => found.push(at),
            super::value::Value::Object(o) => {
                found.extend(o.props.iter().filter_map(|p| match &p.value {
                    super::value::Value::Function { at } => Some(at),
                    _ => None,
                }))
            }
            _ => {}
        }
    }
    let mut summaries = Vec::new();
    for at in found {
        let small = at.span.end_byte.saturating_sub(at.span.start_byte) <= MAX_BYTES;
        let seen = facts.functions.iter().any(|f| f.at.span == at.span);
        if small && !seen && at.path == cx.path {
            summaries.extend(calls::summarise(cx, at));
        }
    }
    facts.functions.extend(summaries);
}
