//! Parsing: the grammar follows the file extension; one parser per thread per grammar.

use std::cell::RefCell;
use std::path::Path;
use std::time::{Duration, Instant};
use tree_sitter::{Language, ParseOptions, ParseState, Parser, Tree};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    JavaScript,
    TypeScript,
    Tsx,
}

/// Extensions the walker picks up.
pub const EXTENSIONS: &[&str] = &["js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts"];

impl Lang {
    /// The grammar for a path. Unknown extensions (explicit file arguments such as
    /// `server.es6`) are read as JavaScript, which also accepts JSX.
    pub fn for_path(path: &Path) -> Lang {
        match path.extension().and_then(|e| e.to_str()) {
            Some("ts" | "mts" | "cts") => Lang::TypeScript,
            Some("tsx") => Lang::Tsx,
            _ => Lang::JavaScript,
        }
    }

    pub fn language(self) -> Language {
        match self {
            Lang::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Lang::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Lang::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

thread_local! {
    static PARSERS: RefCell<[Option<Parser>; 3]> = const { RefCell::new([None, None, None]) };
}

/// How long and how much memory one parse may take. Some broken inputs (a few dozen
/// bytes of TSX) send tree-sitter's error recovery into minutes of work and gigabytes;
/// a parse over budget is abandoned and the file reported, so a CI run always finishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Time for a file of up to `TIME_STEP_BYTES`; larger files get proportionally more.
    pub timeout: Duration,
    /// Memory the parser of one file may hold at once.
    pub max_memory: usize,
}

/// The time budget grows by `timeout` for every this many bytes of source.
pub const TIME_STEP_BYTES: usize = 256 * 1024;
pub const DEFAULT_TIMEOUT: Duration = Duration::from_millis(2000);
pub const DEFAULT_MAX_MEMORY: usize = 1024 * 1024 * 1024;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: DEFAULT_TIMEOUT,
            max_memory: DEFAULT_MAX_MEMORY,
        }
    }
}

impl Limits {
    /// The time budget for a source of `len` bytes.
    pub fn time_for(&self, len: usize) -> Duration {
        let steps = (len / TIME_STEP_BYTES).max(1) as u32;
        self.timeout.saturating_mul(steps)
    }
}

/// Why a file has no tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Grammar(String),
    TimedOut(Duration),
    OutOfMemory(usize),
    GaveUp,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::Grammar(e) => f.write_str(e),
            ParseError::TimedOut(d) => write!(
                f,
                "parsing gave up after {} ms (the parser's error recovery ran away on this input); the file was not analysed (raise --parse-timeout to allow more)",
                d.as_millis()
            ),
            ParseError::OutOfMemory(bytes) => write!(
                f,
                "parsing gave up after using {} MiB (the parser's error recovery ran away on this input); the file was not analysed",
                bytes / (1024 * 1024)
            ),
            ParseError::GaveUp => f.write_str("the parser gave up on this file"),
        }
    }
}

/// Parses source text with the default limits (tests and tools).
pub fn parse(lang: Lang, text: &str) -> Result<Tree, ParseError> {
    parse_within(lang, text, Limits::default())
}

/// Parses source text. Syntax errors give a recovered tree, never a failure; `Err` when
/// the grammar cannot be loaded or the parse runs over its limits.
pub fn parse_within(lang: Lang, text: &str, limits: Limits) -> Result<Tree, ParseError> {
    memory::install();
    PARSERS.with(|cell| {
        let mut parsers = cell.borrow_mut();
        let slot = &mut parsers[lang.index()];
        if slot.is_none() {
            let mut p = Parser::new();
            p.set_language(&lang.language()).map_err(|e| {
                ParseError::Grammar(format!("cannot load the {lang:?} grammar: {e}"))
            })?;
            *slot = Some(p);
        }
        let parser = slot.as_mut().expect("parser was just set");
        let started = Instant::now();
        let deadline = limits.time_for(text.len());
        let base = memory::live();
        let mut over: Option<ParseError> = None;
        let mut check = |_: &ParseState| {
            let used = memory::live().saturating_sub(base);
            if used > limits.max_memory {
                over = Some(ParseError::OutOfMemory(used));
            } else if started.elapsed() > deadline {
                over = Some(ParseError::TimedOut(deadline));
            }
            over.is_some()
        };
        let bytes = text.as_bytes();
        let tree = parser.parse_with_options(
            &mut |i, _| bytes.get(i..).unwrap_or_default(),
            None,
            Some(ParseOptions::new().progress_callback(&mut check)),
        );
        match tree {
            Some(tree) => Ok(tree),
            None => {
                // A cancelled parse would resume on the next call: start afresh.
                parser.reset();
                Err(over.unwrap_or(ParseError::GaveUp))
            }
        }
    })
}

