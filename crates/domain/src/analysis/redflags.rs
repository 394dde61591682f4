//! Red flags, acute unsafety and structural unsafety (domain.md §6.4).
//!
//! Every flag rule only looks for something that *is* there (a reported behaviour, an answer, a tag),
//! never for something missing, so removing a source can never raise a flag. Behaviours count whenever
//! they were reported, also before the last 12 months ("strangulation ever").
//!
//! Red flags carry a date: the most recent occurrence of what raised them. A flag is **current** when
//! that date lies in the last [`FLAG_CURRENT_MONTHS`] months (or in the future), when it is about to
//! happen (a planned or feared separation), or when a source gave no date — safety first, and the app
//! asks for the date (`undated_records`, `undated_answers`). Only a current flag makes the case show
//! "Mogelijk acute onveiligheid — handel binnen 24 uur"; an old flag is shown as a serious risk factor.
//! A recorded decision covers a current flag only while nothing it rests on is newer than the decision
//! (`covers`): a new strangulation after a decision about an older one asks for a decision again.
//! Structural unsafety is suggested separately, from the pattern: severity `veelvuldig of ernstig`,
//! `intieme terreur`, violence in more than one period, or violence that went on after help. Both feed
//! Meldcode question 2, and both wait for the professional's judgement.

use std::collections::BTreeMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::facts::{is_control, ordered};
use super::{CaseSnapshot, CouplePattern, Evidence, Facts, PatternKind, ProfileHypothesis, Severity, SeverityCategory};
use crate::indicators::{
    ANSWER_RED_FLAGS, AnswerTiming, FEAR_CHRONIC, PREGNANCY_CURRENT, SEPARATION_PLANNED_OR_FEARED, VIOLENCE_AFTER_HELP,
    VIOLENCE_DURING_PREGNANCY,
};
use crate::meldcode::EvidenceLink;
use crate::{
    BehaviourCategory, BehaviourRecord, ContextTag, ControlDomain, Exposure, Frequency, ImpactTag, ProfileKind, RedFlag,
    RelationKind, Weight,
};

/// A separation this recent (in days) counts as "recent" for the separation red flag.
pub const RECENT_SEPARATION_DAYS: i64 = 365;
/// An `ernstig` behaviour that first happened this recently, after `licht` behaviour by the same
/// person towards the same person, counts as escalation.
pub const ESCALATION_WINDOW_DAYS: i64 = 365;

/// A flag dated within this many months before today is current (§6.4).
pub const FLAG_CURRENT_MONTHS: u32 = 3;
/// Violence known from more than this many days apart counts as "more than one period".
pub const PERIOD_DAYS: i64 = 365;

/// Is something that happened on `date` current on `today`? The last [`FLAG_CURRENT_MONTHS`] months,
/// counted by the calendar (15 March: from 15 December on), and anything in the future.
pub fn is_current(date: NaiveDate, today: NaiveDate) -> bool {
    let from = today.checked_sub_months(Months::new(FLAG_CURRENT_MONTHS)).unwrap_or(NaiveDate::MIN);
    date >= from
}

/// The first day on which something that happened on `date` is no longer current ([`is_current`]):
/// counted by the calendar, so the end of a month is handled as `is_current` handles it.
pub fn first_day_not_current(date: NaiveDate) -> NaiveDate {
    // `date + 3 months` is never later than the answer (month ends only clamp downwards); the answer
    // is at most a few days after it.
    let mut day = date.checked_add_months(Months::new(FLAG_CURRENT_MONTHS)).unwrap_or(NaiveDate::MAX);
    while day < NaiveDate::MAX && is_current(date, day) {
        day = day.succ_opt().unwrap_or(NaiveDate::MAX);
    }
    day
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RedFlagFinding {
    /// `redflag:<id>`
    pub key: String,
    pub flag: RedFlag,
    pub evidence: Evidence,
    /// The most recent known date of what raised the flag (behaviour, separation, or the day it was
    /// said for "now" questions).
    pub last_date: Option<NaiveDate>,
    /// About to happen: a planned or feared separation.
    pub imminent: bool,
    /// Records that raised the flag without a date: ask when it last happened.
    pub undated_records: Vec<Uuid>,
    /// Answers that raised it about something that "ever" happened: ask when.
    pub undated_answers: Vec<Uuid>,
    /// Last 3 months, about to happen, or date unknown: this flag makes acute unsafety possible.
    pub current: bool,
}

/// How recent one record is, for the flags it raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecordDate {
    /// The most recent occurrence (or the most recent date known of it).
    Dated(NaiveDate),
    /// Known to be older than the 12 months before it was recorded, without a date.
    Old,
    /// When it last happened is unknown: current until the professional adds the date.
    Undated,
}

