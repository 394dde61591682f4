//! The error that crosses IPC: a stable code for the UI and tests, and a plain Dutch message.
//!
//! Messages come from `assets/i18n/errors.json` (Dutch, with English beside it); they never contain case
//! data. Internal details (SQLite's text, paths) are not sent to the UI.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    pub code: String,
    pub message: String,
}

type Catalogue = BTreeMap<String, BTreeMap<String, String>>;

static MESSAGES: LazyLock<Catalogue> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../assets/i18n/errors.json")).expect("errors.json is checked by a test")
});

/// The Dutch message for a code; unknown codes get the generic message.
pub fn message(code: &str) -> &'static str {
    let nl = &MESSAGES["nl"];
    nl.get(code).or_else(|| nl.get("internal")).map(String::as_str).unwrap_or_default()
}

impl IpcError {
    pub fn new(code: &str) -> Self {
        IpcError { code: code.to_owned(), message: message(code).to_owned() }
    }
    pub fn locked() -> Self {
        Self::new("locked")
    }
    pub fn internal() -> Self {
        Self::new("internal")
    }
}

impl From<vault::VaultError> for IpcError {
    fn from(e: vault::VaultError) -> Self {
        IpcError::new(e.code())
    }
}

impl From<domain::DomainError> for IpcError {
    fn from(e: domain::DomainError) -> Self {
        IpcError::new(e.code())
    }
}

impl From<tokio::task::JoinError> for IpcError {
    fn from(_: tokio::task::JoinError) -> Self {
        IpcError::internal()
    }
}

pub type IpcResult<T> = Result<T, IpcError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_dutch_and_english_text() {
        let nl = &MESSAGES["nl"];
        let en = &MESSAGES["en"];
        assert_eq!(nl.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
        assert!(nl.values().chain(en.values()).all(|m| !m.trim().is_empty()));
    }

    #[test]
    fn vault_and_domain_codes_have_messages() {
        use domain::DomainError as D;
        use vault::VaultError as V;
        let codes = [
            V::WrongPassphrase.code(),
            V::WrongRecoveryKey.code(),
            V::Damaged("x").code(),
            V::Missing.code(),
            V::Exists.code(),
            V::KeyFileParamsTooWeak.code(),
            V::KeyFileUnsupported.code(),
            V::DiskFull.code(),
            V::Cancelled.code(),
            V::TooNew.code(),
            V::NotFound("x").code(),
            V::Io(std::io::ErrorKind::Other).code(),
            V::Db(String::new()).code(),
            D::Empty("x").code(),
            D::TooLong("x").code(),
            D::YearOfBirth.code(),
            D::SelfRelation.code(),
            D::RelationRoles.code(),
            D::Invalid("x").code(),
        ];
        for code in codes {
            assert!(MESSAGES["nl"].contains_key(code), "no Dutch message for {code}");
        }
    }

    #[test]
    fn unknown_codes_fall_back_to_the_generic_message() {
        assert_eq!(message("no_such_code"), message("internal"));
    }
}
