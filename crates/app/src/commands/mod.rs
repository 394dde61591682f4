//! One function per command, `fn(&mut Env, Request) -> AppResult<Response>`. Each checks its input
//! (ids belong to the case they are used in, values in range), reads or writes the vault in one call,
//! and returns what the UI shows. Pure rules are in `domain`; what is here is the order of checks and
//! the case-scoping no pure function can do.

mod about;
mod analysis;
mod backup;
mod cases;
mod conversations;
mod corrections;
mod display;
mod handover;
mod inzage;
mod meldcode;
mod notes;
mod planning;
pub mod practice;
mod records;
mod melding;
mod retention;
mod session;
mod timeline;
pub mod training;

pub use about::*;
pub use analysis::*;
pub use backup::*;
pub use cases::*;
pub use conversations::*;
pub use corrections::*;
pub use display::*;
pub use handover::*;
pub use inzage::*;
pub use meldcode::*;
pub use melding::*;
pub use notes::*;
pub use planning::*;
pub use practice::{practice_case_add, practice_cases_list, practice_close, practice_open, role_cards_export};
pub use records::*;
pub use retention::*;
pub use session::*;
pub use timeline::*;
pub use training::{practice_work_export, training_compare, training_import};

use chrono::NaiveDate;
use domain::{Household, Person};
use uuid::Uuid;
use vault::{Vault, VaultError};

use crate::error::{AppError, AppResult, ErrorCode};

/// Why [`read_capped`] read nothing.
#[derive(Debug)]
pub(crate) enum CappedRead {
    Missing,
    /// A folder, a symlink, a device: not a regular file.
    NotAFile,
    TooLarge,
    Unreadable(std::io::Error),
}

/// Reads a regular file the desktop named (never through a symlink), refusing one larger than `max`
/// bytes before it is read whole, and never more than `max` bytes and one if it grows while read.
pub(crate) fn read_capped(path: &std::path::Path, max: u64) -> Result<Vec<u8>, CappedRead> {
    use std::io::Read;
    let meta = std::fs::symlink_metadata(path).map_err(|_| CappedRead::Missing)?;
    if !meta.is_file() {
        return Err(CappedRead::NotAFile);
    }
    if meta.len() > max {
        return Err(CappedRead::TooLarge);
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
        .map_err(CappedRead::Unreadable)?;
    if bytes.len() as u64 > max {
        return Err(CappedRead::TooLarge);
    }
    Ok(bytes)
}

/// The earliest date any record may carry.
pub(crate) fn earliest_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid date")
}

/// A date of something that happened or was decided: not before 1900 and not after today.
pub(crate) fn past_date(date: NaiveDate, today: NaiveDate) -> AppResult<()> {
    if date < earliest_date() || date > today {
        return Err(ErrorCode::OutOfRange.into());
    }
    Ok(())
}

/// `not_in_case` when a found thing belongs to another case.
pub(crate) fn same_case(found: Uuid, case_id: Uuid) -> AppResult<()> {
    if found == case_id { Ok(()) } else { Err(ErrorCode::NotInCase.into()) }
}

/// The household of a case (`not_found` when there is no such case).
pub(crate) fn household(v: &Vault, case_id: Uuid) -> AppResult<Household> {
    Ok(v.household(case_id)?)
}

/// A person of this household: `not_in_case` when the id is a person of another case, `not_found`
/// when it is nobody's.
pub(crate) fn person_of<'h>(v: &Vault, household: &'h Household, id: Uuid) -> AppResult<&'h Person> {
    if let Some(p) = household.person(id) {
        return Ok(p);
    }
    match v.persons().get(id) {
        Ok(_) => Err(ErrorCode::NotInCase.into()),
        Err(VaultError::NotFound(_)) => Err(ErrorCode::NotFound.into()),
        Err(e) => Err(e.into()),
    }
}

/// Every id in `ids` is a person of this household.
pub(crate) fn persons_of(v: &Vault, household: &Household, ids: &[Uuid]) -> AppResult<()> {
    ids.iter().try_for_each(|id| person_of(v, household, *id).map(|_| ()))
}

/// A conversation of this case.
pub(crate) fn conversation_of(v: &Vault, case_id: Uuid, id: Uuid) -> AppResult<domain::Conversation> {
    v.cases().get(case_id)?;
    let c = v.conversations().get(id)?;
    same_case(c.case_id, case_id)?;
    Ok(c)
}

/// A behaviour record of this case (also when it is in the trash).
pub(crate) fn record_of(v: &Vault, case_id: Uuid, id: Uuid) -> AppResult<domain::BehaviourRecord> {
    v.cases().get(case_id)?;
    let r = v.behaviour_records().get(id)?;
    same_case(r.case_id, case_id)?;
    Ok(r)
}

/// New records come with the nil id; the backend gives them a sortable UUIDv7. A record that is not
/// new must exist, in this case.
pub(crate) fn assign_id<T>(id: &mut Uuid, case_id: Uuid, existing: impl FnOnce(Uuid) -> Result<T, VaultError>, case_of: impl FnOnce(&T) -> Uuid) -> AppResult<()> {
    if id.is_nil() {
        *id = Uuid::now_v7();
        return Ok(());
    }
    let found = existing(*id).map_err(AppError::from)?;
    same_case(case_of(&found), case_id)
}

/// An empty text (after trimming) is refused with `code`.
pub(crate) fn required(text: &str, code: ErrorCode) -> AppResult<()> {
    if text.trim().is_empty() { Err(code.into()) } else { Ok(()) }
}