/// The most recent date of a record. Only `last_occurrence` says when it last happened. The first
/// occurrence is the first time *ever* (§5), so on its own it says when the last time was only where the
/// frequency pins that down. The frequency counts the times in the 12 months before the record was made
/// (§5); the record's `updated_at` day stands for that moment (a later edit only makes the window later,
/// which can only turn a record undated — the safe side — and no time passing changes the answer).
///
/// - `once` with the first occurrence inside those 12 months: that first time is the only time in the
///   year and nothing came after it, so first = last. With the first occurrence before those 12 months,
///   the one time in the year is another, later time whose date is unknown: undated.
/// - `not in the last 12 months, but before`: the last time lies more than 12 months before the record,
///   so the flag is old (never current: far outside the [`FLAG_CURRENT_MONTHS`] window) and without a
///   date the app does not ask for one. A first date, if it is the only date, is the most recent date
///   known and is used: it never makes the record look newer than it is (first ≤ last), and should it
///   contradict the category by lying in the last months, the real date wins over the category — safety
///   first.
/// - any other frequency (2 times up to more than 20 in the 12 months): at least one time lies in the
///   year, possibly yesterday; the first date (the earliest time, maybe years ago) says nothing about
///   the last one, so the record is undated: current, and the app asks for the date. Using the first
///   date here would make "6–10 times this year, first two years ago" look old.
/// - no frequency (not reported) and no last date: undated.
fn record_date(r: &BehaviourRecord) -> RecordDate {
    if let Some(last) = r.last_occurrence {
        return RecordDate::Dated(last);
    }
    let recorded = r.updated_at.date_naive();
    let year_before = recorded.checked_sub_months(Months::new(12)).unwrap_or(NaiveDate::MIN);
    match (r.stance.frequency(), r.first_occurrence) {
        (Some(Frequency::Once), Some(first)) if first >= year_before => RecordDate::Dated(first),
        (Some(Frequency::NotLastYearButBefore), Some(first)) => RecordDate::Dated(first),
        (Some(Frequency::NotLastYearButBefore), None) => RecordDate::Old,
        _ => RecordDate::Undated,
    }
}

/// The date information gathered for one flag.
#[derive(Debug, Clone, Default)]
struct Timing {
    last: Option<NaiveDate>,
    imminent: bool,
    undated_records: Vec<Uuid>,
    undated_answers: Vec<Uuid>,
}

impl Timing {
    fn date(&mut self, d: NaiveDate) {
        self.last = Some(self.last.map_or(d, |l| l.max(d)));
    }

    /// A record's most recent date ([`record_date`]).
    fn record(&mut self, r: &BehaviourRecord) {
        match record_date(r) {
            RecordDate::Dated(d) => self.date(d),
            RecordDate::Old => {}
            RecordDate::Undated => self.undated_records.push(r.id),
        }
    }

    fn merge(&mut self, other: &Timing) {
        if let Some(d) = other.last {
            self.date(d);
        }
        self.imminent |= other.imminent;
        self.undated_records.extend(other.undated_records.iter().copied());
        self.undated_answers.extend(other.undated_answers.iter().copied());
    }
}

/// What the professional decided about possible acute unsafety.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AcuteDecision {
    pub id: Uuid,
    pub case_id: Uuid,
    pub decided_at: DateTime<Utc>,
    /// What was decided (e.g. "Veilig Thuis geraadpleegd, melding gedaan").
    pub decision: String,
    pub rationale: String,
    /// Ids of the suggested actions taken (from the red-flag data), e.g. `veilig_thuis`.
    pub actions: Vec<String>,
    /// The flags that were on screen when deciding.
    pub flags_seen: Vec<RedFlag>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AcuteUnsafety {
    /// `Mogelijk acute onveiligheid — handel binnen 24 uur`: at least one flag is current.
    pub possibly_acute: bool,
    /// The current flags.
    pub flags: Vec<RedFlag>,
    /// Flags that are present but not current: serious risk factors, no acute banner.
    pub risk_factors: Vec<RedFlag>,
    /// Current flags whose date is (partly) unknown: ask for the date.
    pub dates_to_ask: Vec<RedFlag>,
    /// The latest decision, if any.
    pub decision: Option<AcuteDecision>,
    /// Current flags the latest decision does not cover: not on screen then, or with a record, answer or
    /// separation date that is newer than the decision.
    pub flags_not_decided: Vec<RedFlag>,
    /// A decision (or a new one) must be recorded.
    pub decision_required: bool,
}

