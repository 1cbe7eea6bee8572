//! Scopes and declarations of one file, so that a name at a position resolves to the
//! declaration it means (shadowing respected), and one pass over the tree that also
//! collects the nodes later stages look at (calls, assignments).

use crate::parse::Lang;
use crate::semantic::extract::syntax::NodeExt;
use crate::semantic::extract::syntax::{grammar, Class, Grammar};
use std::cell::Cell;
use std::collections::HashMap;
use tree_sitter::Node;

/// One step from a destructured value to the bound name.
#[derive(Debug, Clone)]
pub enum PathSeg {
    Prop(String),
    Index(usize),
    /// `...rest`: whatever is left; not followed.
    Rest,
}

#[derive(Debug)]
pub enum DeclKind<'t> {
    /// `const`/`let`/`var` (and destructuring): the bound value is `init` followed along `path`,
    /// or `default` when that is undefined.
    Var {
        constant: bool,
        init: Option<Node<'t>>,
        path: Vec<PathSeg>,
        default: Option<Node<'t>>,
    },
    Param {
        func: Node<'t>,
        index: usize,
        path: Vec<PathSeg>,
        default: Option<Node<'t>>,
        ty: Option<Node<'t>>,
    },
    Import {
        module: String,
        path: Vec<String>,
    },
    Function(Node<'t>),
    Class(Node<'t>),
    Enum(Node<'t>),
    /// Loop variables, catch parameters and the like: nothing known.
    Opaque,
}

#[derive(Debug)]
pub struct Decl<'t> {
    pub kind: DeclKind<'t>,
    pub name: Node<'t>,
    pub reassigned: Cell<bool>,
    /// A property of the bound object is assigned somewhere (`options.expiresIn = …`).
    pub mutated: Cell<bool>,
    /// Some change to the object is not a plain property write (`opts[k] = …`,
    /// `opts.a.b = …`, `opts.n += 1`).
    pub opaque_mutation: Cell<bool>,
}

/// `name.key = value` on a declared object.
#[derive(Debug, Clone, Copy)]
pub struct MemberWrite<'t> {
    pub key: Node<'t>,
    pub value: Node<'t>,
    /// The statement holding the assignment sits in the block that declares the name,
    /// so it runs whenever the declaration does (not inside a branch or a callback).
    pub unconditional: bool,
}

struct Scope<'t> {
    start: usize,
    end: usize,
    parent: Option<usize>,
    is_function: bool,
    decls: HashMap<String, Decl<'t>>,
}

/// The scopes of one file and the nodes collected while building them.
pub struct FileIndex<'t> {
    scopes: Vec<Scope<'t>>,
    /// Every `call_expression` and `new_expression`, in source order.
    pub calls: Vec<Node<'t>>,
    /// Every `assignment_expression`, in source order.
    pub assignments: Vec<Node<'t>>,
    /// `export` statements and CommonJS export assignments, for the link stage.
    pub exports: Vec<Node<'t>>,
    /// Module specifiers the file imports, requires or re-exports from.
    pub module_specs: Vec<String>,
    /// Comments that hold a `jwtlint-disable` directive.
    pub directive_comments: Vec<Node<'t>>,
    /// String literals that may hold a JWT (they contain `eyJ`).
    pub strings: Vec<Node<'t>>,
    /// Plain property writes to declared objects, by the declared name's start byte.
    pub member_writes: std::collections::HashMap<usize, Vec<MemberWrite<'t>>>,
    /// A variable assigned exactly once after a declaration without a value
    /// (`let opts; opts = {…}`), by the declared name's start byte: the assigned value.
    pub single_assignments: std::collections::HashMap<usize, MemberWrite<'t>>,
}

pub fn text<'a>(node: Node<'_>, src: &'a str) -> &'a str {
    src.get(node.byte_range()).unwrap_or("")
}

