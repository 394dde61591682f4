//! The error table (`app::codegen::error_table`): every command × every kind of bad input that applies
//! to it → its error code, and nothing stored. The UI's fake backend replays the same table
//! (`ui/src/lib/ipc/fixtures/errorTable.json`), and its own test runs it too, so both agree.

use std::collections::BTreeSet;

use app::codegen::{self, ErrorRow, State, WITHOUT_VAULT, error_table, table_host};
use app::{COMMANDS, ErrorCode};

fn rows_in(state: State) -> Vec<ErrorRow> {
    error_table().into_iter().filter(|r| r.state == state).collect()
}

#[test]
fn every_bad_input_gets_its_code_and_stores_nothing_while_unlocked() {
    let (mut host, map) = table_host(State::Unlocked);
    let mut wrong = Vec::new();
    for row in rows_in(State::Unlocked) {
        let before = host.writes();
        let got = codegen::run(&mut host, &map, row.command, &row.request);
        if got.as_ref().err() != Some(&row.code) {
            wrong.push(format!("{} / {}: expected {}, got {:?}", row.command, row.kind, row.code, got.map(|_| "ok")));
        }
        if host.writes() != before {
            wrong.push(format!("{} / {} stored something", row.command, row.kind));
        }
        assert!(host.is_unlocked(), "{} / {} locked the vault", row.command, row.kind);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_bad_input_gets_its_code_while_locked_and_the_vault_stays_locked() {
    let (mut host, map) = table_host(State::Locked);
    let files = |host: &app::host::TestHost| -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<_> = std::fs::read_dir(host.dir.path())
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap())
            })
            .collect();
        out.sort();
        out
    };
    let before = files(&host);
    for row in rows_in(State::Locked) {
        let got = codegen::run(&mut host, &map, row.command, &row.request);
        assert_eq!(got.err(), Some(row.code), "{} / {}", row.command, row.kind);
        assert!(!host.is_unlocked(), "{} / {} unlocked the vault", row.command, row.kind);
    }
    assert_eq!(files(&host), before, "a refused command changed a vault file");
}

#[test]
fn every_bad_input_gets_its_code_when_there_is_no_vault_and_none_is_made() {
    let (mut host, map) = table_host(State::Missing);
    for row in rows_in(State::Missing) {
        let got = codegen::run(&mut host, &map, row.command, &row.request);
        assert_eq!(got.err(), Some(row.code), "{} / {}", row.command, row.kind);
        assert!(!vault::Vault::exists(host.dir.path()), "{} / {} made a vault", row.command, row.kind);
    }
}

#[test]
fn the_table_covers_every_command_and_every_kind_that_applies() {
    let table = error_table();
    let has = |command: &str, kind: &str| table.iter().any(|r| r.command == command && r.kind == kind);
    for info in COMMANDS {
        assert!(has(info.name, "unknown_field"), "{}: a malformed request", info.name);
        if !WITHOUT_VAULT.contains(&info.name) {
            assert!(has(info.name, "locked"), "{}: locked", info.name);
        }
        if info.fields.iter().any(|f| *f == "case_id") {
            assert!(has(info.name, "unknown_case"), "{}: an unknown case", info.name);
        }
    }
    let scoped = ["person_update", "person_delete", "relation_add", "relation_delete", "joint_check", "conversation_start",
        "conversation_open", "conversation_end", "answer_save", "precheck_save", "behaviour_save", "behaviour_trash",
        "behaviour_restore", "meldcode_save", "plan_save", "plan_check", "plan_preview", "plan_export_pdf", "note_create",
        "note_save", "note_trash", "note_restore", "note_versions", "correction_add", "inzage_preview", "inzage_export"];
    for command in scoped {
        assert!(has(command, "id_of_other_case"), "{command}: an id of another case");
    }
    // Every text a person types has a limit, and a request that would make a case text 25 MB is refused.
    let with_text = ["case_create", "case_rename", "person_add", "person_update", "conversation_start", "conversation_end",
        "answer_save", "precheck_save", "behaviour_save", "judgement_save", "acute_decision_save", "meldcode_save",
        "plan_item_add", "plan_save", "plan_check", "passphrase_strength", "vault_create", "vault_unlock", "vault_recover",
        "vault_change_passphrase", "note_create", "note_save", "search", "retention_set", "retention_extend", "correction_add"];
    for command in with_text {
        assert!(has(command, "text_too_long"), "{command}: a text over the limit");
    }
    let codes: BTreeSet<ErrorCode> = table.iter().map(|r| r.code).collect();
    for code in [ErrorCode::NotInCase, ErrorCode::OutOfRange, ErrorCode::PrecheckNotForChild, ErrorCode::ReasonRequired,
        ErrorCode::PrecheckRequired, ErrorCode::EscapeReaderUnsafe, ErrorCode::WrongPassphrase, ErrorCode::SectionFull,
        ErrorCode::RetentionNotLater, ErrorCode::RetentionNotDue] {
        assert!(codes.contains(&code), "the table has a row for {code}");
    }
}
