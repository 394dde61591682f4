//! The one error type of the vault, with stable codes.
//!
//! Messages never contain case data (labels, names, notes) nor key material: they name what went wrong,
//! not with what. The Dutch message for the user is made at the IPC edge from [`VaultError::code`].

use domain::DomainError;
use rusqlite::ErrorCode;
use thiserror::Error;

pub type Result<T, E = VaultError> = std::result::Result<T, E>;

#[derive(Debug, Error)]
pub enum VaultError {
    /// The passphrase did not unwrap the data key. No file was touched.
    #[error("the passphrase does not open this vault")]
    WrongPassphrase,
    /// The recovery key did not unwrap the data key. No file was touched.
    #[error("the recovery key does not open this vault")]
    WrongRecoveryKey,
    /// The key unwrapped, but the database (or the key file itself) cannot be read. Nothing is rewritten.
    #[error("the vault is damaged: {0}")]
    Damaged(&'static str),
    /// There is no vault (no key file or no database) in the directory.
    #[error("there is no vault in this place")]
    Missing,
    /// A vault (or part of one) already exists where a new one would be created or restored.
    #[error("a vault already exists in this place")]
    Exists,
    /// The key file asks for key-derivation parameters below the minimum we accept.
    #[error("the key file's key-derivation parameters are too weak")]
    KeyFileParamsTooWeak,
    /// The key file has a format version this build does not know (made by a newer app).
    #[error("the key file has an unknown format version")]
    KeyFileUnsupported,
    /// The disk (or the database's page limit) is full; the write was rolled back.
    #[error("the disk is full")]
    DiskFull,
    /// The database was made by a newer app (schema version above what this build knows).
    #[error("the vault was made by a newer version of the app")]
    TooNew,
    /// The user cancelled (a backup); nothing was left behind.
    #[error("cancelled")]
    Cancelled,
    /// A record with the given id does not exist.
    #[error("not found: {0}")]
    NotFound(&'static str),
    /// Input was refused by a domain rule; the domain error's code is kept.
    #[error(transparent)]
    Invalid(#[from] DomainError),
    /// A file-system error (other than a full disk).
    #[error("file error: {0}")]
    Io(std::io::ErrorKind),
    /// Any other database error. The message is SQLite's, which never contains bound values.
    #[error("database error: {0}")]
    Db(String),
}

impl VaultError {
    /// Stable, machine-readable code (crosses IPC unchanged; tests assert it).
    pub fn code(&self) -> &'static str {
        match self {
            VaultError::WrongPassphrase => "wrong_passphrase",
            VaultError::WrongRecoveryKey => "wrong_recovery_key",
            VaultError::Damaged(_) => "vault_damaged",
            VaultError::Missing => "vault_missing",
            VaultError::Exists => "vault_exists",
            VaultError::KeyFileParamsTooWeak => "key_file_params_too_weak",
            VaultError::KeyFileUnsupported => "key_file_unsupported",
            VaultError::DiskFull => "disk_full",
            VaultError::TooNew => "vault_too_new",
            VaultError::Cancelled => "backup_cancelled",
            VaultError::NotFound(_) => "not_found",
            VaultError::Invalid(e) => e.code(),
            VaultError::Io(_) => "io",
            VaultError::Db(_) => "db",
        }
    }
}

impl From<std::io::Error> for VaultError {
    fn from(e: std::io::Error) -> Self {
        // ENOSPC / EDQUOT: the disk is full.
        match e.raw_os_error() {
            Some(28) | Some(122) => VaultError::DiskFull,
            _ if e.kind() == std::io::ErrorKind::StorageFull => VaultError::DiskFull,
            _ => VaultError::Io(e.kind()),
        }
    }
}

impl From<rusqlite::Error> for VaultError {
    fn from(e: rusqlite::Error) -> Self {
        match &e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                ErrorCode::DiskFull => VaultError::DiskFull,
                ErrorCode::NotADatabase => VaultError::Damaged("not a database"),
                ErrorCode::DatabaseCorrupt => VaultError::Damaged("database corrupt"),
                ErrorCode::SystemIoFailure => VaultError::Io(std::io::ErrorKind::Other),
                _ => VaultError::Db(e.to_string()),
            },
            rusqlite::Error::QueryReturnedNoRows => VaultError::NotFound("row"),
            rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::InvalidColumnType(..) => {
                VaultError::Damaged("unexpected value in database")
            }
            _ => VaultError::Db(e.to_string()),
        }
    }
}
