//! Repositories: one per aggregate. Each write runs in one transaction that also appends an audit row.

pub mod cases;
pub mod corrections;
pub mod docs;
pub mod melding;
mod household;
pub mod notes;
pub mod persons;
pub mod relations;
pub mod retention;
#[doc(hidden)]
pub mod search;
pub mod settings;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::error::{Result, VaultError};

/// Runs `f` in an immediate transaction; commits on `Ok`, rolls back on `Err`. Inside a transaction
/// that is already open ([`crate::Vault::in_one_transaction`]: an import writes a whole case through
/// the ordinary repositories) it runs as a savepoint of that transaction, so the outer one decides.
pub(crate) fn write<T>(conn: &Connection, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
    if !conn.is_autocommit() {
        conn.execute_batch("SAVEPOINT nested_write")?;
        return match f(conn) {
            Ok(out) => {
                conn.execute_batch("RELEASE nested_write")?;
                Ok(out)
            }
            Err(e) => {
                conn.execute_batch("ROLLBACK TO nested_write; RELEASE nested_write")?;
                Err(e)
            }
        };
    }
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let out = f(&tx)?;
    tx.commit()?;
    Ok(out)
}

/// Runs `f` in one read transaction, so everything it reads is from one consistent state (inside an
/// open transaction: in that one).
pub(crate) fn read<T>(conn: &Connection, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
    if !conn.is_autocommit() {
        return f(conn);
    }
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Deferred)?;
    let out = f(&tx)?;
    tx.finish()?;
    Ok(out)
}

/// Timestamps are stored as RFC 3339 UTC text with microseconds (sorts as text).
pub(crate) fn time_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub(crate) fn parse_time(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).map_err(|_| VaultError::Damaged("bad timestamp"))
}

pub(crate) fn parse_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| VaultError::Damaged("bad date"))
}

pub(crate) fn parse_uuid(s: &str) -> Result<Uuid> {
    Uuid::parse_str(s).map_err(|_| VaultError::Damaged("bad id"))
}

/// A unit-like serde enum as its text name (`"directe_veiligheid"`).
pub(crate) fn enum_text<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => unreachable!("enum_text is only used for unit-variant enums"),
    }
}

pub(crate) fn parse_enum<T: DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).map_err(|_| VaultError::Damaged("bad enum value"))
}

pub(crate) fn to_json<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("domain types serialise")
}

pub(crate) fn parse_json<T: DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|_| VaultError::Damaged("bad stored record"))
}

/// Maps "no row changed" to `not_found`.
pub(crate) fn expect_changed(n: usize, what: &'static str) -> Result<()> {
    if n == 0 { Err(VaultError::NotFound(what)) } else { Ok(()) }
}

/// Marks a case as changed now (called by every write to something of the case).
pub(crate) fn touch_case(conn: &Connection, id: Uuid) -> Result<()> {
    let n = conn.execute("UPDATE cases SET updated_at = ?2 WHERE id = ?1", rusqlite::params![id.to_string(), time_text(Utc::now())])?;
    expect_changed(n, "case")
}