/// The value of a string literal node, without quotes (escapes kept as written,
/// except the common ones).
pub fn string_value(node: Node<'_>, src: &str) -> Option<String> {
    match node.kind() {
        "string" => {
            let mut out = String::new();
            let mut cursor = node.walk();
            for child in node.named_children(&mut cursor) {
                match child.kind() {
                    "string_fragment" => out.push_str(text(child, src)),
                    "escape_sequence" => out.push_str(&unescape(text(child, src))),
                    _ => {}
                }
            }
            Some(out)
        }
        _ => None,
    }
}

pub fn unescape(esc: &str) -> String {
    match esc {
        "\\n" => "\n".into(),
        "\\t" => "\t".into(),
        "\\r" => "\r".into(),
        "\\\\" => "\\".into(),
        "\\'" => "'".into(),
        "\\\"" => "\"".into(),
        "\\`" => "`".into(),
        other => other.trim_start_matches('\\').to_string(),
    }
}

/// The name a property key node spells, when it is static.
pub fn key_name(node: Node<'_>, src: &str) -> Option<String> {
    match node.kind() {
        "property_identifier"
        | "identifier"
        | "shorthand_property_identifier"
        | "shorthand_property_identifier_pattern"
        | "private_property_identifier"
        | "number" => Some(text(node, src).to_string()),
        "string" => string_value(node, src),
        _ => None,
    }
}

struct Builder<'t, 's> {
    src: &'s str,
    grammar: &'static Grammar,
    index: FileIndex<'t>,
    /// Open scopes (indices into `index.scopes`).
    stack: Vec<usize>,
    writes: Vec<(String, usize)>,
    mutations: Vec<(String, usize)>,
    /// `name.key = value` assignments: name, position, key, value, the statement's parent.
    member_writes: Vec<(String, usize, Node<'t>, Node<'t>, Option<Node<'t>>)>,
    /// Other changes to a bound object.
    opaque_mutations: Vec<(String, usize)>,
    /// `name = value` assignments: name, position, the assignment, the statement's parent.
    assignments: Vec<(String, usize, Node<'t>, Option<Node<'t>>)>,
}

impl<'t, 's> Builder<'t, 's> {
    fn current(&self) -> usize {
        *self.stack.last().expect("program scope is always open")
    }

    fn function_scope(&self) -> usize {
        for &i in self.stack.iter().rev() {
            if self.index.scopes[i].is_function {
                return i;
            }
        }
        self.stack[0]
    }

    fn declare(&mut self, scope: usize, name: Node<'t>, kind: DeclKind<'t>) {
        let key = text(name, self.src).to_string();
        if key.is_empty() {
            return;
        }
        // A later declaration of the same name in the same scope replaces an earlier one.
        self.index.scopes[scope].decls.insert(
            key,
            Decl {
                kind,
                name,
                reassigned: Cell::new(false),
                mutated: Cell::new(false),
                opaque_mutation: Cell::new(false),
            },
        );
    }

    fn open(&mut self, node: Node<'t>, is_function: bool) {
        let parent = self.stack.last().copied();
        self.index.scopes.push(Scope {
            start: node.start_byte(),
            end: node.end_byte(),
            parent,
            is_function,
            decls: HashMap::new(),
        });
        self.stack.push(self.index.scopes.len() - 1);
    }

