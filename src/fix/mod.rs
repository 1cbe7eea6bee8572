//! Fixes: what a rule proposes to change, in terms of the facts it sees (`Edit`), and how
//! those become byte edits on a file's current text (`render`) and are applied (`apply`).
//!
//! Rules are syntax-free (DESIGN.md §3): they never see the source text, so an `Edit` names
//! places (`Loc`s from the facts) and the text to add. `render` reads the text around those
//! places to decide on commas, braces and indentation, and refuses (`None`) when the text is
//! not what the edit expects: facts older than the text, or a syntax error where the edit
//! goes. The CLI (`--fix`, `--diff`) and the language server share both functions.

mod apply;
pub mod check;
pub mod facts;
mod render;
mod scan;

pub use apply::apply;
pub use check::{apply_checked, Refused};
pub use render::render;

// The types live with the other finding data (`Finding` holds a `Fix`, and `finding` sits
// below this module): this is their public home.
pub use crate::finding::{Edit, Fix, Safety, TextEdit};

/// A byte edit with the positions of its start and end, for reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedEdit {
    pub edit: TextEdit,
    pub start: crate::finding::Pos,
    pub end: crate::finding::Pos,
}

/// The fix rendered on `src` (the file's text as reports read it), with positions; `None`
/// when it does not render there.
pub fn placed(fix: &Fix, src: &crate::source::Source) -> Option<Vec<PlacedEdit>> {
    Some(
        render(fix, &src.text)?
            .into_iter()
            .map(|e| PlacedEdit {
                start: src.pos(e.start),
                end: src.pos(e.end),
                edit: e,
            })
            .collect(),
    )
}
