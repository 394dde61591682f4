//! Retention rules (domain.md §12), as tables: the default date from the closing date and the setting,
//! which cases are due, and what an extension or a set date needs.

use chrono::NaiveDate;
use domain::corrections::{CorrectionInput, CorrectionItem};
use domain::retention::{self, RetentionChangeKind as K, RetentionError as E, RetentionState as S};
use domain::DomainError;
use uuid::Uuid;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn the_default_date_is_the_setting_in_years_after_closing() {
    let table = [
        ("2026-03-15", 20, "2046-03-15"),
        ("2026-03-15", 1, "2027-03-15"),
        ("2026-12-31", 7, "2033-12-31"),
        // A leap day lands on the last day of February.
        ("2028-02-29", 1, "2029-02-28"),
        ("2028-02-29", 4, "2032-02-29"),
    ];
    for (closed, years, want) in table {
        assert_eq!(retention::default_until(d(closed), years), d(want), "{closed} + {years}");
    }
    assert_eq!(retention::DEFAULT_YEARS, 20, "youth care: 20 years (Jeugdwet)");
}

#[test]
fn closing_keeps_a_date_that_was_set_and_fills_in_a_missing_one() {
    let table = [
        (None, "2026-03-15", 20, "2046-03-15"),
        (None, "2026-03-15", 5, "2031-03-15"),
        (Some("2030-01-01"), "2026-03-15", 20, "2030-01-01"),
        (Some("2020-01-01"), "2026-03-15", 20, "2020-01-01"),
    ];
    for (current, closed, years, want) in table {
        assert_eq!(retention::on_closing(current.map(d), d(closed), years), d(want), "{current:?}");
    }
}

#[test]
fn a_case_is_due_when_its_date_passed_or_passes_within_90_days() {
    let today = "2026-03-15";
    let table = [
        (None, S::NotSet, false),
        (Some("2026-03-14"), S::Passed, true),
        (Some("2000-01-01"), S::Passed, true),
        (Some("2026-03-15"), S::Soon, true),
        (Some("2026-03-16"), S::Soon, true),
        // 90 days ahead is still due, 91 is not.
        (Some("2026-06-13"), S::Soon, true),
        (Some("2026-06-14"), S::Later, false),
        (Some("2046-03-15"), S::Later, false),
    ];
    for (until, want, due) in table {
        let got = retention::state(until.map(d), d(today));
        assert_eq!((got, got.is_due()), (want, due), "{until:?}");
    }
    assert_eq!(retention::days_left(d("2026-06-13"), d(today)), 90);
    assert_eq!(retention::days_left(d("2026-03-14"), d(today)), -1);
}

#[test]
fn an_extension_needs_a_reason_and_a_later_date() {
    let today = d("2026-03-15");
    let table: [(Option<&str>, &str, &str, Result<K, E>); 9] = [
        (Some("2026-04-01"), "2030-04-01", "Lopende procedure bij de rechter.", Ok(K::Extended)),
        (Some("2020-01-01"), "2027-01-01", "Nog in behandeling.", Ok(K::Extended)),
        (None, "2027-01-01", "Nog in behandeling.", Ok(K::Extended)),
        (Some("2026-04-01"), "2030-04-01", "   ", Err(E::ReasonRequired)),
        (Some("2026-04-01"), "2026-04-01", "Zelfde dag.", Err(E::NotLater)),
        (Some("2026-04-01"), "2026-03-31", "Eerder.", Err(E::NotLater)),
        // Later than the old date, but not after today: that is no extension.
        (Some("2020-01-01"), "2026-03-15", "Vandaag.", Err(E::NotLater)),
        (Some("2026-04-01"), "2127-01-01", "Heel lang.", Err(E::OutOfRange)),
        (None, "1899-12-31", "Oud.", Err(E::OutOfRange)),
    ];
    for (current, new, reason, want) in table {
        assert_eq!(retention::check_extension(current.map(d), d(new), reason, today), want, "{current:?} → {new}");
    }
}

#[test]
fn a_date_can_be_set_earlier_or_in_the_past_with_a_reason() {
    let today = d("2026-03-15");
    let table = [
        ("2026-01-01", "Verzoek tot vernietiging van de client.", Ok(K::Set)),
        ("2040-01-01", "Afspraak met de organisatie.", Ok(K::Set)),
        ("2026-01-01", "", Err(E::ReasonRequired)),
        ("1899-12-31", "Oud.", Err(E::OutOfRange)),
        ("2126-03-16", "Te ver.", Err(E::OutOfRange)),
        ("2126-03-15", "Net niet te ver.", Ok(K::Set)),
    ];
    for (new, reason, want) in table {
        assert_eq!(retention::check_set(d(new), reason, today), want, "{new} {reason:?}");
    }
}

#[test]
fn the_setting_takes_1_to_30_years() {
    for (years, ok) in [(0, false), (1, true), (7, true), (20, true), (30, true), (31, false)] {
        assert_eq!(retention::check_years(years).is_ok(), ok, "{years}");
    }
    assert_eq!(retention::check_years(0), Err(E::OutOfRange));
    assert_eq!(E::NotLater.code(), "retention_not_later");
}

#[test]
fn a_correction_needs_words_within_the_limit() {
    let input = |text: &str| CorrectionInput {
        item_kind: CorrectionItem::Answer,
        item_id: Uuid::nil(),
        person_id: Uuid::nil(),
        date: d("2026-03-15"),
        text: text.into(),
    };
    assert_eq!(input("  Dat heb ik zo niet gezegd.  ").checked().unwrap().text, "Dat heb ik zo niet gezegd.");
    assert_eq!(input(" \n ").checked(), Err(DomainError::Empty("text")));
    let long = "x".repeat(domain::corrections::MAX_TEXT_CHARS + 1);
    assert_eq!(input(&long).checked(), Err(DomainError::TooLong("text")));
    assert!(input(&"x".repeat(domain::corrections::MAX_TEXT_CHARS)).checked().is_ok());
}
