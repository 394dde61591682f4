//! content crate (being written).
