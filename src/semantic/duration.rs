//! Token lifetimes as written in options: `3600`, `'15m'`, `'7d'`, `60 * 60 * 24`.
//! The parsing itself is the leaf `crate::duration`, shared with the configuration.

pub use crate::duration::*;

use super::value::Value;

/// Seconds in a lifetime value, following the `ms` package that jsonwebtoken uses:
/// numbers are seconds, strings carry a unit (a bare numeric string is milliseconds).
pub fn seconds(v: &Value) -> Option<f64> {
    match v {
        Value::Num(n) => Some(*n),
        Value::Str { value, .. } => parse_ms(value).map(|ms| ms / 1000.0),
        _ => None,
    }
}
