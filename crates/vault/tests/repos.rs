//! Repository round trips, the audit chain, settings, a full disk, backups and the canary scan.

mod common;

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use common::*;
use domain::{CaseStatus, Phase, RelationInput, RelationKind, Role};
use vault::{CaseUpdate, Language, Passphrase, Settings, Vault};

#[test]
fn cases_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    assert!(v.cases().list().unwrap().is_empty());
    let a = v.cases().create("  Gezin A.  ").unwrap();
    assert_eq!(a.label, "Gezin A.");
    assert_eq!((a.status, a.phase), (CaseStatus::Open, Phase::DirecteVeiligheid));
    let b = v.cases().create("Gezin B.").unwrap();
    v.persons().add(a.id, person(Role::Parent, "Ans")).unwrap();
    v.persons().add(a.id, person(Role::Child, "Noor")).unwrap();

    let list = v.cases().list().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].id, a.id, "most recently changed first");
    assert_eq!(list[0].person_count, 2);
    assert_eq!(list[1].person_count, 0);

    let renamed = v.cases().rename(b.id, "Gezin Bé.").unwrap();
    assert_eq!(renamed.label, "Gezin Bé.");
    assert!(renamed.updated_at >= b.updated_at);
    assert_eq!(v.cases().rename(b.id, "   ").unwrap_err().code(), "field_empty");
    assert_eq!(v.cases().create(&"x".repeat(81)).unwrap_err().code(), "field_too_long");

    let upd = CaseUpdate {
        status: CaseStatus::Closed,
        phase: Phase::Herstel,
        retention_until: Some(NaiveDate::from_ymd_opt(2046, 1, 31).unwrap()),
    };
    let b2 = v.cases().update(b.id, &upd).unwrap();
    assert_eq!((b2.status, b2.phase, b2.retention_until), (upd.status, upd.phase, upd.retention_until));
    drop(v);

    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert_eq!(v.cases().get(b.id).unwrap(), b2);
    v.cases().delete(a.id).unwrap();
    assert_eq!(v.cases().get(a.id).unwrap_err().code(), "not_found");
    assert_eq!(v.cases().delete(a.id).unwrap_err().code(), "not_found");
    assert!(v.persons().list_for_case(a.id).unwrap().is_empty(), "persons cascade");
    let n: i64 = v.connection().query_row("SELECT count(*) FROM persons", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
    assert_eq!(v.cases().list().unwrap().len(), 1);
}

#[test]
fn persons_and_relations_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let c = v.cases().create("Gezin F.").unwrap();
    let other = v.cases().create("Gezin G.").unwrap();
    let mut input = person(Role::Parent, "  Ans  ");
    input.notes = "werkt parttime".into();
    let ans = v.persons().add(c.id, input).unwrap();
    assert_eq!(ans.name, "Ans");
    let bas = v.persons().add(c.id, person(Role::Partner, "Bas")).unwrap();
    let noor = v.persons().add(c.id, person(Role::Child, "Noor")).unwrap();
    let elsewhere = v.persons().add(other.id, person(Role::Partner, "Cor")).unwrap();
    assert_eq!(v.persons().add(uuid::Uuid::now_v7(), person(Role::Child, "X")).unwrap_err().code(), "not_found");

    let mut bad = person(Role::Child, "Y");
    bad.year_of_birth = Some(1800);
    assert_eq!(v.persons().add(c.id, bad).unwrap_err().code(), "year_of_birth");

    let mut changed = person(Role::ExPartner, "Bas");
    changed.gender = None;
    changed.year_of_birth = None;
    changed.lives_in_household = false;
    let bas = v.persons().update(bas.id, changed).unwrap();
    assert_eq!((bas.role, bas.gender, bas.year_of_birth, bas.lives_in_household), (Role::ExPartner, None, None, false));

    let sep = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
    let r1 = v
        .relations()
        .add(c.id, RelationInput { from: ans.id, to: bas.id, kind: RelationKind::ExPartnerOf { separation_date: Some(sep) } })
        .unwrap();
    let r2 = v
        .relations()
        .add(c.id, RelationInput { from: ans.id, to: noor.id, kind: RelationKind::ParentOf { step: false } })
        .unwrap();
    // Domain rules: a child is not a parent of an adult; no self relation; no cross-case relation.
    let e = v.relations().add(c.id, RelationInput { from: noor.id, to: ans.id, kind: RelationKind::ParentOf { step: false } });
    assert_eq!(e.unwrap_err().code(), "relation_roles");
    let e = v.relations().add(c.id, RelationInput { from: ans.id, to: ans.id, kind: RelationKind::PartnerOf });
    assert_eq!(e.unwrap_err().code(), "relation_self");
    let e = v.relations().add(c.id, RelationInput { from: ans.id, to: elsewhere.id, kind: RelationKind::PartnerOf });
    assert_eq!(e.unwrap_err().code(), "not_found");

    let h = v.household(c.id).unwrap();
    assert_eq!(h.persons, vec![ans.clone(), bas.clone(), noor.clone()]);
    assert_eq!(h.relations, vec![r1.clone(), r2.clone()]);
    assert_eq!(h.couples().len(), 1);
    drop(v);

    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert_eq!(v.cases().open(c.id).unwrap(), h);
    v.relations().delete(r1.id).unwrap();
    assert_eq!(v.relations().delete(r1.id).unwrap_err().code(), "not_found");
    v.persons().delete(noor.id).unwrap();
    assert!(v.relations().list(c.id).unwrap().is_empty(), "relations of a deleted person go too");
    assert_eq!(v.persons().list_for_case(c.id).unwrap(), vec![ans, bas]);
    assert_eq!(v.persons().get(noor.id).unwrap_err().code(), "not_found");
}

