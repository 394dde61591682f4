//! Checks the database's side files (`vault.db-wal`, `vault.db-journal`) *before* SQLite reads them.
//!
//! SQLite treats a side file whose checksums fail as "the write stopped here" and silently ignores the
//! rest: the right call for a torn write at power loss, but a damaged byte in a write-ahead log then
//! drops every transaction after it — acknowledged writes gone, and `integrity_check` says "ok"
//! (issue 11, point 2). The vault therefore no longer uses a write-ahead log (see [`crate::db`]: rollback
//! journal, so an acknowledged write is always in `vault.db` itself, whose every page carries a
//! SQLCipher HMAC). What is left is checked here:
//!
//! - a **write-ahead log** (only in a vault last used by an older build, after a crash): damage is
//!   reported when its header fails its checksum, or when any frame after the part SQLite would keep
//!   still carries the log's own salts — i.e. SQLite would drop something written in this generation
//!   of the log. (After a power cut in the middle of a commit this can also flag a torn, never
//!   acknowledged transaction; the way out, setting the files aside and restoring, loses nothing.)
//! - a **hot rollback journal** (a crash during a commit): every record SQLite would play back must
//!   pass its checksum, and a journal that is not empty must start with the journal header (SQLite
//!   would skip a journal whose header is damaged and leave half a transaction in the database).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Result, VaultError};

const WAL_MAGIC_LE: u32 = 0x377f_0682;
const WAL_MAGIC_BE: u32 = 0x377f_0683;
const WAL_HEADER: usize = 32;
const WAL_FRAME_HEADER: usize = 24;
const JOURNAL_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];
/// A side file larger than this is not read into memory (a vault's WAL stays far below it).
const MAX_SIDE_FILE: u64 = 512 * 1024 * 1024;

