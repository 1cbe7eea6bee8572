//! Parsing: the grammar follows the file extension; one parser per thread per grammar.

use std::cell::RefCell;
use std::path::Path;
use tree_sitter::{Language, Parser, Tree};

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

/// Parses source text. Syntax errors give a recovered tree, never a failure; `Err`
/// only when the grammar cannot be loaded or the parser gives up.
pub fn parse(lang: Lang, text: &str) -> Result<Tree, String> {
    PARSERS.with(|cell| {
        let mut parsers = cell.borrow_mut();
        let slot = &mut parsers[lang.index()];
        if slot.is_none() {
            let mut p = Parser::new();
            p.set_language(&lang.language())
                .map_err(|e| format!("cannot load the {lang:?} grammar: {e}"))?;
            *slot = Some(p);
        }
        let parser = slot.as_mut().expect("parser was just set");
        parser
            .parse(text, None)
            .ok_or_else(|| "the parser gave up on this file".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn extensions_pick_grammars() {
        assert_eq!(Lang::for_path(Path::new("a.tsx")), Lang::Tsx);
        assert_eq!(Lang::for_path(Path::new("a.cts")), Lang::TypeScript);
        assert_eq!(Lang::for_path(Path::new("a.mjs")), Lang::JavaScript);
    }
}
