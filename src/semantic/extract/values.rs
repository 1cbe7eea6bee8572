//! The evaluator: what value an expression node holds, through constants, destructuring,
//! member paths, env reads with fallbacks, templates, key-material wrappers and imports.

use crate::finding::Loc;
use crate::semantic::extract::scope::{key_name, string_value, text, DeclKind, FileIndex, PathSeg};
use crate::semantic::extract::syntax::NodeExt;
use crate::semantic::modules::FileSet;
pub use crate::semantic::value::project;
use crate::semantic::value::{KeyKind, Object, Prop, Value};
use crate::source::Source;
use std::path::PathBuf;
use std::sync::Arc;
use tree_sitter::Node;

/// How far one evaluation may chase names; bounds cycles and pathological code.
const MAX_DEPTH: u32 = 32;

/// Everything the facts stage knows about one file while its tree is alive.
pub struct Ctx<'a, 't> {
    pub source: &'a Source,
    pub index: &'a FileIndex<'t>,
    pub root: Node<'t>,
    pub path: Arc<PathBuf>,
    /// The project's files, for resolving relative imports.
    pub files: &'a FileSet,
    /// Specifiers resolved so far: an imported name is evaluated at every use, and module
    /// resolution walks the file system's paths.
    pub resolved: std::cell::RefCell<std::collections::HashMap<String, Option<Arc<PathBuf>>>>,
    /// Objects whose property writes are being evaluated (by their name's position): a
    /// write that reads the object again (`ctx.a = ctx.b`) sees it open instead of
    /// expanding it again, which would multiply at every level.
    pub expanding: std::cell::RefCell<Vec<usize>>,
}

impl<'a, 't> Ctx<'a, 't> {
    /// The project file a relative specifier names.
    pub fn resolve_module(&self, spec: &str) -> Option<Arc<PathBuf>> {
        if let Some(hit) = self.resolved.borrow().get(spec) {
            return hit.clone();
        }
        let file = self.files.resolve(&self.path, spec).map(Arc::new);
        self.resolved
            .borrow_mut()
            .insert(spec.to_string(), file.clone());
        file
    }

    /// The value of an imported module member: a library (`Import`), a project file's
    /// export (resolved when the export table is known), or unknown for an unresolvable
    /// relative path.
    pub fn module_value(&self, spec: &str, path: Vec<String>) -> Value {
        match self.resolve_module(spec) {
            Some(file) => Value::Module { file, path },
            // A package (or an alias to something outside the project).
            None if !crate::semantic::modules::is_relative(spec) => Value::Import {
                module: spec.to_string(),
                path,
            },
            None => Value::Unknown,
        }
    }

    /// Member access; a project module's member stays a reference until linking.
    pub fn project(&self, v: Value, key: &str) -> Value {
        project(v, key)
    }

    /// A TypeScript enum as an object of its members.
    pub fn eval_enum(&self, decl: Node<'t>) -> Value {
        let mut props = Vec::new();
        let mut next = 0.0;
        if let Some(body) = decl.field("body") {
            let mut c = body.walk();
            for m in body.named_children(&mut c) {
                let (name, value) = match m.kind() {
                    "enum_assignment" => {
                        let v = m.field("value").map_or(Value::Unknown, |v| self.eval(v));
                        (m.field("name"), v)
                    }
                    "property_identifier" | "string" => (Some(m), Value::Num(next)),
                    _ => continue,
                };
                if let Value::Num(n) = value {
                    next = n + 1.0;
                }
                if let Some(key) = name.and_then(|n| key_name(n, self.src())) {
                    props.push(Prop {
                        key,
                        value,
                        at: self.loc(m),
                    });
                }
            }
        }
        Value::Object(Object {
            props,
            open: false,
            at: Some(self.loc(decl)),
            spreads: Vec::new(),
        })
    }