    /// Binds every name in a pattern. `make` builds the declaration for one name.
    fn bind_pattern(
        &mut self,
        scope: usize,
        pattern: Node<'t>,
        path: Vec<PathSeg>,
        default: Option<Node<'t>>,
        make: &dyn Fn(Vec<PathSeg>, Option<Node<'t>>) -> DeclKind<'t>,
    ) {
        match pattern.kind() {
            "identifier" | "shorthand_property_identifier_pattern" => {
                let kind = make(path, default);
                self.declare(scope, pattern, kind);
            }
            "object_pattern" => {
                let mut cursor = pattern.walk();
                let children: Vec<Node<'t>> = pattern.named_children(&mut cursor).collect();
                for child in children {
                    match child.kind() {
                        "shorthand_property_identifier_pattern" => {
                            let mut p = path.clone();
                            p.push(PathSeg::Prop(text(child, self.src).to_string()));
                            self.bind_pattern(scope, child, p, None, make);
                        }
                        "object_assignment_pattern" => {
                            let (Some(left), right) = (child.field("left"), child.field("right"))
                            else {
                                continue;
                            };
                            let mut p = path.clone();
                            if left.kind() == "shorthand_property_identifier_pattern" {
                                p.push(PathSeg::Prop(text(left, self.src).to_string()));
                            }
                            self.bind_pattern(scope, left, p, right, make);
                        }
                        "pair_pattern" => {
                            let (Some(key), Some(value)) =
                                (child.field("key"), child.field("value"))
                            else {
                                continue;
                            };
                            let mut p = path.clone();
                            match key_name(key, self.src) {
                                Some(k) => p.push(PathSeg::Prop(k)),
                                None => p.push(PathSeg::Rest),
                            }
                            self.bind_pattern(scope, value, p, None, make);
                        }
                        "rest_pattern" => {
                            if let Some(inner) = child.named_child(0) {
                                let mut p = path.clone();
                                p.push(PathSeg::Rest);
                                self.bind_pattern(scope, inner, p, None, make);
                            }
                        }
                        _ => {}
                    }
                }
            }
            "array_pattern" => {
                let mut cursor = pattern.walk();
                let children: Vec<Node<'t>> = pattern.named_children(&mut cursor).collect();
                for (i, child) in children.into_iter().enumerate() {
                    let mut p = path.clone();
                    if child.kind() == "rest_pattern" {
                        p.push(PathSeg::Rest);
                        if let Some(inner) = child.named_child(0) {
                            self.bind_pattern(scope, inner, p, None, make);
                        }
                    } else {
                        p.push(PathSeg::Index(i));
                        self.bind_pattern(scope, child, p, None, make);
                    }
                }
            }
            "assignment_pattern" => {
                if let Some(left) = pattern.field("left") {
                    let right = pattern.field("right");
                    self.bind_pattern(scope, left, path, right, make);
                }
            }
            "rest_pattern" => {
                if let Some(inner) = pattern.named_child(0) {
                    let mut p = path;
                    p.push(PathSeg::Rest);
                    self.bind_pattern(scope, inner, p, None, make);
                }
            }
            _ => {}
        }
    }

    fn bind_params(&mut self, func: Node<'t>) {
        let scope = self.current();
        if let Some(single) = func.field("parameter") {
            self.bind_param(scope, func, 0, single, None);
            return;
        }
        let Some(params) = func.field("parameters") else {
            return;
        };
        let mut cursor = params.walk();
        let list: Vec<Node<'t>> = params
            .named_children(&mut cursor)
            .filter(|n| !matches!(n.kind(), "comment" | "decorator"))
            .collect();
        for (i, p) in list.into_iter().enumerate() {
            match p.kind() {
                "required_parameter" | "optional_parameter" => {
                    let ty = p.field("type").and_then(|t| t.named_child(0));
                    let default = p.field("value");
                    if let Some(pat) = p.field("pattern") {
                        self.bind_param_typed(scope, func, i, pat, default, ty);
                    }
                }
                _ => self.bind_param(scope, func, i, p, None),
            }
        }
    }

    fn bind_param(
        &mut self,
        scope: usize,
        func: Node<'t>,
        index: usize,
        pat: Node<'t>,
        default: Option<Node<'t>>,
    ) {
        self.bind_param_typed(scope, func, index, pat, default, None)
    }

    fn bind_param_typed(
        &mut self,
        scope: usize,
        func: Node<'t>,
        index: usize,
        pat: Node<'t>,
        default: Option<Node<'t>>,
        ty: Option<Node<'t>>,
    ) {
        let make = move |path: Vec<PathSeg>, d: Option<Node<'t>>| DeclKind::Param {
            func,
            index,
            path,
            default: d,
            ty,
        };
        self.bind_pattern(scope, pat, Vec::new(), default, &make);
    }

