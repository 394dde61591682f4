//! Input that passed its checks, as a type: whoever holds a [`ValidPerson`] knows the name is trimmed
//! and within its limit and the year of birth is in range, so the vault stores it without checking
//! again (and without a clock of its own).

use crate::{DomainError, PersonInput};

/// A [`PersonInput`] that passed [`PersonInput::validated`] for a given year.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidPerson(PersonInput);

impl ValidPerson {
    /// Checks the input against this year (from the caller's clock).
    pub fn new(input: PersonInput, current_year: i32) -> Result<ValidPerson, DomainError> {
        input.validated(current_year).map(ValidPerson)
    }

    pub fn get(&self) -> &PersonInput {
        &self.0
    }

    pub fn into_inner(self) -> PersonInput {
        self.0
    }
}
