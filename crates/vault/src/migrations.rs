//! Schema migrations, numbered by `PRAGMA user_version`.
//!
//! `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`. Each step runs in its own transaction
//! together with the `user_version` bump, so a crash leaves the vault at the old or the new version.
//! Never edit a published step: add a new one (and keep the fixture test of the old version passing).

use rusqlite::Connection;

use crate::error::{Result, VaultError};

/// The schema steps, in order. Version N = the first N steps applied.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: the household, settings and the audit log.
    r#"
    CREATE TABLE cases (
        id              TEXT PRIMARY KEY NOT NULL,
        label           TEXT NOT NULL,
        status          TEXT NOT NULL,
        phase           TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        retention_until TEXT
    ) STRICT;
    CREATE INDEX cases_updated ON cases(updated_at);

    CREATE TABLE persons (
        id                 TEXT PRIMARY KEY NOT NULL,
        case_id            TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        role               TEXT NOT NULL,
        name               TEXT NOT NULL,
        year_of_birth      INTEGER,
        gender             TEXT,
        lives_in_household INTEGER NOT NULL,
        notes              TEXT NOT NULL
    ) STRICT;
    CREATE INDEX persons_case ON persons(case_id);

    CREATE TABLE relations (
        id      TEXT PRIMARY KEY NOT NULL,
        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        from_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        to_id   TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        kind    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX relations_case ON relations(case_id);
    CREATE INDEX relations_from ON relations(from_id);
    CREATE INDEX relations_to ON relations(to_id);

    CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        at         TEXT NOT NULL,
        action     TEXT NOT NULL,
        case_id    TEXT,
        subject_id TEXT,
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL
    ) STRICT;
    "#,
    // 2: conversations, answers, behaviour records (with trash), the professional's judgements and acute
    // decisions, child pre-checks, the Meldcode log and the safety plan with its frozen versions.
    // Each row keeps the domain value as JSON in `body`; the other columns are for lookups and order.
    r#"
    CREATE TABLE conversations (
        id            TEXT PRIMARY KEY NOT NULL,
        case_id       TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        guide_id      TEXT NOT NULL,
        guide_version INTEGER NOT NULL,
        started_at    TEXT NOT NULL,
        body          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX conversations_case ON conversations(case_id, started_at);

    CREATE TABLE answers (
        id              TEXT PRIMARY KEY NOT NULL,
        case_id         TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        question_id     TEXT NOT NULL,
        source_person   TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        body            TEXT NOT NULL
    ) STRICT;
    CREATE INDEX answers_case ON answers(case_id);
    CREATE INDEX answers_conversation ON answers(conversation_id, question_id);

    CREATE TABLE behaviour_records (
        id              TEXT PRIMARY KEY NOT NULL,
        case_id         TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        behaviour_id    TEXT NOT NULL,
        source_person   TEXT NOT NULL,
        conversation_id TEXT,
        updated_at      TEXT NOT NULL,
        deleted_at      TEXT,
        body            TEXT NOT NULL
    ) STRICT;
    CREATE INDEX behaviour_records_case ON behaviour_records(case_id, deleted_at);

    CREATE TABLE judgements (
        id             TEXT PRIMARY KEY NOT NULL,
        case_id        TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        conclusion_key TEXT NOT NULL,
        decided_at     TEXT NOT NULL,
        body           TEXT NOT NULL
    ) STRICT;
    CREATE INDEX judgements_case ON judgements(case_id, conclusion_key);

    CREATE TABLE acute_decisions (
        id         TEXT PRIMARY KEY NOT NULL,
        case_id    TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        decided_at TEXT NOT NULL,
        body       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX acute_decisions_case ON acute_decisions(case_id);

    CREATE TABLE child_prechecks (
        id         TEXT PRIMARY KEY NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        case_id    TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        checked_at TEXT NOT NULL,
        body       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX child_prechecks_case ON child_prechecks(case_id);

    CREATE TABLE meldcode_entries (
        id          TEXT PRIMARY KEY NOT NULL,
        case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        step        INTEGER NOT NULL,
        recorded_at TEXT NOT NULL,
        body        TEXT NOT NULL
    ) STRICT;
    CREATE INDEX meldcode_entries_case ON meldcode_entries(case_id, step);

    CREATE TABLE safety_plans (
        id         TEXT PRIMARY KEY NOT NULL,
        case_id    TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        updated_at TEXT NOT NULL,
        body       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX safety_plans_case ON safety_plans(case_id);

    CREATE TABLE plan_versions (
        plan_id   TEXT NOT NULL REFERENCES safety_plans(id) ON DELETE CASCADE,
        number    INTEGER NOT NULL,
        case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        frozen_at TEXT NOT NULL,
        body      TEXT NOT NULL,
        PRIMARY KEY (plan_id, number)
    ) STRICT;
    "#,
    // 3: the keyed, anchored access log (issue 11). Existing rows keep their plain hash (`keyed = 0`);
    // rows from now on are HMAC'd, and the head row is kept in step with every append.
    r#"
    ALTER TABLE audit_log ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE audit_head (
        id       INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
        count    INTEGER NOT NULL,
        last_mac TEXT NOT NULL,
        tag      TEXT NOT NULL
    ) STRICT;
    "#,
    // 4: the professional's notes with their earlier versions, and the full-text index (issue 13).
    // `search_docs` holds one row per indexed text (a note, an answer, a behaviour record's impact, a
    // plan item, a case label), written by the repositories in the same transaction as the row it
    // comes from; `search_fts` is its FTS5 index (external content), kept in step by the triggers
    // below. `scope` holds one token naming the case, so a search in one case is decided inside the
    // index. The rows of what is in the trash wait in `search_trash`, outside the index. Deleting a source row or a case deletes its index rows (triggers, also through
    // cascades), and the index's own `secure-delete` removes a deleted row's words from the index
    // b-tree at once (without it they stay in old segments until a merge, also through a VACUUM).
    r#"
    CREATE TABLE notes (
        id              TEXT PRIMARY KEY NOT NULL,
        case_id         TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        person_id       TEXT REFERENCES persons(id) ON DELETE SET NULL,
        conversation_id TEXT REFERENCES conversations(id) ON DELETE SET NULL,
        date            TEXT NOT NULL,
        title           TEXT NOT NULL,
        text            TEXT NOT NULL,
        tags            TEXT NOT NULL,
        confidential    INTEGER NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        deleted_at      TEXT
    ) STRICT;
    CREATE INDEX notes_case ON notes(case_id, deleted_at, date);

    CREATE TABLE note_versions (
        note_id  TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        number   INTEGER NOT NULL,
        case_id  TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        title    TEXT NOT NULL,
        text     TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (note_id, number)
    ) STRICT;

    CREATE TABLE search_docs (
        n               INTEGER PRIMARY KEY,
        kind            TEXT NOT NULL,
        owner_id        TEXT NOT NULL,
        item_id         TEXT NOT NULL,
        case_id         TEXT NOT NULL,
        conversation_id TEXT,
        reference       TEXT,
        date            TEXT NOT NULL,
        confidential    INTEGER NOT NULL,
        title           TEXT NOT NULL,
        text            TEXT NOT NULL,
        scope           TEXT NOT NULL
    ) STRICT;
    CREATE INDEX search_docs_owner ON search_docs(owner_id);
    CREATE INDEX search_docs_case ON search_docs(case_id);
    CREATE TABLE search_trash (
        n               INTEGER PRIMARY KEY,
        kind            TEXT NOT NULL,
        owner_id        TEXT NOT NULL,
        item_id         TEXT NOT NULL,
        case_id         TEXT NOT NULL,
        conversation_id TEXT,
        reference       TEXT,
        date            TEXT NOT NULL,
        confidential    INTEGER NOT NULL,
        title           TEXT NOT NULL,
        text            TEXT NOT NULL,
        scope           TEXT NOT NULL
    ) STRICT;
    CREATE INDEX search_trash_owner ON search_trash(owner_id);
    CREATE INDEX search_trash_case ON search_trash(case_id);

    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, text, scope, content = 'search_docs', content_rowid = 'n', tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO search_fts(search_fts, rank) VALUES ('secure-delete', 1);
    INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0, 0.0)');

    CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
        INSERT INTO search_fts(rowid, title, text, scope) VALUES (new.n, new.title, new.text, new.scope);
    END;
    CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, text, scope) VALUES ('delete', old.n, old.title, old.text, old.scope);
    END;
    CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, text, scope) VALUES ('delete', old.n, old.title, old.text, old.scope);
        INSERT INTO search_fts(rowid, title, text, scope) VALUES (new.n, new.title, new.text, new.scope);
    END;

    CREATE TRIGGER notes_unindex AFTER DELETE ON notes BEGIN
        DELETE FROM search_docs WHERE owner_id = old.id;
        DELETE FROM search_trash WHERE owner_id = old.id;
    END;
    CREATE TRIGGER answers_unindex AFTER DELETE ON answers BEGIN
        DELETE FROM search_docs WHERE owner_id = old.id;
        DELETE FROM search_trash WHERE owner_id = old.id;
    END;
    CREATE TRIGGER behaviour_records_unindex AFTER DELETE ON behaviour_records BEGIN
        DELETE FROM search_docs WHERE owner_id = old.id;
        DELETE FROM search_trash WHERE owner_id = old.id;
    END;
    CREATE TRIGGER safety_plans_unindex AFTER DELETE ON safety_plans BEGIN
        DELETE FROM search_docs WHERE owner_id = old.id;
        DELETE FROM search_trash WHERE owner_id = old.id;
    END;
    CREATE TRIGGER cases_unindex AFTER DELETE ON cases BEGIN
        DELETE FROM search_docs WHERE case_id = old.id;
        DELETE FROM search_trash WHERE case_id = old.id;
    END;
    "#,
    // 5: what the case list shows of each case (issue 13 point 4), a cache derived from the analysis,
    // the plan and the notes (`domain::caselist`). `stamp` is the case's `updated_at` when it was
    // computed and `rules` the app and catalogue version: a row whose stamp or rules differ, or whose
    // `recheck_on` day has come, is computed again. Deleted with its case.
    r#"
    CREATE TABLE case_markers (
        case_id         TEXT PRIMARY KEY NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        stamp           TEXT NOT NULL,
        rules           TEXT NOT NULL,
        recheck_on      TEXT,
        red_flag        INTEGER NOT NULL,
        next_evaluation TEXT,
        tags            TEXT NOT NULL
    ) STRICT;
    "#,
    // 6: retention and correction (issue 14). `retention_changes` keeps every change of a case's
    // retention date with its reason (the access log only names the action); `corrections` keeps a
    // person's "dit klopt niet" beside the answer, behaviour record or note it is about, which stays as
    // it was. Both go with their case (cascade), so a deleted case leaves nothing of them.
    r#"
    CREATE TABLE retention_changes (
        id         TEXT PRIMARY KEY NOT NULL,
        case_id    TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL,
        previous   TEXT,
        until      TEXT NOT NULL,
        reason     TEXT NOT NULL,
        changed_on TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX retention_changes_case ON retention_changes(case_id, created_at);

    CREATE TABLE corrections (
        id         TEXT PRIMARY KEY NOT NULL,
        case_id    TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        item_kind  TEXT NOT NULL,
        item_id    TEXT NOT NULL,
        person_id  TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        date       TEXT NOT NULL,
        text       TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX corrections_case ON corrections(case_id, item_id);
    CREATE INDEX corrections_person ON corrections(person_id);
    "#,
    // 7: the report to Veilig Thuis (issue 15, point 1). `melding_drafts` keeps the professional's
    // choices and own statements per case (the rest of the report is composed from the case each time);
    // `melding_versions` keeps each report made, frozen with the day it was reported. Both go with their
    // case (cascade).
    r#"
    CREATE TABLE melding_drafts (
        case_id    TEXT PRIMARY KEY NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        updated_at TEXT NOT NULL,
        body       TEXT NOT NULL
    ) STRICT;

    CREATE TABLE melding_versions (
        case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        number      INTEGER NOT NULL,
        reported_on TEXT NOT NULL,
        frozen_at   TEXT NOT NULL,
        body        TEXT NOT NULL,
        PRIMARY KEY (case_id, number)
    ) STRICT;
    "#,
    // 8: language of a person (issue 15.3): the language of their version of the safety plan
    // (`domain::PlanLanguage`, its snake_case name). Everyone stored before is Dutch.
    r#"
    ALTER TABLE persons ADD COLUMN language TEXT NOT NULL DEFAULT 'nl';
    "#,
];

/// The schema version this build writes.
pub const CURRENT_VERSION: u32 = MIGRATIONS.len() as u32;

pub(crate) fn user_version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// What a step needs besides its SQL, in the same transaction: schema 4 indexes what older versions
/// stored (case labels, answers, behaviour records, plans) for search.
fn after_step(tx: &rusqlite::Transaction<'_>, version: u32) -> Result<()> {
    match version {
        4 => crate::repo::search::reindex_all(tx),
        _ => Ok(()),
    }
}

/// Brings the schema up to `target` (at most [`CURRENT_VERSION`]). Refuses a vault from a newer app.
pub(crate) fn migrate(conn: &mut Connection, target: u32) -> Result<u32> {
    let target = target.min(CURRENT_VERSION);
    let mut version = user_version(conn)?;
    if version > CURRENT_VERSION {
        return Err(VaultError::TooNew);
    }
    while version < target {
        let tx = conn.transaction()?;
        tx.execute_batch(MIGRATIONS[version as usize])?;
        version += 1;
        tx.execute_batch(&format!("PRAGMA user_version = {version};"))?;
        after_step(&tx, version)?;
        tx.commit()?;
    }
    Ok(version)
}