pub(crate) fn red_flags(f: &Facts, profiles: &[ProfileHypothesis], today: NaiveDate) -> Vec<RedFlagFinding> {
    let records: BTreeMap<Uuid, &BehaviourRecord> = f.snapshot.records.iter().map(|r| (r.id, r)).collect();
    let mut out: BTreeMap<RedFlag, (Evidence, Timing)> = BTreeMap::new();
    let timing_of = |e: &Evidence| {
        let mut t = Timing::default();
        for id in &e.records {
            if let Some(r) = records.get(id) {
                t.record(r);
            }
        }
        t
    };
    let mut raise = |flag: RedFlag, e: &Evidence, t: &Timing| {
        let entry = out.entry(flag).or_default();
        entry.0.merge(e);
        entry.1.merge(t);
    };

    // Actors who use coercive control towards anyone (for "the controlling partner threatens suicide").
    let controllers: Vec<uuid::Uuid> = f
        .counted
        .iter()
        .filter(|c| f.defs.get(c.behaviour_id.as_str()).is_some_and(|d| is_control(d)))
        .map(|c| c.actor)
        .collect();

    for c in &f.counted {
        let Some(def) = f.defs.get(c.behaviour_id.as_str()) else { continue };
        let t = timing_of(&c.evidence);
        for flag in &def.red_flags {
            if *flag == RedFlag::SuicideThreat && !controllers.contains(&c.actor) {
                continue;
            }
            raise(*flag, &c.evidence, &t);
        }
        if c.category == BehaviourCategory::Stalking {
            raise(RedFlag::Stalking, &c.evidence, &t);
        }
        // A child injured, threatened or drawn in. Neglect and witnessing count for severity and the
        // child's own finding, not as this flag.
        let harms_child = match c.category {
            BehaviourCategory::Injury | BehaviourCategory::Sexual => true,
            BehaviourCategory::Physical | BehaviourCategory::Psychological => c.weight == Weight::Ernstig,
            _ => false,
        };
        if f.is_child(c.target) && harms_child {
            raise(RedFlag::ChildHarmed, &c.evidence, &t);
        }
    }

    for (record, _) in &f.reported {
        let mut e = Evidence::default();
        e.add_record(record.id, record.source_person);
        let mut t = Timing::default();
        t.record(record);
        let towards_partner = record.pairs().any(|(a, t)| f.are_partners(a, t));
        if towards_partner && record.context.contains(&ContextTag::DuringPregnancy) {
            raise(RedFlag::ViolenceDuringPregnancy, &e, &t);
        }
        if record.impact.contains(&ImpactTag::FearForLife) {
            raise(RedFlag::FearForLife, &e, &t);
        }
        if record.children_exposed.iter().any(|x| x.how.contains(&Exposure::HurtIntervening)) {
            raise(RedFlag::ChildHarmed, &e, &t);
        }
    }

    for (indicator, flag, timing) in ANSWER_RED_FLAGS {
        let Some(e) = f.indicator(indicator) else { continue };
        let mut t = Timing::default();
        for a in &e.answers {
            let source = f.snapshot.answers.iter().find(|x| x.id == *a).map(|x| x.source_person);
            // Violence in a pregnancy that is still going on is as recent as the answer.
            let now = *timing == AnswerTiming::Now
                || (*indicator == VIOLENCE_DURING_PREGNANCY
                    && source.is_some_and(|p| f.person_indicator(p, PREGNANCY_CURRENT).is_some()));
            match (now, f.answer_dates.get(a)) {
                (true, Some(d)) => t.date(*d),
                _ => t.undated_answers.push(*a),
            }
        }
        raise(*flag, e, &t);
    }

    // Escalation: an `ernstig` behaviour that started recently, after earlier `licht` behaviour
    // between the same two persons.
    for later in f.counted.iter().filter(|c| c.weight == Weight::Ernstig) {
        let Some(start) = later.first_occurrence else { continue };
        if (today - start).num_days() > ESCALATION_WINDOW_DAYS || start > today {
            continue;
        }
        for earlier in f.between(later.actor, later.target) {
            if earlier.weight == Weight::Licht && earlier.first_occurrence.is_some_and(|d| d < start) {
                let mut e = later.evidence.clone();
                e.merge(&earlier.evidence);
                let t = timing_of(&later.evidence);
                raise(RedFlag::Escalation, &e, &t);
            }
        }
    }

    // Separation (recent, planned or feared) together with coercive control in that couple.
    let mut separating_from_control: Vec<(Evidence, Timing)> = Vec::new();
    for &(a, b) in &f.couples {
        let Some(control) = f.control_between.get(&ordered(a, b)) else { continue };
        let mut separation = Evidence::default();
        let mut t = timing_of(control);
        for r in &f.snapshot.household.relations {
            if ordered(r.from, r.to) != (a, b) {
                continue;
            }
            if let RelationKind::ExPartnerOf { separation_date } = r.kind {
                // Unknown date: treat as possibly recent; the professional can reject the flag.
                let recent = separation_date.is_none_or(|d| (today - d).num_days() <= RECENT_SEPARATION_DAYS);
                if recent {
                    separation.add_relation(r.id);
                    match separation_date {
                        Some(d) => t.date(d),
                        None => t.imminent = true,
                    }
                }
            }
        }
        for p in [a, b] {
            if let Some(e) = f.person_indicator(p, SEPARATION_PLANNED_OR_FEARED) {
                separation.merge(e);
                t.imminent = true;
            }
        }
        for (record, _) in &f.reported {
            if record.context.contains(&ContextTag::AroundSeparation)
                && record.pairs().any(|(x, y)| ordered(x, y) == (a, b))
            {
                separation.add_record(record.id, record.source_person);
                t.record(record);
            }
        }
        if !separation.is_empty() {
            separation.merge(control);
            separating_from_control.push((separation.clone(), t.clone()));
            raise(RedFlag::SeparationWithControl, &separation, &t);
        }
    }

    // Both intieme terreur and complexe scheiding likely: separation from a controlling partner. Read
    // from facts that only grow with more sources (a controlling partner who is also violent, or with
    // fear, isolation or stalking; and the complexe scheiding rule), so no source can hide it.
    let complexe = profiles.iter().find(|p| p.profile == ProfileKind::ComplexeScheiding).filter(|p| p.likely);
    if let Some(cs) = complexe {
        let mut e = Evidence::default();
        let mut t = Timing::default();
        for &(a, b) in &f.couples {
            for (x, y) in [(a, b), (b, a)] {
                let domains: std::collections::BTreeSet<ControlDomain> = f
                    .between(x, y)
                    .filter_map(|c| f.defs.get(c.behaviour_id.as_str()).and_then(|d| d.control_domain))
                    .collect();
                if domains.len() < super::CONTROL_DOMAINS_THRESHOLD {
                    continue;
                }
                let violent = f.between(x, y).any(|c| {
                    matches!(c.category, BehaviourCategory::Physical | BehaviourCategory::Sexual)
                        || (c.category == BehaviourCategory::Psychological && c.weight == Weight::Ernstig)
                });
                let fear = f.person_indicator(y, FEAR_CHRONIC).is_some();
                let isolation = domains.contains(&ControlDomain::Isolation);
                let stalking = f.between(x, y).any(|c| c.category == BehaviourCategory::Stalking);
                if violent || fear || isolation || stalking {
                    if let Some(c) = f.control_between.get(&ordered(x, y)) {
                        e.merge(c);
                        t.merge(&timing_of(c));
                    }
                }
            }
        }
        if !e.is_empty() {
            e.merge(&cs.evidence);
            for (se, st) in &separating_from_control {
                e.merge(se);
                t.merge(st);
            }
            for r in &cs.evidence.relations {
                if let Some(RelationKind::ExPartnerOf { separation_date: Some(d) }) =
                    f.snapshot.household.relations.iter().find(|x| x.id == *r).map(|x| x.kind.clone())
                {
                    t.date(d);
                }
            }
            raise(RedFlag::IntimateTerrorAndSeparation, &e, &t);
        }
    }

    out.into_iter()
        .map(|(flag, (evidence, mut t))| {
            t.undated_records.sort();
            t.undated_records.dedup();
            t.undated_answers.sort();
            t.undated_answers.dedup();
            let current = t.imminent
                || !t.undated_records.is_empty()
                || !t.undated_answers.is_empty()
                || t.last.is_some_and(|d| is_current(d, today));
            RedFlagFinding {
                key: format!("redflag:{}", flag.id()),
                flag,
                evidence,
                last_date: t.last,
                imminent: t.imminent,
                undated_records: t.undated_records,
                undated_answers: t.undated_answers,
                current,
            }
        })
        .collect()
}

