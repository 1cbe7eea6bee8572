//! The module layering of DESIGN.md §1, checked on the source text: modules import each
//! other one way (no cycles), nothing below the crate root reaches up into it, and only the
//! parse and extract stages name tree-sitter.
//!
//! The check reads `src/**/*.rs` (comments and string literals blanked out), collects every
//! path that starts with `crate::`, `$crate::`, `super::`, `self::` or a child module's name
//! (including `use crate::{a::b, c}` groups), resolves it against the module the text is in,
//! and builds two graphs: top-level modules (`config`, `rules`, ...; `lib.rs` and `main.rs`
//! are the glue above them and are left out) and the submodules of `semantic`.
//! `#[cfg(test)]` modules are left out too: like integration tests, unit tests may drive
//! the assembled crate (`crate::lint_source`, `crate::rules::catalog()`), and they are not
//! part of what the stages import.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Files and folders (ending in `/`) allowed to name the `tree_sitter` crates (paths
/// relative to the crate root): the parse stage and the extract stage (DESIGN.md §1:
/// "extract ... the only stage besides parse that sees tree-sitter"). Adapters, linking,
/// interpretation, rules and reports work on syntax-free facts.
const TREE_SITTER_ALLOWED: &[&str] = &["src/parse.rs", "src/semantic/extract/"];

fn tree_sitter_allowed(rel: &str) -> bool {
    TREE_SITTER_ALLOWED
        .iter()
        .any(|a| rel == *a || (a.ends_with('/') && rel.starts_with(a)))
}

/// Import cycles between submodules of `semantic` that exist today, each written from its
/// alphabetically first module and implicitly closing back to it. Being removed by the
/// engine rewrite (issue #10): the list may only shrink, so a cycle that disappears must be
/// taken off it too.
const ALLOWED_SEMANTIC_CYCLES: &[&str] = &[];

/// Top-level cycles: none.
const ALLOWED_TOP_LEVEL_CYCLES: &[&str] = &[];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Ident(String),
    /// `::`
    Path,
    Punct(char),
}

/// One source file, lexed.
struct File {
    /// Relative to the crate root, with `/`.
    rel: String,
    /// The module the file defines, from the crate root (`[]` for lib.rs and main.rs).
    module: Vec<String>,
    /// Tokens of the code with comments and literal contents blanked out, with lines.
    toks: Vec<(Tok, usize)>,
}

/// Replaces comments and literal contents with spaces, keeping line breaks.
fn blank_comments_and_strings(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    let mut i = 0;
    while i < c.len() {
        let prev_ident = i > 0 && ident(c[i - 1]);
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
                out.push(' ');
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if !prev_ident && (c[i] == 'r' || (c[i] == 'b' && c.get(i + 1) == Some(&'r'))) && {
            // A raw string: r"..", r#".."#, br"..".
            let mut j = i + if c[i] == 'b' { 2 } else { 1 };
            while c.get(j) == Some(&'#') {
                j += 1;
            }
            c.get(j) == Some(&'"')
        } {
            let start = i;
            i += if c[i] == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while c[i] == '#' {
                hashes += 1;
                i += 1;
            }
            i += 1; // the opening quote
            out.extend(std::iter::repeat_n(' ', i - start));
            while i < c.len() {
                if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
                    out.extend(std::iter::repeat_n(' ', hashes + 1));
                    i += hashes + 1;
                    break;
                }
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() {
                if c[i] == '\\' {
                    blank(&mut out, c[i]);
                    i += 1;
                    if i < c.len() {
                        blank(&mut out, c[i]);
                        i += 1;
                    }
                    continue;
                }
                let end = c[i] == '"';
                blank(&mut out, c[i]);
                i += 1;
                if end {
                    break;
                }
            }
        } else if c[i] == '\'' {
            // A char literal ('x', '\n', '\u{1b}'), or a lifetime ('a), which stays.
            if c.get(i + 1) == Some(&'\\') {
                out.push_str("  ");
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    out.push(' ');
                    i += 1;
                }
                out.push(' ');
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                out.push_str("   ");
                i += 3;
            } else {
                out.push('\'');
                i += 1;
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn tokens(code: &str) -> Vec<(Tok, usize)> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut chars = code.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch == '\n' {
            line += 1;
        } else if ch.is_alphabetic() || ch == '_' {
            let mut s = ch.to_string();
            while let Some(&n) = chars.peek() {
                if !(n.is_alphanumeric() || n == '_') {
                    break;
                }
                s.push(n);
                chars.next();
            }
            out.push((Tok::Ident(s), line));
        } else if ch.is_numeric() {
            while chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || *n == '_')
            {
                chars.next();
            }
        } else if ch == ':' && chars.peek() == Some(&':') {
            chars.next();
            out.push((Tok::Path, line));
        } else if !ch.is_whitespace() {
            out.push((Tok::Punct(ch), line));
        }
    }
    out
}