    pub fn src(&self) -> &'a str {
        &self.source.text
    }

    pub fn text(&self, node: Node<'_>) -> &'a str {
        text(node, &self.source.text)
    }

    pub fn loc(&self, node: Node<'_>) -> Loc {
        Loc {
            path: self.path.clone(),
            span: self.source.span(node.start_byte(), node.end_byte()),
        }
    }

    pub fn eval(&self, node: Node<'t>) -> Value {
        self.eval_at(node, 0)
    }

    /// Strips wrappers that do not change the value: parentheses, TS casts, `await`.
    pub fn unwrap(&self, mut node: Node<'t>) -> Node<'t> {
        loop {
            match node.kind() {
                "parenthesized_expression"
                | "as_expression"
                | "satisfies_expression"
                | "non_null_expression"
                | "await_expression" => match node.named_child(0) {
                    Some(inner) => node = inner,
                    None => return node,
                },
                "type_assertion" => {
                    match node.named_child(node.named_child_count().saturating_sub(1)) {
                        Some(inner) => node = inner,
                        None => return node,
                    }
                }
                _ => return node,
            }
        }
    }

    fn eval_at(&self, node: Node<'t>, depth: u32) -> Value {
        if depth > MAX_DEPTH {
            return Value::Unknown;
        }
        let node = self.unwrap(node);
        let d = depth + 1;
        match node.kind() {
            "string" => Value::Str {
                value: string_value(node, self.src()).unwrap_or_default(),
                at: self.loc(node),
            },
            "template_string" => self.eval_template(node, d),
            "number" => parse_number(self.text(node)).map_or(Value::Unknown, Value::Num),
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => Value::Null,
            "undefined" => Value::Undefined,
            "identifier" | "shorthand_property_identifier" => self.eval_ident(node, d),
            "member_expression" => {
                let (Some(obj), Some(prop)) = (node.field("object"), node.field("property")) else {
                    return Value::Unknown;
                };
                let name = self.text(prop);
                if obj.kind() == "this" {
                    return self.eval_this_member(node, name, d);
                }
                // `import.meta.dirname`, `import.meta.url` (ES modules' `__dirname`, and the
                // file's URL that `fileURLToPath` turns into `__filename`).
                if obj.kind() == "meta_property" && self.text(obj) == "import.meta" {
                    return match name {
                        "dirname" => Value::Global(vec![DIR.into()]),
                        "filename" | "url" => Value::Global(vec![FILE.into()]),
                        _ => Value::Unknown,
                    };
                }
                self.project(self.receiver(obj, d), name)
            }
            "subscript_expression" => {
                let (Some(obj), Some(index)) = (node.field("object"), node.field("index")) else {
                    return Value::Unknown;
                };
                let key = match self.eval_at(index, d) {
                    Value::Str { value, .. } => value,
                    Value::Num(n) if n >= 0.0 && n.fract() == 0.0 => format!("{n}"),
                    _ => return Value::Unknown,
                };
                self.project(self.receiver(obj, d), &key)
            }
            "binary_expression" => self.eval_binary(node, d),
            "object" => Value::Object(self.eval_object(node, d)),
            "array" => {
                let mut items = Vec::new();
                let mut open = false;
                let mut cursor = node.walk();
                for child in node.named_children(&mut cursor) {
                    match child.kind() {
                        "comment" => {}
                        "spread_element" => {
                            match child.named_child(0).map(|n| self.eval_at(n, d)) {
                                Some(Value::Array {
                                    items: inner,
                                    open: o,
                                }) => {
                                    items.extend(inner);
                                    open |= o;
                                }
                                _ => open = true,
                            }
                        }
                        _ => items.push(self.eval_at(child, d)),
                    }
                }
                Value::Array { items, open }
            }
            "call_expression" => self.eval_call(node, d),
            "new_expression" => match node.field("constructor").map(|c| self.eval_at(c, d)) {
                Some(Value::Import { module, path }) => Value::Instance { module, path },
                Some(Value::Global(mut p)) => {
                    p.push("new".into());
                    Value::Global(p)
                }
                _ => Value::Unknown,
            },
            "arrow_function" | "function_expression" | "function" | "generator_function" => {
                Value::Function { at: self.loc(node) }
            }
            // `cond ? a : b`: known when both sides agree; either web storage is "a storage".
            "ternary_expression" => {
                let (Some(a), Some(b)) = (node.field("consequence"), node.field("alternative"))
                else {
                    return Value::Unknown;
                };
                let (a, b) = (self.eval_at(a, d), self.eval_at(b, d));
                let storage = |v: &Value| matches!(v, Value::Global(p) if p.len() == 1 && (p[0] == "localStorage" || p[0] == "sessionStorage"));
                if storage(&a) && storage(&b) || a == b {
                    a
                } else {
                    Value::Unknown
                }
            }
            "sequence_expression" => {
                match node.named_child(node.named_child_count().saturating_sub(1)) {
                    Some(last) => self.eval_at(last, d),
                    None => Value::Unknown,
                }
            }
            "unary_expression" if self.text(node).starts_with("void") => Value::Undefined,
            _ => Value::Unknown,
        }
    }

    fn eval_template(&self, node: Node<'t>, d: u32) -> Value {
        // `${process.env.X}` alone is the value itself (an env read stays an env read).
        if node.named_child_count() == 1 {
            if let Some(inner) = node
                .named_child(0)
                .filter(|c| c.kind() == "template_substitution")
                .and_then(|c| c.named_child(0))
            {
                if let v @ (Value::Env { .. } | Value::Config { .. } | Value::Module { .. }) =
                    self.eval_at(inner, d)
                {
                    return v;
                }
            }
        }
        let mut out = String::new();
        // `${__dirname}/keys/private.pem`: a path known by its literal parts (see `join_path`).
        let mut in_dir = false;
        let mut cursor = node.walk();
        for (i, child) in node.named_children(&mut cursor).enumerate() {
            match child.kind() {
                "string_fragment" => out.push_str(self.text(child)),
                "escape_sequence" => {
                    out.push_str(&crate::semantic::extract::scope::unescape(self.text(child)))
                }
                "template_substitution" => {
                    let Some(inner) = child.named_child(0) else {
                        return Value::Unknown;
                    };
                    match self.eval_at(inner, d) {
                        Value::Str { value, .. } => out.push_str(&value),
                        Value::Num(n) => out.push_str(&format_number(n)),
                        Value::Global(p) if i == 0 && p == [DIR] => in_dir = true,
                        _ => return Value::Unknown,
                    }
                }
                _ => {}
            }
        }
        if in_dir {
            if !out.starts_with('/') {
                return Value::Unknown;
            }
            out = out.trim_start_matches('/').to_string();
        }
        Value::Str {
            value: out,
            at: self.loc(node),
        }
    }

    fn eval_binary(&self, node: Node<'t>, d: u32) -> Value {
        let (Some(left), Some(op), Some(right)) = (
            node.field("left"),
            node.field("operator"),
            node.field("right"),
        ) else {
            return Value::Unknown;
        };
        match self.text(op) {
            op @ ("||" | "??") => {
                let l = self.eval_at(left, d);
                match l {
                    Value::Env {
                        name,
                        fallback: None,
                    } => Value::Env {
                        name,
                        fallback: Some(Box::new(self.eval_at(right, d))),
                    },
                    Value::Undefined | Value::Null => self.eval_at(right, d),
                    Value::Str { ref value, .. } if op == "||" && value.is_empty() => {
                        self.eval_at(right, d)
                    }
                    Value::Str { .. }
                    | Value::Object(_)
                    | Value::Array { .. }
                    | Value::KeyMaterial { .. } => l,
                    _ => Value::Unknown,
                }
            }
            "+" => match (self.eval_at(left, d), self.eval_at(right, d)) {
                (Value::Num(a), Value::Num(b)) => Value::Num(a + b),
                (Value::Now { offset, ms }, Value::Num(n))
                | (Value::Num(n), Value::Now { offset, ms }) => Value::Now {
                    offset: offset + n,
                    ms,
                },
                // `__dirname + '/keys/private.pem'`: a path known by its literal parts.
                (Value::Global(p), Value::Str { value, .. })
                    if p == [DIR] && value.starts_with('/') =>
                {
                    Value::Str {
                        value: value.trim_start_matches('/').to_string(),
                        at: self.loc(node),
                    }
                }
                (a, b) => match (literal_text(&a), literal_text(&b)) {
                    (Some(x), Some(y)) => Value::Str {
                        value: x + &y,
                        at: self.loc(node),
                    },
                    _ => Value::Unknown,
                },
            },
            op @ ("*" | "-" | "/") => match (self.eval_at(left, d), self.eval_at(right, d)) {
                (Value::Now { offset, ms }, Value::Num(n)) if op == "-" => Value::Now {
                    offset: offset - n,
                    ms,
                },
                // `Math.round(Date.now() / 1000) * 60 * 60 * 24 * 30`: a multiple of the
                // current time, an expiry that never comes.
                (Value::Now { .. }, Value::Num(n)) if op == "*" && n > 1.0 => Value::Now {
                    offset: f64::INFINITY,
                    ms: false,
                },
                // Milliseconds to seconds.
                (Value::Now { offset, ms: true }, Value::Num(n)) if op == "/" && n == 1000.0 => {
                    Value::Now {
                        offset: offset / 1000.0,
                        ms: false,
                    }
                }
                (Value::Num(a), Value::Num(b)) => Value::Num(match op {
                    "*" => a * b,
                    "-" => a - b,
                    _ if b != 0.0 => a / b,
                    _ => return Value::Unknown,
                }),
                _ => Value::Unknown,
            },
            _ => Value::Unknown,
        }
    }

    fn eval_object(&self, node: Node<'t>, d: u32) -> Object {
        let mut obj = Object {
            props: Vec::new(),
            open: false,
            at: Some(self.loc(node)),
            spreads: Vec::new(),
        };
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            match child.kind() {
                "pair" => {
                    let (Some(k), Some(v)) = (child.field("key"), child.field("value")) else {
                        continue;
                    };
                    let key = match k.kind() {
                        "computed_property_name" => {
                            match k.named_child(0).map(|n| self.eval_at(n, d)) {
                                Some(Value::Str { value, .. }) => Some(value),
                                _ => None,
                            }
                        }
                        _ => key_name(k, self.src()),
                    };
                    match key {
                        Some(key) => obj.props.push(Prop {
                            key,
                            value: self.eval_at(v, d),
                            at: self.loc(v),
                        }),
                        None => obj.open = true,
                    }
                }
                "shorthand_property_identifier" => obj.props.push(Prop {
                    key: self.text(child).to_string(),
                    value: self.eval_at(child, d),
                    at: self.loc(child),
                }),
                "method_definition" => {
                    if let Some(key) = child.field("name").and_then(|k| key_name(k, self.src())) {
                        obj.props.push(Prop {
                            key,
                            value: Value::Function {
                                at: self.loc(child),
                            },
                            at: self.loc(child),
                        });
                    }
                }
                "spread_element" => match child.named_child(0).map(|n| self.eval_at(n, d)) {
                    Some(Value::Object(inner)) => {
                        obj.open |= inner.open;
                        let base = obj.props.len();
                        obj.spreads
                            .extend(inner.spreads.into_iter().map(|(i, v)| (base + i, v)));
                        obj.props.extend(inner.props);
                    }
                    Some(Value::Undefined | Value::Null) => {}
                    // Another file's value: spliced in when linked.
                    Some(m @ Value::Module { .. }) => obj.spreads.push((obj.props.len(), m)),
                    _ => obj.open = true,
                },
                _ => {}
            }
        }
        obj
    }

    fn eval_ident(&self, node: Node<'t>, d: u32) -> Value {
        self.eval_name(node, d, false)
    }

    /// The object of a member access: a typed parameter is an instance of its type here
    /// (`jwt.sign` with `jwt: JwtService`).
    fn receiver(&self, node: Node<'t>, d: u32) -> Value {
        let inner = self.unwrap(node);
        if inner.kind() == "identifier" {
            self.eval_name(inner, d, true)
        } else {
            self.eval_at(node, d)
        }
    }

    fn eval_name(&self, node: Node<'t>, d: u32, as_receiver: bool) -> Value {
        let name = self.text(node);
        let Some(decl) = self.index.lookup(name, node.start_byte()) else {
            return match name {
                "undefined" => Value::Undefined,
                "window" | "globalThis" | "self" | "global" => Value::Global(Vec::new()),
                _ => Value::Global(vec![name.to_string()]),
            };
        };
        match &decl.kind {
            DeclKind::Var {
                constant,
                init,
                path,
                default,
            } => {
                if !constant && decl.reassigned.get() {
                    // `let x; x = value;` before this use, in the declaring block.
                    return match self.index.single_assignments.get(&decl.name.start_byte()) {
                        Some(w) if w.value.end_byte() <= node.start_byte() => {
                            self.eval_at(w.value, d)
                        }
                        _ => Value::Unknown,
                    };
                }
                // The declaration itself (`const { a } = b`): do not evaluate past our own position.
                let base = match init {
                    Some(init)
                        if init.start_byte() > node.start_byte()
                            || init.end_byte() < node.start_byte() =>
                    {
                        self.eval_at(*init, d)
                    }
                    Some(_) => return Value::Unknown,
                    // `declare const key: CryptoKey` says a value exists elsewhere.
                    None if is_ambient(self.root, decl.name) => return Value::Unknown,
                    None => Value::Undefined,
                };
                let v = follow(base, path);
                let v = self.apply_default(v, *default, d);
                match v {
                    Value::Object(o) if decl.mutated.get() => {
                        Value::Object(self.with_member_writes(o, decl, path.is_empty(), node, d))
                    }
                    other => other,
                }
            }
            DeclKind::Param {
                func,
                index,
                path,
                ty,
                default,
            } => {
                // A typed parameter is an instance only where its members are used (see
                // `receiver`); passed on whole, it is the caller's argument.
                if path.is_empty() && ty.is_some() && !as_receiver {
                    return Value::Param {
                        index: *index,
                        func: self.loc(*func),
                        has_default: default.is_some(),
                    };
                }
                if let Some(ty) = ty {
                    if path.is_empty() {
                        if let Some(v) = self.instance_of_type(*ty, d) {
                            return v;
                        }
                    }
                }
                if path.is_empty() {
                    Value::Param {
                        index: *index,
                        func: self.loc(*func),
                        has_default: default.is_some(),
                    }
                } else {
                    Value::Unknown
                }
            }
            DeclKind::Import { module, path } => self.module_value(module, path.clone()),
            DeclKind::Function(f) => Value::Function { at: self.loc(*f) },
            DeclKind::Enum(e) => self.eval_enum(*e),
            DeclKind::Class(_) | DeclKind::Opaque => Value::Unknown,
        }
    }

    /// An object built by statements: `const opts = {}; opts.secretOrKey = 'x';`. Plain
    /// property writes before `use` in the declaring block are certain; a write in a branch
    /// or callback, after the use, or any other change leaves the object open.
    fn with_member_writes(
        &self,
        mut o: Object,
        decl: &crate::semantic::extract::scope::Decl<'t>,
        whole: bool,
        use_: Node<'t>,
        d: u32,
    ) -> Object {
        /// More writes than this: the object is a bag, not options.
        const MAX_WRITES: usize = 32;
        let id = decl.name.start_byte();
        let writes = self.index.member_writes.get(&id);
        if !whole
            || decl.opaque_mutation.get()
            || writes.is_some_and(|w| w.len() > MAX_WRITES)
            || self.expanding.borrow().contains(&id)
        {
            o.open = true;
            return o;
        }
        self.expanding.borrow_mut().push(id);
        for w in writes.into_iter().flatten() {
            let before = w.value.end_byte() <= use_.start_byte();
            if !(before && w.unconditional) {
                o.open = true;
            }
            // A write inside the value it assigns (`o.a = o`) or after the use is not read.
            if !before {
                continue;
            }
            o.props.push(Prop {
                key: self.text(w.key).to_string(),
                value: self.eval_at(w.value, d),
                at: self.loc(w.value),
            });
        }
        self.expanding.borrow_mut().retain(|x| *x != id);
        o
    }

    fn apply_default(&self, v: Value, default: Option<Node<'t>>, d: u32) -> Value {
        let Some(default) = default else {
            return v;
        };
        match v {
            Value::Undefined => self.eval_at(default, d),
            Value::Env {
                name,
                fallback: None,
            } => Value::Env {
                name,
                fallback: Some(Box::new(self.eval_at(default, d))),
            },
            Value::Unknown => Value::Unknown,
            other => other,
        }
    }

    /// `this.name` inside a class: a field's initializer or type, a constructor parameter
    /// property (`constructor(private jwt: JwtService)`), or a single `this.name = …`.
    fn eval_this_member(&self, member: Node<'t>, name: &str, d: u32) -> Value {
        let Some(body) = self.enclosing_class_body(member) else {
            return self.eval_function_this_member(member, name, d);
        };
        let mut cursor = body.walk();
        for item in body.named_children(&mut cursor) {
            match item.kind() {
                "public_field_definition" | "field_definition" => {
                    let key = item
                        .field("name")
                        .or_else(|| item.field("property"))
                        .and_then(|k| key_name(k, self.src()));
                    if key.as_deref() != Some(name) {
                        continue;
                    }
                    if let Some(v) = item.field("value") {
                        return self.eval_at(v, d);
                    }
                    if let Some(ty) = item.field("type").and_then(|t| t.named_child(0)) {
                        return self.instance_of_type(ty, d).unwrap_or(Value::Unknown);
                    }
                    return Value::Unknown;
                }
                "method_definition" if item.field("name").is_some_and(|n| self.text(n) == name) => {
                    return Value::Function { at: self.loc(item) };
                }
                "method_definition" => {
                    let is_ctor = item
                        .field("name")
                        .is_some_and(|n| self.text(n) == "constructor");
                    let Some(params) = item.field("parameters").filter(|_| is_ctor) else {
                        continue;
                    };
                    let mut c2 = params.walk();
                    for p in params.named_children(&mut c2) {
                        let is_property = {
                            let mut c3 = p.walk();
                            let r = p.children(&mut c3).any(|c| {
                                c.kind() == "accessibility_modifier" || c.kind() == "readonly"
                            });
                            r
                        };
                        let pname = p.field("pattern").map(|n| self.text(n));
                        if is_property && pname == Some(name) {
                            if let Some(ty) = p.field("type").and_then(|t| t.named_child(0)) {
                                return self.instance_of_type(ty, d).unwrap_or(Value::Unknown);
                            }
                            return Value::Unknown;
                        }
                    }
                }
                _ => {}
            }
        }
        // `this.name = value` assignments inside the class; one is a definition, several are not.
        // Assignments are in source order, so only the class's range is looked at.
        let mut found = None;
        let first = self
            .index
            .assignments
            .partition_point(|a| a.start_byte() < body.start_byte());
        for a in &self.index.assignments[first..] {
            if a.start_byte() > body.end_byte() {
                break;
            }
            if a.end_byte() > body.end_byte() {
                continue;
            }
            let Some(left) = a.field("left") else {
                continue;
            };
            if left.kind() == "member_expression"
                && left.field("object").is_some_and(|o| o.kind() == "this")
                && left.field("property").is_some_and(|p| self.text(p) == name)
            {
                if found.is_some() {
                    return Value::Unknown;
                }
                found = a.field("right");
            }
        }
        match found {
            Some(right) => self.eval_at(right, d),
            None => Value::Unknown,
        }
    }

    /// `this.name` outside a class: in a function constructor (`function Auth() { this.opts =
    /// {…} }`, read there or in `Auth.prototype.m = function () {…}`), or at the top level of a
    /// CommonJS module (`this` is `module.exports`). One `this.name = value` in the
    /// constructor (or the module's top level) is the definition; several are not.
    fn eval_function_this_member(&self, member: Node<'t>, name: &str, d: u32) -> Value {
        const FUNCTIONS: &[&str] = &[
            "function_declaration",
            "function_expression",
            "function",
            "generator_function",
            "generator_function_declaration",
        ];
        let chain = self.ancestors(member);
        let function = chain
            .iter()
            .copied()
            .find(|n| FUNCTIONS.contains(&n.kind()));
        // The function whose `this.x = …` define the instance: the constructor itself, or
        // the one a prototype method belongs to.
        let (range, top_level) = match function {
            None => (self.root, true),
            Some(f) => {
                let owner = f
                    .parent()
                    .filter(|p| p.kind() == "assignment_expression")
                    .and_then(|a| a.field("left"))
                    .filter(|l| l.kind() == "member_expression")
                    .and_then(|l| l.field("object"))
                    .filter(|o| {
                        o.kind() == "member_expression"
                            && o.field("property")
                                .is_some_and(|p| self.text(p) == "prototype")
                    })
                    .and_then(|o| o.field("object"))
                    .filter(|c| c.kind() == "identifier");
                match owner {
                    Some(ctor) => match self.index.lookup(self.text(ctor), ctor.start_byte()) {
                        Some(decl) => match &decl.kind {
                            super::scope::DeclKind::Function(f) => (*f, false),
                            _ => return Value::Unknown,
                        },
                        None => return Value::Unknown,
                    },
                    None => (f, false),
                }
            }
        };
        let mut found = None;
        let first = self
            .index
            .assignments
            .partition_point(|a| a.start_byte() < range.start_byte());
        for a in &self.index.assignments[first..] {
            if a.start_byte() > range.end_byte() {
                break;
            }
            let Some(left) = a.field("left") else {
                continue;
            };
            let this_member = left.kind() == "member_expression"
                && left.field("object").is_some_and(|o| o.kind() == "this")
                && left.field("property").is_some_and(|p| self.text(p) == name);
            if !this_member {
                continue;
            }
            // The `this` of the writing code must be the same object.
            let writer = self
                .ancestors(*a)
                .into_iter()
                .find(|n| FUNCTIONS.contains(&n.kind()));
            let same = match writer {
                None => top_level,
                Some(w) => !top_level && w.id() == range.id(),
            };
            if !same {
                continue;
            }
            if found.is_some() {
                return Value::Unknown;
            }
            found = a.field("right");
        }
        match found {
            Some(right) => self.eval_at(right, d),
            None => Value::Unknown,
        }
    }

    /// The class body whose `this` a node sees; `None` inside a non-arrow function.
    pub fn enclosing_class_body(&self, node: Node<'t>) -> Option<Node<'t>> {
        let mut seen_method = false;
        for n in self.ancestors(node) {
            match n.kind() {
                "class_body" => return Some(n),
                "method_definition" => seen_method = true,
                "function_declaration"
                | "function_expression"
                | "function"
                | "generator_function"
                | "generator_function_declaration"
                    if !seen_method =>
                {
                    return None
                }
                _ => {}
            }
        }
        None
    }

    /// The ancestors of a node, innermost first (see `syntax::ancestors`).
    pub fn ancestors(&self, node: Node<'t>) -> Vec<Node<'t>> {
        crate::semantic::extract::syntax::ancestors(self.root, node)
    }

    /// An injected or annotated instance: `jwt: JwtService` where JwtService is imported.
    fn instance_of_type(&self, ty: Node<'t>, d: u32) -> Option<Value> {
        let ty = if ty.kind() == "generic_type" {
            ty.field("name").or_else(|| ty.named_child(0))?
        } else {
            ty
        };
        if ty.kind() != "type_identifier" {
            return None;
        }
        let name = self.text(ty);
        let decl = self.index.lookup(name, ty.start_byte())?;
        match &decl.kind {
            DeclKind::Import { module, path } => Some(Value::Instance {
                module: module.clone(),
                path: path.clone(),
            }),
            _ => {
                let _ = d;
                None
            }
        }
    }

    fn eval_call(&self, node: Node<'t>, d: u32) -> Value {
        let Some(callee) = node.field("function") else {
            return Value::Unknown;
        };
        let args = self.args(node);
        let arg0 = || {
            args.first()
                .map_or(Value::Undefined, |a| self.eval_at(*a, d))
        };
        if callee.kind() == "import" {
            return match args.first().map(|a| self.eval_at(*a, d)) {
                Some(Value::Str { value, .. }) => self.module_value(&value, Vec::new()),
                _ => Value::Unknown,
            };
        }
        // A method call: the object is evaluated once (evaluating it again for the callee
        // would double the work at every link of a chain such as `q.where().orderBy()`).
        let member = (callee.kind() == "member_expression")
            .then(|| Some((callee.field("object")?, callee.field("property")?)))
            .flatten()
            .filter(|(obj, _)| obj.kind() != "this");
        let callee_value = match member {
            Some((obj, prop)) => {
                let method = self.text(prop);
                match self.receiver(obj, d) {
                    // Date arithmetic on the current time (moment, dayjs, Date).
                    Value::Now { offset, ms } => {
                        return self.time_method(offset, ms, method, &args, d)
                    }
                    // `x.toString()`, `x.trim()`, `x.replace(/\\n/g, '\n')`: the same key.
                    base => match self.string_method(base, method, &args, d) {
                        Ok(kept) => return kept,
                        Err(base) => self.project(base, method),
                    },
                }
            }
            None => self.eval_at(callee, d),
        };
        match callee_value {
            Value::Global(p) => match p.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
                ["require"] => match arg0() {
                    Value::Str { value, .. } => self.module_value(&value, Vec::new()),
                    _ => Value::Unknown,
                },
                // The working directory: a path joined to it is known by its literal parts.
                ["process", "cwd"] => Value::Global(vec![DIR.into()]),
                ["Date", "now"] | ["Date", "new", "getTime" | "valueOf"] => Value::Now {
                    offset: 0.0,
                    ms: true,
                },
                ["Math", "floor" | "round" | "ceil" | "trunc"] | ["parseInt" | "Number"] => {
                    match arg0() {
                        v @ (Value::Now { .. } | Value::Num(_)) => v,
                        _ => Value::Unknown,
                    }
                }
                ["Buffer", "from"] => {
                    let encoding = args.get(1).map(|a| self.eval_at(*a, d));
                    key_material(KeyKind::Buffer, decoded(arg0(), encoding.as_ref()))
                }
                // A merge into a fresh object: `Object.assign({}, defaults, { secret })`.
                ["Object", "assign"] => {
                    let mut merged = Object::new(Vec::new(), false, Some(self.loc(node)));
                    for a in &args {
                        let v = if a.kind() == "spread_element" {
                            Value::Unknown
                        } else {
                            self.eval_at(*a, d)
                        };
                        match v {
                            Value::Object(o) => {
                                merged.open |= o.open;
                                let base = merged.props.len();
                                merged
                                    .spreads
                                    .extend(o.spreads.into_iter().map(|(i, v)| (base + i, v)));
                                merged.props.extend(o.props);
                            }
                            Value::Undefined | Value::Null => {}
                            m @ Value::Module { .. } => {
                                merged.spreads.push((merged.props.len(), m));
                            }
                            _ => merged.open = true,
                        }
                    }
                    Value::Object(merged)
                }
                ["TextEncoder", "new", "encode"] => key_material(KeyKind::Encoded, arg0()),
                // `String(process.env.KEY)`: the same value, as a string.
                ["String"] => match arg0() {
                    v if keeps_identity(&v) => v,
                    _ => Value::Unknown,
                },
                _ => Value::Unknown,
            },
            Value::Import { module, path } => {
                let module = module.strip_prefix("node:").unwrap_or(&module);
                match (
                    module,
                    path.iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .as_slice(),
                ) {
                    ("crypto", ["createSecretKey"]) => key_material(KeyKind::SecretKey, arg0()),
                    ("crypto", ["createPublicKey"]) => key_material(KeyKind::PublicKey, arg0()),
                    ("crypto", ["createPrivateKey"]) => key_material(KeyKind::PrivateKey, arg0()),
                    ("fs" | "fs-extra", ["readFileSync"])
                    | ("fs" | "fs-extra", ["promises", "readFile"])
                    | ("fs/promises" | "fs-extra", ["readFile"]) => {
                        key_material(KeyKind::File, arg0())
                    }
                    ("util", ["promisify"]) => arg0(),
                    ("path", ["join" | "resolve"]) => {
                        self.join_path(path[0] == "resolve", &args, node, d)
                    }
                    // `dirname(fileURLToPath(import.meta.url))`, `dirname(__filename)`.
                    ("path", ["dirname"]) => match arg0() {
                        Value::Global(p) if p == [FILE] => Value::Global(vec![DIR.into()]),
                        _ => Value::Unknown,
                    },
                    ("url", ["fileURLToPath"]) => match arg0() {
                        Value::Global(p) if p == [FILE] => Value::Global(p),
                        _ => Value::Unknown,
                    },
                    ("process", ["cwd"]) => Value::Global(vec![DIR.into()]),
                    // `moment()` / `dayjs()`: now, in milliseconds.
                    ("moment" | "dayjs", [] | ["default"]) if args.is_empty() => Value::Now {
                        offset: 0.0,
                        ms: true,
                    },
                    // Legacy jose: `JWK.asKey('secret')` makes a key of a literal.
                    ("jose", ["JWK", "asKey"]) => key_material(KeyKind::SecretKey, arg0()),
                    // NestJS configuration reads by a literal key name act like env reads.
                    ("@nestjs/config", ["ConfigService", "prototype", "get" | "getOrThrow"]) => {
                        match arg0() {
                            Value::Str { value, .. } => Value::Config { key: value },
                            _ => Value::Unknown,
                        }
                    }
                    _ => Value::Unknown,
                }
            }
            _ => Value::Unknown,
        }
    }

    /// A string method that leaves a key the key it was: `trim()`, `toString('utf8')` (of a
    /// buffer), and the `replace(/\\n/g, '\n')` that turns a PEM key kept on one line of an
    /// env file back into lines. `Err` gives the receiver back for any other method.
    ///
    /// A variable read by name (env, configuration) keeps its identity through any
    /// `replace`: whatever it strips, the key is still the one that variable holds. Other
    /// values (a literal, another file's export, a parameter, a buffer) only through the
    /// newline one, which a literal gets applied: `'a'.replace('a', 'b')` is not `'a'`.
    fn string_method(
        &self,
        v: Value,
        method: &str,
        args: &[Node<'t>],
        d: u32,
    ) -> Result<Value, Value> {
        match method {
            "toString" | "valueOf" | "trim" | "trimStart" | "trimEnd" => match v {
                Value::Str { value, at } => {
                    let value = match method {
                        "trim" => value.trim().to_string(),
                        "trimStart" => value.trim_start().to_string(),
                        "trimEnd" => value.trim_end().to_string(),
                        _ => value,
                    };
                    Ok(Value::Str { value, at })
                }
                v if keeps_identity(&v) => Ok(v),
                other => Err(other),
            },
            "replace" | "replaceAll" => {
                let newlines = self.unescapes_newlines(method, args, d);
                match v {
                    Value::Str { value, at } if newlines => Ok(Value::Str {
                        value: value.replace("\\n", "\n"),
                        at,
                    }),
                    Value::Env { name, fallback } => Ok(Value::Env {
                        name,
                        fallback: fallback.map(|f| match *f {
                            Value::Str { value, at } if newlines => Box::new(Value::Str {
                                value: value.replace("\\n", "\n"),
                                at,
                            }),
                            other => Box::new(other),
                        }),
                    }),
                    v @ Value::Config { .. } => Ok(v),
                    v if newlines && keeps_identity(&v) => Ok(v),
                    other => Err(other),
                }
            }
            _ => Err(v),
        }
    }

    /// `replace(/\\n/g, '\n')` or `replaceAll('\\n', '\n')`: every escaped newline made a
    /// newline.
    fn unescapes_newlines(&self, method: &str, args: &[Node<'t>], d: u32) -> bool {
        let [pattern, replacement] = args else {
            return false;
        };
        if !matches!(self.eval_at(*replacement, d), Value::Str { ref value, .. } if value == "\n") {
            return false;
        }
        let pattern = self.unwrap(*pattern);
        if pattern.kind() == "regex" {
            let text = |f: &'static str| pattern.field(f).map_or("", |n| self.text(n));
            return text("pattern") == "\\\\n" && text("flags").contains('g');
        }
        method == "replaceAll"
            && matches!(self.eval_at(pattern, d), Value::Str { ref value, .. } if value == "\\n")
    }

    /// `path.join(__dirname, '../keys/private.pem')`, `path.resolve(process.cwd(), 'keys',
    /// 'public.pem')`: the literal parts joined and normalised (`../keys/private.pem`), the
    /// directory the code runs from left out, as a key file's path names it by those parts.
    /// Unknown when any part other than that leading directory is not a known string.
    fn join_path(&self, resolve: bool, args: &[Node<'t>], node: Node<'t>, d: u32) -> Value {
        let mut parts: Vec<String> = Vec::new();
        for (i, a) in args.iter().enumerate() {
            match self.eval_at(*a, d) {
                Value::Str { value, .. } => {
                    // `resolve` starts again at an absolute part; `join` does not.
                    if resolve && value.starts_with('/') {
                        parts.clear();
                    }
                    parts.push(value);
                }
                Value::Global(p) if i == 0 && p == [DIR] => {}
                _ => return Value::Unknown,
            }
        }
        if parts.is_empty() {
            return Value::Unknown;
        }
        Value::Str {
            value: normalise_path(&parts.join("/")),
            at: self.loc(node),
        }
    }

    /// A method of a moment/dayjs/Date value holding the current time plus `offset`.
    fn time_method(&self, offset: f64, ms: bool, method: &str, args: &[Node<'t>], d: u32) -> Value {
        let to_ms = if ms { 1.0 } else { 1000.0 };
        match method {
            "add" | "subtract" => {
                let amount = args.first().map(|a| self.eval_at(*a, d));
                let unit = args.get(1).map(|a| self.eval_at(*a, d));
                let Some(Value::Num(n)) = amount else {
                    return Value::Unknown;
                };
                let unit = match &unit {
                    Some(Value::Str { value, .. }) => value.as_str(),
                    None => "ms",
                    _ => return Value::Unknown,
                };
                let Some(unit_ms) = time_unit_ms(unit) else {
                    return Value::Unknown;
                };
                let sign = if method == "add" { 1.0 } else { -1.0 };
                Value::Now {
                    offset: offset + sign * n * unit_ms / to_ms,
                    ms,
                }
            }
            "unix" => Value::Now {
                offset: if ms { offset / 1000.0 } else { offset },
                ms: false,
            },
            "valueOf" | "getTime" | "toDate" | "clone" | "utc" | "local" => {
                Value::Now { offset, ms }
            }
            _ => Value::Unknown,
        }
    }

    /// The argument nodes of a call or `new`, without comments.
    pub fn args(&self, call: Node<'t>) -> Vec<Node<'t>> {
        let Some(args) = call.field("arguments") else {
            return Vec::new();
        };
        let mut cursor = args.walk();
        args.named_children(&mut cursor)
            .filter(|n| n.kind() != "comment")
            .collect()
    }

    /// The node of a function value written in this file.
    pub fn function_node(&self, at: &Loc) -> Option<Node<'t>> {
        if at.path != self.path {
            return None;
        }
        let mut n = self
            .root
            .descendant_for_byte_range(at.span.start_byte, at.span.end_byte)?;
        while n.start_byte() == at.span.start_byte && n.end_byte() == at.span.end_byte {
            if n.field("body").is_some() {
                return Some(n);
            }
            n = n.parent()?;
        }
        None
    }

    /// What a function written here returns: the expression body of an arrow, or the
    /// argument of its only top-level `return`.
    pub fn returned_value(&self, func: Node<'t>) -> Value {
        let Some(body) = func.field("body") else {
            return Value::Unknown;
        };
        if body.kind() != "statement_block" {
            return self.eval(body);
        }
        let mut returns = Vec::new();
        collect_returns(body, &mut returns);
        match returns.as_slice() {
            [only] => only
                .named_child(0)
                .map_or(Value::Undefined, |n| self.eval(n)),
            _ => Value::Unknown,
        }
    }
}

/// Whether a declared name sits in a TypeScript `declare` statement (no initialiser there
/// means "defined elsewhere", not `undefined`).
fn is_ambient(root: Node<'_>, name: Node<'_>) -> bool {
    crate::semantic::extract::syntax::ancestors(root, name)
        .iter()
        .any(|n| n.kind() == "ambient_declaration")
}

fn collect_returns<'t>(node: Node<'t>, out: &mut Vec<Node<'t>>) {
    let mut cursor = node.walk();
    for child in node.named_children(&mut cursor) {
        match child.kind() {
            "return_statement" => out.push(child),
            "function_declaration"
            | "function_expression"
            | "arrow_function"
            | "function"
            | "class_declaration"
            | "method_definition" => {}
            _ => collect_returns(child, out),
        }
    }
}

/// The directory the code runs in or from (`__dirname`, `import.meta.dirname`,
/// `process.cwd()`): a path joined to it is known by its other, literal parts.
const DIR: &str = "__dirname";
/// The running file (`__filename`, `import.meta.url`).
const FILE: &str = "__filename";

/// Whether a value is known by a name or place that a string conversion keeps: an env or
/// configuration read, another file's or a package's export, key bytes, a literal, a
/// parameter.
fn keeps_identity(v: &Value) -> bool {
    match v {
        Value::Import { path, .. } => !path.is_empty(),
        _ => matches!(
            v,
            Value::Str { .. }
                | Value::Env { .. }
                | Value::Config { .. }
                | Value::Module { .. }
                | Value::KeyMaterial { .. }
                | Value::Param { .. }
        ),
    }
}

/// The bytes `Buffer.from(value, encoding)` holds. A base64 literal that decodes to PEM
/// text is that text (a public key stays a public key, a private key a hardcoded one, both
/// where the literal is written); any other value keeps its identity as it is.
fn decoded(value: Value, encoding: Option<&Value>) -> Value {
    use base64::Engine;
    let base64 = matches!(encoding, Some(Value::Str { value, .. }) if value == "base64");
    match value {
        Value::Str { value, at } if base64 => {
            let text = base64::engine::general_purpose::STANDARD
                .decode(value.trim())
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .filter(|t| t.contains("-----BEGIN "));
            Value::Str {
                value: text.unwrap_or(value),
                at,
            }
        }
        other => other,
    }
}

/// A joined path with `.` and `..` parts resolved where they can be (`a/../keys/x.pem` is
/// `keys/x.pem`; a leading `..` stays).
fn normalise_path(path: &str) -> String {
    let absolute = path.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if out.last().is_some_and(|p| *p != "..") => {
                out.pop();
            }
            ".." if absolute => {}
            p => out.push(p),
        }
    }
    let joined = out.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

fn key_material(kind: KeyKind, from: Value) -> Value {
    Value::KeyMaterial {
        kind,
        from: Box::new(from),
    }
}

fn follow(mut v: Value, path: &[PathSeg]) -> Value {
    for seg in path {
        v = match seg {
            PathSeg::Prop(k) => project(v, k),
            PathSeg::Index(i) => project(v, &i.to_string()),
            PathSeg::Rest => Value::Unknown,
        };
    }
    v
}

fn literal_text(v: &Value) -> Option<String> {
    match v {
        Value::Str { value, .. } => Some(value.clone()),
        Value::Num(n) => Some(format_number(*n)),
        _ => None,
    }
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

pub fn parse_number(t: &str) -> Option<f64> {
    let t = t.replace('_', "");
    if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        return i64::from_str_radix(h, 16).ok().map(|v| v as f64);
    }
    t.trim_end_matches('n').parse::<f64>().ok()
}

/// Milliseconds in a moment/dayjs unit (`'days'`, `'d'`, `'hour'`, ...).
fn time_unit_ms(unit: &str) -> Option<f64> {
    Some(match unit {
        "ms" | "millisecond" | "milliseconds" => 1.0,
        "s" | "second" | "seconds" => 1_000.0,
        "m" | "minute" | "minutes" => 60_000.0,
        "h" | "hour" | "hours" => 3_600_000.0,
        "d" | "day" | "days" => 86_400_000.0,
        "w" | "week" | "weeks" => 604_800_000.0,
        "M" | "month" | "months" => 2_629_800_000.0,
        "y" | "year" | "years" => 31_557_600_000.0,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Lang;

    /// The value of the last declaration's initialiser in `code` (TypeScript).
    fn value_of(code: &str) -> Value {
        let lang = Lang::TypeScript;
        crate::semantic::extract::syntax::set_current(lang);
        let tree = crate::parse::parse(lang, code).unwrap();
        let path = PathBuf::from("/p/src/auth.ts");
        let source = Source::new(path.clone(), code.to_string());
        let root = tree.root_node();
        let index = FileIndex::build(root, &source.text, lang);
        let files = FileSet::new([&path]);
        let cx = Ctx {
            source: &source,
            index: &index,
            root,
            path: Arc::new(path),
            files: &files,
            resolved: Default::default(),
            expanding: Default::default(),
        };
        let mut cursor = root.walk();
        let decl = root
            .named_children(&mut cursor)
            .filter(|n| n.kind() == "lexical_declaration")
            .last()
            .expect("a declaration");
        let value = decl
            .named_child(0)
            .and_then(|d| d.field("value"))
            .expect("an initialiser");
        cx.eval(value)
    }

    fn env(name: &str) -> Value {
        Value::Env {
            name: name.into(),
            fallback: None,
        }
    }

    fn str_of(v: &Value) -> Option<&str> {
        v.as_str()
    }

    fn file_path(v: &Value) -> Option<&str> {
        match v {
            Value::KeyMaterial {
                kind: KeyKind::File,
                from,
            } => from.as_str(),
            _ => None,
        }
    }

    #[test]
    fn string_conversions_of_an_env_key_are_the_env_key() {
        for code in [
            r"const x = process.env.JWT_PRIVATE_KEY!.replace(/\\n/g, '\n');",
            r"const x = process.env.JWT_PRIVATE_KEY?.replace(/\\n/g, '\n');",
            r"const x = process.env.JWT_PRIVATE_KEY.replaceAll('\\n', '\n');",
            r"const x = process.env.JWT_PRIVATE_KEY.trim();",
            r"const x = String(process.env.JWT_PRIVATE_KEY).trim();",
            r"const x = `${process.env.JWT_PRIVATE_KEY}`;",
            r"const x = (process.env.JWT_PRIVATE_KEY as string).toString();",
            // Whatever a replace strips, the key is the one the variable holds.
            r#"const x = process.env.JWT_PRIVATE_KEY.replace(/"/g, '');"#,
        ] {
            assert_eq!(value_of(code), env("JWT_PRIVATE_KEY"), "{code}");
        }
        // A fallback literal gets the newlines too.
        let v = value_of(r"const x = (process.env.K || 'a\\nb').replace(/\\n/g, '\n');");
        let Value::Env {
            fallback: Some(f), ..
        } = v
        else {
            panic!("{v:?}")
        };
        assert_eq!(str_of(&f), Some("a\nb"));
    }

    #[test]
    fn other_string_methods_and_receivers_stay_unknown() {
        for code in [
            // Not a key read: a request header.
            r"const x = req.headers.authorization.replace('Bearer ', '');",
            // A literal changed by the replace is another string.
            r"const x = 'Bearer abc'.replace('Bearer ', '');",
            r"const x = 'a\\nb'.replace(/\\n/g, 'x');",
            // Without the `g` flag only the first newline is restored.
            r"const x = 'a\\nb\\nc'.replace(/\\n/, '\n');",
            // Methods that are not conversions.
            r"const x = process.env.KEYS.split(',');",
            r"const x = process.env.KEY.slice(0, 32);",
            r"const x = String(someCall());",
        ] {
            assert!(value_of(code).is_unknown(), "{code}: {:?}", value_of(code));
        }
        // An imported value keeps its identity through the newline fix only.
        let code = |m: &str| format!("import {{ config }} from 'cfg';\nconst x = config.key.{m};");
        assert!(matches!(
            value_of(&code(r"replace(/\\n/g, '\n')")),
            Value::Import { .. }
        ));
        assert!(value_of(&code("replace('-', '')")).is_unknown());
    }

    #[test]
    fn a_literal_gets_the_conversion_applied() {
        let v = value_of(r"const x = 'line1\\nline2'.replace(/\\n/g, '\n');");
        assert_eq!(str_of(&v), Some("line1\nline2"));
        assert_eq!(str_of(&value_of("const x = '  k  '.trim();")), Some("k"));
    }

    #[test]
    fn base64_buffers_keep_the_value_they_decode() {
        let v = value_of(
            "const x = Buffer.from(process.env.JWT_PUBLIC_KEY, 'base64').toString('ascii');",
        );
        assert_eq!(
            v,
            Value::KeyMaterial {
                kind: KeyKind::Buffer,
                from: Box::new(env("JWT_PUBLIC_KEY"))
            }
        );
        // A base64 literal stays the literal (a hardcoded secret where it is written)...
        let v = value_of("const x = Buffer.from('bXktc3VwZXItc2VjcmV0', 'base64').toString();");
        assert_eq!(
            v.literal_source().map(|l| l.0),
            Some("bXktc3VwZXItc2VjcmV0")
        );
        // ...unless it is PEM text, which is then seen for what it is.
        let pem = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";
        let encoded = {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.encode(pem)
        };
        let v = value_of(&format!("const x = Buffer.from('{encoded}', 'base64');"));
        assert_eq!(v.literal_source().map(|l| l.0), Some(pem));
        assert!(crate::semantic::value::is_public_key(&v));
        // Not base64: the text as written.
        let v = value_of(&format!("const x = Buffer.from('{encoded}');"));
        assert_eq!(v.literal_source().map(|l| l.0), Some(encoded.as_str()));
    }

    #[test]
    fn key_file_paths_are_their_joined_literal_parts() {
        let cases = [
            (
                "const path = require('path');\nconst fs = require('fs');\nconst x = fs.readFileSync(path.join(__dirname, '../keys/private.pem'));",
                "../keys/private.pem",
            ),
            (
                "import * as path from 'path';\nimport fs from 'fs';\nconst x = fs.readFileSync(path.resolve(__dirname, 'keys', 'public.pem'));",
                "keys/public.pem",
            ),
            (
                "import { join } from 'node:path';\nimport { readFileSync } from 'fs';\nconst x = readFileSync(join(process.cwd(), 'certs/jwtRS256.key'), 'utf8');",
                "certs/jwtRS256.key",
            ),
            (
                "import { resolve, dirname } from 'path';\nimport { fileURLToPath } from 'url';\nimport { readFileSync } from 'fs';\nconst here = dirname(fileURLToPath(import.meta.url));\nconst x = readFileSync(resolve(here, './keys/../keys/a.pem'));",
                "keys/a.pem",
            ),
            (
                "import path from 'path';\nimport fs from 'fs';\nconst x = fs.readFileSync(path.join(import.meta.dirname, 'keys', 'b.pem')).toString();",
                "keys/b.pem",
            ),
            (
                "import path from 'path';\nimport fs from 'fs';\nconst dir = 'certs';\nconst x = fs.readFileSync(path.join(dir, 'c.pem'));",
                "certs/c.pem",
            ),
        ];
        for (code, want) in cases {
            assert_eq!(file_path(&value_of(code)), Some(want), "{code}");
        }
        // Concatenated and templated from the directory.
        let code = "const fs = require('fs');\nconst x = fs.readFileSync(__dirname + '/../keys/' + 'private.pem');";
        assert_eq!(file_path(&value_of(code)), Some("../keys/private.pem"));
        let code = "const fs = require('fs');\nconst x = fs.readFileSync(`${process.cwd()}/keys/public.pem`);";
        assert_eq!(file_path(&value_of(code)), Some("keys/public.pem"));
        let resolved = |args: &str| {
            value_of(&format!(
                "import path from 'path';\nconst x = path.resolve({args});"
            ))
        };
        assert_eq!(
            str_of(&resolved("__dirname, '/etc/keys', 'a.pem'")),
            Some("/etc/keys/a.pem")
        );
        assert_eq!(
            str_of(&resolved("'/etc/keys', '../a.pem'")),
            Some("/etc/a.pem")
        );
        // `join` does not start again at an absolute part.
        let joined = value_of("import path from 'path';\nconst x = path.join('a', '/b');");
        assert_eq!(str_of(&joined), Some("a/b"));
    }

    #[test]
    fn paths_with_an_unknown_part_stay_unknown() {
        for args in [
            "someVar, 'private.pem'",
            "__dirname, name",
            "__dirname, 'keys', `${kid}.pem`",
            // The directory counts only as the first part.
            "'keys', __dirname",
            "__dirname",
            "...parts",
        ] {
            let code = format!("import path from 'path';\nconst x = path.join({args});");
            assert!(value_of(&code).is_unknown(), "{code}");
            let code = format!(
                "import path from 'path';\nimport fs from 'fs';\nconst x = fs.readFileSync(path.join({args}));"
            );
            assert_eq!(file_path(&value_of(&code)), None, "{code}");
        }
        for code in [
            "const x = `${__dirname}/keys/${kid}.pem`;",
            "const x = `${dir}/keys/private.pem`;",
            // Not a separate path part.
            "const x = `${__dirname}keys`;",
            "const x = __dirname + 'keys';",
            "const x = 'keys/' + __dirname;",
            "const x = `keys/${__dirname}`;",
        ] {
            assert!(value_of(code).is_unknown(), "{code}");
        }
    }

    #[test]
    fn paths_are_normalised() {
        assert_eq!(normalise_path("./keys/private.pem"), "keys/private.pem");
        assert_eq!(normalise_path("a/../../keys//x"), "../keys/x");
        assert_eq!(normalise_path("/a/../../x"), "/x");
        assert_eq!(normalise_path("a/.."), ".");
    }
}
