//! The report to Veilig Thuis (schema 7): per case the professional's draft (choices and own
//! statements; the rest is composed from the case by `domain::melding`), and each report made, frozen
//! with the day it was reported. Saving a draft, and a report made, are rows in the access log (ids
//! only). Both go with their case (cascade).

use domain::MeldcodeEntry;
use domain::melding::{MeldingDocument, MeldingDraft, MeldingVersion};
use rusqlite::{Connection, OptionalExtension, params};
use uuid::Uuid;

use super::{parse_json, read, time_text, to_json, touch_case, write};
use crate::audit::{self, AuditAction};
use crate::error::Result;

/// Report repository; get it with [`crate::Vault::meldingen`].
pub struct Meldingen<'v> {
    pub(crate) conn: &'v Connection,
    pub(crate) vault: &'v crate::Vault,
}

impl Meldingen<'_> {
    /// The case's draft, if one was saved.
    pub fn draft(&self, case_id: Uuid) -> Result<Option<MeldingDraft>> {
        read(self.conn, |tx| {
            let body: Option<String> = tx
                .query_row("SELECT body FROM melding_drafts WHERE case_id = ?1", [case_id.to_string()], |r| r.get(0))
                .optional()?;
            body.map(|b| parse_json(&b)).transpose()
        })
    }

    /// Keeps the draft (one per case).
    pub fn save_draft(&self, draft: &MeldingDraft) -> Result<()> {
        write(self.conn, |tx| {
            tx.execute(
                "INSERT INTO melding_drafts (case_id, updated_at, body) VALUES (?1, ?2, ?3)
                 ON CONFLICT (case_id) DO UPDATE SET updated_at = excluded.updated_at, body = excluded.body",
                params![draft.case_id.to_string(), time_text(draft.updated_at), to_json(draft)],
            )?;
            touch_case(tx, draft.case_id)?;
            audit::append(tx, AuditAction::MeldingDraftSaved, Some(draft.case_id), None)
        })
    }

    /// The reports made, oldest first.
    pub fn versions(&self, case_id: Uuid) -> Result<Vec<MeldingVersion>> {
        read(self.conn, |tx| {
            let mut stmt = tx.prepare_cached("SELECT body FROM melding_versions WHERE case_id = ?1 ORDER BY number")?;
            let rows = stmt.query_map([case_id.to_string()], |r| r.get::<_, String>(0))?;
            rows.map(|b| parse_json(&b?)).collect()
        })
    }

    /// Freezes a report made on `reported_on` with the next number, and records `entry` (step 5 of the
    /// Meldcode: reported) in the same transaction: both are kept, or neither.
    pub fn report(
        &self,
        case_id: Uuid,
        reported_on: chrono::NaiveDate,
        document: MeldingDocument,
        entry: &MeldcodeEntry,
    ) -> Result<MeldingVersion> {
        self.vault.in_one_transaction(|v| {
            v.meldcode_entries().save(entry)?;
            write(self.conn, |tx| {
                let last: Option<u32> =
                    tx.query_row("SELECT max(number) FROM melding_versions WHERE case_id = ?1", [case_id.to_string()], |r| r.get(0))?;
                let version = MeldingVersion {
                    case_id,
                    number: last.unwrap_or(0) + 1,
                    reported_on,
                    frozen_at: entry.recorded_at,
                    meldcode_entry: entry.id,
                    document,
                };
                tx.execute(
                    "INSERT INTO melding_versions (case_id, number, reported_on, frozen_at, body) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        case_id.to_string(),
                        version.number,
                        reported_on.format("%Y-%m-%d").to_string(),
                        time_text(version.frozen_at),
                        to_json(&version)
                    ],
                )?;
                touch_case(tx, case_id)?;
                audit::append(tx, AuditAction::MeldingReported, Some(case_id), Some(entry.id))?;
                Ok(version)
            })
        })
    }

    /// Logs that a report (draft or version) was saved outside the vault as PDF or text.
    pub fn record_exported(&self, case_id: Uuid) -> Result<()> {
        write(self.conn, |tx| audit::append(tx, AuditAction::MeldingExported, Some(case_id), None))
    }
}
