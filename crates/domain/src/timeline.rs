//! The timeline: what happened in a case, and when, on one time axis.
//!
//! [`timeline`] takes what is stored of a case and returns dated events: a behaviour's first and most
//! recent occurrence, conversations, acute decisions, the professional's judgements, Meldcode steps and
//! frozen plan versions, the professional's notes and the plan's evaluation dates. Events carry ids and
//! person ids, not case text: the UI names them in its language. The one exception is a note, which is
//! the professional's own words: its title, and a short excerpt of its text unless it is confidential
//! ([`note_excerpt`]). Notes in the trash are never on the timeline.
//!
//! Every record with a date is on the timeline; a record without any date is listed in
//! [`Timeline::undated`], so it is not silently missing. Events are sorted by date, then by lane, then by
//! id, so the same case always gives the same order.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::analysis::{AcuteDecision, Judgement, Verdict};
use crate::notes::Note;
use crate::plan::PlanVersion;
use crate::{BehaviourRecord, Conversation, MeldcodeAnswer, MeldcodeEntry, Stance};

/// The row an event is drawn in. In the order the lanes are drawn; new kinds get a lane of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Lane {
    Behaviour,
    Conversation,
    /// The professional's notes (`Notities`).
    Note,
    AcuteDecision,
    Judgement,
    Meldcode,
    Plan,
    /// The safety plan's evaluation dates, past and planned.
    Evaluation,
}

impl Lane {
    /// Every lane, in drawing order.
    pub const ALL: [Lane; 8] =
        [Lane::Behaviour, Lane::Conversation, Lane::Note, Lane::AcuteDecision, Lane::Judgement, Lane::Meldcode, Lane::Plan, Lane::Evaluation];
}

/// Which date of a behaviour record an event marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Moment {
    /// The first time it happened.
    First,
    /// The most recent time.
    Last,
    /// Happened once, or first and most recent are the same day.
    Once,
}

/// What an event is, with the ids the UI needs to name it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum EventWhat {
    Behaviour {
        record: Uuid,
        /// Catalogue id, e.g. `fys.duwen`.
        behaviour_id: String,
        actors: Vec<Uuid>,
        targets: Vec<Uuid>,
        /// What the source said (a denial is shown as such).
        stance: Stance,
        moment: Moment,
    },
    Conversation {
        conversation: Uuid,
        guide_id: String,
        participants: Vec<Uuid>,
    },
    AcuteDecision {
        decision: Uuid,
        /// Ids of the suggested actions taken, e.g. `veilig_thuis`.
        actions: Vec<String>,
    },
    Judgement {
        judgement: Uuid,
        /// e.g. `severity`, `profile:intieme_terreur`.
        conclusion_key: String,
        verdict: VerdictKind,
    },
    MeldcodeStep {
        entry: Uuid,
        step: u8,
        question_id: Option<String>,
        answer: MeldcodeAnswer,
    },
    PlanVersion {
        number: u32,
    },
    Note {
        note: Uuid,
        /// The note's title as written (may be empty).
        title: String,
        /// The start of the text ([`note_excerpt`]); `None` for a confidential note, which shows only its
        /// title on the timeline.
        excerpt: Option<String>,
        confidential: bool,
    },
    Evaluation {
        /// On or after today: still to come.
        planned: bool,
    },
}

/// Longest excerpt of a note's text on the timeline, in characters (without the closing `…`).
pub const NOTE_EXCERPT_CHARS: usize = 120;

