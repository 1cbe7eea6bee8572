//! Turns calls and assignments into IR: library calls go to their adapter, storage
//! writes become `TokenStore`s, and every operation gets the names around it.

use crate::finding::Loc;
use crate::semantic::extract::scope::key_name;
use crate::semantic::extract::syntax::NodeExt;
use crate::semantic::extract::values::Ctx;
use crate::semantic::ir::{
    Arg, CallSite, ChainLink, CookieSet, FileFacts, FunctionSummary, JwtOp, Slot,
};
use crate::semantic::ir::{Record, Storage, TokenStore};
use crate::semantic::libraries;
use crate::semantic::value::Value;
use crate::semantic::value::{Object, Prop};
use std::sync::Arc;
use tree_sitter::Node;

/// Collects every fact of one file.
pub fn collect(cx: &Ctx<'_, '_>) -> FileFacts {
    let mut facts = FileFacts {
        path: cx.path.clone(),
        ..FileFacts::default()
    };
    for &call in &cx.index.calls {
        on_call(cx, call, &mut facts);
    }
    for &assign in &cx.index.assignments {
        on_assignment(cx, assign, &mut facts);
    }
    facts
}

fn on_call<'t>(cx: &Ctx<'_, 't>, node: Node<'t>, facts: &mut FileFacts) {
    let is_new = node.kind() == "new_expression";
    let Some(callee) = node.field(if is_new { "constructor" } else { "function" }) else {
        return;
    };
    // Cheap syntactic filter: only identifiers, member chains and `super` can name a library.
    if !is_new {
        if let Some(cookie) = cookie_set(cx, node, callee) {
            facts.cookies.push(cookie);
            return;
        }
    }
    // `this.method()` calls a method of the class itself: never a library, and methods are
    // not followed as helpers.
    if callee.kind() == "member_expression"
        && callee.field("object").is_some_and(|o| o.kind() == "this")
    {
        return;
    }
    let (callee_value, is_new) = match callee.kind() {
        // `promisify(jwt.verify)(token, key)` calls what the inner call returns.
        "identifier"
        | "member_expression"
        | "subscript_expression"
        | "parenthesized_expression"
        | "call_expression" => (cx.eval(callee), is_new),
        "super" => match superclass(cx, node) {
            Some(v) => (v, true),
            None => return,
        },
        _ => return,
    };
    // A plugin registered on a framework: `fastify.register(fastifyJwt, options)`.
    if !is_new
        && callee.kind() == "member_expression"
        && callee
            .field("property")
            .is_some_and(|p| cx.text(p) == "register")
    {
        let args = cx.args(node);
        if let Some(Value::Import { module, path }) = args.first().map(|a| cx.eval(*a)) {
            if libraries::for_module(&module).is_some() && (path.is_empty() || path == ["default"])
            {
                let plugin = Value::Import {
                    module,
                    path: vec!["register".into()],
                };
                let api = short_text(cx.text(callee));
                return record(cx, node, plugin, api, false, facts);
            }
        }
    }
    match callee_value {
        Value::Import {
            ref module,
            ref path,
        } => {
            // A framework's typed value (`app: FastifyInstance`) is an import of the
            // framework, yet its @fastify/jwt decorators are still @fastify/jwt calls.
            if libraries::for_module(module).is_none() {
                return fastify_decorator(cx, node, callee, facts);
            }
            let api = if callee.kind() == "super" {
                format!("super(...) of {module} {}", path.join("."))
            } else if is_new {
                format!("new {}", short_text(cx.text(callee)))
            } else {
                short_text(cx.text(callee))
            };
            record(cx, node, callee_value, api, is_new, facts);
        }
        Value::Function { .. } | Value::Module { .. } => {
            let api = short_text(cx.text(callee));
            let api = if is_new { format!("new {api}") } else { api };
            // A project module's export may turn out to be a library once linked; a local
            // function is only worth a look when the call passes something known.
            if matches!(callee_value, Value::Function { .. }) {
                let args = cx.args(node);
                if is_new || args.is_empty() {
                    return;
                }
                let informative = args
                    .iter()
                    .take_while(|a| a.kind() != "spread_element")
                    .any(|a| {
                        // A database record is known enough: what it holds.
                        looked_up(cx, *a)
                            || !matches!(
                                cx.eval(*a),
                                Value::Unknown
                                    | Value::Param { .. }
                                    | Value::Function { .. }
                                    | Value::Global(_)
                            )
                    });
                if !informative {
                    return;
                }
            }
            record(cx, node, callee_value, api, is_new, facts);
        }
        // Decoding a token's payload by hand: `Buffer.from(t.split('.')[1], 'base64')`, `atob(…)`.
        Value::Global(p)
            if matches!(
                p.iter().map(String::as_str).collect::<Vec<_>>().as_slice(),
                ["Buffer", "from"] | ["atob"]
            ) && cx.args(node).first().is_some_and(|a| {
                let t: String = cx.text(*a).chars().filter(|c| !c.is_whitespace()).collect();
                t.contains(".split('.')[1]") || t.contains(".split(\".\")[1]")
            }) =>
        {
            let mut op = JwtOp::new(
                crate::semantic::ir::OpKind::Decode,
                "manual",
                short_text(cx.text(node)),
                cx.loc(node),
            );
            op.names = context_names(cx, node);
            let (use_, verified) = crate::semantic::extract::decode_use::analyse(cx, node);
            op.decode_use = use_;
            op.verified_nearby = verified;
            facts.ops.push(op);
        }
        Value::Global(p) if p.len() == 2 && p[1] == "setItem" => {
            let Some(storage) = storage_of(&p[0]) else {
                return;
            };
            let args = cx.args(node);
            let (Some(&k), Some(&v)) = (args.first(), args.get(1)) else {
                return;
            };
            let key = cx.eval(k);
            key.module_files(&mut facts.needs);
            facts.stores.push(TokenStore {
                storage,
                key,
                value_names: value_names(cx, v, 0),
                value_members: stored_object_members(cx, v),
                value: cx.eval(v),
                at: call_loc(cx, node),
                via: None,
            });
        }
        _ => fastify_decorator(cx, node, callee, facts),
    }
}