/// Does decision `d` cover the current flag `f`? Only when the flag was on screen (`flags_seen`) and what
/// the flag rests on was already known at the decision. A flag's evidence and its most recent date come
/// from three sources; each is checked by what it carries:
///
/// - records: every record in the evidence was last saved at or before `decided_at`. A new or changed
///   record — a new strangulation yesterday, a date filled in, a higher frequency — is news, also when
///   the flag has no date at all (an undated flag is covered only while none of its records changed).
///   A record's own dates cannot lie after the day it was saved (the app refuses future dates), so this
///   covers its date as well.
/// - answers: the same, by their `updated_at`; an answer's date for the flag is that day.
/// - relations (a separation date) carry no timestamp: the separation date must not lie after the
///   decision's day (UTC, as answers are dated). A date that is still in the future today is a planned
///   separation, current already and of a flag type the professional decided on; it is taken as seen until
///   the day arrives, and from that day on the decision is asked again.
///
/// Anything unknown (an evidence id not in the case) counts as not known at the decision.
fn covers(d: &AcuteDecision, f: &RedFlagFinding, snapshot: &CaseSnapshot, today: NaiveDate) -> bool {
    let known = |at: Option<DateTime<Utc>>| at.is_some_and(|at| at <= d.decided_at);
    let decided_day = d.decided_at.date_naive();
    d.flags_seen.contains(&f.flag)
        && f.evidence.records.iter().all(|id| known(snapshot.records.iter().find(|r| r.id == *id).map(|r| r.updated_at)))
        && f.evidence.answers.iter().all(|id| known(snapshot.answers.iter().find(|a| a.id == *id).map(|a| a.updated_at)))
        && f.evidence.relations.iter().all(|id| match snapshot.household.relations.iter().find(|r| r.id == *id) {
            Some(r) => match r.kind {
                RelationKind::ExPartnerOf { separation_date: Some(date) } => date <= decided_day || date > today,
                _ => true,
            },
            None => false,
        })
}

