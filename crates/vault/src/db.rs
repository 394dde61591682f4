//! Opening the SQLCipher database with the raw data key, and the connection settings.

use std::path::Path;
use std::sync::Once;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Result, VaultError};
use crate::keyfile::Dek;

/// How thoroughly to check the database when it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenCheck {
    /// `PRAGMA quick_check`: walks every page of every table and index (each page read verifies its
    /// SQLCipher HMAC), so damage anywhere in the data is found at unlock, not later mid-conversation.
    Quick,
    /// `PRAGMA cipher_integrity_check` + `PRAGMA integrity_check`: every page including free ones.
    Full,
}

/// The journal mode: a rollback journal, so that a commit that returned is in `vault.db` itself
/// (every page HMAC'd by SQLCipher) and never only in a side file whose damage SQLite would silently
/// skip (issue 11, point 2; measured in `benches/unlock.rs`, see the crate docs).
pub(crate) const JOURNAL_MODE: &str = "delete";

/// Opens an existing database (never creates one) or, with `create`, a new one.
pub(crate) fn open(path: &Path, dek: &Dek, create: bool, check: OpenCheck) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    } else if !path.is_file() {
        return Err(VaultError::Missing);
    } else {
        // Before SQLite reads (and possibly silently skips) a damaged write-ahead log or journal.
        crate::journal::verify_side_files(path)?;
    }
    init_sqlcipher();
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher's own log off before anything else can log.
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    set_key(&conn, dek)?;
    let version: String = conn.query_row("PRAGMA cipher_version", [], |r| r.get(0)).unwrap_or_default();
    if version.trim().is_empty() {
        return Err(VaultError::Db("SQLCipher is not available".into()));
    }
    // First read: decrypts page 1. A wrong key is impossible here (the AEAD unwrap succeeded), so a
    // failure means damage.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
        .map_err(damaged_if_unreadable)?;
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA secure_delete = ON;",
    )
    .map_err(damaged_if_unreadable)?;
    if !create {
        check_db(&conn, check)?;
    }
    conn.execute_batch("PRAGMA synchronous = FULL;").map_err(damaged_if_unreadable)?;
    // A vault last used by an older build is in WAL mode: switching checkpoints the (checked) log into
    // the database and removes it. On a full disk that checkpoint cannot run; the vault then stays
    // readable in WAL mode and the switch happens at a later unlock.
    match conn.query_row(&format!("PRAGMA journal_mode = {JOURNAL_MODE}"), [], |r| r.get::<_, String>(0)) {
        Ok(mode) if mode.eq_ignore_ascii_case(JOURNAL_MODE) => {}
        Ok(mode) if mode.eq_ignore_ascii_case("wal") => {}
        Ok(_) => return Err(VaultError::Db("journal mode not available".into())),
        Err(e) => match VaultError::from(e) {
            VaultError::DiskFull => {}
            _ => return Err(VaultError::Damaged("unreadable")),
        },
    }
    Ok(conn)
}

/// Gives SQLCipher the raw key through `sqlite3_key`, not through a `PRAGMA key` statement: SQL text is
/// copied by SQLite's parser into memory that is freed without wiping, SQLCipher's own copy is wiped
/// when the connection closes.
pub(crate) fn set_key(conn: &Connection, dek: &Dek) -> Result<()> {
    let literal = dek.sqlcipher_key_literal();
    let bytes = literal.as_bytes();
    // SAFETY: the handle is valid for the life of `conn`; SQLCipher copies the key bytes.
    let rc = unsafe {
        rusqlite::ffi::sqlite3_key(conn.handle(), bytes.as_ptr().cast(), bytes.len() as std::os::raw::c_int)
    };
    if rc != rusqlite::ffi::SQLITE_OK {
        return Err(VaultError::Db("setting the key failed".into()));
    }
    Ok(())
}

/// Finishes SQLCipher's process-wide set-up on one thread before any vault connection exists.
///
/// SQLite marks itself initialised *before* it runs SQLCipher's `sqlcipher_extra_init` (crypto
/// provider, `sqlcipher_export` registration). A second thread opening a connection in that window got
/// a connection without them: seen in the tests as "An error occurred with PRAGMA key" and as
/// "no such function: sqlcipher_export". Opening (and closing) one in-memory connection inside a
/// `Once` runs the whole set-up, and every other thread waits for it.
pub(crate) fn init_sqlcipher() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        if let Ok(conn) = Connection::open_in_memory() {
            // The log level is process-wide: off before any vault connection exists.
            let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE;");
            let _ = conn.close();
        }
    });
}

/// Any read error while opening means the file is damaged (the key is known to be right).
fn damaged_if_unreadable(e: rusqlite::Error) -> VaultError {
    match VaultError::from(e) {
        VaultError::Db(_) => VaultError::Damaged("unreadable"),
        other => other,
    }
}

/// Runs the chosen check; anything but "ok" is `vault_damaged`.
pub(crate) fn check_db(conn: &Connection, check: OpenCheck) -> Result<()> {
    match check {
        OpenCheck::Quick => expect_ok(conn, "PRAGMA quick_check"),
        OpenCheck::Full => {
            cipher_integrity_check(conn)?;
            expect_ok(conn, "PRAGMA integrity_check")
        }
    }
}

fn expect_ok(conn: &Connection, sql: &str) -> Result<()> {
    let mut stmt = conn.prepare(sql).map_err(damaged_if_unreadable)?;
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .map_err(damaged_if_unreadable)?
        .collect::<rusqlite::Result<_>>()
        .map_err(damaged_if_unreadable)?;
    if rows.len() == 1 && rows[0] == "ok" { Ok(()) } else { Err(VaultError::Damaged("integrity check failed")) }
}

/// `PRAGMA cipher_integrity_check` returns no rows when every page's HMAC is valid.
pub(crate) fn cipher_integrity_check(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA cipher_integrity_check").map_err(damaged_if_unreadable)?;
    let mut rows = stmt.query([]).map_err(damaged_if_unreadable)?;
    if rows.next().map_err(damaged_if_unreadable)?.is_some() {
        return Err(VaultError::Damaged("page authentication failed"));
    }
    Ok(())
}