/// @fastify/jwt's decorators (`fastify.jwt.sign`, `request.jwtVerify()`, `reply.jwtSign`)
/// hang off framework objects, so they are recognised by their names.
fn fastify_decorator<'t>(
    cx: &Ctx<'_, 't>,
    node: Node<'t>,
    callee: Node<'t>,
    facts: &mut FileFacts,
) {
    if callee.kind() != "member_expression" {
        return;
    }
    let Some(prop) = callee.field("property").map(|p| cx.text(p)) else {
        return;
    };
    let Some(object) = callee.field("object") else {
        return;
    };
    let object_text = cx.text(object);
    let method = match prop {
        "jwtSign" | "jwtVerify" | "jwtDecode" => prop,
        "sign" | "verify" | "decode"
            if object_text.ends_with(".jwt") && !object_text.starts_with("this.") =>
        {
            prop
        }
        _ => return,
    };
    let callee_value = Value::Import {
        module: "@fastify/jwt".into(),
        path: vec![method.to_string()],
    };
    record(
        cx,
        node,
        callee_value,
        short_text(cx.text(callee)),
        false,
        facts,
    );
}

/// Where a call is blamed: from its method's name when it is called on the result of
/// another call (`reply.code(200).setCookie(…)` is blamed at `setCookie(…)`, DESIGN.md §3),
/// else the whole call.
fn call_loc(cx: &Ctx<'_, '_>, node: Node<'_>) -> Loc {
    let method = node
        .field("function")
        .filter(|f| f.kind() == "member_expression")
        .and_then(|f| {
            let object = cx.unwrap(f.field("object")?);
            matches!(object.kind(), "call_expression" | "new_expression")
                .then(|| f.field("property"))
                .flatten()
        });
    match method {
        Some(m) => Loc {
            path: cx.path.clone(),
            span: cx.source.span(m.start_byte(), node.end_byte()),
        },
        None => cx.loc(node),
    }
}

/// How deep into options objects functions are looked for (`{ callbacks: { jwt() {} } }`).
const MAX_FUNCTION_DEPTH: u32 = 3;

