//! The token map as JSON: `{"version": 1, "services", "entries", "flows"}` (the README's
//! "Token map" section documents each field). Fields keep their order and entries are
//! sorted, so two runs over the same code give the same bytes and audits can diff them.

use super::{Entry, Flow, Inventory, Service};
use serde::Serialize;

/// Bumped when a field changes meaning or goes away (adding one does not).
pub const VERSION: u32 = 1;

/// Serialised straight from structs, so fields keep the order written here.
#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    services: &'a [Service],
    entries: &'a [Entry],
    flows: &'a [Flow],
}

pub fn render(inv: &Inventory) -> String {
    let doc = Doc {
        version: VERSION,
        services: &inv.services,
        entries: &inv.entries,
        flows: &inv.flows,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