#[test]
fn audit_chain_records_ids_only_and_detects_tampering() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let c = v.cases().create("Gezin H.").unwrap();
    let p = v.persons().add(c.id, person(Role::Parent, "Hanna")).unwrap();
    v.cases().open(c.id).unwrap();
    let log = v.audit_log().unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["vault_created", "case_created", "person_added", "case_opened"]);
    assert_eq!(log[2].case_id, Some(c.id));
    assert_eq!(log[2].subject_id, Some(p.id));
    assert_eq!(v.verify_audit_chain().unwrap(), 4);

    // Rows only hold ids, times, action names and hashes.
    let conn = v.connection();
    let dump: String = conn
        .query_row("SELECT group_concat(at || action || ifnull(case_id,'') || ifnull(subject_id,'') || prev_hash || hash, '|') FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert!(!dump.contains("Hanna") && !dump.contains("Gezin"));

    // Edit a row: detected.
    conn.execute("UPDATE audit_log SET action = 'case_renamed' WHERE seq = 2", []).unwrap();
    assert_eq!(v.verify_audit_chain().unwrap_err().code(), "vault_damaged");
    conn.execute("UPDATE audit_log SET action = 'case_created' WHERE seq = 2", []).unwrap();
    assert_eq!(v.verify_audit_chain().unwrap(), 4);
    // Remove a row in the middle: detected.
    conn.execute("DELETE FROM audit_log WHERE seq = 3", []).unwrap();
    assert_eq!(v.verify_audit_chain().unwrap_err().code(), "vault_damaged");
}

#[test]
fn settings_defaults_and_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    assert_eq!(v.settings().get().unwrap(), Settings { auto_lock_minutes: 5, language: Language::Nl });
    for bad in [0, 31, 1000] {
        assert_eq!(v.settings().set_auto_lock_minutes(bad).unwrap_err().code(), "invalid", "{bad}");
    }
    for ok in [1, 30, 12] {
        v.settings().set_auto_lock_minutes(ok).unwrap();
        assert_eq!(v.settings().get().unwrap().auto_lock_minutes, ok);
    }
    v.settings().set_language(Language::En).unwrap();
    drop(v);
    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert_eq!(v.settings().get().unwrap(), Settings { auto_lock_minutes: 12, language: Language::En });
}