pub(crate) fn side_file(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Checks both side files of `db`, if present.
pub(crate) fn verify_side_files(db: &Path) -> Result<()> {
    if let Some(wal) = read_if_present(&side_file(db, "-wal"))? {
        verify_wal(&wal)?;
    }
    if let Some(journal) = read_if_present(&side_file(db, "-journal"))? {
        verify_hot_journal(&journal, fs::metadata(db)?.len())?;
    }
    Ok(())
}

fn read_if_present(path: &Path) -> Result<Option<Vec<u8>>> {
    let md = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if !md.file_type().is_file() || md.len() > MAX_SIDE_FILE {
        return Err(VaultError::Damaged("journal file"));
    }
    let mut bytes = Vec::with_capacity(md.len() as usize);
    fs::File::open(path)?.take(MAX_SIDE_FILE).read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

fn be32(b: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// SQLite's WAL checksum: pairs of 32-bit words, in the byte order the magic number names.
fn wal_checksum(big_endian: bool, data: &[u8], mut s0: u32, mut s1: u32) -> (u32, u32) {
    for pair in data.chunks_exact(8) {
        let word = |b: &[u8]| if big_endian { u32::from_be_bytes([b[0], b[1], b[2], b[3]]) } else { u32::from_le_bytes([b[0], b[1], b[2], b[3]]) };
        s0 = s0.wrapping_add(word(&pair[..4])).wrapping_add(s1);
        s1 = s1.wrapping_add(word(&pair[4..])).wrapping_add(s0);
    }
    (s0, s1)
}

pub(crate) fn verify_wal(wal: &[u8]) -> Result<()> {
    if wal.is_empty() {
        return Ok(());
    }
    let damaged = Err(VaultError::Damaged("write-ahead log"));
    if wal.len() < WAL_HEADER {
        return damaged;
    }
    let magic = be32(wal, 0);
    let page_size = be32(wal, 8) as usize;
    let valid_page_size = (512..=65536).contains(&page_size) && page_size.is_power_of_two();
    let has_frames = valid_page_size && wal.len() >= WAL_HEADER + WAL_FRAME_HEADER + page_size;
    if magic != WAL_MAGIC_LE && magic != WAL_MAGIC_BE || !valid_page_size {
        // SQLite ignores such a log entirely. Zeros (a reset log) are harmless; anything else is damage.
        return if wal.iter().all(|&b| b == 0) { Ok(()) } else { damaged };
    }
    let big_endian = magic & 1 == 1;
    let (h0, h1) = wal_checksum(big_endian, &wal[..24], 0, 0);
    if (h0, h1) != (be32(wal, 24), be32(wal, 28)) {
        return if has_frames { damaged } else { Ok(()) };
    }
    let (salt1, salt2) = (be32(wal, 16), be32(wal, 20));
    let frame_len = WAL_FRAME_HEADER + page_size;
    let frames = (wal.len() - WAL_HEADER) / frame_len;
    let frame = |i: usize| &wal[WAL_HEADER + i * frame_len..WAL_HEADER + (i + 1) * frame_len];
    // The valid chain, as SQLite reads it (committed or not).
    let (mut s0, mut s1) = (h0, h1);
    let mut chain_end = frames;
    for i in 0..frames {
        let f = frame(i);
        let (c0, c1) = wal_checksum(big_endian, &f[..8], s0, s1);
        let (c0, c1) = wal_checksum(big_endian, &f[WAL_FRAME_HEADER..], c0, c1);
        let ok = be32(f, 0) != 0 && be32(f, 8) == salt1 && be32(f, 12) == salt2 && (c0, c1) == (be32(f, 16), be32(f, 20));
        if !ok {
            chain_end = i;
            break;
        }
        (s0, s1) = (c0, c1);
    }
    // Frames of an older generation (after a log restart) carry other salts; one of this generation
    // beyond the chain's end is something SQLite would silently drop.
    for i in chain_end..frames {
        let f = frame(i);
        if be32(f, 8) == salt1 || be32(f, 12) == salt2 {
            return damaged;
        }
    }
    Ok(())
}

pub(crate) fn verify_hot_journal(j: &[u8], db_len: u64) -> Result<()> {
    let damaged = Err(VaultError::Damaged("rollback journal"));
    if j.iter().take(8).all(|&b| b == 0) {
        // Empty, finished (a zeroed header), or never synced (SQLite fills in the magic only when it
        // syncs, before it writes the database): nothing to roll back.
        return Ok(());
    }
    let mut off = 0usize;
    let mut segments = 0;
    // End of the last record of the last segment, that segment's record count and record length.
    let (mut last_end, mut last_n, mut last_rec) = (0usize, 0u32, 0usize);
    while off + 28 <= j.len() && j[off..off + 8] == JOURNAL_MAGIC {
        let n_rec = be32(j, off + 8);
        let cksum_init = be32(j, off + 12);
        // The database's size in pages before the transaction: SQLite truncates (or extends) the file
        // to it, and skips records beyond it.
        let orig_pages = u64::from(be32(j, off + 16));
        let sector = be32(j, off + 20) as usize;
        let page = be32(j, off + 24) as usize;
        if !(sector.is_power_of_two() && (32..=65536).contains(&sector)) || !(page.is_power_of_two() && (512..=65536).contains(&page)) {
            return damaged;
        }
        if n_rec == 0xffff_ffff {
            // Only written without fsync (synchronous=OFF), which the vault never uses.
            return damaged;
        }
        let rec_len = 4 + page + 4;
        let mut max_pgno = 0u64;
        let mut r = off + sector;
        for _ in 0..n_rec {
            if r + rec_len > j.len() {
                // Records the header promises but the file lacks: SQLite stops here.
                return damaged;
            }
            let data = &j[r + 4..r + 4 + page];
            let mut sum = cksum_init;
            let mut i = page as isize - 200;
            while i > 0 {
                sum = sum.wrapping_add(u32::from(data[i as usize]));
                i -= 200;
            }
            let pgno = u64::from(be32(j, r));
            if pgno == 0 || pgno > orig_pages || sum != be32(j, r + 4 + page) {
                return damaged;
            }
            max_pgno = max_pgno.max(pgno);
            r += rec_len;
        }
        // A transaction can grow the file, and the journal holds every page it changed; an original
        // size beyond both is a damaged header (it would make SQLite grow the file to that size).
        if orig_pages > (db_len / page as u64).max(max_pgno) {
            return damaged;
        }
        segments += 1;
        (last_end, last_n, last_rec) = (r, n_rec, rec_len);
        // The next segment header, if any, starts at the next sector boundary.
        off = r.div_ceil(sector) * sector;
    }
    if segments == 0 {
        // Not empty, not finished, no valid header: SQLite would skip it and keep a half-written commit.
        return damaged;
    }
    // Whole records after a synced segment that no header accounts for: its record count was damaged
    // (a segment still at count 0 was never synced, so the database was not written for it).
    // (SQLite writes a new segment's header with its magic zeroed and fills the magic in only when it
    // syncs: such a segment was never synced, so the database was not written for it.)
    let unsynced_header = off + 8 <= j.len() && j[off..off + 8].iter().all(|&b| b == 0);
    if last_n > 0 && j.len() >= last_end + last_rec && !unsynced_header {
        return damaged;
    }
    Ok(())
}
