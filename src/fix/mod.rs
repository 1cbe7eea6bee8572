//! Fixes: what a rule proposes to change, in terms of the facts it sees (`Edit`), and how
//! those become byte edits on a file's current text (`render`) and are applied (`apply`).
//!
//! Rules are syntax-free (DESIGN.md §3): they never see the source text, so an `Edit` names
//! places (`Loc`s from the facts) and the text to add. `render` reads the text around those
//! places to decide on commas, braces and indentation, and refuses (`None`) when the text is
//! not what the edit expects: facts older than the text, or a syntax error where the edit
//! goes. The CLI (`--fix`, `--diff`) and the language server share both functions.

mod apply;
mod render;
mod scan;

pub use apply::apply;
pub use render::render;

// The types live with the other finding data (`Finding` holds a `Fix`, and `finding` sits
// below this module): this is their public home.
pub use crate::finding::{Edit, Fix, Safety, TextEdit};
