//! Validation errors of the domain. Each has a stable code the UI and tests can rely on.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("a required field is empty: {0}")]
    Empty(&'static str),
    #[error("a field is too long: {0}")]
    TooLong(&'static str),
    #[error("a year of birth is out of range")]
    YearOfBirth,
    #[error("a relation needs two different persons")]
    SelfRelation,
    #[error("a relation does not fit the roles of its persons")]
    RelationRoles,
    #[error("a value is not valid: {0}")]
    Invalid(&'static str),
}

impl DomainError {
    /// Stable, machine-readable code (crosses IPC unchanged).
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Empty(_) => "field_empty",
            DomainError::TooLong(_) => "field_too_long",
            DomainError::YearOfBirth => "year_of_birth",
            DomainError::SelfRelation => "relation_self",
            DomainError::RelationRoles => "relation_roles",
            DomainError::Invalid(_) => "invalid",
        }
    }
}