/// Records a call site: its arguments as values, the methods chained on it, the names
/// around it, what a decode's result feeds, and summaries of the functions passed in.
fn record<'t>(
    cx: &Ctx<'_, 't>,
    node: Node<'t>,
    callee: Value,
    api: String,
    is_new: bool,
    facts: &mut FileFacts,
) {
    let arg_of = |a: Node<'t>| Arg {
        value: cx.eval(a),
        at: cx.loc(a),
        names: value_names(cx, a, 0),
        source: payload_source(cx, a),
        looked_up: looked_up(cx, a),
        records: records(cx, a, "", 0),
    };
    let args_of = |call: Node<'t>| -> Vec<Option<Arg>> {
        let mut spread = false;
        cx.args(call)
            .into_iter()
            .map(|a| {
                spread |= a.kind() == "spread_element";
                (!spread).then(|| arg_of(a))
            })
            .collect()
    };
    let args = args_of(node);
    let chain = if is_new {
        chain_of(cx, node, &args_of)
    } else {
        Vec::new()
    };
    // Decode analysis reads the tree around the call, so it is done for every call that
    // may decode: the callee's name says so, or it is jwt-decode's.
    // A function of this file is only a helper: its calls are instantiated from their
    // arguments, and what surrounds them (a bundle's huge callbacks, its `parse` functions)
    // is not worth a look.
    let local = matches!(callee, Value::Function { .. });
    let lower = api.to_ascii_lowercase();
    let library = matches!(&callee, Value::Import { .. });
    let may_decode = !local
        && (lower.contains("decode")
            || (library && (lower.contains("parse") || lower.contains("readsafejsonstring")))
            || matches!(&callee, Value::Import { module, .. } if module == "jwt-decode"));
    let (decode_use, verified_nearby) = if may_decode {
        facts.may_decode = true;
        crate::semantic::extract::decode_use::analyse(cx, node)
    } else {
        (None, false)
    };
    let mut functions = Vec::new();
    for a in args
        .iter()
        .chain(chain.iter().flat_map(|l| &l.args))
        .flatten()
    {
        a.value.module_files(&mut facts.needs);
        functions_in(&a.value, 0, &mut functions);
    }
    for at in functions {
        // Functions are values of this file (`Value::Function`): the span tells them apart.
        let seen = facts.functions.iter().any(|f| f.at.span == at.span);
        if seen || !Arc::ptr_eq(&at.path, &cx.path) && at.path != cx.path {
            continue;
        }
        if let Some(summary) = summarise(cx, at) {
            summary.returns.module_files(&mut facts.needs);
            facts.functions.push(summary);
        }
    }
    facts.calls.push(CallSite {
        callee,
        api,
        at: call_loc(cx, node),
        is_new,
        args,
        chain,
        names: context_names(cx, node),
        decode_use,
        verified_nearby,
    });
}

