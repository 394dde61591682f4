//! Samen Kijken desktop shell (being written).