pub(crate) fn acute(flags: &[RedFlagFinding], snapshot: &CaseSnapshot, today: NaiveDate) -> AcuteUnsafety {
    let current: Vec<RedFlag> = flags.iter().filter(|f| f.current).map(|f| f.flag).collect();
    let risk_factors: Vec<RedFlag> = flags.iter().filter(|f| !f.current).map(|f| f.flag).collect();
    let dates_to_ask: Vec<RedFlag> = flags
        .iter()
        .filter(|f| f.current && (!f.undated_records.is_empty() || !f.undated_answers.is_empty()))
        .map(|f| f.flag)
        .collect();
    let decision = snapshot.acute_decisions.iter().max_by_key(|d| (d.decided_at, d.id)).cloned();
    // A decision covers flags, not flag types: a flag is decided only when its evidence and date were
    // known at the latest decision ([`covers`]); a new strangulation after a decision about an older one
    // asks for a decision again.
    let flags_not_decided: Vec<RedFlag> = flags
        .iter()
        .filter(|f| f.current && !decision.as_ref().is_some_and(|d| covers(d, f, snapshot, today)))
        .map(|f| f.flag)
        .collect();
    AcuteUnsafety {
        possibly_acute: !current.is_empty(),
        decision_required: !flags_not_decided.is_empty(),
        flags: current,
        risk_factors,
        dates_to_ask,
        decision,
        flags_not_decided,
    }
}

/// Why structural unsafety is suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StructuralReason {
    /// Severity `veelvuldig of ernstig`.
    SevereOrFrequentViolence,
    /// `intieme terreur`: the pattern, or the profile likely.
    IntiemeTerreur,
    /// Violence known from more than one period (in the last 12 months and before).
    ViolenceInMoreThanOnePeriod,
    /// The violence went on after earlier help.
    ViolenceAfterHelp,
}

/// `Structurele onveiligheid`: suggested from the pattern, apart from the acute banner (§6.4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StructuralUnsafety {
    pub suggested: bool,
    /// Sorted.
    pub reasons: Vec<StructuralReason>,
    pub evidence: Evidence,
}

fn is_violence(f: &Facts, actor: Uuid, target: Uuid, category: BehaviourCategory) -> bool {
    (f.are_partners(actor, target) && category.counts_as_partner_violence())
        || (f.is_child(target) && category.counts_as_child_abuse())
}