/// Functions written inside a value (arguments, options objects).
fn functions_in<'v>(v: &'v Value, depth: u32, out: &mut Vec<&'v Loc>) {
    match v {
        Value::Function { at } => out.push(at),
        Value::Object(o) if depth < MAX_FUNCTION_DEPTH => {
            for p in &o.props {
                functions_in(&p.value, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// What adapters may ask of a function once the tree is gone.
pub fn summarise(cx: &Ctx<'_, '_>, at: &Loc) -> Option<FunctionSummary> {
    let func = cx.function_node(at)?;
    let text = cx.text(func);
    // Key-lookup analysis walks the body; only a function that reads a header can matter.
    let key_flows = if text.contains("header") || text.contains("Header") {
        crate::semantic::extract::key_functions::analyse(cx, func)
    } else {
        Vec::new()
    };
    Some(FunctionSummary {
        at: at.clone(),
        returns: cx.returned_value(func),
        key_flows,
        token_writes: token_writes(cx, func),
    })
}

/// `token.x = …` inside a function whose first parameter holds a token (next-auth's
/// `callbacks.jwt({ token, user })`).
fn token_writes(cx: &Ctx<'_, '_>, func: Node<'_>) -> Vec<Prop> {
    let token = func
        .field("parameters")
        .and_then(|p| p.named_child(0))
        .map(|p| cx.text(p))
        .unwrap_or_default();
    if !token.contains("token") {
        return Vec::new();
    }
    let mut props = Vec::new();
    let first = cx
        .index
        .assignments
        .partition_point(|a| a.start_byte() < func.start_byte());
    for &a in &cx.index.assignments[first..] {
        if a.start_byte() > func.end_byte() {
            break;
        }
        let (Some(left), Some(right)) = (a.field("left"), a.field("right")) else {
            continue;
        };
        let (Some(obj), Some(prop)) = (left.field("object"), left.field("property")) else {
            continue;
        };
        if cx.text(obj) == "token" {
            props.push(Prop {
                key: cx.text(prop).to_string(),
                value: cx.eval(right),
                at: cx.loc(right),
            });
        }
    }
    props
}

/// Methods called on a constructed object in the same expression, innermost first:
/// `new SignJWT(p).setProtectedHeader(h).setExpirationTime(t).sign(key)`.
fn chain_of<'t>(
    cx: &Ctx<'_, 't>,
    node: Node<'t>,
    args_of: &dyn Fn(Node<'t>) -> Vec<Option<Arg>>,
) -> Vec<ChainLink> {
    const MAX_LINKS: usize = 32;
    let mut cur = node;
    let mut links = Vec::new();
    let chain = cx.ancestors(node);
    let mut i = 0;
    while let Some(&parent) = chain.get(i) {
        if links.len() >= MAX_LINKS {
            break;
        }
        i += 1;
        if matches!(
            parent.kind(),
            "parenthesized_expression" | "await_expression"
        ) {
            cur = parent;
            continue;
        }
        let is_receiver = parent.kind() == "member_expression"
            && parent.field("object").map(|o| o.id()) == Some(cur.id());
        let Some(&call) = chain
            .get(i)
            .filter(|g| is_receiver && g.kind() == "call_expression")
        else {
            break;
        };
        i += 1;
        let method = parent
            .field("property")
            .map(|p| cx.text(p).to_string())
            .unwrap_or_default();
        links.push(ChainLink {
            method,
            args: args_of(call),
            at: call_loc(cx, call),
        });
        cur = call;
    }
    links
}

fn storage_of(name: &str) -> Option<Storage> {
    match name {
        "localStorage" => Some(Storage::Local),
        "sessionStorage" => Some(Storage::Session),
        _ => None,
    }
}

/// `localStorage.token = v` and `localStorage['token'] = v`.
fn on_assignment<'t>(cx: &Ctx<'_, 't>, node: Node<'t>, facts: &mut FileFacts) {
    let (Some(left), Some(right)) = (node.field("left"), node.field("right")) else {
        return;
    };
    let (obj, key) = match left.kind() {
        "member_expression" => {
            let (Some(o), Some(p)) = (left.field("object"), left.field("property")) else {
                return;
            };
            (
                o,
                Value::Str {
                    value: cx.text(p).to_string(),
                    at: cx.loc(p),
                },
            )
        }
        "subscript_expression" => {
            let (Some(o), Some(i)) = (left.field("object"), left.field("index")) else {
                return;
            };
            (o, cx.eval(i))
        }
        _ => return,
    };
    let Value::Global(p) = cx.eval(obj) else {
        return;
    };
    let Some(storage) = (p.len() == 1).then(|| storage_of(&p[0])).flatten() else {
        return;
    };
    facts.stores.push(TokenStore {
        storage,
        key,
        value_names: value_names(cx, right, 0),
        value_members: stored_object_members(cx, right),
        value: cx.eval(right),
        at: cx.loc(node),
        via: None,
    });
}

/// Names a stored value goes by: the last name of a member chain, the keys of an
/// object literal, the arguments of `JSON.stringify`/`String`, template substitutions.
fn value_names(cx: &Ctx<'_, '_>, node: Node<'_>, depth: u32) -> Vec<String> {
    let node = cx.unwrap(node);
    if depth > 4 {
        return Vec::new();
    }
    match node.kind() {
        "identifier" | "shorthand_property_identifier" => vec![cx.text(node).to_string()],
        "member_expression" => node
            .field("property")
            .map(|p| vec![cx.text(p).to_string()])
            .unwrap_or_default(),
        "subscript_expression" => node
            .field("index")
            .and_then(|i| key_name(i, cx.src()))
            .map(|k| vec![k])
            .unwrap_or_default(),
        "object" => {
            let mut out = Vec::new();
            let mut cursor = node.walk();
            for child in node.named_children(&mut cursor) {
                match child.kind() {
                    "pair" => {
                        if let Some(k) = child.field("key").and_then(|k| key_name(k, cx.src())) {
                            out.push(k);
                        }
                    }
                    "shorthand_property_identifier" => out.push(cx.text(child).to_string()),
                    _ => {}
                }
            }
            out
        }
        "call_expression" => {
            let callee = node.field("function").map(|f| cx.text(f)).unwrap_or("");
            if matches!(callee, "JSON.stringify" | "String") {
                cx.args(node)
                    .first()
                    .map(|a| value_names(cx, *a, depth + 1))
                    .unwrap_or_default()
            } else {
                Vec::new()
            }
        }
        "template_string" => {
            let mut out = Vec::new();
            let mut cursor = node.walk();
            for child in node.named_children(&mut cursor) {
                if child.kind() == "template_substitution" {
                    if let Some(inner) = child.named_child(0) {
                        out.extend(value_names(cx, inner, depth + 1));
                    }
                }
            }
            out
        }
        "binary_expression" => {
            let mut out = Vec::new();
            for f in ["left", "right"] {
                if let Some(n) = node.field(f) {
                    out.extend(value_names(cx, n, depth + 1));
                }
            }
            out
        }
        _ => Vec::new(),
    }
}

/// Properties the enclosing function reads off a stored object: for
/// `if (res.data.accessToken) localStorage.setItem('user', JSON.stringify(res.data))`,
/// `accessToken`. The object holds them, so storing it stores them.
fn stored_object_members(cx: &Ctx<'_, '_>, value: Node<'_>) -> Vec<String> {
    const MAX_NODES: usize = 5000;
    let mut v = cx.unwrap(value);
    if v.kind() == "call_expression"
        && v.field("function")
            .is_some_and(|f| cx.text(f) == "JSON.stringify")
    {
        match cx.args(v).first() {
            Some(a) => v = cx.unwrap(*a),
            None => return Vec::new(),
        }
    }
    if !matches!(v.kind(), "identifier" | "member_expression") {
        return Vec::new();
    }
    let target = cx.text(v);
    let mut scope = v;
    for p in cx.ancestors(v) {
        scope = p;
        if matches!(
            p.kind(),
            "function_declaration"
                | "function_expression"
                | "arrow_function"
                | "method_definition"
                | "function"
        ) {
            break;
        }
    }
    let mut out = Vec::new();
    let mut cursor = scope.walk();
    let mut seen = 0;
    'walk: loop {
        let n = cursor.node();
        seen += 1;
        if n.kind() == "member_expression"
            && n.field("object").is_some_and(|o| cx.text(o) == target)
        {
            if let Some(p) = n.field("property") {
                out.push(cx.text(p).to_string());
            }
        }
        if seen >= MAX_NODES {
            break;
        }
        if cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.node().id() == scope.id() {
                break 'walk;
            }
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// `cookie.serialize(name, value, options)` of the `cookie` package.
fn serialized<'t>(cx: &Ctx<'_, 't>, node: Node<'t>) -> Option<()> {
    if node.kind() != "call_expression" {
        return None;
    }
    match cx.eval(node.field("function")?) {
        Value::Import { module, path }
            if module == "cookie"
                && matches!(
                    path.iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .as_slice(),
                    ["serialize"] | ["default", "serialize"]
                ) =>
        {
            Some(())
        }
        _ => None,
    }
}

/// Attributes written in a `Set-Cookie` header value, as an options object.
fn set_cookie_attributes(cx: &Ctx<'_, '_>, node: Node<'_>, text: &str) -> Value {
    let lower = text.to_ascii_lowercase();
    let at = cx.loc(node);
    let flag = |key: &str, present: bool| Prop {
        key: key.into(),
        value: if present {
            Value::Bool(true)
        } else {
            Value::Undefined
        },
        at: at.clone(),
    };
    let props = vec![
        flag("httpOnly", lower.contains("httponly")),
        flag(
            "secure",
            lower.contains("; secure") || lower.contains(";secure"),
        ),
        flag("sameSite", lower.contains("samesite")),
    ]
    .into_iter()
    .filter(|p| p.value != Value::Undefined)
    .collect();
    Value::Object(Object {
        props,
        open: false,
        at: Some(at),
        spreads: Vec::new(),
    })
}

/// Recognises cookie-setting calls by their shape (the receivers are framework objects
/// handed in as parameters, so there is no import to resolve).
fn cookie_set<'t>(cx: &Ctx<'_, 't>, node: Node<'t>, callee: Node<'t>) -> Option<CookieSet> {
    let args = cx.args(node);
    let api = short_text(cx.text(callee));
    let slot = |n: Option<&Node<'t>>| match n {
        Some(a) => Slot::Present {
            value: cx.eval(*a),
            at: cx.loc(*a),
        },
        None => Slot::Absent,
    };
    let make = |name: Node<'t>, value: Node<'t>, options: Slot, safe_defaults: bool| CookieSet {
        name: cx.eval(name),
        value_names: value_names(cx, value, 0),
        value: cx.eval(value),
        value_at: Some(cx.loc(value)),
        options,
        safe_defaults,
        script_set: false,
        api: api.clone(),
        at: call_loc(cx, node),
    };
    if callee.kind() == "identifier" {
        // hono/cookie `setCookie(c, name, value, options)`.
        if let Value::Import { module, path } = cx.eval(callee) {
            if module.starts_with("hono/cookie") && path == ["setCookie"] && args.len() >= 3 {
                return Some(make(args[1], args[2], slot(args.get(3)), false));
            }
        }
        return None;
    }
    if callee.kind() != "member_expression" {
        return None;
    }
    let method = cx.text(callee.field("property")?);
    let object = cx.unwrap(callee.field("object")?);
    let object_text = cx.text(object);
    match method {
        "cookie" | "setCookie" if args.len() >= 2 && object_text != "document" => {
            Some(make(args[0], args[1], slot(args.get(2)), false))
        }
        "set"
            if args.len() >= 2
                && (object_text.ends_with("cookies") || object_text.ends_with("cookies()"))
                && home_made_cookies(cx, object) =>
        {
            // The project's own cookie helper or a browser library: a script sets the cookie;
            // the third argument is that helper's (days, an expiry), not server options.
            let mut cookie = make(args[0], args[1], Slot::Absent, false);
            cookie.script_set = true;
            cookie.value_at = None;
            Some(cookie)
        }
        "set"
            if args.len() >= 2
                && (object_text.ends_with("cookies") || object_text.ends_with("cookies()")) =>
        {
            // koa's `ctx.cookies.set` is httpOnly, and secure on HTTPS, unless told otherwise.
            let koa =
                object_text.ends_with("ctx.cookies") || object_text.ends_with("context.cookies");
            Some(make(args[0], args[1], slot(args.get(2)), koa))
        }
        "setHeader" | "header" | "set" | "append" if args.len() >= 2 => {
            let header = cx.eval(args[0]);
            if !header
                .as_str()
                .is_some_and(|h| h.eq_ignore_ascii_case("set-cookie"))
            {
                return None;
            }
            let value = cx.unwrap(args[1]);
            // The `cookie` package writes the header from options: read those, not text.
            // (An array of cookies: the first, a token cookie usually comes first.)
            let first = if value.kind() == "array" {
                let mut c = value.walk();
                let found = value
                    .named_children(&mut c)
                    .find(|n| serialized(cx, *n).is_some());
                found
            } else {
                Some(value)
            };
            if let Some(call) = first.filter(|n| serialized(cx, *n).is_some()) {
                let a = cx.args(call);
                if a.len() >= 2 {
                    let mut cookie = make(a[0], a[1], slot(a.get(2)), false);
                    cookie.at = call_loc(cx, call);
                    return Some(cookie);
                }
            }
            let text = cx.text(value);
            let name = text
                .trim_start_matches(['\'', '"', '`'])
                .split('=')
                .next()
                .unwrap_or("")
                .to_string();
            let names = value_names(cx, value, 0);
            Some(CookieSet {
                name: Value::Str {
                    value: name,
                    at: cx.loc(value),
                },
                value_names: names,
                value: Value::Unknown,
                value_at: None,
                options: Slot::Present {
                    value: set_cookie_attributes(cx, value, text),
                    at: cx.loc(value),
                },
                safe_defaults: false,
                script_set: false,
                api,
                at: call_loc(cx, node),
            })
        }
        _ => None,
    }
}

/// A `cookies` object that is not a server framework's cookie jar: the project's own
/// module or object (`import cookies from './cookie'`, whose `set(name, value, days)` has
/// another signature), or a browser cookie library, where scripts cannot set `httpOnly`.
fn home_made_cookies<'t>(cx: &Ctx<'_, 't>, object: Node<'t>) -> bool {
    const BROWSER_LIBRARIES: &[&str] = &["js-cookie", "universal-cookie", "react-cookie"];
    if object.kind() != "identifier" {
        return false;
    }
    match cx.eval(object) {
        Value::Module { .. } | Value::Object(_) | Value::Function { .. } => true,
        Value::Import { module, .. } => BROWSER_LIBRARIES.contains(&module.as_str()),
        _ => false,
    }
}

