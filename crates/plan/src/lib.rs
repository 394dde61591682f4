//! plan crate (being written).