/// The start of a note's text as one plain line: the light formatting marks (`# `, `- `, `* `, `**`)
/// left out, white space made single spaces, lines joined with ` · `, cut at a word after at most
/// [`NOTE_EXCERPT_CHARS`] characters with `…`. `None` when nothing is left.
pub fn note_excerpt(text: &str) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim_start();
        let line = line.trim_start_matches('#').trim_start();
        let line = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")).unwrap_or(line);
        let line = line.replace("**", "").split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            lines.push(line);
        }
    }
    // Lines stay apart as ` · `: a heading or a list item is not the start of the next sentence.
    let plain = lines.join(" · ");
    if plain.is_empty() {
        return None;
    }
    if plain.chars().count() <= NOTE_EXCERPT_CHARS {
        return Some(plain);
    }
    let cut: String = plain.chars().take(NOTE_EXCERPT_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > 0 => cut[..i].to_string(),
        _ => cut,
    };
    Some(format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' '])))
}

/// The verdict of a judgement without the professional's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum VerdictKind {
    Confirmed,
    Changed,
    Rejected,
}

impl From<&Verdict> for VerdictKind {
    fn from(v: &Verdict) -> Self {
        match v {
            Verdict::Confirmed => VerdictKind::Confirmed,
            Verdict::Changed { .. } => VerdictKind::Changed,
            Verdict::Rejected => VerdictKind::Rejected,
        }
    }
}

/// One dated event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimelineEvent {
    /// Unique within the timeline (a record gives two events: its id with `:first` / `:last`).
    pub key: String,
    pub date: NaiveDate,
    pub lane: Lane,
    /// The persons it is about (actors and targets, participants); empty for events about the whole case.
    pub persons: Vec<Uuid>,
    pub what: EventWhat,
}

/// A stretch of the axis the UI offers to zoom to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ZoomKind {
    /// From the first event to today.
    All,
    LastYear,
    LastThreeMonths,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Zoom {
    pub kind: ZoomKind,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Timeline {
    /// Sorted by date, lane, key.
    pub events: Vec<TimelineEvent>,
    /// Behaviour records without any date (not on the axis; the UI lists them).
    pub undated: Vec<Uuid>,
    /// The lanes that hold at least one event, in drawing order.
    pub lanes: Vec<Lane>,
    /// The stretches to zoom to: the whole period first, then the last year and the last three months.
    pub zooms: Vec<Zoom>,
    pub today: NaiveDate,
}

/// What is stored of a case that goes on the timeline.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sources<'a> {
    pub records: &'a [BehaviourRecord],
    pub conversations: &'a [Conversation],
    pub acute_decisions: &'a [AcuteDecision],
    pub judgements: &'a [Judgement],
    pub meldcode: &'a [MeldcodeEntry],
    pub plan_versions: &'a [PlanVersion],
    /// The case's notes; those in the trash are left out here.
    pub notes: &'a [Note],
    /// The safety plan's evaluation dates (`SafetyPlan::evaluation_dates`).
    pub evaluation_dates: &'a [NaiveDate],
}

fn union(a: &[Uuid], b: &[Uuid]) -> Vec<Uuid> {
    let mut v: Vec<Uuid> = a.iter().chain(b).copied().collect();
    v.sort();
    v.dedup();
    v
}

fn sorted(a: &[Uuid]) -> Vec<Uuid> {
    union(a, &[])
}

