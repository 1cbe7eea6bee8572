//! Pieces several rules share (kept out of `src/rules/*.rs`, where each file is one rule).

pub mod literal_keys;
pub mod shared_keys;
pub mod token_names;
