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
//! Structural unsafety is suggested separately, from the pattern: severity `veelvuldig of ernstig`,
//! `intieme terreur`, violence in more than one period, or violence that went on after help. Both feed
//! Meldcode question 2, and both wait for the professional's judgement.

use std::collections::BTreeMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::facts::{is_control, ordered};
use super::{CouplePattern, Evidence, Facts, PatternKind, ProfileHypothesis, Severity, SeverityCategory};
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

    /// A record's most recent date; without one, a record that says "only before the last 12 months"
    /// is old, any other is undated (and so counts as current until the professional adds the date).
    fn record(&mut self, r: &BehaviourRecord) {
        match r.last_occurrence.or(r.first_occurrence) {
            Some(d) => self.date(d),
            None if r.stance.frequency() == Some(Frequency::NotLastYearButBefore) => {}
            None => self.undated_records.push(r.id),
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
    /// Flags present now that the latest decision did not see.
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

pub(crate) fn acute(flags: &[RedFlagFinding], decisions: &[AcuteDecision]) -> AcuteUnsafety {
    let current: Vec<RedFlag> = flags.iter().filter(|f| f.current).map(|f| f.flag).collect();
    let risk_factors: Vec<RedFlag> = flags.iter().filter(|f| !f.current).map(|f| f.flag).collect();
    let dates_to_ask: Vec<RedFlag> = flags
        .iter()
        .filter(|f| f.current && (!f.undated_records.is_empty() || !f.undated_answers.is_empty()))
        .map(|f| f.flag)
        .collect();
    let decision = decisions.iter().max_by_key(|d| (d.decided_at, d.id)).cloned();
    let flags_not_decided: Vec<RedFlag> = match &decision {
        Some(d) => current.iter().copied().filter(|f| !d.flags_seen.contains(f)).collect(),
        None => current.clone(),
    };
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