/// The timeline of a case. `local_date` turns a stored instant into the date in the Netherlands (the
/// caller's clock); `today` is that clock's date.
pub fn timeline(src: &Sources<'_>, local_date: impl Fn(DateTime<Utc>) -> NaiveDate, today: NaiveDate) -> Timeline {
    let mut events = Vec::new();
    let mut undated = Vec::new();
    for r in src.records {
        let persons = union(&r.actors, &r.targets);
        let behaviour = |moment: Moment| EventWhat::Behaviour {
            record: r.id,
            behaviour_id: r.behaviour_id.clone(),
            actors: r.actors.clone(),
            targets: r.targets.clone(),
            stance: r.stance,
            moment,
        };
        let mut push = |suffix: &str, date: NaiveDate, moment: Moment| {
            events.push(TimelineEvent { key: format!("{}:{suffix}", r.id), date, lane: Lane::Behaviour, persons: persons.clone(), what: behaviour(moment) });
        };
        match (r.first_occurrence, r.last_occurrence) {
            (None, None) => undated.push(r.id),
            (Some(d), None) => push("first", d, Moment::First),
            (None, Some(d)) => push("last", d, Moment::Last),
            (Some(a), Some(b)) if a == b => push("once", a, Moment::Once),
            (Some(a), Some(b)) => {
                push("first", a, Moment::First);
                push("last", b, Moment::Last);
            }
        }
    }
    for c in src.conversations {
        events.push(TimelineEvent {
            key: c.id.to_string(),
            date: local_date(c.started_at),
            lane: Lane::Conversation,
            persons: sorted(&c.participants),
            what: EventWhat::Conversation { conversation: c.id, guide_id: c.guide_id.clone(), participants: c.participants.clone() },
        });
    }
    for d in src.acute_decisions {
        events.push(TimelineEvent {
            key: d.id.to_string(),
            date: local_date(d.decided_at),
            lane: Lane::AcuteDecision,
            persons: Vec::new(),
            what: EventWhat::AcuteDecision { decision: d.id, actions: d.actions.clone() },
        });
    }
    for j in src.judgements {
        events.push(TimelineEvent {
            key: j.id.to_string(),
            date: local_date(j.decided_at),
            lane: Lane::Judgement,
            persons: Vec::new(),
            what: EventWhat::Judgement { judgement: j.id, conclusion_key: j.conclusion_key.clone(), verdict: (&j.verdict).into() },
        });
    }
    for m in src.meldcode {
        events.push(TimelineEvent {
            key: m.id.to_string(),
            date: m.date,
            lane: Lane::Meldcode,
            persons: Vec::new(),
            what: EventWhat::MeldcodeStep { entry: m.id, step: m.step, question_id: m.question_id.clone(), answer: m.answer },
        });
    }
    for v in src.plan_versions {
        events.push(TimelineEvent {
            key: format!("plan:{}", v.number),
            date: local_date(v.frozen_at),
            lane: Lane::Plan,
            persons: Vec::new(),
            what: EventWhat::PlanVersion { number: v.number },
        });
    }
    for n in src.notes.iter().filter(|n| n.deleted_at.is_none()) {
        // About its person; a note of a conversation (and about no one) is about the conversation's
        // participants.
        let persons = match (n.person_id, n.conversation_id) {
            (Some(p), _) => vec![p],
            (None, Some(c)) => src.conversations.iter().find(|x| x.id == c).map(|x| sorted(&x.participants)).unwrap_or_default(),
            (None, None) => Vec::new(),
        };
        let excerpt = if n.confidential { None } else { note_excerpt(&n.text) };
        events.push(TimelineEvent {
            key: n.id.to_string(),
            date: n.date,
            lane: Lane::Note,
            persons,
            what: EventWhat::Note { note: n.id, title: n.title.clone(), excerpt, confidential: n.confidential },
        });
    }
    let mut evaluations = src.evaluation_dates.to_vec();
    evaluations.sort();
    evaluations.dedup();
    for date in evaluations {
        events.push(TimelineEvent {
            key: format!("evaluation:{date}"),
            date,
            lane: Lane::Evaluation,
            persons: Vec::new(),
            what: EventWhat::Evaluation { planned: date >= today },
        });
    }
    events.sort_by(|a, b| (a.date, a.lane, &a.key).cmp(&(b.date, b.lane, &b.key)));
    undated.sort();
    let lanes = Lane::ALL.into_iter().filter(|l| events.iter().any(|e| e.lane == *l)).collect();
    let zooms = zooms(events.first().map(|e| e.date), events.last().map(|e| e.date), today);
    Timeline { events, undated, lanes, zooms, today }
}