/// Calls that load one database record.
const DB_LOOKUPS: &[&str] = &[
    "findById",
    "findOne",
    "findUnique",
    "findUniqueOrThrow",
    "findFirst",
    "findFirstOrThrow",
    "findByPk",
    "findOneBy",
    "findOneOrFail",
    "findOneByOrFail",
];

/// Whether an expression is a variable holding a record loaded from a database.
fn looked_up(cx: &Ctx<'_, '_>, node: Node<'_>) -> bool {
    let node = cx.unwrap(node);
    if node.kind() != "identifier" {
        return false;
    }
    let Some(decl) = cx.index.lookup(cx.text(node), node.start_byte()) else {
        return false;
    };
    let crate::semantic::extract::scope::DeclKind::Var {
        init: Some(init),
        path,
        ..
    } = &decl.kind
    else {
        return false;
    };
    let call = cx.unwrap(*init);
    path.is_empty()
        && call.kind() == "call_expression"
        && call
            .field("function")
            .and_then(|f| f.field("property"))
            .is_some_and(|p| DB_LOOKUPS.contains(&cx.text(p)))
}

/// Properties of an object literal that hold whole objects (a variable, or a record
/// loaded from a database), through nested literals.
fn records(cx: &Ctx<'_, '_>, node: Node<'_>, prefix: &str, depth: u32) -> Vec<Record> {
    let node = cx.unwrap(node);
    let mut out = Vec::new();
    if node.kind() != "object" || depth > 2 {
        return out;
    }
    let mut c = node.walk();
    for child in node.named_children(&mut c) {
        let (key, value) = match child.kind() {
            "pair" => match (
                child.field("key").and_then(|k| key_name(k, cx.src())),
                child.field("value"),
            ) {
                (Some(k), Some(v)) => (k, v),
                _ => continue,
            },
            "shorthand_property_identifier" => (cx.text(child).to_string(), child),
            _ => continue,
        };
        let key = if prefix.is_empty() {
            key
        } else {
            format!("{prefix}.{key}")
        };
        let value = cx.unwrap(value);
        if value.kind() == "object" {
            out.extend(records(cx, value, &key, depth + 1));
            continue;
        }
        let name = match value.kind() {
            // `{ user }`: the variable is the record.
            "identifier" | "shorthand_property_identifier" => Some(cx.text(value).to_string()),
            _ => payload_source(cx, value).filter(|_| value.kind() == "call_expression"),
        };
        if let Some(name) = name {
            out.push(Record {
                key,
                name,
                at: cx.loc(value),
                looked_up: looked_up(cx, value),
            });
        }
    }
    out
}

