//! Edits built from the facts rules see: option objects and arrays written at a call.
//! Each builder returns `None` when the fact is not a literal written right there (a
//! variable, a spread, another file's value): editing those could change other code.

use super::Edit;
use crate::finding::Loc;
use crate::semantic::ir::Slot;
use crate::semantic::value::{Object, Value};

/// The object literal a slot holds when it is written right there (the argument or
/// property value is the `{ … }` itself), with nothing spread into it.
pub fn literal_object(slot: &Slot) -> Option<(&Object, &Loc)> {
    let Slot::Present {
        value: Value::Object(o),
        at,
    } = slot
    else {
        return None;
    };
    (o.at.as_ref() == Some(at) && !o.is_open()).then_some((o, at))
}

fn inside(loc: &Loc, outer: &Loc) -> bool {
    loc.path == outer.path
        && loc.span.start_byte > outer.span.start_byte
        && loc.span.end_byte < outer.span.end_byte
}

/// Adds properties to the object literal `slot` holds.
pub fn insert_props(slot: &Slot, props: Vec<String>) -> Option<Edit> {
    let (o, at) = literal_object(slot)?;
    let last = o
        .props
        .iter()
        .map(|p| &p.at)
        .filter(|l| inside(l, at))
        .max_by_key(|l| l.span.end_byte)
        .cloned();
    // Properties that are not written inside (inlined from a spread) leave the literal's
    // text unknown: `render` would find them, but refuse earlier.
    if last.is_none() && !o.props.is_empty() {
        return None;
    }
    Some(Edit::InsertProperty {
        object: at.clone(),
        last,
        props,
    })
}

/// Removes the property `key`, whose value is written at `value`, from the object literal
/// `slot` holds.
pub fn remove_prop(slot: &Slot, key: &str, value: &Loc) -> Option<Edit> {
    let (_, at) = literal_object(slot)?;
    inside(value, at).then(|| Edit::RemoveProperty {
        object: at.clone(),
        key: key.to_string(),
        value: value.clone(),
    })
}

/// Removes the strings `drop` picks from the array literal `slot` holds; `None` unless
/// every element is a string written in it, some are dropped and one stays.
pub fn remove_strings(slot: &Slot, drop: impl Fn(&str) -> bool) -> Option<Edit> {
    let Slot::Present {
        value: Value::Array { items, open: false },
        at,
    } = slot
    else {
        return None;
    };
    let mut locs = Vec::new();
    let mut remove = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Value::Str { value, at: item_at } = item else {
            return None;
        };
        if !inside(item_at, at) {
            return None;
        }
        if drop(value) {
            remove.push(i);
        }
        locs.push(item_at.clone());
    }
    (!remove.is_empty() && remove.len() < items.len()).then(|| Edit::RemoveArrayElements {
        array: at.clone(),
        items: locs,
        remove,
    })
}
