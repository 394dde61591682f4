//! What the case list of a practice shows of each case besides its name (issue 13, point 4): the
//! discreet red-flag marker, the next evaluation date of the safety plan and the tags of the case's notes.
//!
//! These come from the analysis and the plan, which are too costly to compute for a thousand cases on
//! every look at the list. So the vault keeps them per case as a derived cache, stamped with the case's
//! last change ([`CaseMarker`] + the case's `updated_at`) and with the first day on which time alone could
//! change them ([`CaseMarker::recheck_on`]): a red flag stops being current three months after its most
//! recent date (§6.4), and the next evaluation date moves on once its day has passed. Before that day and
//! without a change to the case, the stored marker is exactly what [`case_marker`] would compute again.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analysis::{Analysis, first_day_not_current};
use crate::plan::SafetyPlan;

/// What the case list shows of a case, computed from its analysis, plan and notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseMarker {
    /// The case shows `Rode vlag`: at least one red flag is current (the same fact as the case header's
    /// marker and the acute banner on Overzicht).
    pub red_flag: bool,
    /// The first evaluation date of the safety plan on or after today.
    pub next_evaluation: Option<NaiveDate>,
    /// The tags of the case's notes (not those in the trash), sorted, each once.
    pub tags: Vec<String>,
    /// From this day on the marker may differ by the passing of time alone; `None`: not by time.
    pub recheck_on: Option<NaiveDate>,
}

/// The marker of a case on `analysis.today`.
pub fn case_marker<'a>(
    analysis: &Analysis,
    plan: Option<&SafetyPlan>,
    note_tags: impl IntoIterator<Item = &'a [String]>,
) -> CaseMarker {
    let today = analysis.today;
    let red_flag = analysis.acute.possibly_acute;
    let next_evaluation = plan.and_then(|p| p.next_evaluation(today));

    // The acute state ends by time only when every current flag is current by its date alone; a flag that
    // is about to happen or whose date is unknown stays current until the case changes. A flag that is not
    // current never becomes current by time (dates in the future are current already).
    let flag_ends = if red_flag {
        analysis
            .red_flags
            .iter()
            .filter(|f| f.current)
            .map(|f| match f.last_date {
                Some(d) if !f.imminent && f.undated_records.is_empty() && f.undated_answers.is_empty() => {
                    Some(first_day_not_current(d))
                }
                _ => None,
            })
            .try_fold(None::<NaiveDate>, |latest, end| end.map(|e| Some(latest.map_or(e, |l| l.max(e)))))
            .flatten()
    } else {
        None
    };
    let evaluation_passes = next_evaluation.and_then(|d| d.succ_opt());
    let recheck_on = match (flag_ends, evaluation_passes) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };

    let mut tags: Vec<String> = note_tags.into_iter().flatten().cloned().collect();
    tags.sort();
    tags.dedup();
    CaseMarker { red_flag, next_evaluation, tags, recheck_on }
}