pub(crate) fn structural(
    f: &Facts,
    severity: &Severity,
    patterns: &[CouplePattern],
    profiles: &[ProfileHypothesis],
    today: NaiveDate,
) -> StructuralUnsafety {
    let mut reasons = Vec::new();
    let mut evidence = Evidence::default();
    if severity.category == SeverityCategory::VeelvuldigOfErnstig {
        reasons.push(StructuralReason::SevereOrFrequentViolence);
        evidence.merge(&severity.evidence);
    }
    let it_pattern: Vec<&CouplePattern> =
        patterns.iter().filter(|p| matches!(p.kind, PatternKind::IntiemeTerreur { .. })).collect();
    let it_profile = profiles.iter().find(|p| p.profile == ProfileKind::IntiemeTerreur).filter(|p| p.likely);
    if !it_pattern.is_empty() || it_profile.is_some() {
        reasons.push(StructuralReason::IntiemeTerreur);
        for p in it_pattern {
            evidence.merge(&p.evidence);
        }
        if let Some(p) = it_profile {
            evidence.merge(&p.evidence);
        }
    }
    // More than one period: violence in the last 12 months and violence from before.
    let year_ago = today - chrono::Duration::days(PERIOD_DAYS);
    let mut recent = Evidence::default();
    let mut before = Evidence::default();
    for (record, def) in &f.reported {
        if !record.pairs().any(|(a, t)| is_violence(f, a, t, def.category)) {
            continue;
        }
        let freq = record.stance.frequency();
        let in_year = freq.is_some_and(|x| x != Frequency::NotLastYearButBefore)
            || record.last_occurrence.is_some_and(|d| d >= year_ago);
        let earlier = freq == Some(Frequency::NotLastYearButBefore) || record.first_occurrence.is_some_and(|d| d < year_ago);
        if in_year {
            recent.add_record(record.id, record.source_person);
        }
        if earlier {
            before.add_record(record.id, record.source_person);
        }
    }
    if !recent.is_empty() && !before.is_empty() {
        reasons.push(StructuralReason::ViolenceInMoreThanOnePeriod);
        evidence.merge(&recent);
        evidence.merge(&before);
    }
    if let Some(e) = f.indicator(VIOLENCE_AFTER_HELP) {
        reasons.push(StructuralReason::ViolenceAfterHelp);
        evidence.merge(e);
    }
    reasons.sort();
    StructuralUnsafety { suggested: !reasons.is_empty(), reasons, evidence }
}

/// What the analysis brings to Meldcode weighing question 2: is there acute or structural unsafety?
/// The app suggests; the professional answers the question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeldcodeUnsafety {
    pub acute: bool,
    pub structural: bool,
    /// The conclusions to link to the answer: `acute`, `structural` and each current red flag.
    pub evidence: Vec<EvidenceLink>,
}