fn read_tree(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            read_tree(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn load() -> Vec<File> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    read_tree(&root.join("src"), &mut paths);
    paths
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&p).unwrap();
            let code = blank_comments_and_strings(&text);
            File {
                module: module_of(&rel),
                rel,
                toks: tokens(&code),
            }
        })
        .collect()
}

/// `src/config.rs` -> `config`, `src/semantic/libraries/mod.rs` -> `semantic::libraries`,
/// `src/lib.rs` and `src/main.rs` -> the crate root.
fn module_of(rel: &str) -> Vec<String> {
    let inner = rel
        .strip_prefix("src/")
        .unwrap()
        .strip_suffix(".rs")
        .unwrap();
    let mut parts: Vec<String> = inner.split('/').map(String::from).collect();
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    if parts == ["lib"] || parts == ["main"] {
        parts.clear();
    }
    parts
}

/// A reference from one place in a file to a path from the crate root.
#[derive(Debug)]
struct Ref {
    /// The module the reference is written in (inline `mod` blocks included).
    from: Vec<String>,
    to: Vec<String>,
    line: usize,
    macro_call: bool,
}

/// Parses a path (or a `use` tree) from `toks[*i]` on, below `prefix`.
fn parse_tree(
    toks: &[(Tok, usize)],
    i: &mut usize,
    prefix: Vec<String>,
) -> Vec<(Vec<String>, bool)> {
    let mut path = prefix;
    loop {
        match toks.get(*i).map(|t| &t.0) {
            Some(Tok::Ident(s)) => {
                *i += 1;
                match s.as_str() {
                    "self" => {}
                    "super" => {
                        path.pop();
                    }
                    _ => path.push(s.clone()),
                }
                if toks.get(*i).map(|t| &t.0) == Some(&Tok::Path) {
                    *i += 1;
                    continue;
                }
                let is_macro = toks.get(*i).map(|t| &t.0) == Some(&Tok::Punct('!'));
                return vec![(path, is_macro)];
            }
            Some(Tok::Punct('{')) => {
                *i += 1;
                let mut all = Vec::new();
                loop {
                    match toks.get(*i).map(|t| &t.0) {
                        None => return all,
                        Some(Tok::Punct('}')) => {
                            *i += 1;
                            return all;
                        }
                        Some(Tok::Punct(',')) => *i += 1,
                        _ => {
                            let before = *i;
                            all.extend(parse_tree(toks, i, path.clone()));
                            // Skip what follows an item (`as x`), up to `,` or `}`.
                            let mut depth = 0;
                            while let Some((t, _)) = toks.get(*i) {
                                match t {
                                    Tok::Punct('{') => depth += 1,
                                    Tok::Punct('}') if depth == 0 => break,
                                    Tok::Punct('}') => depth -= 1,
                                    Tok::Punct(',') if depth == 0 => break,
                                    _ => {}
                                }
                                *i += 1;
                            }
                            if *i == before {
                                *i += 1;
                            }
                        }
                    }
                }
            }
            _ => return vec![(path, false)],
        }
    }
}

