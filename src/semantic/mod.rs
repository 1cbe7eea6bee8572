//! The facts stage: from a parse tree to `FileFacts` (DESIGN.md §2).

pub mod calls;
pub mod duration;
pub mod ir;
pub mod libraries;
pub mod scope;
pub mod syntax;
pub mod token_kind;
pub mod value;
pub mod values;

use crate::parse::Lang;
use crate::source::Source;
use ir::FileFacts;
use std::path::PathBuf;
use std::sync::Arc;
use tree_sitter::Tree;

/// Extracts the facts of one parsed file; the tree can be dropped afterwards.
pub fn extract(source: &Source, tree: &Tree, lang: Lang, path: Arc<PathBuf>) -> FileFacts {
    syntax::set_current(lang);
    let root = tree.root_node();
    let index = scope::FileIndex::build(root, &source.text, lang);
    let cx = values::Ctx {
        source,
        index: &index,
        root,
        path,
    };
    calls::collect(&cx)
}
