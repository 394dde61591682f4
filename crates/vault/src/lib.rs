//! vault crate (being written).
