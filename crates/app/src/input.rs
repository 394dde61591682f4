//! Input whose checks live in its type: a secret that is wiped when dropped, and a passphrase that was
//! accepted as strong enough. A command that needs an accepted passphrase takes an
//! [`AcceptedPassphrase`], so there is no way to create a vault with one that was not checked, and no
//! reason to check it twice.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::error::{AppResult, ErrorCode};

/// A passphrase or recovery key as it arrives: wiped from memory when dropped, never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(Zeroizing::new(s.into()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Secret::new)
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl TS for Secret {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }
    fn inline(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret::new(s)
    }
}

/// A passphrase the strength estimate accepts (`domain::passphrase::strength`). The only way to make
/// one is [`AcceptedPassphrase::check`].
pub struct AcceptedPassphrase(vault::Passphrase);

impl AcceptedPassphrase {
    /// Accepts the passphrase, or refuses with `passphrase_too_weak`.
    pub fn check(candidate: Secret) -> AppResult<AcceptedPassphrase> {
        if !domain::passphrase::strength(candidate.expose()).acceptable {
            return Err(ErrorCode::PassphraseTooWeak.into());
        }
        Ok(AcceptedPassphrase(vault::Passphrase::new(candidate.expose().to_owned())))
    }

    pub fn as_vault(&self) -> &vault::Passphrase {
        &self.0
    }
}

/// A passphrase that is only compared with the key file (no strength rule: it already exists).
pub fn given(secret: &Secret) -> vault::Passphrase {
    vault::Passphrase::new(secret.expose().to_owned())
}