/// The variable a payload is (or spreads) when it is a whole object: `user`,
/// `req.user`, `user.toJSON()`, `{ ...user._doc }`.
fn payload_source(cx: &Ctx<'_, '_>, node: Node<'_>) -> Option<String> {
    let node = cx.unwrap(node);
    match node.kind() {
        "identifier" => Some(cx.text(node).to_string()),
        "member_expression" => {
            let prop = node.field("property").map(|p| cx.text(p))?;
            if matches!(prop, "_doc" | "dataValues") {
                node.field("object").and_then(|o| payload_source(cx, o))
            } else {
                Some(prop.to_string())
            }
        }
        "call_expression" => {
            let f = node.field("function")?;
            if cx.text(f) == "Object.assign" {
                // `Object.assign({}, user)`: the last source that is a variable.
                return cx
                    .args(node)
                    .into_iter()
                    .rev()
                    .find_map(|a| payload_source(cx, a));
            }
            let method = f.field("property").map(|p| cx.text(p))?;
            if matches!(method, "toJSON" | "toObject" | "get" | "lean") {
                payload_source(cx, f.field("object")?)
            } else {
                None
            }
        }
        "object" => {
            let mut c = node.walk();
            let spread = node
                .named_children(&mut c)
                .find(|n| n.kind() == "spread_element")?;
            spread.named_child(0).and_then(|n| payload_source(cx, n))
        }
        _ => None,
    }
}