    fn on_enter(&mut self, node: Node<'t>) {
        if self.grammar.class(node) == Class::Other {
            return;
        }
        let kind = node.kind();
        match kind {
            "lexical_declaration" | "variable_declaration" => {
                let constant = kind == "lexical_declaration"
                    && node
                        .field("kind")
                        .is_some_and(|k| text(k, self.src) == "const");
                let scope = if kind == "variable_declaration" {
                    self.function_scope()
                } else {
                    self.current()
                };
                let mut cursor = node.walk();
                let decls: Vec<Node<'t>> = node
                    .named_children(&mut cursor)
                    .filter(|c| c.kind() == "variable_declarator")
                    .collect();
                for d in decls {
                    let Some(name) = d.field("name") else {
                        continue;
                    };
                    let init = d.field("value");
                    let make = move |path: Vec<PathSeg>, default: Option<Node<'t>>| DeclKind::Var {
                        constant,
                        init,
                        path,
                        default,
                    };
                    self.bind_pattern(scope, name, Vec::new(), None, &make);
                }
            }
            "function_declaration" | "generator_function_declaration" => {
                if let Some(name) = node.field("name") {
                    let scope = self.current();
                    self.declare(scope, name, DeclKind::Function(node));
                }
            }
            "class_declaration" | "abstract_class_declaration" => {
                if let Some(name) = node.field("name") {
                    let scope = self.current();
                    self.declare(scope, name, DeclKind::Class(node));
                }
            }
            "enum_declaration" => {
                if let Some(name) = node.field("name") {
                    let scope = self.current();
                    self.declare(scope, name, DeclKind::Enum(node));
                }
            }
            "import_statement" => self.on_import(node),
            "string" if text(node, self.src).contains("eyJ") => self.index.strings.push(node),
            "comment"
                if text(node, self.src).contains("jwtlint-disable")
                    || text(node, self.src).contains("jwtlint-enable") =>
            {
                self.index.directive_comments.push(node);
            }
            "call_expression" | "new_expression" => {
                self.index.calls.push(node);
                // `Object.assign(target, …)` changes `target` in ways the evaluator does not follow.
                if let (Some(f), Some(args)) = (node.field("function"), node.field("arguments")) {
                    if text(f, self.src) == "Object.assign" {
                        if let Some(t) = args.named_child(0).filter(|t| t.kind() == "identifier") {
                            let name = text(t, self.src).to_string();
                            self.mutations.push((name.clone(), t.start_byte()));
                            self.opaque_mutations.push((name, t.start_byte()));
                        }
                    }
                }
                // `require('./x')` and `import('./x')`.
                if let (Some(f), Some(args)) = (node.field("function"), node.field("arguments")) {
                    if matches!(f.kind(), "import" | "identifier")
                        && (f.kind() == "import" || text(f, self.src) == "require")
                    {
                        if let Some(spec) =
                            args.named_child(0).and_then(|a| string_value(a, self.src))
                        {
                            self.index.module_specs.push(spec);
                        }
                    }
                }
            }
            "assignment_expression" => {
                self.index.assignments.push(node);
                if let Some(left) = node.field("left") {
                    self.note_write(left);
                    self.note_member_write(node, left);
                    if left.kind() == "identifier" {
                        let statement =
                            node.parent().filter(|p| p.kind() == "expression_statement");
                        self.assignments.push((
                            text(left, self.src).to_string(),
                            left.start_byte(),
                            node,
                            statement.and_then(|s| s.parent()),
                        ));
                    }
                    if is_commonjs_export(left, self.src) {
                        self.index.exports.push(node);
                    }
                }
            }
            "augmented_assignment_expression" => {
                if let Some(left) = node.field("left") {
                    self.note_write(left);
                }
            }
            "update_expression" => {
                if let Some(arg) = node.field("argument") {
                    self.note_write(arg);
                }
            }
            "export_statement" => {
                self.index.exports.push(node);
                if let Some(spec) = node.field("source").and_then(|s| string_value(s, self.src)) {
                    self.index.module_specs.push(spec);
                }
            }
            _ => {}
        }
        let class = self.grammar.class(node);
        if class == Class::Function {
            self.open(node, true);
            if let Some(name) = node.field("name") {
                if matches!(
                    kind,
                    "function_expression" | "function" | "generator_function"
                ) {
                    let scope = self.current();
                    self.declare(scope, name, DeclKind::Function(node));
                }
            }
            self.bind_params(node);
        } else if class == Class::Block {
            self.open(node, false);
            let scope = self.current();
            match kind {
                "catch_clause" => {
                    if let Some(p) = node.field("parameter") {
                        self.bind_pattern(scope, p, Vec::new(), None, &|_, _| DeclKind::Opaque);
                    }
                }
                "for_in_statement" if node.field("kind").is_some() => {
                    if let Some(left) = node.field("left") {
                        self.bind_pattern(scope, left, Vec::new(), None, &|_, _| DeclKind::Opaque);
                    }
                }
                _ => {}
            }
        }
    }

