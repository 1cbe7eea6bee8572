//! Fast access to the tree: field lookups by id instead of by name (tree-sitter's
//! `child_by_field_name` scans every field name of the grammar with `strncmp`), and a
//! per-grammar table that classifies node kinds by id for the one full-tree pass.

use crate::parse::Lang;
use std::cell::Cell;
use std::sync::OnceLock;
use tree_sitter::{Language, Node};

/// The field names the facts stage uses, in a fixed order.
const FIELDS: &[&str] = &[
    "name",
    "left",
    "property",
    "value",
    "object",
    "right",
    "key",
    "type",
    "index",
    "source",
    "pattern",
    "parameters",
    "parameter",
    "kind",
    "function",
    "body",
    "operator",
    "constructor",
    "arguments",
    "argument",
    "alias",
];

fn field_index(name: &str) -> Option<usize> {
    Some(match name {
        "name" => 0,
        "left" => 1,
        "property" => 2,
        "value" => 3,
        "object" => 4,
        "right" => 5,
        "key" => 6,
        "type" => 7,
        "index" => 8,
        "source" => 9,
        "pattern" => 10,
        "parameters" => 11,
        "parameter" => 12,
        "kind" => 13,
        "function" => 14,
        "body" => 15,
        "operator" => 16,
        "constructor" => 17,
        "arguments" => 18,
        "argument" => 19,
        "alias" => 20,
        _ => return None,
    })
}

/// What the scope pass needs to know about a node kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Other,
    /// Opens a function scope (functions, arrows, methods).
    Function,
    /// Opens a block scope.
    Block,
    /// Declares something or is collected (declarations, imports, calls, assignments).
    Interesting,
}

pub struct Grammar {
    fields: Vec<Option<std::num::NonZeroU16>>,
    classes: Vec<Class>,
}

fn classify(kind: &str) -> Class {
    match kind {
        "function_declaration"
        | "function_expression"
        | "function"
        | "generator_function_declaration"
        | "generator_function"
        | "arrow_function"
        | "method_definition" => Class::Function,
        "statement_block" | "for_statement" | "for_in_statement" | "catch_clause"
        | "class_static_block" | "switch_body" => Class::Block,
        "lexical_declaration"
        | "variable_declaration"
        | "class_declaration"
        | "abstract_class_declaration"
        | "enum_declaration"
        | "import_statement"
        | "call_expression"
        | "new_expression"
        | "assignment_expression"
        | "augmented_assignment_expression"
        | "update_expression"
        | "export_statement"
        | "comment"
        | "string" => Class::Interesting,
        _ => Class::Other,
    }
}

impl Grammar {
    fn new(language: &Language) -> Grammar {
        let fields = FIELDS
            .iter()
            .map(|f| language.field_id_for_name(f))
            .collect();
        let classes = (0..language.node_kind_count() as u16)
            .map(|id| language.node_kind_for_id(id).map_or(Class::Other, classify))
            .collect();
        Grammar { fields, classes }
    }

    pub fn class(&self, node: Node<'_>) -> Class {
        self.classes
            .get(node.kind_id() as usize)
            .copied()
            .unwrap_or(Class::Other)
    }
}

static GRAMMARS: OnceLock<[Grammar; 3]> = OnceLock::new();

thread_local! {
    static CURRENT: Cell<Option<Lang>> = const { Cell::new(None) };
}

pub fn grammar(lang: Lang) -> &'static Grammar {
    let all = GRAMMARS.get_or_init(|| {
        [
            Grammar::new(&Lang::JavaScript.language()),
            Grammar::new(&Lang::TypeScript.language()),
            Grammar::new(&Lang::Tsx.language()),
        ]
    });
    &all[lang as usize]
}

/// Sets the grammar of the tree this thread is about to read. Field lookups on nodes of
/// another grammar would be wrong, so the facts stage sets it per file.
pub fn set_current(lang: Lang) {
    CURRENT.with(|c| c.set(Some(lang)));
}

pub trait NodeExt<'t> {
    /// `child_by_field_name`, by cached field id.
    fn field(&self, name: &'static str) -> Option<Node<'t>>;
}

impl<'t> NodeExt<'t> for Node<'t> {
    fn field(&self, name: &'static str) -> Option<Node<'t>> {
        let id = CURRENT.with(|c| c.get()).and_then(|lang| {
            let idx = field_index(name)?;
            Some(grammar(lang).fields[idx])
        });
        match id {
            Some(Some(id)) => self.child_by_field_id(id.get()),
            // The grammar has no such field.
            Some(None) => None,
            None => self.child_by_field_name(name),
        }
    }
}

/// The ancestors of `node` below `root` (root included), innermost first, found in one
/// descent from the root. tree-sitter's `parent()` searches down from the root on every
/// call, so walking up with it costs depth² and a deeply nested file would stall a run.
pub fn ancestors<'t>(root: Node<'t>, node: Node<'t>) -> Vec<Node<'t>> {
    let mut chain = Vec::new();
    let mut cur = root;
    while cur.id() != node.id() {
        chain.push(cur);
        match cur.child_with_descendant(node) {
            Some(next) if next.id() != cur.id() => cur = next,
            _ => break,
        }
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_innermost_first() {
        let tree = crate::parse::parse(Lang::JavaScript, "f(() => { g(x); });").unwrap();
        let root = tree.root_node();
        let x = root.descendant_for_byte_range(12, 13).unwrap();
        assert_eq!(x.kind(), "identifier");
        let kinds: Vec<&str> = ancestors(root, x).iter().map(|n| n.kind()).collect();
        let mut expected = Vec::new();
        let mut cur = x.parent();
        while let Some(n) = cur {
            expected.push(n.kind());
            cur = n.parent();
        }
        assert_eq!(kinds, expected);
        assert!(ancestors(root, root).is_empty());
    }

    #[test]
    fn field_lookup_by_id_matches_lookup_by_name() {
        for lang in [Lang::JavaScript, Lang::TypeScript, Lang::Tsx] {
            let tree = crate::parse::parse(lang, "const a = f(b); x.y = z;").unwrap();
            set_current(lang);
            let root = tree.root_node();
            let decl = root.named_child(0).unwrap().named_child(0).unwrap();
            assert_eq!(decl.field("name"), decl.child_by_field_name("name"));
            assert_eq!(decl.field("value"), decl.child_by_field_name("value"));
            assert!(decl.field("value").is_some());
            assert_eq!(
                grammar(lang).class(decl.field("value").unwrap()),
                Class::Interesting
            );
        }
    }
}
