//! Correction and objection (`correctie en bezwaar`, AVG art. 16 and 21; domain.md §12): a person's
//! statement that something recorded about them is not correct, in their own words, attached to an
//! answer, a behaviour record or a note. The original is never changed; the statement is shown beside
//! it and belongs in that person's access-request export.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::DomainError;

/// The longest statement we keep (a person's words, not a document).
pub const MAX_TEXT_CHARS: usize = 4000;

/// What a statement is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CorrectionItem {
    Answer,
    BehaviourRecord,
    Note,
}

/// What the professional records: who says it, about which item, when, and their words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CorrectionInput {
    pub item_kind: CorrectionItem,
    pub item_id: Uuid,
    /// The person of the case who says it.
    pub person_id: Uuid,
    /// The day they said it.
    pub date: NaiveDate,
    /// Their own words.
    pub text: String,
}

impl CorrectionInput {
    /// The words trimmed, not empty and within [`MAX_TEXT_CHARS`]. (The date and the ids need the
    /// clock and the case: the command layer checks them.)
    pub fn checked(mut self) -> Result<CorrectionInput, DomainError> {
        let text = self.text.trim();
        if text.is_empty() {
            return Err(DomainError::Empty("text"));
        }
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(DomainError::TooLong("text"));
        }
        self.text = text.to_owned();
        Ok(self)
    }
}

/// A stored statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Correction {
    pub id: Uuid,
    pub case_id: Uuid,
    pub item_kind: CorrectionItem,
    pub item_id: Uuid,
    pub person_id: Uuid,
    pub date: NaiveDate,
    pub text: String,
    pub created_at: DateTime<Utc>,
}