fn references(file: &File) -> Vec<Ref> {
    let toks = &file.toks;
    let tok = |i: usize| toks.get(i).map(|t| &t.0);
    // Child modules declared in this file with `mod x;`: a bare `x::` names them.
    let mut children = BTreeSet::new();
    for w in toks.windows(3) {
        if let [(Tok::Ident(m), _), (Tok::Ident(name), _), (Tok::Punct(';'), _)] = w {
            if m == "mod" {
                children.insert(name.clone());
            }
        }
    }
    let mut out = Vec::new();
    // Inline `mod x { .. }` blocks: (name, brace depth inside it, `#[cfg(test)]`).
    let mut inline: Vec<(String, usize, bool)> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while i < toks.len() {
        let here = || {
            let mut m = file.module.clone();
            m.extend(inline.iter().map(|(n, _, _)| n.clone()));
            m
        };
        match &toks[i].0 {
            Tok::Punct('{') => {
                depth += 1;
                i += 1;
                continue;
            }
            Tok::Punct('}') => {
                if inline.last().is_some_and(|(_, d, _)| *d == depth) {
                    inline.pop();
                }
                depth -= 1;
                i += 1;
                continue;
            }
            Tok::Ident(m) if m == "mod" => {
                if let (Some(Tok::Ident(name)), Some(Tok::Punct('{'))) = (tok(i + 1), tok(i + 2)) {
                    // `#[cfg(test)] mod x {` or `#[cfg(test)] pub mod x {`.
                    let before = |k: usize| i.checked_sub(k).and_then(&tok);
                    let pub_ = usize::from(matches!(before(1), Some(Tok::Ident(p)) if p == "pub"));
                    let attr: Vec<Option<&Tok>> = (1..=7).rev().map(|k| before(k + pub_)).collect();
                    let cfg_test = attr
                        == [
                            Some(&Tok::Punct('#')),
                            Some(&Tok::Punct('[')),
                            Some(&Tok::Ident("cfg".into())),
                            Some(&Tok::Punct('(')),
                            Some(&Tok::Ident("test".into())),
                            Some(&Tok::Punct(')')),
                            Some(&Tok::Punct(']')),
                        ];
                    inline.push((name.clone(), depth + 1, cfg_test));
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        let after_path = i > 0 && matches!(tok(i - 1), Some(Tok::Path) | Some(Tok::Punct('.')));
        let next_is_path = tok(i + 1) == Some(&Tok::Path);
        let start = match &toks[i].0 {
            Tok::Ident(s) if !after_path && next_is_path => match s.as_str() {
                "crate" => Some((Vec::new(), i + 2)),
                "super" | "self" => Some((here(), i)),
                s if children.contains(s) && inline.is_empty() => Some((here(), i)),
                _ => None,
            },
            _ => None,
        };
        let in_test = inline.iter().any(|(_, _, t)| *t);
        let Some((prefix, mut j)) = start.filter(|_| !in_test) else {
            i += 1;
            continue;
        };
        let line = toks[i].1;
        let from = here();
        for (to, macro_call) in parse_tree(toks, &mut j, prefix) {
            out.push(Ref {
                from: from.clone(),
                to,
                line,
                macro_call,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// Edges of a graph, each with the places (file:line) that make it.
type Graph = BTreeMap<String, BTreeMap<String, Vec<String>>>;

fn add(g: &mut Graph, from: &str, to: &str, at: String) {
    if from != to {
        g.entry(from.to_string())
            .or_default()
            .entry(to.to_string())
            .or_default()
            .push(at);
    }
}

struct Graphs {
    top: Graph,
    semantic: Graph,
    /// Places below the crate root that name an item of the crate root (not a macro).
    root_items: Vec<String>,
}

fn graphs(files: &[File]) -> Graphs {
    let top_modules: BTreeSet<String> = files
        .iter()
        .filter_map(|f| f.module.first().cloned())
        .collect();
    let semantic_modules: BTreeSet<String> = files
        .iter()
        .filter(|f| f.module.len() >= 2 && f.module[0] == "semantic")
        .map(|f| f.module[1].clone())
        .collect();
    let semantic_node = |m: &[String]| match m.get(1) {
        Some(sub) if semantic_modules.contains(sub) => format!("semantic::{sub}"),
        _ => "semantic".to_string(),
    };
    let mut g = Graphs {
        top: Graph::new(),
        semantic: Graph::new(),
        root_items: Vec::new(),
    };
    for f in files {
        for r in references(f) {
            let at = format!("{}:{}", f.rel, r.line);
            let Some(from) = r.from.first() else {
                continue; // the crate root: glue, above everything
            };
            match r.to.first() {
                Some(to) if top_modules.contains(to) => {
                    add(&mut g.top, from, to, at.clone());
                    if from == "semantic" && to == "semantic" {
                        add(
                            &mut g.semantic,
                            &semantic_node(&r.from),
                            &semantic_node(&r.to),
                            at,
                        );
                    }
                }
                // `crate::rule_meta!`: exported macros live at the root.
                _ if r.macro_call => {}
                Some(_) => g
                    .root_items
                    .push(format!("{at}: crate::{}", r.to.join("::"))),
                None => {}
            }
        }
    }
    g
}

/// Every elementary cycle, each rotated to start at its smallest node.
fn cycles(g: &Graph) -> Vec<Vec<String>> {
    fn walk(g: &Graph, start: &str, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        let last = path.last().unwrap().clone();
        for next in g.get(&last).into_iter().flat_map(|e| e.keys()) {
            if next == start {
                out.push(path.clone());
            } else if next.as_str() > start && !path.contains(next) {
                path.push(next.clone());
                walk(g, start, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    let nodes: BTreeSet<&String> = g.keys().chain(g.values().flat_map(|e| e.keys())).collect();
    for n in nodes {
        walk(g, n, &mut vec![n.clone()], &mut out);
    }
    out
}

fn spell(c: &[String]) -> String {
    c.join(" -> ")
}

/// The cycles of `g` not in `allowed`, and the allowed ones that are gone, as messages.
fn check_cycles(name: &str, g: &Graph, allowed: &[&str]) -> Vec<String> {
    let found = cycles(g);
    let mut problems = Vec::new();
    for c in &found {
        if allowed.contains(&spell(c).as_str()) {
            continue;
        }
        let mut msg = format!("{name} import cycle: {} -> {}", spell(c), c[0]);
        for (k, from) in c.iter().enumerate() {
            let to = &c[(k + 1) % c.len()];
            let places = &g[from][to];
            let more = match places.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            msg.push_str(&format!("\n    {from} -> {to}: {}{more}", places[0]));
        }
        problems.push(msg);
    }
    for a in allowed {
        if !found.iter().any(|c| spell(c) == *a) {
            problems.push(format!(
                "{name} cycle `{a}` is allowed but no longer exists: take it off the list"
            ));
        }
    }
    problems
}

#[test]
fn modules_import_each_other_one_way() {
    let files = load();
    let g = graphs(&files);
    let mut problems = check_cycles("top-level", &g.top, ALLOWED_TOP_LEVEL_CYCLES);
    problems.extend(check_cycles(
        "semantic",
        &g.semantic,
        ALLOWED_SEMANTIC_CYCLES,
    ));
    for r in &g.root_items {
        problems.push(format!(
            "{r}: a module names the crate root (lib.rs is glue above every module)"
        ));
    }
    // `JWTLINT_PRINT_GRAPH=1 cargo test --test architecture -- --nocapture` shows the graphs.
    if std::env::var_os("JWTLINT_PRINT_GRAPH").is_some() {
        for (from, edges) in g.top.iter().chain(&g.semantic) {
            let to: Vec<&str> = edges.keys().map(String::as_str).collect();
            eprintln!("{from} -> {}", to.join(", "));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn only_parse_and_extract_name_tree_sitter() {
    let files = load();
    let mut problems = Vec::new();
    let mut named = BTreeSet::new();
    for f in &files {
        let hit = f.toks.iter().find(|(t, _)| {
            matches!(t, Tok::Ident(s) if s == "tree_sitter" || s.starts_with("tree_sitter_"))
        });
        if let Some((_, line)) = hit {
            named.insert(f.rel.as_str());
            if !tree_sitter_allowed(&f.rel) {
                problems.push(format!("{}:{line}: names tree_sitter", f.rel));
            }
        }
    }
    for a in TREE_SITTER_ALLOWED {
        if !named
            .iter()
            .any(|n| n == a || (a.ends_with('/') && n.starts_with(a)))
        {
            problems.push(format!(
                "{a} is allowed to name tree_sitter but does not (or is gone): take it off the list"
            ));
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn the_checker_sees_what_it_must() {
    let mut g = Graph::new();
    add(&mut g, "a", "b", "src/a.rs:1".into());
    add(&mut g, "b", "c", "src/b.rs:2".into());
    add(&mut g, "c", "a", "src/c.rs:3".into());
    add(&mut g, "b", "a", "src/b.rs:4".into());
    add(&mut g, "c", "d", "src/c.rs:5".into());
    let mut found: Vec<String> = cycles(&g).iter().map(|c| spell(c)).collect();
    found.sort();
    assert_eq!(found, ["a -> b", "a -> b -> c"]);
    let problems = check_cycles("test", &g, &["a -> b", "d -> e"]);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems[0].contains("a -> b -> c -> a"), "{}", problems[0]);
    assert!(
        problems[0].contains("c -> a: src/c.rs:3"),
        "{}",
        problems[0]
    );
    assert!(problems[1].contains("`d -> e` is allowed but no longer exists"));

    // Paths are read through comments, strings, groups and `super::`.
    let text = "use crate::{a::X, b::{c::Y, Z}};\n// crate::hidden::X\n\
                fn f() { let s = \"crate::hidden\"; super::d::g(); }\n\
                mod inner { use super::*; fn t() { crate::root_fn(); crate::m!(); } }\n\
                #[cfg(test)]\nmod tests { use crate::hidden::Y; }\n";
    let code = blank_comments_and_strings(text);
    let file = File {
        rel: "src/semantic/x.rs".into(),
        module: module_of("src/semantic/x.rs"),
        toks: tokens(&code),
    };
    let refs: Vec<String> = references(&file)
        .iter()
        .map(|r| format!("{}:{}>{}", r.line, r.from.join("::"), r.to.join("::")))
        .collect();
    assert_eq!(
        refs,
        [
            "1:semantic::x>a::X",
            "1:semantic::x>b::c::Y",
            "1:semantic::x>b::Z",
            "3:semantic::x>semantic::d::g",
            "4:semantic::x::inner>semantic::x",
            "4:semantic::x::inner>root_fn",
            "4:semantic::x::inner>m",
        ]
    );
    assert_eq!(
        module_of("src/semantic/libraries/mod.rs"),
        ["semantic", "libraries"]
    );
    assert!(module_of("src/lib.rs").is_empty());
}