#[test]
fn disk_full() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let c = v.cases().create("Gezin K.").unwrap();
    let saved = v.persons().add(c.id, person(Role::Parent, "Karin")).unwrap();
    let pages: i64 = v.connection().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    v.connection().query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(())).unwrap();
    let mut big = person(Role::Child, "Kees");
    big.notes = "é".repeat(4000);
    let mut err = None;
    for _ in 0..50 {
        if let Err(e) = v.persons().add(c.id, big.clone()) {
            err = Some(e);
            break;
        }
    }
    let err = err.expect("the page limit must be reached");
    assert_eq!(err.code(), "disk_full");
    // The last committed state survives, in this session and after reopening.
    assert!(v.persons().list_for_case(c.id).unwrap().contains(&saved));
    v.verify_audit_chain().unwrap();
    drop(v);
    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert!(v.persons().list_for_case(c.id).unwrap().contains(&saved));
    v.check_integrity().unwrap();
    v.verify_audit_chain().unwrap();
}

#[test]
fn backup_roundtrip() {
    let dir = tempfile::tempdir().unwrap();
    let backups = tempfile::tempdir().unwrap();
    let (v, rk) = new_vault(dir.path());
    let c = v.cases().create("Gezin L.").unwrap();
    v.persons().add(c.id, person(Role::Parent, "Lotte")).unwrap();
    let b = backups.path().join("2026-11-29");
    v.backup_to(&b).unwrap();
    assert_eq!(v.backup_to(&b).unwrap_err().code(), "vault_exists", "never overwrites a backup");
    // Changes after the backup are not in it.
    v.cases().create("Gezin M.").unwrap();
    let household = v.household(c.id).unwrap();
    drop(v);

    // The backup opens in place with the same passphrase and passes both checks.
    let bv = Vault::open(&b, &pass()).unwrap();
    bv.check_integrity().unwrap();
    bv.verify_audit_chain().unwrap();
    assert_eq!(bv.cases().list().unwrap().len(), 1);
    assert_eq!(bv.household(c.id).unwrap(), household);
    assert_eq!(bv.schema_version().unwrap(), vault::SCHEMA_VERSION);
    drop(bv);

    // A backup made after a fresh unlock (not only right after create) works too.
    let v = Vault::open(dir.path(), &pass()).unwrap();
    v.backup_to(backups.path().join("second")).unwrap();
    drop(v);
    let second = Vault::open(backups.path().join("second"), &pass()).unwrap();
    assert_eq!(second.cases().list().unwrap().len(), 2);
    second.check_integrity().unwrap();
    drop(second);

    // Restore: wrong passphrase touches nothing; existing vault refused; then into an empty place.
    let target = tempfile::tempdir().unwrap();
    let err = Vault::restore_from(&b, target.path(), &Passphrase::new("fout")).unwrap_err();
    assert_eq!(err.code(), "wrong_passphrase");
    assert!(files_under(target.path()).is_empty());
    assert_eq!(Vault::restore_from(&b, dir.path(), &pass()).unwrap_err().code(), "vault_exists");
    let r = Vault::restore_from(&b, target.path(), &pass()).unwrap();
    assert_eq!(r.household(c.id).unwrap(), household);
    assert_eq!(r.audit_log().unwrap().last().unwrap().action, "restored_from_backup");
    drop(r);
    // The recovery key of the original opens the restored copy.
    assert!(Vault::open_with_recovery_key(target.path(), &rk, &pass()).is_ok());
}

/// Canary strings: ASCII, accented UTF-8, and what they look like in UTF-16LE.
fn canaries() -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..100 {
        out.push(match i % 4 {
            0 => format!("CANARYascii{i:03}qz"),
            1 => format!("Zoë Ëlçin-Ÿ{i:03}"),
            2 => format!("Ĳsbrand Ørsted-Ñúñez{i:03}"),
            _ => format!("Åsa Çelik-Şahin ü{i:03}"),
        });
    }
    out
}

fn needles(canaries: &[String]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for c in canaries {
        out.push(c.as_bytes().to_vec());
        out.push(c.encode_utf16().flat_map(|u| u.to_le_bytes()).collect());
        out.push(c.encode_utf16().flat_map(|u| u.to_be_bytes()).collect());
    }
    // Also the shared stems, in case a string is split or truncated.
    out.push(b"CANARYascii".to_vec());
    out.push("Zoë Ëlçin".as_bytes().to_vec());
    out.push("Zoë Ëlçin".encode_utf16().flat_map(|u| u.to_le_bytes()).collect());
    out
}

