//! App settings kept inside the vault (key/value).

use domain::DomainError;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{enum_text, parse_enum, write};
use crate::audit::{self, AuditAction};
use crate::error::Result;

/// Auto-lock after this many minutes of inactivity: bounds and default (security.md "In use").
pub const AUTO_LOCK_MINUTES_MIN: u32 = 1;
pub const AUTO_LOCK_MINUTES_MAX: u32 = 30;
pub const AUTO_LOCK_MINUTES_DEFAULT: u32 = 5;

/// Remind to make a backup when the last one is older than this many days: bounds and default.
pub const BACKUP_REMINDER_DAYS_MIN: u32 = 1;
pub const BACKUP_REMINDER_DAYS_MAX: u32 = 90;
pub const BACKUP_REMINDER_DAYS_DEFAULT: u32 = 7;

const KEY_RETENTION_YEARS: &str = "retention_years";
const KEY_AUTO_LOCK: &str = "auto_lock_minutes";
const KEY_BACKUP_REMINDER: &str = "backup_reminder_days";
const KEY_LANGUAGE: &str = "language";
/// Present with the value [`PRACTICE`] in a practice vault (`oefenkluis`): fictional families only.
const KEY_VAULT_KIND: &str = "vault_kind";
const PRACTICE: &str = "practice";
/// In a practice vault: which practice family (and version) a case was made from, with its persons'
/// local ids (`practice_origin.<case id>`, JSON). Deleted with the case.
pub(crate) const PRACTICE_ORIGIN_PREFIX: &str = "practice_origin.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    Nl,
    En,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub auto_lock_minutes: u32,
    pub language: Language,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { auto_lock_minutes: AUTO_LOCK_MINUTES_DEFAULT, language: Language::Nl }
    }
}

/// Settings repository; get it with [`crate::Vault::settings`].
pub struct SettingsRepo<'v> {
    pub(crate) conn: &'v Connection,
}

fn get_raw(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

fn set_raw(conn: &Connection, key: &str, value: &str) -> Result<()> {
    write(conn, |tx| {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        audit::append(tx, AuditAction::SettingChanged, None, None)
    })
}

/// The key under which the vault remembers a handover file it made or took in (value: the case id).
fn handover_key(export_id: uuid::Uuid) -> String {
    format!("handover:{export_id}")
}

/// Remembers that the handover file `export_id` was made from, or became, `case_id` (in the caller's
/// transaction; no row of its own in the access log: the caller writes the handover's row).
pub(crate) fn remember_handover(conn: &Connection, export_id: uuid::Uuid, case_id: uuid::Uuid) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![handover_key(export_id), case_id.to_string()],
    )?;
    Ok(())
}

/// The case the handover file `export_id` was made from or became in this vault, if one was.
pub(crate) fn handover_case(conn: &Connection, export_id: uuid::Uuid) -> Result<Option<uuid::Uuid>> {
    get_raw(conn, &handover_key(export_id))?.as_deref().map(super::parse_uuid).transpose()
}

impl SettingsRepo<'_> {
    /// The settings; missing or unreadable values fall back to their defaults.
    /// Marks this vault as a practice vault (`oefenkluis`, fictional families only). Never undone: the
    /// app refuses to use a practice vault as the real one and the other way round.
    pub fn mark_practice(&self) -> Result<()> {
        set_raw(self.conn, KEY_VAULT_KIND, PRACTICE)
    }

    /// Is this a practice vault?
    pub fn is_practice(&self) -> Result<bool> {
        Ok(get_raw(self.conn, KEY_VAULT_KIND)?.as_deref() == Some(PRACTICE))
    }

    /// Remembers which practice family a case of a practice vault was made from (the caller's JSON:
    /// family id, version, the persons' local ids). Refused outside a practice vault.
    pub fn set_practice_origin(&self, case_id: uuid::Uuid, origin: &str) -> Result<()> {
        if !self.is_practice()? {
            return Err(DomainError::Invalid("practice_origin").into());
        }
        write(self.conn, |tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![format!("{PRACTICE_ORIGIN_PREFIX}{case_id}"), origin],
            )?;
            Ok(())
        })
    }

    /// The practice family a case was made from, as stored by [`Self::set_practice_origin`].
    pub fn practice_origin(&self, case_id: uuid::Uuid) -> Result<Option<String>> {
        get_raw(self.conn, &format!("{PRACTICE_ORIGIN_PREFIX}{case_id}"))
    }

    pub fn get(&self) -> Result<Settings> {
        let d = Settings::default();
        let auto_lock_minutes = get_raw(self.conn, KEY_AUTO_LOCK)?
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|m| (AUTO_LOCK_MINUTES_MIN..=AUTO_LOCK_MINUTES_MAX).contains(m))
            .unwrap_or(d.auto_lock_minutes);
        let language = get_raw(self.conn, KEY_LANGUAGE)?
            .and_then(|v| parse_enum::<Language>(&v).ok())
            .unwrap_or(d.language);
        Ok(Settings { auto_lock_minutes, language })
    }

    /// Sets the auto-lock delay; outside 1..=30 is refused with code `invalid`.
    pub fn set_auto_lock_minutes(&self, minutes: u32) -> Result<()> {
        if !(AUTO_LOCK_MINUTES_MIN..=AUTO_LOCK_MINUTES_MAX).contains(&minutes) {
            return Err(DomainError::Invalid("auto_lock_minutes").into());
        }
        set_raw(self.conn, KEY_AUTO_LOCK, &minutes.to_string())
    }

    /// Days after which a backup reminder is due (default 7).
    pub fn backup_reminder_days(&self) -> Result<u32> {
        Ok(get_raw(self.conn, KEY_BACKUP_REMINDER)?
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|d| (BACKUP_REMINDER_DAYS_MIN..=BACKUP_REMINDER_DAYS_MAX).contains(d))
            .unwrap_or(BACKUP_REMINDER_DAYS_DEFAULT))
    }

    /// Sets the backup reminder; outside 1..=90 is refused with code `invalid`.
    pub fn set_backup_reminder_days(&self, days: u32) -> Result<()> {
        if !(BACKUP_REMINDER_DAYS_MIN..=BACKUP_REMINDER_DAYS_MAX).contains(&days) {
            return Err(DomainError::Invalid("backup_reminder_days").into());
        }
        set_raw(self.conn, KEY_BACKUP_REMINDER, &days.to_string())
    }

    /// Years after closing that a case is kept by default (`domain::retention::DEFAULT_YEARS`
    /// unless set).
    pub fn retention_years(&self) -> Result<u32> {
        use domain::retention::{DEFAULT_YEARS, check_years};
        Ok(get_raw(self.conn, KEY_RETENTION_YEARS)?
            .and_then(|v| v.parse::<u32>().ok())
            .and_then(|y| check_years(y).ok())
            .unwrap_or(DEFAULT_YEARS))
    }

    /// Sets the default retention; outside `MIN_YEARS..=MAX_YEARS` is refused with code `invalid`
    /// (the command layer checks the range first and answers `out_of_range`).
    pub fn set_retention_years(&self, years: u32) -> Result<()> {
        if domain::retention::check_years(years).is_err() {
            return Err(DomainError::Invalid("retention_years").into());
        }
        set_raw(self.conn, KEY_RETENTION_YEARS, &years.to_string())
    }

    pub fn set_language(&self, language: Language) -> Result<()> {
        set_raw(self.conn, KEY_LANGUAGE, &enum_text(&language))
    }
}