/// The class a `super(...)` call constructs: `extends X`, or the first argument of a
/// mixin call such as NestJS `extends PassportStrategy(Strategy)`.
fn superclass<'t>(cx: &Ctx<'_, 't>, node: Node<'t>) -> Option<Value> {
    let body = cx.enclosing_class_body(node)?;
    let class = body.parent()?;
    let mut cursor = class.walk();
    let heritage = class
        .named_children(&mut cursor)
        .find(|c| c.kind() == "class_heritage")?;
    let mut c2 = heritage.walk();
    let mut expr = heritage.named_children(&mut c2).next()?;
    if expr.kind() == "extends_clause" {
        expr = expr.field("value").or_else(|| expr.named_child(0))?;
    }
    let expr = cx.unwrap(expr);
    if expr.kind() == "call_expression" {
        let first = *cx.args(expr).first()?;
        return match cx.eval(first) {
            v @ Value::Import { .. } => Some(v),
            _ => None,
        };
    }
    match cx.eval(expr) {
        v @ Value::Import { .. } => Some(v),
        _ => None,
    }
}

/// Names that say what a call's token is for: the variable or property it is assigned
/// to and the enclosing functions' names, innermost first.
pub fn context_names(cx: &Ctx<'_, '_>, node: Node<'_>) -> Vec<String> {
    let mut names = Vec::new();
    let mut cur = node;
    let mut functions = 0;
    // Position inside an array literal, for `const [a, r] = await Promise.all([signA, signR])`.
    let mut array_index = None;
    let chain = cx.ancestors(node);
    for (i, &parent) in chain.iter().enumerate() {
        match parent.kind() {
            "array" if array_index.is_none() => {
                let mut c = parent.walk();
                array_index = parent
                    .named_children(&mut c)
                    .filter(|n| n.kind() != "comment")
                    .position(|n| n.id() == cur.id());
            }
            "variable_declarator" => match parent.field("name") {
                Some(n) if n.kind() == "identifier" => names.push(cx.text(n).to_string()),
                Some(n) if n.kind() == "array_pattern" => {
                    let mut c = n.walk();
                    let element = array_index.and_then(|i| n.named_children(&mut c).nth(i));
                    if let Some(e) = element.filter(|e| e.kind() == "identifier") {
                        names.push(cx.text(e).to_string());
                    }
                }
                _ => {}
            },
            "pair" => {
                if let Some(k) = parent.field("key").and_then(|k| key_name(k, cx.src())) {
                    names.push(k);
                }
            }
            "assignment_expression" => {
                if let Some(l) = parent.field("left") {
                    let l = l.field("property").unwrap_or(l);
                    names.push(cx.text(l).to_string());
                }
            }
            "function_declaration" | "method_definition" | "generator_function_declaration" => {
                if let Some(n) = parent.field("name") {
                    names.push(cx.text(n).to_string());
                }
                functions += 1;
            }
            "arrow_function" | "function_expression" | "function" => functions += 1,
            "class_body" => {
                // The class name says what its methods sign (`RefreshTokenService`).
                if let Some(n) = chain.get(i + 1).and_then(|c| c.field("name")) {
                    names.push(cx.text(n).to_string());
                }
                break;
            }
            "program" => break,
            _ => {}
        }
        if functions >= 2 {
            break;
        }
        cur = parent;
    }
    names.truncate(8);
    names
}

/// Source text for a message: white space removed, at most 60 characters.
fn short_text(t: &str) -> String {
    let t: String = t.split_whitespace().collect::<Vec<_>>().join("");
    if t.chars().count() > 60 {
        t.chars().take(57).collect::<String>() + "..."
    } else {
        t
    }
}
