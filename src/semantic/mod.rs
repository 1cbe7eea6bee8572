//! The semantic layer (DESIGN.md §2): the IR and value lattice, extraction from trees
//! (`extract/`, the only part that sees tree-sitter), module resolution and export tables
//! (`modules`), and interpretation of linked call sites by the library adapters.

pub mod directives;
pub mod duration;
pub mod extract;
pub mod interpret;
pub mod ir;
pub mod libraries;
pub mod modules;
pub mod token_kind;
pub mod token_literals;
pub mod value;

pub use extract::extract;
