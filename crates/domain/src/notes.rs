//! The professional's own notes (`notities`, domain.md §11): dated, per case, optionally about one
//! person or one conversation of that case, with tags and a `vertrouwelijk` mark. Working notes are
//! part of the file for an access request, so every save that changes the text keeps the text as it
//! was ([`NoteVersion`]), and a note is first moved to the trash before it can be deleted for good.
//!
//! The body is plain text with light formatting (`# kop`, `- lijst`, `**vet**`); it is stored as typed
//! and never interpreted as HTML anywhere.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// A note as stored. (`CaseNote` in TypeScript: the plan has a `Note` of its own.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "CaseNote")]
pub struct Note {
    pub id: Uuid,
    pub case_id: Uuid,
    /// The person of the case the note is about, if any.
    pub person_id: Option<Uuid>,
    /// The conversation of the case the note belongs to, if any.
    pub conversation_id: Option<Uuid>,
    /// The day the note is about (the session's date), not the moment it was typed.
    pub date: NaiveDate,
    pub title: String,
    pub text: String,
    /// Lower case, without `#`, each once, in the order given ([`normalise_tags`]).
    pub tags: Vec<String>,
    /// `vertrouwelijk`: for the professional only, also in an access-request export.
    pub confidential: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// In the trash since; `None` for a live note.
    pub deleted_at: Option<DateTime<Utc>>,
}

/// What the professional writes; the backend adds ids and times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoteInput {
    pub person_id: Option<Uuid>,
    pub conversation_id: Option<Uuid>,
    pub date: NaiveDate,
    pub title: String,
    pub text: String,
    pub tags: Vec<String>,
    pub confidential: bool,
}

/// An earlier state of a note's title and text, kept when a save changed them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoteVersion {
    pub note_id: Uuid,
    /// 1, 2, 3 … per note, oldest first.
    pub number: u32,
    pub title: String,
    pub text: String,
    /// When this state was saved (it was current from then until the next save).
    pub saved_at: DateTime<Utc>,
}

/// Tags as stored: trimmed, inner white space made one space, lower case, a leading `#` dropped,
/// empty ones left out, each tag once (the first spelling wins).
pub fn normalise_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().trim_start_matches('#');
        let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    out
}

impl NoteInput {
    /// The input as it is stored: tags normalised. Title and text are kept exactly as typed (an
    /// autosave in the middle of a word must not move the cursor).
    pub fn normalised(mut self) -> NoteInput {
        self.tags = normalise_tags(&self.tags);
        self
    }
}

/// Whether saving `new_title`/`new_text` over a note that has `old_title`/`old_text` keeps the old
/// state as a version: only when the title or the text changes, and not when the old state was empty
/// (a new note's first words lose nothing).
pub fn keeps_previous_version(old_title: &str, old_text: &str, new_title: &str, new_text: &str) -> bool {
    let changed = old_title != new_title || old_text != new_text;
    let was_empty = old_title.trim().is_empty() && old_text.trim().is_empty();
    changed && !was_empty
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_stored_in_one_form() {
        let cases: &[(&[&str], &[&str])] = &[
            (&[], &[]),
            (&["Veiligheid"], &["veiligheid"]),
            (&["#school", "School", " school "], &["school"]),
            (&["  ", "#", ""], &[]),
            (&["Huis  bezoek", "huis bezoek"], &["huis bezoek"]),
            (&["ÉÉN", "één"], &["één"]),
            (&["b", "a", "b"], &["b", "a"]),
        ];
        for (given, expected) in cases {
            let given: Vec<String> = given.iter().map(|s| s.to_string()).collect();
            assert_eq!(normalise_tags(&given), *expected, "{given:?}");
        }
    }

    #[test]
    fn a_version_is_kept_only_when_something_written_changes() {
        let cases = [
            // (old title, old text, new title, new text, kept)
            ("", "", "Gesprek", "", false),
            ("", "  ", "", "Eerste zin.", false),
            ("Gesprek", "", "Gesprek", "", false),
            ("Gesprek", "Tekst", "Gesprek", "Tekst", false),
            ("Gesprek", "Tekst", "Gesprek", "Tekst.", true),
            ("Gesprek", "Tekst", "Gesprek 2", "Tekst", true),
            ("", "Tekst", "", "", true),
        ];
        for (ot, ox, nt, nx, kept) in cases {
            assert_eq!(keeps_previous_version(ot, ox, nt, nx), kept, "{ot:?} {ox:?} → {nt:?} {nx:?}");
        }
    }
}