/// Counts the bytes tree-sitter holds on each thread, so a parse can be stopped before it
/// exhausts memory. The C library's allocator hooks call the system allocator and add or
/// subtract the block's usable size; platforms without a usable-size call are not counted
/// (the time budget still bounds them).
mod memory {
    #[cfg(any(target_os = "linux", target_os = "macos", windows))]
    mod counted {
        use std::cell::Cell;
        use std::ffi::c_void;

        thread_local! {
            static LIVE: Cell<isize> = const { Cell::new(0) };
        }

        extern "C" {
            fn malloc(size: usize) -> *mut c_void;
            fn calloc(n: usize, size: usize) -> *mut c_void;
            fn realloc(ptr: *mut c_void, size: usize) -> *mut c_void;
            fn free(ptr: *mut c_void);
            #[cfg(target_os = "linux")]
            fn malloc_usable_size(ptr: *mut c_void) -> usize;
            #[cfg(target_os = "macos")]
            fn malloc_size(ptr: *const c_void) -> usize;
            #[cfg(windows)]
            fn _msize(ptr: *mut c_void) -> usize;
        }

        unsafe fn size_of_block(ptr: *mut c_void) -> usize {
            if ptr.is_null() {
                return 0;
            }
            #[cfg(target_os = "linux")]
            return malloc_usable_size(ptr);
            #[cfg(target_os = "macos")]
            return malloc_size(ptr);
            #[cfg(windows)]
            return _msize(ptr);
        }

        fn add(delta: isize) {
            let _ = LIVE.try_with(|l| l.set(l.get().wrapping_add(delta)));
        }

        unsafe extern "C" fn counted_malloc(size: usize) -> *mut c_void {
            let p = malloc(size);
            add(size_of_block(p) as isize);
            p
        }

        unsafe extern "C" fn counted_calloc(n: usize, size: usize) -> *mut c_void {
            let p = calloc(n, size);
            add(size_of_block(p) as isize);
            p
        }

        unsafe extern "C" fn counted_realloc(ptr: *mut c_void, size: usize) -> *mut c_void {
            let before = size_of_block(ptr) as isize;
            let p = realloc(ptr, size);
            if !p.is_null() || size == 0 {
                add(size_of_block(p) as isize - before);
            }
            p
        }

        unsafe extern "C" fn counted_free(ptr: *mut c_void) {
            add(-(size_of_block(ptr) as isize));
            free(ptr);
        }

        pub fn install() {
            static ONCE: std::sync::Once = std::sync::Once::new();
            // The hooks call the same system allocator tree-sitter uses by default, so blocks
            // allocated before they were installed are still freed correctly.
            ONCE.call_once(|| unsafe {
                tree_sitter::set_allocator(
                    Some(counted_malloc),
                    Some(counted_calloc),
                    Some(counted_realloc),
                    Some(counted_free),
                );
            });
        }

        pub fn live() -> usize {
            LIVE.try_with(|l| l.get()).unwrap_or(0).max(0) as usize
        }
    }

    #[cfg(any(target_os = "linux", target_os = "macos", windows))]
    pub use counted::{install, live};

    #[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
    pub fn install() {}

    #[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
    pub fn live() -> usize {
        0
    }
}

/// What a line is inside, for a comment inserted before it (the language server's
/// "disable for this line"): JSX children take `{/* */}`, a JSX tag's attributes `/* */`,
/// code `//`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentContext {
    Code,
    JsxChildren,
    JsxTag,
    /// Inside a string or template literal that spans lines: no comment can go there.
    Literal,
}

/// The context of the code starting at `byte` (a line's first non-blank character).
pub fn comment_context(lang: Lang, text: &str, byte: usize) -> CommentContext {
    let Ok(tree) = parse_within(lang, text, Limits::default()) else {
        return CommentContext::Code;
    };
    let mut node = tree.root_node().descendant_for_byte_range(byte, byte);
    while let Some(n) = node {
        if n.start_byte() < byte {
            match n.kind() {
                // Code inside `${ … }` takes comments; the template's text does not.
                "template_substitution" => return CommentContext::Code,
                "template_string" | "string" | "comment" => return CommentContext::Literal,
                "jsx_opening_element" | "jsx_self_closing_element" => {
                    return CommentContext::JsxTag
                }
                "jsx_expression" => return CommentContext::Code,
                "jsx_element" => return CommentContext::JsxChildren,
                _ => {}
            }
        }
        node = n.parent();
    }
    CommentContext::Code
}

