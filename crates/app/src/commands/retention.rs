//! Retention (issue 14, point 1): the overview of cases whose date has passed or passes soon, a case's
//! date with its changes, setting and extending it with a reason, the setting for new dates, and the
//! deletion of a due case when the professional confirms it (never automatically).
//!
//! The rules are `domain::retention`'s (default date, due, what an extension needs); here: the case
//! exists, today's date from the one clock, and the order of the checks. Reasons are kept in the vault
//! (`retention_changes`); the access log only names the action.

use domain::retention::{self, RetentionChangeKind, RetentionError};
use uuid::Uuid;
use vault::Vault;

use crate::contract::*;
use crate::env::Env;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::views::{CaseRetention, RetentionCase, RetentionOverview};

impl From<RetentionError> for AppError {
    fn from(e: RetentionError) -> AppError {
        AppError(ErrorCode::from_text(e.code()))
    }
}

fn row(case_id: Uuid, label: String, status: domain::CaseStatus, until: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> RetentionCase {
    RetentionCase {
        case_id,
        label,
        status,
        retention_until: until,
        state: retention::state(until, today),
        days_left: until.map(|d| i32::try_from(retention::days_left(d, today)).unwrap_or(i32::MAX)),
    }
}

fn overview(v: &Vault, today: chrono::NaiveDate) -> AppResult<RetentionOverview> {
    let dates = v.retention().dates()?;
    let without_date = dates.iter().filter(|c| c.retention_until.is_none() && c.status == domain::CaseStatus::Open).count();
    let due = dates
        .into_iter()
        .map(|c| row(c.case_id, c.label, c.status, c.retention_until, today))
        .filter(|c| c.state.is_due())
        .collect();
    Ok(RetentionOverview {
        due,
        years: v.settings().retention_years()?,
        min_years: retention::MIN_YEARS,
        max_years: retention::MAX_YEARS,
        due_within_days: retention::DUE_WITHIN_DAYS as u32,
        without_date: u32::try_from(without_date).unwrap_or(u32::MAX),
        today,
    })
}

fn case_retention(v: &Vault, case_id: Uuid, today: chrono::NaiveDate) -> AppResult<CaseRetention> {
    let case = v.cases().get(case_id)?;
    let years = v.settings().retention_years()?;
    Ok(CaseRetention {
        case: row(case.id, case.label, case.status, case.retention_until, today),
        history: v.retention().history(case_id)?,
        default_if_closed_today: retention::default_until(today, years),
        today,
    })
}

pub fn retention_overview(env: &mut Env<'_>, _: RetentionOverviewRequest) -> AppResult<RetentionOverview> {
    let today = env.clock.today;
    env.vault(|v| overview(v, today))
}

/// The years after closing that new dates get; dates already set stay as they are.
pub fn retention_years_set(env: &mut Env<'_>, r: RetentionYearsSetRequest) -> AppResult<RetentionOverview> {
    let today = env.clock.today;
    retention::check_years(r.years)?;
    env.vault(|v| {
        v.settings().set_retention_years(r.years)?;
        overview(v, today)
    })
}

pub fn retention_get(env: &mut Env<'_>, r: RetentionGetRequest) -> AppResult<CaseRetention> {
    let today = env.clock.today;
    env.vault(|v| case_retention(v, r.case_id, today))
}

/// Sets a case's date outright (earlier too, e.g. after a request to delete), with a reason.
pub fn retention_set(env: &mut Env<'_>, r: RetentionSetRequest) -> AppResult<CaseRetention> {
    let today = env.clock.today;
    env.vault(|v| {
        v.cases().get(r.case_id)?;
        let kind = retention::check_set(r.until, &r.reason, today)?;
        v.retention().change(r.case_id, kind, r.until, &r.reason, today)?;
        case_retention(v, r.case_id, today)
    })
}

/// Extends a case's date: a reason, and a date later than the current one and than today.
pub fn retention_extend(env: &mut Env<'_>, r: RetentionExtendRequest) -> AppResult<CaseRetention> {
    let today = env.clock.today;
    env.vault(|v| {
        let case = v.cases().get(r.case_id)?;
        let kind = retention::check_extension(case.retention_until, r.until, &r.reason, today)?;
        debug_assert_eq!(kind, RetentionChangeKind::Extended);
        v.retention().change(r.case_id, kind, r.until, &r.reason, today)?;
        case_retention(v, r.case_id, today)
    })
}

/// Deletes a case whose date has passed or passes soon, for real (`Vault::delete_case`), after the
/// professional confirmed it on the retention screen. A case that is not due is refused
/// (`retention_not_due`): deleting it is `case_delete`'s, from the case itself.
pub fn retention_delete(env: &mut Env<'_>, r: RetentionDeleteRequest) -> AppResult<RetentionOverview> {
    let today = env.clock.today;
    env.vault(|v| {
        let case = v.cases().get(r.case_id)?;
        if !retention::state(case.retention_until, today).is_due() {
            return Err(ErrorCode::RetentionNotDue.into());
        }
        v.delete_case(r.case_id)?;
        overview(v, today)
    })
}

/// The retention date closing a case today gives it, if it has none (`None`: keep what it has).
pub(crate) fn default_on_closing(v: &Vault, case_id: Uuid, today: chrono::NaiveDate) -> AppResult<Option<vault::RetentionDefault>> {
    let case = v.cases().get(case_id)?;
    if case.retention_until.is_some() {
        return Ok(None);
    }
    let years = v.settings().retention_years()?;
    Ok(Some(vault::RetentionDefault { until: retention::on_closing(None, today, years), today }))
}