/// Whether any needle occurs in `bytes`. Indexes needles by their first 8 bytes so one pass suffices.
fn contains_any(bytes: &[u8], needles: &[Vec<u8>]) -> bool {
    let mut by_prefix: std::collections::HashMap<&[u8], Vec<&[u8]>> = std::collections::HashMap::new();
    for n in needles {
        by_prefix.entry(&n[..8]).or_default().push(n);
    }
    bytes.windows(8).enumerate().any(|(i, w)| {
        by_prefix.get(w).is_some_and(|ns| ns.iter().any(|n| bytes[i..].starts_with(n)))
    })
}

fn scan(dir: &Path, needles: &[Vec<u8>]) -> usize {
    let files = files_under(dir);
    for f in &files {
        assert!(!contains_any(&fs::read(f).unwrap(), needles), "a canary is readable in {}", f.display());
    }
    files.len()
}

#[test]
fn canary_scan() {
    let dir = tempfile::tempdir().unwrap();
    let backups = tempfile::tempdir().unwrap();
    let canaries = canaries();
    let needles = needles(&canaries);
    // The scan itself can find a canary: a plain file with one is caught.
    let probe = tempfile::tempdir().unwrap();
    fs::write(probe.path().join("plain.txt"), canaries[1].encode_utf16().flat_map(|u| u.to_le_bytes()).collect::<Vec<u8>>()).unwrap();
    assert!(std::panic::catch_unwind(|| scan(probe.path(), &needles)).is_err());

    let (v, _) = new_vault(dir.path());
    let mut ids = Vec::new();
    for chunk in canaries.chunks(4) {
        let c = v.cases().create(&chunk[0]).unwrap();
        let mut p = person(Role::Parent, &chunk[1]);
        p.notes = format!("{} {}", chunk[2], chunk[3]);
        let a = v.persons().add(c.id, p).unwrap();
        let mut q = person(Role::Partner, &chunk[3]);
        q.notes = chunk[0].clone();
        let b = v.persons().add(c.id, q).unwrap();
        v.relations().add(c.id, RelationInput { from: a.id, to: b.id, kind: RelationKind::PartnerOf }).unwrap();
        v.cases().rename(c.id, &chunk[2]).unwrap();
        v.cases().open(c.id).unwrap();
        ids.push(c.id);
    }
    // Delete some, so secure_delete paths are exercised too.
    for id in ids.iter().step_by(5) {
        v.cases().delete(*id).unwrap();
    }
    // While open: db and key file (the rollback journal exists only during a commit).
    assert!(scan(dir.path(), &needles) >= 2);
    // In the middle of a commit that spills pages: the journal holds old pages, encrypted too.
    v.connection()
        .execute_batch("PRAGMA cache_size = 2; BEGIN IMMEDIATE; UPDATE persons SET notes = notes || '.'; UPDATE cases SET label = label || '.';")
        .unwrap();
    assert!(dir.path().join("vault.db-journal").exists());
    assert!(scan(dir.path(), &needles) >= 3);
    v.connection().execute_batch("ROLLBACK; PRAGMA cache_size = -2000;").unwrap();
    v.backup_to(backups.path().join("b")).unwrap();
    assert!(scan(backups.path(), &needles) >= 2);
    let household = v.household(ids[1]).unwrap();
    assert!(household.persons.iter().any(|p| canaries.contains(&p.name)), "the data really went in");
    drop(v);
    // After close.
    assert_eq!(scan(dir.path(), &needles), 2);
    scan(backups.path(), &needles);
    // And nothing of it in the temp dir.
    let tmp = std::env::temp_dir();
    for e in fs::read_dir(&tmp).unwrap().flatten() {
        let p = e.path();
        let small_file = p.is_file() && e.metadata().is_ok_and(|m| m.len() < 5_000_000);
        if let (true, Ok(bytes)) = (small_file, fs::read(&p)) {
            assert!(!contains_any(&bytes, &needles), "canary in temp file {}", p.display());
        }
    }
}
