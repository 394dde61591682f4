//! No silent loss from a damaged side file (issue 11, point 2): a crashed copy of a vault, with one
//! byte flipped in its write-ahead log or its rollback journal, either opens with every acknowledged
//! write or is reported as `vault_damaged` — never "ok" with cases missing. And a folder copy of a
//! crashed vault restores with everything in it.

mod common;

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use common::*;
use uuid::Uuid;
use vault::Vault;

const SIDE: [&str; 4] = ["vault.db", "vault.db-wal", "vault.db-shm", "vault.db-journal"];

/// Copies the vault files as they are on disk right now (what a power cut or kill leaves behind).
fn copy_files(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for f in SIDE.iter().chain(&["vault.key"]) {
        let src = from.join(f);
        if src.exists() {
            fs::copy(&src, to.join(f)).unwrap();
        }
    }
}

/// A crashed vault as an older build (write-ahead log) left it: `n` acknowledged cases, all of them
/// still only in `vault.db-wal`.
fn crashed_wal_vault(dir: &Path, n: usize) -> Vec<Uuid> {
    let live = tempfile::tempdir().unwrap();
    drop(new_vault(live.path()));
    let v = Vault::open(live.path(), &pass()).unwrap();
    let mode: String = v.connection().query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let ids: Vec<Uuid> = (0..n).map(|i| v.cases().create(&format!("Gezin {i}")).unwrap().id).collect();
    copy_files(live.path(), dir);
    drop(v);
    assert!(fs::metadata(dir.join("vault.db-wal")).unwrap().len() > 0, "the copy holds a write-ahead log");
    ids
}

fn flip(path: &Path, offset: usize) {
    let mut b = fs::read(path).unwrap();
    b[offset] ^= 0x20;
    fs::write(path, b).unwrap();
}

/// Opens `dir`: either `vault_damaged` (files untouched, returns true) or every id of `ids` is there,
/// unchanged by any unfinished transaction (no label ending in '!', no note ending in 'x').
///
/// With `untouched`, a damaged vault's files must be byte-identical afterwards. (A hot journal whose
/// damage SQLite's sampled checksum misses is played back before the page HMAC finds it; the damage is
/// still reported, and the crash state it came from was only half a transaction.)
fn assert_whole_or_damaged(dir: &Path, ids: &[Uuid], what: &str, untouched: bool) -> bool {
    let before = snapshot(dir);
    match Vault::open(dir, &pass()) {
        Ok(v) => {
            let cases = v.cases().list().unwrap();
            let have: HashSet<Uuid> = cases.iter().map(|c| c.id).collect();
            let missing = ids.iter().filter(|id| !have.contains(id)).count();
            assert_eq!(missing, 0, "{what}: unlock succeeded with {missing} of {} acknowledged cases missing", ids.len());
            assert!(cases.iter().all(|c| !c.label.ends_with('!')), "{what}: half a transaction is in the vault");
            for c in &cases {
                assert!(v.persons().list_for_case(c.id).unwrap().iter().all(|p| !p.notes.ends_with('x')), "{what}: half a transaction");
            }
            v.check_integrity().unwrap();
            false
        }
        Err(e) => {
            assert_eq!(e.code(), "vault_damaged", "{what}: {e:?}");
            assert!(!untouched || snapshot(dir) == before, "{what}: a damaged vault must not be rewritten");
            true
        }
    }
}

#[test]
fn wal_damage_not_silent() {
    let template = tempfile::tempdir().unwrap();
    let ids = crashed_wal_vault(template.path(), 20);
    let wal_len = fs::metadata(template.path().join("vault.db-wal")).unwrap().len() as usize;
    let page = 4096;
    let frame = 24 + page;
    let frames = (wal_len - 32) / frame;
    assert!(frames >= 20, "{frames} frames");
    // Every byte of the log header; in every frame header its page number, commit size, both salts and
    // both checksums; and bytes of the page data.
    let mut rng = Rng::from_time();
    let mut offsets: Vec<usize> = (0..32).collect();
    for f in 0..frames {
        let base = 32 + f * frame;
        offsets.extend([3, 7, 8, 13, 16, 23].map(|o| base + o));
        offsets.push(base + 24 + rng.below(page as u64) as usize);
    }
    let mut reported = 0;
    for &offset in &offsets {
        let dir = tempfile::tempdir().unwrap();
        copy_files(template.path(), dir.path());
        flip(&dir.path().join("vault.db-wal"), offset);
        if assert_whole_or_damaged(dir.path(), &ids, &format!("wal byte {offset}"), true) {
            reported += 1;
        }
    }
    eprintln!("{} flips in the write-ahead log, {reported} reported as damage", offsets.len());
    // The undamaged crashed copy opens with every case.
    let dir = tempfile::tempdir().unwrap();
    copy_files(template.path(), dir.path());
    assert!(!assert_whole_or_damaged(dir.path(), &ids, "undamaged copy", true));
}