/// The stretches to zoom to. The whole period runs from the first event (or a year ago, when there is
/// nothing yet) to today or the last event, whichever is later.
pub fn zooms(first: Option<NaiveDate>, last: Option<NaiveDate>, today: NaiveDate) -> Vec<Zoom> {
    let back = |months: u32| today.checked_sub_months(Months::new(months)).unwrap_or(today);
    let to = last.map_or(today, |l| l.max(today));
    let from = first.map_or(back(12), |f| f.min(to));
    let mut out = vec![Zoom { kind: ZoomKind::All, from, to }];
    out.push(Zoom { kind: ZoomKind::LastYear, from: back(12), to });
    out.push(Zoom { kind: ZoomKind::LastThreeMonths, from: back(3), to });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Frequency, Visibility};
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(y: i32, m: u32, day: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, day, h, 0, 0).unwrap()
    }

    fn amsterdam(t: DateTime<Utc>) -> NaiveDate {
        // Winter time is enough for the tests: UTC+1.
        (t + chrono::Duration::hours(1)).date_naive()
    }

    fn uid(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn record(n: u128, first: Option<NaiveDate>, last: Option<NaiveDate>) -> BehaviourRecord {
        BehaviourRecord {
            id: uid(n),
            case_id: uid(1),
            actors: vec![uid(10)],
            targets: vec![uid(11)],
            behaviour_id: "fys.duwen".into(),
            stance: Stance::Reported { frequency: Frequency::Twice },
            first_occurrence: first,
            last_occurrence: last,
            context: vec![],
            impact: vec![],
            impact_text: String::new(),
            children_exposed: vec![],
            source_person: uid(11),
            conversation_id: None,
            question_id: None,
            confidential: Visibility::Everyone,
            updated_at: at(2026, 3, 1, 9),
        }
    }

    fn conversation(n: u128, started: DateTime<Utc>, participants: Vec<Uuid>) -> Conversation {
        Conversation {
            id: uid(n),
            case_id: uid(1),
            participants,
            joint_reason: None,
            safety_justification: None,
            guide_id: "gids.volwassene".into(),
            guide_version: 1,
            started_at: started,
            ended_at: None,
            notes: String::new(),
        }
    }

    fn note(n: u128, date: NaiveDate, person: Option<Uuid>, conversation: Option<Uuid>, confidential: bool, trashed: bool) -> Note {
        Note {
            id: uid(n),
            case_id: uid(1),
            person_id: person,
            conversation_id: conversation,
            date,
            title: format!("Notitie {n}"),
            text: "# Huisbezoek\nMark **schreeuwde**.\n- oma belt".into(),
            tags: vec![],
            confidential,
            created_at: at(2026, 3, 1, 9),
            updated_at: at(2026, 3, 1, 9),
            deleted_at: trashed.then(|| at(2026, 3, 2, 9)),
        }
    }

    #[test]
    fn notes_are_in_their_lane_by_their_date_without_the_trash_and_confidential_text() {
        let today = d(2026, 3, 15);
        let conversations = [conversation(6, at(2026, 3, 1, 9), vec![uid(11), uid(10)])];
        let all = Some("Huisbezoek · Mark schreeuwde. · oma belt");
        // (person, conversation, confidential, trashed) → on the timeline, persons, excerpt.
        let table: &[(Option<Uuid>, Option<Uuid>, bool, bool, bool, Vec<Uuid>, Option<&str>)] = &[
            (None, None, false, false, true, vec![], all),
            (Some(uid(11)), None, false, false, true, vec![uid(11)], all),
            (Some(uid(11)), None, true, false, true, vec![uid(11)], None),
            (None, Some(uid(6)), false, false, true, vec![uid(10), uid(11)], all),
            (Some(uid(12)), Some(uid(6)), false, false, true, vec![uid(12)], all),
            // A conversation that is not in the sources: about no one.
            (None, Some(uid(99)), false, false, true, vec![], all),
            (Some(uid(11)), None, false, true, false, vec![], None),
            (Some(uid(11)), None, true, true, false, vec![], None),
        ];
        for (person, conv, confidential, trashed, shown, persons, excerpt) in table {
            let notes = [note(20, d(2026, 2, 14), *person, *conv, *confidential, *trashed)];
            let t = timeline(&Sources { notes: &notes, conversations: &conversations, ..Sources::default() }, amsterdam, today);
            let on: Vec<&TimelineEvent> = t.events.iter().filter(|e| e.lane == Lane::Note).collect();
            let row = format!("{person:?} {conv:?} confidential={confidential} trashed={trashed}");
            assert_eq!(on.len(), usize::from(*shown), "{row}");
            assert_eq!(t.lanes.contains(&Lane::Note), *shown, "{row}");
            if let Some(e) = on.first() {
                assert_eq!(e.date, d(2026, 2, 14), "{row}");
                assert_eq!(&e.persons, persons, "{row}");
                let expected =
                    EventWhat::Note { note: uid(20), title: "Notitie 20".into(), excerpt: excerpt.map(String::from), confidential: *confidential };
                assert_eq!(e.what, expected, "{row}");
            }
        }
    }

    #[test]
    fn evaluation_dates_are_past_or_planned_and_each_once() {
        let today = d(2026, 3, 15);
        let dates = [d(2026, 6, 1), d(2026, 1, 5), today, d(2026, 6, 1)];
        let t = timeline(&Sources { evaluation_dates: &dates, ..Sources::default() }, amsterdam, today);
        let got: Vec<(NaiveDate, &EventWhat)> = t.events.iter().map(|e| (e.date, &e.what)).collect();
        let (past, planned) = (EventWhat::Evaluation { planned: false }, EventWhat::Evaluation { planned: true });
        assert_eq!(got, vec![(d(2026, 1, 5), &past), (today, &planned), (d(2026, 6, 1), &planned)]);
        assert_eq!(t.lanes, vec![Lane::Evaluation]);
        assert!(t.events.iter().all(|e| e.persons.is_empty()));
        assert_eq!(t.zooms[0].to, d(2026, 6, 1));
    }

    #[test]
    fn a_note_excerpt_is_one_plain_line_cut_at_a_word() {
        let long = "woord ".repeat(40);
        let cut = format!("{}…", "woord ".repeat(20).trim_end());
        let table: &[(&str, Option<&str>)] = &[
            ("", None),
            ("  \n\n ", None),
            ("# \n- ", None),
            ("Eén zin.", Some("Eén zin.")),
            ("# Kop\nTekst  met   ruimte", Some("Kop · Tekst met ruimte")),
            ("- **oma** haalt op\n* school belt", Some("oma haalt op · school belt")),
            ("## Tweede kop", Some("Tweede kop")),
            ("<b>geen html</b>", Some("<b>geen html</b>")),
            (&long, Some(&cut)),
        ];
        for (text, expected) in table {
            assert_eq!(note_excerpt(text).as_deref(), *expected, "{text:?}");
        }
        let every = note_excerpt(&"ä".repeat(500)).unwrap();
        assert_eq!(every.chars().count(), NOTE_EXCERPT_CHARS + 1);
    }

    fn moments(t: &Timeline) -> Vec<(NaiveDate, Lane, String)> {
        t.events.iter().map(|e| (e.date, e.lane, e.key.clone())).collect()
    }

    #[test]
    fn behaviour_dates_become_first_last_or_once() {
        let today = d(2026, 3, 15);
        // (first, last) → the moments on the timeline.
        let table: &[(Option<NaiveDate>, Option<NaiveDate>, &[Moment], bool)] = &[
            (None, None, &[], true),
            (Some(d(2025, 1, 2)), None, &[Moment::First], false),
            (None, Some(d(2026, 1, 2)), &[Moment::Last], false),
            (Some(d(2026, 1, 2)), Some(d(2026, 1, 2)), &[Moment::Once], false),
            (Some(d(2024, 6, 1)), Some(d(2026, 1, 20)), &[Moment::First, Moment::Last], false),
        ];
        for (first, last, expected, is_undated) in table {
            let records = [record(5, *first, *last)];
            let t = timeline(&Sources { records: &records, ..Sources::default() }, amsterdam, today);
            let got: Vec<Moment> = t
                .events
                .iter()
                .map(|e| match &e.what {
                    EventWhat::Behaviour { moment, .. } => *moment,
                    other => panic!("not a behaviour: {other:?}"),
                })
                .collect();
            assert_eq!(&got, expected, "{first:?} {last:?}");
            assert_eq!(t.undated == vec![uid(5)], *is_undated);
            assert!(t.events.iter().all(|e| e.persons == vec![uid(10), uid(11)]));
        }
    }

    #[test]
    fn every_kind_lands_in_its_lane_on_its_dutch_date() {
        let today = d(2026, 3, 15);
        let records = [record(5, Some(d(2026, 1, 10)), Some(d(2026, 1, 10)))];
        // 23:30 UTC on 31 January is 1 February in Amsterdam.
        let conversations = [conversation(6, at(2026, 1, 31, 23), vec![uid(11)])];
        let decisions = [AcuteDecision {
            id: uid(7),
            case_id: uid(1),
            decided_at: at(2026, 2, 2, 10),
            decision: "Veilig Thuis geraadpleegd".into(),
            rationale: "advies".into(),
            actions: vec!["veilig_thuis".into()],
            flags_seen: vec![],
        }];
        let judgements = [Judgement {
            id: uid(8),
            case_id: uid(1),
            conclusion_key: "severity".into(),
            verdict: Verdict::Changed { to: "licht".into() },
            reason: "besproken".into(),
            hypothesis_at_decision: "veelvuldig_of_ernstig".into(),
            decided_at: at(2026, 2, 3, 10),
        }];
        let meldcode = [MeldcodeEntry {
            id: uid(9),
            case_id: uid(1),
            step: 2,
            question_id: None,
            date: d(2026, 2, 4),
            answer: MeldcodeAnswer::Done,
            rationale: "collega".into(),
            consulted: vec![],
            evidence: vec![],
            recorded_at: at(2026, 2, 4, 12),
        }];
        let plan = crate::plan::SafetyPlan::new(uid(1), at(2026, 2, 1, 8));
        let versions = [crate::plan::freeze(&plan, 1, at(2026, 2, 5, 10))];
        let notes = [note(12, d(2026, 2, 6), Some(uid(10)), None, false, false)];
        let evaluations = [d(2026, 4, 1)];
        let src = Sources {
            records: &records,
            conversations: &conversations,
            acute_decisions: &decisions,
            judgements: &judgements,
            meldcode: &meldcode,
            plan_versions: &versions,
            notes: &notes,
            evaluation_dates: &evaluations,
        };
        let t = timeline(&src, amsterdam, today);
        assert_eq!(
            moments(&t),
            vec![
                (d(2026, 1, 10), Lane::Behaviour, format!("{}:once", uid(5))),
                (d(2026, 2, 1), Lane::Conversation, uid(6).to_string()),
                (d(2026, 2, 2), Lane::AcuteDecision, uid(7).to_string()),
                (d(2026, 2, 3), Lane::Judgement, uid(8).to_string()),
                (d(2026, 2, 4), Lane::Meldcode, uid(9).to_string()),
                (d(2026, 2, 5), Lane::Plan, "plan:1".into()),
                (d(2026, 2, 6), Lane::Note, uid(12).to_string()),
                (d(2026, 4, 1), Lane::Evaluation, "evaluation:2026-04-01".into()),
            ]
        );
        assert_eq!(t.lanes, Lane::ALL.to_vec());
        assert_eq!(t.events[1].persons, vec![uid(11)]);
        assert!(t.events[2..6].iter().all(|e| e.persons.is_empty()));
        assert_eq!(t.events[6].persons, vec![uid(10)]);
        assert!(matches!(t.events[3].what, EventWhat::Judgement { verdict: VerdictKind::Changed, .. }));
        assert_eq!(t.events[7].what, EventWhat::Evaluation { planned: true });
        // A planned evaluation stretches the whole period past today.
        assert_eq!(t.zooms[0], Zoom { kind: ZoomKind::All, from: d(2026, 1, 10), to: d(2026, 4, 1) });
    }

    #[test]
    fn zooms_reach_back_from_today() {
        let today = d(2026, 3, 15);
        let table = [
            (None, None, d(2025, 3, 15)),
            (Some(d(2020, 5, 1)), Some(d(2026, 1, 1)), d(2020, 5, 1)),
            (Some(d(2026, 3, 1)), Some(d(2026, 3, 1)), d(2026, 3, 1)),
        ];
        for (first, last, all_from) in table {
            let z = zooms(first, last, today);
            assert_eq!(z.iter().map(|z| z.kind).collect::<Vec<_>>(), vec![ZoomKind::All, ZoomKind::LastYear, ZoomKind::LastThreeMonths]);
            assert_eq!(z[0].from, all_from);
            assert!(z.iter().all(|z| z.to == today && z.from <= z.to));
            assert_eq!(z[1].from, d(2025, 3, 15));
            assert_eq!(z[2].from, d(2025, 12, 15));
        }
    }

    #[test]
    fn an_empty_case_has_an_empty_timeline() {
        let t = timeline(&Sources::default(), amsterdam, d(2026, 3, 15));
        assert!(t.events.is_empty() && t.undated.is_empty() && t.lanes.is_empty());
        assert_eq!(t.zooms.len(), 3);
    }

    fn date_strategy() -> impl Strategy<Value = Option<NaiveDate>> {
        prop::option::of((2015i32..2027, 1u32..=12, 1u32..=28).prop_map(|(y, m, day)| d(y, m, day)))
    }

    proptest! {
        #[test]
        fn events_are_sorted_and_every_dated_record_appears(
            dates in prop::collection::vec((date_strategy(), date_strategy()), 0..30),
            starts in prop::collection::vec((2015i32..2027, 1u32..=12, 1u32..=28, 0u32..24), 0..10),
        ) {
            let records: Vec<BehaviourRecord> = dates.iter().enumerate().map(|(i, (f, l))| record(100 + i as u128, *f, *l)).collect();
            let conversations: Vec<Conversation> = starts.iter().enumerate()
                .map(|(i, (y, m, day, h))| conversation(500 + i as u128, at(*y, *m, *day, *h), vec![uid(10)]))
                .collect();
            let t = timeline(&Sources { records: &records, conversations: &conversations, ..Sources::default() }, amsterdam, d(2027, 1, 1));
            prop_assert!(t.events.windows(2).all(|w| (w[0].date, w[0].lane, &w[0].key) <= (w[1].date, w[1].lane, &w[1].key)));
            for r in &records {
                let on: Vec<&TimelineEvent> = t.events.iter()
                    .filter(|e| matches!(&e.what, EventWhat::Behaviour { record, .. } if *record == r.id))
                    .collect();
                for date in [r.first_occurrence, r.last_occurrence].into_iter().flatten() {
                    prop_assert!(on.iter().any(|e| e.date == date), "record {} misses {}", r.id, date);
                }
                let has_date = r.first_occurrence.is_some() || r.last_occurrence.is_some();
                prop_assert_eq!(!on.is_empty(), has_date);
                prop_assert_eq!(t.undated.contains(&r.id), !has_date);
            }
            prop_assert_eq!(t.events.iter().filter(|e| e.lane == Lane::Conversation).count(), conversations.len());
            let mut keys: Vec<&String> = t.events.iter().map(|e| &e.key).collect();
            keys.sort();
            keys.dedup();
            prop_assert_eq!(keys.len(), t.events.len());
            if let (Some(first), Some(all)) = (t.events.first(), t.zooms.first()) {
                prop_assert!(all.from <= first.date && t.events.last().unwrap().date <= all.to);
            }
        }
    }
}
