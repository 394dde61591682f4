//! The safety plan (`veiligheidsplan`) model and audience filtering (domain.md §9).