#[test]
fn an_older_write_ahead_log_vault_is_moved_to_the_rollback_journal() {
    let dir = tempfile::tempdir().unwrap();
    let ids = crashed_wal_vault(dir.path(), 5);
    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert_eq!(v.cases().list().unwrap().len(), ids.len());
    let mode: String = v.connection().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "delete");
    assert!(!dir.path().join("vault.db-wal").exists(), "the log was checkpointed into the database");
    // A new write leaves no side file behind once committed.
    v.cases().create("Gezin na de omzetting").unwrap();
    assert!(!dir.path().join("vault.db-journal").exists());
    assert!(!dir.path().join("vault.db-wal").exists());
}

/// A crash in the middle of a large commit: the journal holds the committed pages, the database some
/// pages of the unfinished transaction.
fn crashed_mid_commit(dir: &Path, n: usize) -> Vec<Uuid> {
    let live = tempfile::tempdir().unwrap();
    drop(new_vault(live.path()));
    let v = Vault::open(live.path(), &pass()).unwrap();
    let ids: Vec<Uuid> = (0..n)
        .map(|i| {
            let c = v.cases().create(&format!("Gezin {i}")).unwrap();
            let mut p = person(domain::Role::Parent, "Ouder");
            p.notes = "n".repeat(1500);
            v.persons().add(c.id, p).unwrap();
            c.id
        })
        .collect();
    let conn = v.connection();
    // A tiny page cache makes SQLite write pages of the open transaction into the database (after
    // syncing the journal) before the commit: the state a crash mid-commit leaves.
    conn.execute_batch("PRAGMA cache_size = 2; BEGIN IMMEDIATE; UPDATE persons SET notes = notes || 'x'; UPDATE cases SET label = label || '!';").unwrap();
    copy_files(live.path(), dir);
    conn.execute_batch("ROLLBACK; PRAGMA cache_size = -2000;").unwrap();
    drop(v);
    assert!(fs::metadata(dir.join("vault.db-journal")).map(|m| m.len() > 0).unwrap_or(false), "the copy holds a hot journal");
    ids
}

#[test]
fn hot_journal_damage_not_silent() {
    let template = tempfile::tempdir().unwrap();
    let ids = crashed_mid_commit(template.path(), 30);
    // Undamaged: the unfinished transaction is rolled back, every acknowledged case is there unchanged.
    {
        let dir = tempfile::tempdir().unwrap();
        copy_files(template.path(), dir.path());
        let v = Vault::open(dir.path(), &pass()).unwrap();
        let cases = v.cases().list().unwrap();
        assert_eq!(cases.len(), ids.len());
        assert!(cases.iter().all(|c| !c.label.ends_with('!')), "the unfinished transaction was rolled back");
        v.check_integrity().unwrap();
    }
    let journal = fs::read(template.path().join("vault.db-journal")).unwrap();
    let mut rng = Rng::from_time();
    let mut offsets: Vec<usize> = (0..28).collect();
    // Records start after the first sector; sample page numbers, data and checksums.
    for _ in 0..150 {
        offsets.push(512 + rng.below((journal.len() - 512) as u64) as usize);
    }
    let page_rec = 4 + 4096 + 4;
    for r in 0..((journal.len() - 4096) / page_rec).min(20) {
        let base = 4096 + r * page_rec;
        offsets.extend([base + 3, base + 4 + 4096 - 200, base + 4 + 4096 + 2]);
    }
    let mut reported = 0;
    for &offset in offsets.iter().filter(|&&o| o < journal.len()) {
        let dir = tempfile::tempdir().unwrap();
        copy_files(template.path(), dir.path());
        flip(&dir.path().join("vault.db-journal"), offset);
        if assert_whole_or_damaged(dir.path(), &ids, &format!("journal byte {offset}"), false) {
            reported += 1;
        }
    }
    eprintln!("{} flips in the hot journal, {reported} reported as damage", offsets.len());
}

#[test]
fn restore_from_a_folder_copy_of_a_crashed_vault_keeps_every_case() {
    // Written by an older build (write-ahead log) …
    let copy = tempfile::tempdir().unwrap();
    let ids = crashed_wal_vault(copy.path(), 35);
    let before = snapshot(copy.path());
    let target = tempfile::tempdir().unwrap();
    let r = Vault::restore_from(copy.path(), target.path().join("kluis"), &pass()).unwrap();
    let have: HashSet<Uuid> = r.cases().list().unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(ids.iter().filter(|id| have.contains(id)).count(), 35, "every case of the crashed copy is restored");
    drop(r);
    assert_eq!(snapshot(copy.path()), before, "the copy restored from is not changed");

    // … and by this one, crashed in the middle of a commit.
    let copy = tempfile::tempdir().unwrap();
    let ids = crashed_mid_commit(copy.path(), 35);
    let target = tempfile::tempdir().unwrap();
    let r = Vault::restore_from(copy.path(), target.path().join("kluis"), &pass()).unwrap();
    let cases = r.cases().list().unwrap();
    assert_eq!(cases.len(), ids.len());
    assert!(cases.iter().all(|c| !c.label.ends_with('!')));
    r.check_integrity().unwrap();
}