impl CaseMarker {
    /// Is this stored marker still what [`case_marker`] gives on `today`, the case unchanged?
    pub fn holds_on(&self, today: NaiveDate) -> bool {
        self.recheck_on.is_none_or(|d| today < d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::RedFlagFinding;
    use crate::fixture;

    fn analysis_on(day: NaiveDate) -> Analysis {
        crate::analyse(&fixture::gezin_jansen(), &fixture::catalogue(), day)
    }

    fn plan() -> SafetyPlan {
        SafetyPlan::new(fixture::ids::CASE, fixture::today().and_hms_opt(9, 0, 0).unwrap().and_utc())
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_flag_stops_being_current_on_the_first_day_the_rule_says_so() {
        // (most recent date, first day not current)
        let table = [
            (d(2026, 3, 15), d(2026, 6, 16)),
            (d(2025, 11, 30), d(2026, 3, 1)),
            (d(2025, 12, 31), d(2026, 4, 1)),
            (d(2023, 11, 29), d(2024, 3, 1)),
            (d(2024, 11, 29), d(2025, 3, 1)),
            (d(2026, 1, 31), d(2026, 5, 1)),
        ];
        for (date, first) in table {
            assert_eq!(first_day_not_current(date), first, "{date}");
            assert!(crate::analysis::is_current(date, first.pred_opt().unwrap()), "{date} still current the day before");
            assert!(!crate::analysis::is_current(date, first), "{date} not current on {first}");
        }
    }

    fn flag(last: Option<NaiveDate>, current: bool, imminent: bool, undated: bool) -> RedFlagFinding {
        let mut f = analysis_on(fixture::today()).red_flags.first().cloned().expect("the fixture family has a flag");
        f.last_date = last;
        f.current = current;
        f.imminent = imminent;
        f.undated_records = if undated { vec![uuid::Uuid::nil()] } else { Vec::new() };
        f.undated_answers = Vec::new();
        f
    }

    fn analysis_with(today: NaiveDate, flags: Vec<RedFlagFinding>) -> Analysis {
        let mut a = analysis_on(today);
        a.today = today;
        a.acute.possibly_acute = flags.iter().any(|f| f.current);
        a.red_flags = flags;
        a
    }

    #[test]
    fn the_marker_says_when_time_alone_can_change_it() {
        let today = d(2026, 5, 1);
        struct Row {
            name: &'static str,
            flags: Vec<RedFlagFinding>,
            evaluations: Vec<NaiveDate>,
            red_flag: bool,
            next_evaluation: Option<NaiveDate>,
            recheck_on: Option<NaiveDate>,
        }
        let rows = [
            Row { name: "nothing", flags: vec![], evaluations: vec![], red_flag: false, next_evaluation: None, recheck_on: None },
            Row {
                name: "an old flag is a risk factor, never a marker, and time does not change that",
                flags: vec![flag(Some(d(2025, 1, 1)), false, false, false)],
                evaluations: vec![],
                red_flag: false,
                next_evaluation: None,
                recheck_on: None,
            },
            Row {
                name: "a dated current flag ends three months after its date",
                flags: vec![flag(Some(d(2026, 4, 10)), true, false, false)],
                evaluations: vec![],
                red_flag: true,
                next_evaluation: None,
                recheck_on: Some(d(2026, 7, 11)),
            },
            Row {
                name: "two dated flags: the marker holds until the later one ends",
                flags: vec![flag(Some(d(2026, 4, 10)), true, false, false), flag(Some(d(2026, 2, 20)), true, false, false)],
                evaluations: vec![],
                red_flag: true,
                next_evaluation: None,
                recheck_on: Some(d(2026, 7, 11)),
            },
            Row {
                name: "an undated flag stays current until someone adds the date",
                flags: vec![flag(Some(d(2026, 4, 10)), true, false, false), flag(None, true, false, true)],
                evaluations: vec![],
                red_flag: true,
                next_evaluation: None,
                recheck_on: None,
            },
            Row {
                name: "an imminent separation stays current",
                flags: vec![flag(Some(d(2026, 2, 10)), true, true, false)],
                evaluations: vec![],
                red_flag: true,
                next_evaluation: None,
                recheck_on: None,
            },
            Row {
                name: "the next evaluation moves on the day after it",
                flags: vec![],
                evaluations: vec![d(2026, 3, 1), d(2026, 6, 1), d(2026, 9, 1)],
                red_flag: false,
                next_evaluation: Some(d(2026, 6, 1)),
                recheck_on: Some(d(2026, 6, 2)),
            },
            Row {
                name: "an evaluation today is the next one",
                flags: vec![],
                evaluations: vec![today],
                red_flag: false,
                next_evaluation: Some(today),
                recheck_on: Some(d(2026, 5, 2)),
            },
            Row {
                name: "the earlier of the two changes",
                flags: vec![flag(Some(d(2026, 4, 10)), true, false, false)],
                evaluations: vec![d(2026, 9, 1)],
                red_flag: true,
                next_evaluation: Some(d(2026, 9, 1)),
                recheck_on: Some(d(2026, 7, 11)),
            },
            Row {
                name: "only past evaluations: none next",
                flags: vec![],
                evaluations: vec![d(2026, 1, 1)],
                red_flag: false,
                next_evaluation: None,
                recheck_on: None,
            },
        ];
        for row in rows {
            let a = analysis_with(today, row.flags);
            let mut plan = plan();
            plan.evaluation_dates = row.evaluations;
            let m = case_marker(&a, Some(&plan), std::iter::empty());
            assert_eq!(m.red_flag, row.red_flag, "{}", row.name);
            assert_eq!(m.next_evaluation, row.next_evaluation, "{}", row.name);
            assert_eq!(m.recheck_on, row.recheck_on, "{}", row.name);
            if let Some(day) = m.recheck_on {
                assert!(m.holds_on(day.pred_opt().unwrap()) && !m.holds_on(day), "{}", row.name);
            } else {
                assert!(m.holds_on(d(2100, 1, 1)), "{}", row.name);
            }
        }
    }

    #[test]
    fn a_stored_marker_agrees_with_a_fresh_one_until_its_recheck_day() {
        // The fixture family, analysed on many days: a marker made on day 0 equals the one made on any day
        // before its recheck day (the case unchanged).
        let start = d(2026, 1, 1);
        let mut plan = plan();
        plan.evaluation_dates = vec![d(2026, 2, 15), d(2026, 8, 1)];
        let mut changed_later = 0;
        for offset in [0u64, 20, 40, 60, 90, 120, 200] {
            let day0 = start + chrono::Days::new(offset);
            let m0 = case_marker(&analysis_on(day0), Some(&plan), std::iter::empty());
            for later in 1..200u64 {
                let day = day0 + chrono::Days::new(later);
                let fresh = case_marker(&analysis_on(day), Some(&plan), std::iter::empty());
                if m0.holds_on(day) {
                    assert_eq!((m0.red_flag, m0.next_evaluation), (fresh.red_flag, fresh.next_evaluation), "{day0} → {day}");
                } else if (m0.red_flag, m0.next_evaluation) != (fresh.red_flag, fresh.next_evaluation) {
                    changed_later += 1;
                }
            }
        }
        // The check above is not empty: time does change the marker within the range.
        assert!(changed_later > 0);
    }

    #[test]
    fn tags_are_the_notes_tags_once_each() {
        let a = analysis_on(fixture::today());
        let t1 = vec!["zorg".to_owned(), "school".to_owned()];
        let t2 = vec!["school".to_owned()];
        let m = case_marker(&a, None, [t1.as_slice(), t2.as_slice(), &[]]);
        assert_eq!(m.tags, ["school", "zorg"]);
        assert_eq!(m.next_evaluation, None);
    }
}