    /// Sorts a write to a bound object's property: a plain `name.key = value`, or something
    /// else the evaluator cannot follow.
    fn note_member_write(&mut self, assign: Node<'t>, left: Node<'t>) {
        if !matches!(left.kind(), "member_expression" | "subscript_expression") {
            return;
        }
        let object = left.field("object");
        let plain = left.kind() == "member_expression"
            && object.is_some_and(|o| o.kind() == "identifier")
            && left
                .field("property")
                .is_some_and(|p| p.kind() == "property_identifier");
        match (plain, object, left.field("property"), assign.field("right")) {
            (true, Some(o), Some(key), Some(value)) => {
                let statement = assign
                    .parent()
                    .filter(|p| p.kind() == "expression_statement");
                self.member_writes.push((
                    text(o, self.src).to_string(),
                    o.start_byte(),
                    key,
                    value,
                    statement.and_then(|s| s.parent()),
                ));
            }
            _ => {
                let mut base = left;
                while let Some(o) = base.field("object") {
                    base = o;
                }
                if base.kind() == "identifier" {
                    self.opaque_mutations
                        .push((text(base, self.src).to_string(), base.start_byte()));
                }
            }
        }
    }

    fn note_write(&mut self, target: Node<'t>) {
        match target.kind() {
            // `obj.prop = …` / `obj[k] = …`: the object bound to `obj` changes.
            "member_expression" | "subscript_expression" => {
                let mut base = target;
                while let Some(o) = base.field("object") {
                    base = o;
                }
                if base.kind() == "identifier" {
                    self.mutations
                        .push((text(base, self.src).to_string(), base.start_byte()));
                }
            }
            "identifier" => self
                .writes
                .push((text(target, self.src).to_string(), target.start_byte())),
            "parenthesized_expression" => {
                if let Some(inner) = target.named_child(0) {
                    self.note_write(inner);
                }
            }
            "object_pattern" | "array_pattern" => {
                let pos = target.start_byte();
                let mut names = Vec::new();
                collect_pattern_names(target, self.src, &mut names);
                for n in names {
                    self.writes.push((n, pos));
                }
            }
            _ => {}
        }
    }

