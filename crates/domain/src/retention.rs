//! Retention (`bewaartermijn`, domain.md §12): how long a case's file is kept, and when it is due.
//!
//! Every case gets a retention end date: by default a number of years after the day it is closed (a
//! setting; youth-care files 20 years under the Jeugdwet, [`DEFAULT_YEARS`]). A case is due when that
//! date has passed or passes within [`DUE_WITHIN_DAYS`]; the professional then deletes it (never
//! automatically) or extends it, with a reason and a later date. A date can also be set outright
//! (earlier too, e.g. after a request to delete), again with a reason.
//!
//! The date is the last day the file is kept: on the day after it, it has passed.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// Years after closing by default (Jeugdwet art. 7.3.8: 20 years for youth-care files).
pub const DEFAULT_YEARS: u32 = 20;
/// The setting's bounds: a practice vault may keep its files shorter, nobody longer than this.
pub const MIN_YEARS: u32 = 1;
pub const MAX_YEARS: u32 = 30;
/// A case shows on the retention screen this many days before its date.
pub const DUE_WITHIN_DAYS: i64 = 90;
/// The latest date that may be set: this many years after today.
pub const MAX_YEARS_AHEAD: u32 = 100;

/// Where a case stands against its retention date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RetentionState {
    /// No date yet (an open case that was never closed).
    NotSet,
    /// The date is more than [`DUE_WITHIN_DAYS`] away.
    Later,
    /// The date is today or within [`DUE_WITHIN_DAYS`].
    Soon,
    /// The date has passed: the file should be deleted or its keeping extended.
    Passed,
}

impl RetentionState {
    /// Shown on the retention screen (delete or extend).
    pub fn is_due(self) -> bool {
        matches!(self, RetentionState::Soon | RetentionState::Passed)
    }
}

/// Why a retention change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetentionError {
    /// A change of the date needs a reason.
    ReasonRequired,
    /// An extension must end later than the current date and than today.
    NotLater,
    /// A date before 1900, or more than [`MAX_YEARS_AHEAD`] years ahead; a number of years outside
    /// [`MIN_YEARS`]..=[`MAX_YEARS`].
    OutOfRange,
}

impl RetentionError {
    /// The stable code (as `app::ErrorCode` spells it).
    pub fn code(self) -> &'static str {
        match self {
            RetentionError::ReasonRequired => "reason_required",
            RetentionError::NotLater => "retention_not_later",
            RetentionError::OutOfRange => "out_of_range",
        }
    }
}

/// `date` plus `years` calendar years (29 February becomes 28 February in a common year).
fn plus_years(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_add_months(Months::new(years.saturating_mul(12))).unwrap_or(NaiveDate::MAX)
}

/// The number of years of the setting, checked.
pub fn check_years(years: u32) -> Result<u32, RetentionError> {
    if (MIN_YEARS..=MAX_YEARS).contains(&years) { Ok(years) } else { Err(RetentionError::OutOfRange) }
}

/// The default end date of a case closed on `closed_on`: `years` years later.
pub fn default_until(closed_on: NaiveDate, years: u32) -> NaiveDate {
    plus_years(closed_on, years)
}

/// The date a case gets when it is closed: its own date if it has one, else the default.
pub fn on_closing(current: Option<NaiveDate>, closed_on: NaiveDate, years: u32) -> NaiveDate {
    current.unwrap_or_else(|| default_until(closed_on, years))
}

/// Where a case with this date stands today.
pub fn state(until: Option<NaiveDate>, today: NaiveDate) -> RetentionState {
    match until {
        None => RetentionState::NotSet,
        Some(d) if d < today => RetentionState::Passed,
        Some(d) if (d - today).num_days() <= DUE_WITHIN_DAYS => RetentionState::Soon,
        Some(_) => RetentionState::Later,
    }
}

/// Days from today to the date (negative once it has passed).
pub fn days_left(until: NaiveDate, today: NaiveDate) -> i64 {
    (until - today).num_days()
}

fn check_reason(reason: &str) -> Result<(), RetentionError> {
    if reason.trim().is_empty() { Err(RetentionError::ReasonRequired) } else { Ok(()) }
}

fn check_bounds(date: NaiveDate, today: NaiveDate) -> Result<(), RetentionError> {
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid date");
    if date < earliest || date > plus_years(today, MAX_YEARS_AHEAD) { Err(RetentionError::OutOfRange) } else { Ok(()) }
}

/// Setting a date outright (also earlier, or in the past): a reason and a date in range.
pub fn check_set(new: NaiveDate, reason: &str, today: NaiveDate) -> Result<RetentionChangeKind, RetentionError> {
    check_reason(reason)?;
    check_bounds(new, today)?;
    Ok(RetentionChangeKind::Set)
}

/// Extending: a reason, and a date later than the current one and than today.
pub fn check_extension(current: Option<NaiveDate>, new: NaiveDate, reason: &str, today: NaiveDate) -> Result<RetentionChangeKind, RetentionError> {
    check_reason(reason)?;
    check_bounds(new, today)?;
    if new <= today || current.is_some_and(|c| new <= c) {
        return Err(RetentionError::NotLater);
    }
    Ok(RetentionChangeKind::Extended)
}

/// How a case's date came to be what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RetentionChangeKind {
    /// Set by closing the case, from the setting (no reason).
    Default,
    /// Set outright by the professional, with a reason.
    Set,
    /// Extended by the professional, with a reason.
    Extended,
}

/// One change of a case's date, kept in the vault with its reason (the access log only says that it
/// changed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RetentionChange {
    pub id: Uuid,
    pub case_id: Uuid,
    pub kind: RetentionChangeKind,
    pub previous: Option<NaiveDate>,
    pub until: NaiveDate,
    /// Empty for [`RetentionChangeKind::Default`].
    pub reason: String,
    /// The day of the change (Europe/Amsterdam).
    pub changed_on: NaiveDate,
}