pub(crate) fn meldcode_unsafety(
    acute: &AcuteUnsafety,
    structural: &StructuralUnsafety,
    flags: &[RedFlagFinding],
) -> MeldcodeUnsafety {
    let mut evidence = Vec::new();
    if acute.possibly_acute {
        evidence.push(EvidenceLink::Conclusion { key: super::review::ACUTE_KEY.into() });
        for f in flags.iter().filter(|f| f.current) {
            evidence.push(EvidenceLink::Conclusion { key: f.key.clone() });
        }
    }
    if structural.suggested {
        evidence.push(EvidenceLink::Conclusion { key: super::review::STRUCTURAL_KEY.into() });
    }
    MeldcodeUnsafety { acute: acute.possibly_acute, structural: structural.suggested, evidence }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate, Utc};
    use uuid::Uuid;

    use super::AcuteDecision;
    use crate::analysis::{Analysis, analyse};
    use crate::fixture::{self, Builder};
    use crate::{AnswerValue, Frequency, RedFlag, RelationKind, Stance, YesNoUnknown};
    use Frequency::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn at(y: i32, m: u32, d: u32, h: u32, s: u32) -> DateTime<Utc> {
        day(y, m, d).and_hms_opt(h, 0, s).expect("valid time").and_utc()
    }

    /// Separated on `date`, with control (phone) recorded and saved on 1 February 2026.
    fn separated_with_control(b: &mut Builder, x: Uuid, y: Uuid, date: NaiveDate) {
        b.snapshot.household.relations[0].kind = RelationKind::ExPartnerOf { separation_date: Some(date) };
        b.record_with(x, y, "dwang.telefoon_controleren", Stance::Reported { frequency: Twice }, y, |r| {
            r.last_occurrence = Some(day(2026, 2, 1));
            r.updated_at = at(2026, 2, 1, 10, 0);
        });
    }

    fn run(b: &Builder, today: NaiveDate) -> Analysis {
        analyse(&b.build(), &fixture::catalogue(), today)
    }

    /// A strangulation with only some dates filled in, saved on `saved`: when did it last happen?
    #[test]
    fn a_flag_is_dated_by_its_last_occurrence_and_undated_without_one() {
        // today = 2026-03-15: current from 2025-12-15 on. Saved 2026-02-01 unless said otherwise: the
        // frequency's 12 months then run from 2025-02-01.
        let saved = day(2026, 2, 1);
        // (case, frequency, first, last, saved, current?, last date, undated: ask for the date?)
        type Row = (&'static str, Frequency, Option<NaiveDate>, Option<NaiveDate>, NaiveDate, bool, Option<NaiveDate>, bool);
        let table: &[Row] = &[
            ("6–10 times this year, only the first date (two years ago)", SixToTen, Some(day(2024, 3, 1)), None, saved, true, None, true),
            ("3–5 times, only a first date months ago", ThreeToFive, Some(day(2025, 6, 1)), None, saved, true, None, true),
            ("twice, no dates", Twice, None, None, saved, true, None, true),
            ("more than 20, an old last date: the last date counts", MoreThanTwenty, Some(day(2020, 1, 1)), Some(day(2025, 10, 1)), saved, false, Some(day(2025, 10, 1)), false),
            ("twice, a recent last date", Twice, Some(day(2020, 1, 1)), Some(day(2026, 3, 1)), saved, true, Some(day(2026, 3, 1)), false),
            ("once, only a first date in the year: first = last, old", Once, Some(day(2025, 6, 1)), None, saved, false, Some(day(2025, 6, 1)), false),
            ("once, only a first date on the year's first day", Once, Some(day(2025, 2, 1)), None, saved, false, Some(day(2025, 2, 1)), false),
            ("once, only a first date the day before the year: the one time is another", Once, Some(day(2025, 1, 31)), None, saved, true, None, true),
            ("once, only a first date years ago", Once, Some(day(2023, 1, 1)), None, saved, true, None, true),
            ("once, only a recent first date", Once, Some(day(2026, 1, 20)), None, saved, true, Some(day(2026, 1, 20)), false),
            ("once, no dates", Once, None, None, saved, true, None, true),
            ("once, saved in 2024 with a first date in its year", Once, Some(day(2023, 12, 1)), None, day(2024, 6, 1), false, Some(day(2023, 12, 1)), false),
            ("not in 12 months, only a first date", NotLastYearButBefore, Some(day(2019, 5, 1)), None, saved, false, Some(day(2019, 5, 1)), false),
            ("not in 12 months, no dates: old, nothing to ask", NotLastYearButBefore, None, None, saved, false, None, false),
            ("not in 12 months, but a recent first date: the date wins", NotLastYearButBefore, Some(day(2026, 1, 10)), None, saved, true, Some(day(2026, 1, 10)), false),
        ];
        for (case, freq, first, last, saved, current, last_date, undated) in table {
            let mut b = Builder::new();
            let (x, y) = b.couple();
            let r = b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: *freq }, y, |r| {
                r.first_occurrence = *first;
                r.last_occurrence = *last;
                r.updated_at = saved.and_hms_opt(10, 0, 0).expect("valid time").and_utc();
            });
            let a = run(&b, fixture::today());
            let f = a.red_flags.iter().find(|f| f.flag == RedFlag::Strangulation).expect("strangulation ever is a flag");
            assert_eq!((f.current, f.last_date), (*current, *last_date), "{case}");
            assert_eq!(f.undated_records, if *undated { vec![r] } else { vec![] }, "{case}");
            assert_eq!(a.acute.possibly_acute, *current, "{case}");
            assert_eq!(a.acute.risk_factors.contains(&RedFlag::Strangulation), !*current, "{case}");
            assert_eq!(a.acute.dates_to_ask.contains(&RedFlag::Strangulation), *undated, "{case}");
            assert_eq!(a.acute.decision_required, *current, "{case}");
        }
    }

    #[test]
    fn a_decision_covers_only_the_flags_known_when_it_was_made() {
        type Setup = fn(&mut Builder, Uuid, Uuid);
        let march_1 = Some(at(2026, 3, 1, 10, 0));
        let today = fixture::today();
        // (case, setup, latest decision: when and the flags on screen, today, flags not decided)
        type Row = (&'static str, Setup, Option<DateTime<Utc>>, &'static [RedFlag], NaiveDate, &'static [RedFlag]);
        let table: &[Row] = &[
            ("no decision yet", |b, x, y| {
                b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: Once }, y, |r| {
                    r.last_occurrence = Some(day(2026, 2, 20));
                    r.updated_at = at(2026, 2, 21, 10, 0);
                });
            }, None, &[], today, &[RedFlag::Strangulation]),
            ("decided, nothing new since", |b, x, y| {
                b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: Once }, y, |r| {
                    r.last_occurrence = Some(day(2026, 2, 20));
                    r.updated_at = at(2026, 2, 21, 10, 0);
                });
            }, march_1, &[RedFlag::Strangulation], today, &[]),
            ("a new strangulation yesterday, after a decision about an older one", |b, x, y| {
                b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: Once }, y, |r| {
                    r.last_occurrence = Some(day(2026, 1, 10));
                    r.updated_at = at(2026, 1, 11, 10, 0);
                });
                b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: Once }, y, |r| {
                    r.last_occurrence = Some(day(2026, 3, 14));
                    r.updated_at = at(2026, 3, 14, 10, 0);
                });
            }, march_1, &[RedFlag::Strangulation], today, &[RedFlag::Strangulation]),
            ("the decided record given a later date after the decision", |b, x, y| {
                b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: Twice }, y, |r| {
                    r.last_occurrence = Some(day(2026, 3, 10));
                    r.updated_at = at(2026, 3, 10, 10, 0);
                });
            }, march_1, &[RedFlag::Strangulation], today, &[RedFlag::Strangulation]),
            ("saved at the very moment of the decision", |b, x, y| {
                b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: Once }, y, |r| {
                    r.last_occurrence = Some(day(2026, 3, 1));
                    r.updated_at = at(2026, 3, 1, 10, 0);
                });
            }, march_1, &[RedFlag::Strangulation], today, &[]),
            ("saved a second after the decision", |b, x, y| {
                b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: Once }, y, |r| {
                    r.last_occurrence = Some(day(2026, 3, 1));
                    r.updated_at = at(2026, 3, 1, 10, 1);
                });
            }, march_1, &[RedFlag::Strangulation], today, &[RedFlag::Strangulation]),
            ("undated, unchanged since the decision", |b, x, y| {
                b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: SixToTen }, y, |r| {
                    r.updated_at = at(2026, 2, 1, 10, 0);
                });
            }, march_1, &[RedFlag::Strangulation], today, &[]),
            ("undated, its record changed after the decision", |b, x, y| {
                b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: SixToTen }, y, |r| {
                    r.updated_at = at(2026, 3, 5, 10, 0);
                });
            }, march_1, &[RedFlag::Strangulation], today, &[RedFlag::Strangulation]),
            ("a flag the decision did not see", |b, x, y| {
                b.record_with(x, y, "fys.wurgen", Stance::Reported { frequency: Once }, y, |r| {
                    r.last_occurrence = Some(day(2026, 2, 20));
                    r.updated_at = at(2026, 2, 21, 10, 0);
                });
                b.record_with(x, y, "psy.dreigen_doden", Stance::Reported { frequency: Once }, y, |r| {
                    r.last_occurrence = Some(day(2026, 2, 20));
                    r.updated_at = at(2026, 2, 21, 10, 0);
                });
            }, march_1, &[RedFlag::Strangulation], today, &[RedFlag::ThreatToKill]),
            ("fear for her life said before the decision", |b, _, y| {
                b.answer_on(y, "vol.angst.levensgevaar", AnswerValue::YesNoUnknown { value: YesNoUnknown::Yes }, day(2026, 2, 20));
            }, march_1, &[RedFlag::FearForLife], today, &[]),
            ("fear for her life said again after the decision", |b, _, y| {
                b.answer_on(y, "vol.angst.levensgevaar", AnswerValue::YesNoUnknown { value: YesNoUnknown::Yes }, day(2026, 2, 20));
                b.answer_on(y, "vol.angst.levensgevaar", AnswerValue::YesNoUnknown { value: YesNoUnknown::Yes }, day(2026, 3, 10));
            }, march_1, &[RedFlag::FearForLife], today, &[RedFlag::FearForLife]),
            ("separated before the decision, with control", |b, x, y| separated_with_control(b, x, y, day(2026, 2, 15)), march_1, &[RedFlag::SeparationWithControl], today, &[]),
            ("a separation date after the decision's day (a relation has no timestamp)", |b, x, y| separated_with_control(b, x, y, day(2026, 3, 10)), march_1, &[RedFlag::SeparationWithControl], today, &[RedFlag::SeparationWithControl]),
            ("a planned separation date still ahead: seen until it comes", |b, x, y| separated_with_control(b, x, y, day(2026, 4, 1)), march_1, &[RedFlag::SeparationWithControl], today, &[]),
            ("the planned separation day has come: decide again", |b, x, y| separated_with_control(b, x, y, day(2026, 4, 1)), march_1, &[RedFlag::SeparationWithControl], day(2026, 4, 1), &[RedFlag::SeparationWithControl]),
        ];
        for (case, setup, decided_at, seen, today, not_decided) in table {
            let mut b = Builder::new();
            let (x, y) = b.couple();
            setup(&mut b, x, y);
            if let Some(decided_at) = decided_at {
                b.snapshot.acute_decisions.push(AcuteDecision {
                    id: Uuid::from_u128(9),
                    case_id: b.snapshot.household.case.id,
                    decided_at: *decided_at,
                    decision: "Veilig Thuis geraadpleegd".into(),
                    rationale: "besproken".into(),
                    actions: vec!["veilig_thuis".into()],
                    flags_seen: seen.to_vec(),
                });
            }
            let a = run(&b, *today);
            assert!(a.acute.possibly_acute, "{case}: every row has a current flag: {:?}", a.red_flags);
            assert_eq!(a.acute.flags_not_decided, *not_decided, "{case}");
            assert_eq!(a.acute.decision_required, !not_decided.is_empty(), "{case}");
        }
    }
}