    fn on_import(&mut self, node: Node<'t>) {
        if let Some(spec) = node.field("source").and_then(|s| string_value(s, self.src)) {
            self.index.module_specs.push(spec);
        }
        let scope = self.stack[0];
        let mut cursor = node.walk();
        let children: Vec<Node<'t>> = node.named_children(&mut cursor).collect();
        // TS `import x = require('m')` keeps its source inside the clause.
        for child in &children {
            if child.kind() != "import_require_clause" {
                continue;
            }
            let module = child
                .field("source")
                .and_then(|s| string_value(s, self.src));
            let id = child.named_child(0).filter(|n| n.kind() == "identifier");
            if let (Some(module), Some(id)) = (module, id) {
                self.index.module_specs.push(module.clone());
                self.declare(
                    scope,
                    id,
                    DeclKind::Import {
                        module,
                        path: Vec::new(),
                    },
                );
            }
        }
        let Some(module) = node.field("source").and_then(|s| string_value(s, self.src)) else {
            return;
        };
        for child in children.into_iter().filter(|c| c.kind() == "import_clause") {
            {
                let mut c2 = child.walk();
                let parts: Vec<Node<'t>> = child.named_children(&mut c2).collect();
                for part in parts {
                    match part.kind() {
                        // Default and namespace imports both stand for the module object:
                        // CommonJS libraries are imported with esModuleInterop either way.
                        "identifier" => self.declare(
                            scope,
                            part,
                            DeclKind::Import {
                                module: module.clone(),
                                path: Vec::new(),
                            },
                        ),
                        "namespace_import" => {
                            if let Some(id) = part.named_child(0) {
                                self.declare(
                                    scope,
                                    id,
                                    DeclKind::Import {
                                        module: module.clone(),
                                        path: Vec::new(),
                                    },
                                );
                            }
                        }
                        "named_imports" => {
                            let mut c3 = part.walk();
                            let specs: Vec<Node<'t>> = part
                                .named_children(&mut c3)
                                .filter(|s| s.kind() == "import_specifier")
                                .collect();
                            for spec in specs {
                                let Some(name) = spec.field("name") else {
                                    continue;
                                };
                                let imported = key_name(name, self.src).unwrap_or_default();
                                let local = spec.field("alias").unwrap_or(name);
                                let path = if imported == "default" {
                                    Vec::new()
                                } else {
                                    vec![imported]
                                };
                                self.declare(
                                    scope,
                                    local,
                                    DeclKind::Import {
                                        module: module.clone(),
                                        path,
                                    },
                                );
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

fn collect_pattern_names(node: Node<'_>, src: &str, out: &mut Vec<String>) {
    match node.kind() {
        "identifier" | "shorthand_property_identifier_pattern" => {
            out.push(text(node, src).to_string())
        }
        _ => {
            let mut cursor = node.walk();
            for child in node.named_children(&mut cursor) {
                if child.kind() == "pair_pattern" {
                    if let Some(v) = child.field("value") {
                        collect_pattern_names(v, src, out);
                    }
                } else if child.kind() != "property_identifier" {
                    collect_pattern_names(child, src, out);
                }
            }
        }
    }
}

/// `module.exports = …`, `module.exports.x = …`, `exports.x = …`.
fn is_commonjs_export(left: Node<'_>, src: &str) -> bool {
    let t = text(left, src);
    t.starts_with("module.exports") || t.starts_with("exports.")
}

impl<'t> FileIndex<'t> {
    /// Builds scopes and collects nodes in one iterative pass (no recursion, so deeply
    /// nested minified code cannot overflow the stack).
    pub fn build(root: Node<'t>, src: &str, lang: Lang) -> FileIndex<'t> {
        let mut b = Builder {
            src,
            grammar: grammar(lang),
            index: FileIndex {
                scopes: Vec::new(),
                calls: Vec::new(),
                assignments: Vec::new(),
                exports: Vec::new(),
                module_specs: Vec::new(),
                directive_comments: Vec::new(),
                strings: Vec::new(),
                member_writes: Default::default(),
                single_assignments: Default::default(),
            },
            stack: Vec::new(),
            writes: Vec::new(),
            mutations: Vec::new(),
            member_writes: Vec::new(),
            opaque_mutations: Vec::new(),
            assignments: Vec::new(),
        };
        b.open(root, true);
        let mut cursor = root.walk();
        // Skip the root itself: its scope is already open.
        let mut descend = true;
        loop {
            if descend && cursor.goto_first_child() {
                let n = cursor.node();
                b.on_enter(n);
                descend = true;
                continue;
            }
            // Leaving the current node: close its scope if it opened one.
            loop {
                let n = cursor.node();
                if n.id() != root.id() && b.grammar.class(n) != Class::Other {
                    if let Some(&top) = b.stack.last() {
                        let s = &b.index.scopes[top];
                        if top != 0
                            && s.start == n.start_byte()
                            && s.end == n.end_byte()
                            && matches!(b.grammar.class(n), Class::Function | Class::Block)
                        {
                            b.stack.pop();
                        }
                    }
                }
                if cursor.goto_next_sibling() {
                    let n = cursor.node();
                    b.on_enter(n);
                    descend = true;
                    break;
                }
                if !cursor.goto_parent() {
                    let writes = std::mem::take(&mut b.writes);
                    let mut write_counts: std::collections::HashMap<usize, usize> =
                        std::collections::HashMap::new();
                    for (name, pos) in writes {
                        if let Some(d) = b.index.lookup(&name, pos) {
                            d.reassigned.set(true);
                            *write_counts.entry(d.name.start_byte()).or_default() += 1;
                        }
                    }
                    // `let x; x = value;` in the declaring block: one value after all.
                    let mut single = Vec::new();
                    for (name, pos, assign, block) in std::mem::take(&mut b.assignments) {
                        let Some(d) = b.index.lookup(&name, pos) else {
                            continue;
                        };
                        let id = d.name.start_byte();
                        let no_init = matches!(&d.kind, DeclKind::Var { init: None, path, .. } if path.is_empty());
                        let declared_in = d
                            .name
                            .parent()
                            .and_then(|p| p.parent())
                            .and_then(|p| p.parent());
                        let same_block =
                            matches!((block, declared_in), (Some(a), Some(b)) if a.id() == b.id());
                        if no_init && same_block && write_counts.get(&id) == Some(&1) {
                            if let (Some(key), Some(value)) =
                                (assign.field("left"), assign.field("right"))
                            {
                                single.push((
                                    id,
                                    MemberWrite {
                                        key,
                                        value,
                                        unconditional: true,
                                    },
                                ));
                            }
                        }
                    }
                    b.index.single_assignments.extend(single);
                    let mutations = std::mem::take(&mut b.mutations);
                    for (name, pos) in mutations {
                        if let Some(d) = b.index.lookup(&name, pos) {
                            d.mutated.set(true);
                        }
                    }
                    for (name, pos) in std::mem::take(&mut b.opaque_mutations) {
                        if let Some(d) = b.index.lookup(&name, pos) {
                            d.opaque_mutation.set(true);
                        }
                    }
                    let mut found = Vec::new();
                    for (name, pos, key, value, block) in std::mem::take(&mut b.member_writes) {
                        if let Some(d) = b.index.lookup(&name, pos) {
                            // The declaration's statement and the write share a block.
                            let declared_in = d
                                .name
                                .parent()
                                .and_then(|p| p.parent())
                                .and_then(|p| p.parent());
                            let unconditional = matches!(
                                (block, declared_in),
                                (Some(a), Some(b)) if a.id() == b.id()
                            );
                            found.push((
                                d.name.start_byte(),
                                MemberWrite {
                                    key,
                                    value,
                                    unconditional,
                                },
                            ));
                        }
                    }
                    for (decl, w) in found {
                        b.index.member_writes.entry(decl).or_default().push(w);
                    }
                    return b.index;
                }
            }
        }
    }

    /// The declaration a name at byte `pos` refers to.
    pub fn lookup(&self, name: &str, pos: usize) -> Option<&Decl<'t>> {
        let mut i = match self.scopes.partition_point(|s| s.start <= pos) {
            0 => return None,
            n => n - 1,
        };
        loop {
            let s = &self.scopes[i];
            if s.start <= pos && pos <= s.end {
                if let Some(d) = s.decls.get(name) {
                    return Some(d);
                }
            }
            i = s.parent?;
        }
    }
}
