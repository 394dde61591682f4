//! The one clock of the app. The shell reads the system time once per command and passes it in; every
//! rule that needs "now", "today" or "this year" takes it from here, in Dutch time (Europe/Amsterdam),
//! so a case worked on just after midnight counts the right day.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// The instant, for timestamps stored with a record.
    pub now: DateTime<Utc>,
    /// The date in the Netherlands (the analysis counts "the last 12 months" from here).
    pub today: NaiveDate,
}

impl Clock {
    /// The clock at a given instant, with the date as it is in the Netherlands then.
    pub fn at(now: DateTime<Utc>) -> Clock {
        Clock { now, today: now.with_timezone(&chrono_tz::Europe::Amsterdam).date_naive() }
    }

    /// This year in the Netherlands.
    pub fn year(&self) -> i32 {
        self.today.year()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_is_the_dutch_date() {
        // 23:30 UTC on 31 December is already New Year in Amsterdam (UTC+1 in winter).
        let now = "2025-12-31T23:30:00Z".parse::<DateTime<Utc>>().unwrap();
        let clock = Clock::at(now);
        assert_eq!(clock.today, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(clock.year(), 2026);
        // 21:30 UTC in summer is 23:30 in Amsterdam (UTC+2): still the same day.
        let summer = Clock::at("2026-06-30T21:30:00Z".parse().unwrap());
        assert_eq!(summer.today, NaiveDate::from_ymd_opt(2026, 6, 30).unwrap());
    }
}