/// Where the first thing the parser could not make sense of starts, in source order.
pub fn first_error(tree: &tree_sitter::Tree) -> Option<usize> {
    first_error_node(tree.root_node()).map(|n| n.start_byte())
}

fn first_error_node(root: tree_sitter::Node<'_>) -> Option<tree_sitter::Node<'_>> {
    if !root.has_error() {
        return None;
    }
    let mut node = root;
    'descend: loop {
        if node.is_error() || node.is_missing() {
            return Some(node);
        }
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            if child.has_error() || child.is_missing() {
                node = child;
                continue 'descend;
            }
        }
        return Some(node);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_context_in_jsx() {
        let text = "function A({ t }) {\n  const x = 1;\n  return (\n    <div\n      data-t={t}>\n      <span>{decode(t)}</span>\n      {list.map((v) =>\n        decode(v))}\n    </div>\n  );\n}\n";
        let at = |needle: &str| text.find(needle).unwrap();
        let cx = |needle: &str| comment_context(Lang::Tsx, text, at(needle));
        assert_eq!(cx("const x"), CommentContext::Code);
        assert_eq!(cx("<div"), CommentContext::Code);
        assert_eq!(cx("data-t"), CommentContext::JsxTag);
        assert_eq!(cx("<span>"), CommentContext::JsxChildren);
        assert_eq!(cx("{list"), CommentContext::JsxChildren);
        assert_eq!(cx("decode(v)"), CommentContext::Code);
        let t = "const page = `\n  <p>${jwt.decode(t)}</p>\n`;\n";
        assert_eq!(
            comment_context(Lang::JavaScript, t, t.find("<p>").unwrap()),
            CommentContext::Literal
        );
        let t = "const page = `${\n  jwt.decode(t)\n}`;\n";
        assert_eq!(
            comment_context(Lang::JavaScript, t, t.find("jwt").unwrap()),
            CommentContext::Code
        );
    }

    #[test]
    fn every_grammar_loads_and_parses() {
        for (lang, src) in [
            (Lang::JavaScript, "const a = <div>{x}</div>;"),
            (Lang::TypeScript, "const a: number = <number>b;"),
            (Lang::Tsx, "const a = (x: number) => <b>{x}</b>;"),
        ] {
            let tree = parse(lang, src).expect("grammar loads");
            assert!(!tree.root_node().has_error(), "{lang:?} failed on {src}");
        }
    }

    #[test]
    fn runaway_parse_stops_at_its_budget_and_the_parser_recovers() {
        let limits = Limits {
            timeout: Duration::from_millis(100),
            ..Limits::default()
        };
        let started = Instant::now();
        let r = parse_within(Lang::Tsx, "// jwt\n<a {{b:>c:d(e f)", limits);
        assert_eq!(
            r.err(),
            Some(ParseError::TimedOut(Duration::from_millis(100)))
        );
        assert!(started.elapsed() < Duration::from_secs(5));
        // The cancelled parse does not leak into the next one.
        let tree = parse_within(Lang::Tsx, "const a = <b>{x}</b>;", limits).expect("parses");
        assert!(!tree.root_node().has_error());
    }

    #[test]
    fn memory_ceiling_stops_a_parse() {
        let text = "const a = [".to_string() + &"f(x, { y: 1 }), ".repeat(20_000) + "];";
        let tight = Limits {
            max_memory: 64 * 1024,
            ..Limits::default()
        };
        let r = parse_within(Lang::JavaScript, &text, tight);
        if cfg!(any(target_os = "linux", target_os = "macos", windows)) {
            assert!(
                matches!(r, Err(ParseError::OutOfMemory(n)) if n > 64 * 1024),
                "{r:?}"
            );
        }
        assert!(parse_within(Lang::JavaScript, &text, Limits::default()).is_ok());
    }

    #[test]
    fn time_budget_scales_with_size() {
        let l = Limits::default();
        assert_eq!(l.time_for(10), DEFAULT_TIMEOUT);
        assert_eq!(l.time_for(TIME_STEP_BYTES * 4), DEFAULT_TIMEOUT * 4);
    }

    #[test]
    fn extensions_pick_grammars() {
        assert_eq!(Lang::for_path(Path::new("a.tsx")), Lang::Tsx);
        assert_eq!(Lang::for_path(Path::new("a.cts")), Lang::TypeScript);
        assert_eq!(Lang::for_path(Path::new("a.mjs")), Lang::JavaScript);
    }
}
