//! A participant's work on a practice case, and the trainer's comparison of every group's work with the
//! case's reference (issue 12, point 4; domain.md §10).
//!
//! - [`work_from`] turns what a participant made in the practice vault (records, judgements, Meldcode
//!   answers, the plan's top 3 and phases) into a [`ParticipantWork`]: persons are named by the practice
//!   case's own local ids, so every group's file can be laid beside the reference.
//! - [`read_work`] reads such a file from a foreign source and refuses anything that is not a sound
//!   participant file of a shipped practice case, each with its own [`ImportProblem`].
//! - [`compare`] lays the works beside the reference: per reference record who found it, the red flags
//!   each group spotted or missed, severity, pattern, profile, Meldcode and phase choices, each group's top
//!   3, and an agreement figure per group and per item.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::analysis::{PatternKind, ReviewStatus, SeverityCategory, Verdict};
use crate::plan::SafetyPlan;
use crate::training::{PracticeCase, ProfileStrength as RefStrength, RecordStance, ReferencePatternKind};
use crate::{Analysis, CaseSnapshot, Catalogue, Frequency, MeldcodeAnswer, MeldcodeEntry, MeldcodeModel, Phase, ProfileKind, RedFlag, Stance, WeighingKind};

/// The file's format name; anything else is not a participant file.
pub const FORMAT: &str = "samen-kijken/oefenwerk";
/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// A participant file is small (a practice case has a few dozen records): anything larger is refused
/// before it is read.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// The longest group label (a name or "groep 3").
pub const MAX_GROUP_CHARS: usize = 60;
/// The most records a participant file may hold.
const MAX_RECORDS: usize = 500;
/// The most plan lines per phase.
const MAX_PLAN_LINES: usize = 50;
/// The longest free text in a participant file.
const MAX_TEXT_CHARS: usize = 4000;
/// The prefix of a person the participant added who is not in the practice case.
pub const ADDED_PERSON: &str = "toegevoegd:";

/// What one participant (or group) made of a practice case, as exported for the trainer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ParticipantWork {
    pub format: String,
    pub format_version: u32,
    /// A name or group label, as the participant typed it.
    pub group: String,
    pub practice_case_id: String,
    pub practice_case_version: u32,
    pub exported_on: NaiveDate,
    pub records: Vec<WorkRecord>,
    /// The plan's most unsafe situations, in the plan's order (at most three).
    pub top3: Vec<WorkWorry>,
    pub severity: WorkSeverity,
    pub patterns: Vec<WorkPattern>,
    pub profiles: Vec<WorkProfile>,
    pub red_flags: Vec<WorkRedFlag>,
    /// The latest answer to each core weighing question (1–5) that was answered.
    pub meldcode: Vec<WorkMeldcode>,
    pub phase: Phase,
    pub plan: WorkPlan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WorkStance {
    Reported,
    Denied,
    Unknown,
}

/// One behaviour record: who did what to whom, who told it. Persons by the practice case's local ids
/// (or [`ADDED_PERSON`] and a name for someone the participant added).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct WorkRecord {
    pub actor: String,
    pub target: String,
    pub behaviour: String,
    pub source: String,
    pub stance: WorkStance,
    pub frequency: Option<Frequency>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct WorkWorry {
    pub situation: String,
    pub impact: String,
}

/// How the participant judged a conclusion of the analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "verdict", rename_all = "snake_case")]
#[ts(export)]
pub enum WorkVerdict {
    /// Not judged: the analysis' hypothesis stands as it is.
    Open,
    Confirmed,
    /// The participant's own conclusion instead, in their words.
    Changed { to: String },
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct WorkSeverity {
    pub category: SeverityCategory,
    pub verdict: WorkVerdict,
}

/// A pattern as an id with the persons it names (`intieme_terreur` by `mark`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct PatternChoice {
    /// `intieme_terreur`, `situationeel_partnergeweld`, `situationeel_partnergeweld_eenzijdig`,
    /// `wederzijds_gewelddadige_controle`, `geen_partnergeweld_gemeld`, `onvoldoende_informatie`.
    pub kind: String,
    pub by: Option<String>,
    pub violent_resistance_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct WorkPattern {
    pub partners: [String; 2],
    pub pattern: PatternChoice,
    pub verdict: WorkVerdict,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct WorkProfile {
    pub profile: ProfileKind,
    /// `te_weinig_informatie`, `weinig_aanwijzingen`, `mogelijk`, `waarschijnlijk`.
    pub strength: String,
    pub likely: bool,
    pub verdict: WorkVerdict,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct WorkRedFlag {
    pub flag: RedFlag,
    pub current: bool,
    pub verdict: WorkVerdict,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct WorkMeldcode {
    /// 1–5.
    pub question: u8,
    pub answer: MeldcodeAnswer,
}

/// The plan draft per phase, one line per item (the escape plan is never in it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct WorkPlan {
    pub conditions: Vec<String>,
    pub acute: Vec<String>,
    pub directe_veiligheid: Vec<String>,
    pub duurzame_veiligheid: Vec<String>,
    pub herstel: Vec<String>,
}

// --- Making a participant's work ---

fn verdict_of(analysis: &Analysis, key: &str) -> WorkVerdict {
    let Some(review) = analysis.reviews.iter().find(|r| r.key == key) else { return WorkVerdict::Open };
    match (&review.status, review.judgement.as_ref().map(|j| &j.verdict)) {
        (ReviewStatus::Open, _) | (_, None) => WorkVerdict::Open,
        (_, Some(Verdict::Confirmed)) => WorkVerdict::Confirmed,
        (_, Some(Verdict::Changed { to })) => WorkVerdict::Changed { to: to.clone() },
        (_, Some(Verdict::Rejected)) => WorkVerdict::Rejected,
    }
}

/// The id of a computed pattern, as the reference names it.
pub fn pattern_choice(kind: &PatternKind, name: impl Fn(Uuid) -> String) -> PatternChoice {
    let (kind, by, resistance) = match kind {
        PatternKind::IntiemeTerreur { by, violent_resistance_by } => ("intieme_terreur", Some(name(*by)), violent_resistance_by.map(&name)),
        PatternKind::SituationeelPartnergeweld => ("situationeel_partnergeweld", None, None),
        PatternKind::SituationeelPartnergeweldEenzijdig { by } => ("situationeel_partnergeweld_eenzijdig", Some(name(*by)), None),
        PatternKind::WederzijdsGewelddadigeControle => ("wederzijds_gewelddadige_controle", None, None),
        PatternKind::GeenPartnergeweldGemeld => ("geen_partnergeweld_gemeld", None, None),
        PatternKind::OnvoldoendeInformatie => ("onvoldoende_informatie", None, None),
    };
    PatternChoice { kind: kind.to_owned(), by, violent_resistance_by: resistance }
}

fn reference_pattern_id(kind: ReferencePatternKind) -> &'static str {
    match kind {
        ReferencePatternKind::IntiemeTerreur => "intieme_terreur",
        ReferencePatternKind::SituationeelPartnergeweld => "situationeel_partnergeweld",
        ReferencePatternKind::SituationeelPartnergeweldEenzijdig => "situationeel_partnergeweld_eenzijdig",
        ReferencePatternKind::WederzijdsGewelddadigeControle => "wederzijds_gewelddadige_controle",
        ReferencePatternKind::GeenPartnergeweldGemeld => "geen_partnergeweld_gemeld",
        ReferencePatternKind::OnvoldoendeInformatie => "onvoldoende_informatie",
    }
}

fn reference_strength_id(s: RefStrength) -> &'static str {
    match s {
        RefStrength::NogTeWeinigInformatie => "te_weinig_informatie",
        RefStrength::WeinigAanwijzingen => "weinig_aanwijzingen",
        RefStrength::Mogelijk => "mogelijk",
        RefStrength::Waarschijnlijk => "waarschijnlijk",
    }
}

fn stance_of(stance: &Stance) -> (WorkStance, Option<Frequency>) {
    match stance {
        Stance::Reported { frequency } => (WorkStance::Reported, Some(*frequency)),
        Stance::Denied => (WorkStance::Denied, None),
        Stance::Unknown => (WorkStance::Unknown, None),
    }
}

/// What a participant exports: their records, judgements, Meldcode answers and plan draft for the case
/// that was stored from `case`. `persons` maps the stored persons' ids to the case's local ids; a person
/// the participant added is named [`ADDED_PERSON`] with their name.
#[allow(clippy::too_many_arguments)]
pub fn work_from(
    case: &PracticeCase,
    persons: &BTreeMap<Uuid, String>,
    snapshot: &CaseSnapshot,
    analysis: &Analysis,
    meldcode: &[MeldcodeEntry],
    model: &MeldcodeModel,
    plan: Option<&SafetyPlan>,
    group: &str,
    today: NaiveDate,
) -> ParticipantWork {
    let name = |id: Uuid| -> String {
        persons.get(&id).cloned().unwrap_or_else(|| {
            let n = snapshot.household.person(id).map(|p| p.name.clone()).unwrap_or_default();
            format!("{ADDED_PERSON}{n}")
        })
    };
    let mut records = Vec::new();
    for r in &snapshot.records {
        let (stance, frequency) = stance_of(&r.stance);
        for a in &r.actors {
            for t in &r.targets {
                records.push(WorkRecord {
                    actor: name(*a),
                    target: name(*t),
                    behaviour: r.behaviour_id.clone(),
                    source: name(r.source_person),
                    stance,
                    frequency,
                });
            }
        }
    }
    let patterns = analysis
        .patterns
        .iter()
        .map(|p| {
            let mut partners = [name(p.a.person), name(p.b.person)];
            partners.sort();
            WorkPattern { partners, pattern: pattern_choice(&p.kind, name), verdict: verdict_of(analysis, &p.key) }
        })
        .collect();
    let profiles = analysis
        .profiles
        .iter()
        .map(|p| WorkProfile {
            profile: p.profile,
            strength: p.strength.id().to_owned(),
            likely: p.likely,
            verdict: verdict_of(analysis, &p.key),
        })
        .collect();
    let red_flags = analysis
        .red_flags
        .iter()
        .map(|f| WorkRedFlag { flag: f.flag, current: f.current, verdict: verdict_of(analysis, &f.key) })
        .collect();
    // The latest answer per core question (a question answered again counts as its newest answer).
    let mut latest: BTreeMap<u8, &MeldcodeEntry> = BTreeMap::new();
    for e in meldcode {
        let Some(q) = e.question_id.as_deref().and_then(|id| model.questions.iter().find(|q| q.id == id)) else { continue };
        if q.kind != WeighingKind::Core {
            continue;
        }
        let newer = latest.get(&q.number).is_none_or(|old| (e.date, e.recorded_at) >= (old.date, old.recorded_at));
        if newer {
            latest.insert(q.number, e);
        }
    }
    let meldcode = latest.into_iter().map(|(question, e)| WorkMeldcode { question, answer: e.answer }).collect();
    let (top3, plan) = match plan {
        None => (Vec::new(), WorkPlan::default()),
        Some(p) => (
            p.worries
                .iter()
                .take(3)
                .map(|w| WorkWorry { situation: w.content.situation.trim().to_owned(), impact: w.content.impact.trim().to_owned() })
                .collect(),
            WorkPlan {
                conditions: lines(p.conditions.iter().map(|i| i.content.text.clone())),
                acute: lines(p.acute_actions.iter().map(|i| i.content.what.clone())),
                directe_veiligheid: lines(p.agreements.iter().map(|i| i.content.what.clone())),
                duurzame_veiligheid: lines(p.problems.iter().map(|i| join(&i.content.problem, &i.content.help))),
                herstel: lines(p.recovery.iter().map(|i| join(&i.content.need, &i.content.help))),
            },
        ),
    };
    ParticipantWork {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        group: group.trim().to_owned(),
        practice_case_id: case.id.clone(),
        practice_case_version: case.version,
        exported_on: today,
        records,
        top3,
        severity: WorkSeverity { category: analysis.severity.category, verdict: verdict_of(analysis, crate::analysis::SEVERITY_KEY) },
        patterns,
        profiles,
        red_flags,
        meldcode,
        phase: snapshot.household.case.phase,
        plan,
    }
}

/// The work of a participant who saw everything the reference sees: the reference's records, the
/// analysis of them with every conclusion left as computed, the reference's Meldcode answers and phase.
/// (What a trainer can hand out as a worked example; tests and fixtures start from it.)
pub fn reference_work(case: &PracticeCase, guides: &[crate::Guide], catalogue: &Catalogue, model: &MeldcodeModel, group: &str) -> Option<ParticipantWork> {
    let s = case.reference_snapshot(guides).ok()?;
    let a = crate::analyse(&s.snapshot, catalogue, case.today);
    let persons: BTreeMap<Uuid, String> = s.persons.iter().map(|(k, v)| (*v, k.clone())).collect();
    let mut w = work_from(case, &persons, &s.snapshot, &a, &[], model, None, group, case.today);
    w.meldcode = case.reference.meldcode.answers.iter().map(|x| WorkMeldcode { question: x.question, answer: x.answer }).collect();
    w.meldcode.sort_by_key(|m| m.question);
    w.phase = case.reference.phase;
    Some(w)
}

fn join(a: &str, b: &str) -> String {
    match (a.trim(), b.trim()) {
        (a, "") => a.to_owned(),
        ("", b) => b.to_owned(),
        (a, b) => format!("{a} — {b}"),
    }
}

fn lines(items: impl Iterator<Item = String>) -> Vec<String> {
    items.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

/// Is `group` a usable label (after trimming: 1–60 characters, no control characters)?
pub fn group_ok(group: &str) -> bool {
    let g = group.trim();
    !g.is_empty() && g.chars().count() <= MAX_GROUP_CHARS && !g.chars().any(char::is_control)
}

// --- Reading a participant file ---

/// Why a participant file is refused. Each has its own message for the trainer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportProblem {
    /// Larger than [`MAX_FILE_BYTES`]: not read.
    TooLarge,
    /// The file ends in the middle (a copy that broke off).
    Truncated,
    /// Not a text file of this kind at all (not JSON, not UTF-8).
    Unreadable,
    /// JSON, but not a participant file of Samen Kijken (another app's file, a backup, a plan).
    Foreign,
    /// Made by a newer Samen Kijken.
    NewerFormat,
    /// A practice case this app does not ship.
    UnknownCase,
    /// Another version of the practice case than this app ships.
    CaseVersion,
    /// The file names persons, behaviours or answers the case does not have, or is damaged inside.
    Invalid,
    /// No name or group label.
    GroupMissing,
    /// A group with this label is already on the screen (or twice in the files chosen).
    DuplicateGroup,
    /// Work on another practice case than the works already on the screen.
    OtherCase,
}

/// Reads one participant file (already within [`MAX_FILE_BYTES`]) against the shipped practice cases.
pub fn read_work(bytes: &[u8], cases: &[PracticeCase], catalogue: &Catalogue) -> Result<ParticipantWork, ImportProblem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportProblem::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportProblem::Unreadable)?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportProblem::Truncated,
        _ => ImportProblem::Unreadable,
    })?;
    let header = value.as_object().ok_or(ImportProblem::Foreign)?;
    if header.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportProblem::Foreign);
    }
    match header.get("format_version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(v) if v > u64::from(FORMAT_VERSION) => return Err(ImportProblem::NewerFormat),
        _ => return Err(ImportProblem::Invalid),
    }
    let case_id = header.get("practice_case_id").and_then(|v| v.as_str()).ok_or(ImportProblem::Invalid)?;
    let case = cases.iter().find(|c| c.id == case_id).ok_or(ImportProblem::UnknownCase)?;
    if header.get("practice_case_version").and_then(serde_json::Value::as_u64) != Some(u64::from(case.version)) {
        return Err(ImportProblem::CaseVersion);
    }
    let work: ParticipantWork = serde_json::from_value(value).map_err(|_| ImportProblem::Invalid)?;
    if work.group.trim().is_empty() {
        return Err(ImportProblem::GroupMissing);
    }
    if !group_ok(&work.group) {
        return Err(ImportProblem::Invalid);
    }
    validate(&work, case, catalogue)?;
    Ok(ParticipantWork { group: work.group.trim().to_owned(), ..work })
}

fn validate(work: &ParticipantWork, case: &PracticeCase, catalogue: &Catalogue) -> Result<(), ImportProblem> {
    let person_ok = |p: &str| {
        case.person(p).is_some()
            || p.strip_prefix(ADDED_PERSON).is_some_and(|n| n.chars().count() <= MAX_GROUP_CHARS && !n.chars().any(char::is_control))
    };
    let text_ok = |t: &str| t.chars().count() <= MAX_TEXT_CHARS;
    let ok = work.records.len() <= MAX_RECORDS
        && work.records.iter().all(|r| {
            person_ok(&r.actor)
                && person_ok(&r.target)
                && person_ok(&r.source)
                && catalogue.item(&r.behaviour).is_some()
                && (r.stance == WorkStance::Reported) == r.frequency.is_some()
        })
        && work.top3.len() <= 3
        && work.top3.iter().all(|w| text_ok(&w.situation) && text_ok(&w.impact))
        && work.patterns.iter().all(|p| p.partners.iter().all(|x| person_ok(x)) && verdict_ok(&p.verdict))
        && work.profiles.iter().map(|p| p.profile).collect::<BTreeSet<_>>().len() == work.profiles.len()
        && work.profiles.iter().all(|p| verdict_ok(&p.verdict))
        && work.red_flags.iter().map(|f| f.flag).collect::<BTreeSet<_>>().len() == work.red_flags.len()
        && work.red_flags.iter().all(|f| verdict_ok(&f.verdict))
        && verdict_ok(&work.severity.verdict)
        && work.meldcode.iter().all(|m| (1..=5).contains(&m.question))
        && work.meldcode.iter().map(|m| m.question).collect::<BTreeSet<_>>().len() == work.meldcode.len()
        && [&work.plan.conditions, &work.plan.acute, &work.plan.directe_veiligheid, &work.plan.duurzame_veiligheid, &work.plan.herstel]
            .iter()
            .all(|l| l.len() <= MAX_PLAN_LINES && l.iter().all(|t| text_ok(t)));
    if ok { Ok(()) } else { Err(ImportProblem::Invalid) }
}

fn verdict_ok(v: &WorkVerdict) -> bool {
    match v {
        WorkVerdict::Changed { to } => to.chars().count() <= MAX_TEXT_CHARS,
        _ => true,
    }
}

/// Adds `new` works to the `present` ones: refused as a whole when any would repeat a group label or is
/// about another case than the others. Returns the problem of each refused work by its index in `new`.
pub fn check_batch(present: &[ParticipantWork], new: &[ParticipantWork]) -> Vec<(usize, ImportProblem)> {
    let mut groups: BTreeSet<String> = present.iter().map(|w| w.group.to_lowercase()).collect();
    let case = present.first().or(new.first()).map(|w| (w.practice_case_id.clone(), w.practice_case_version));
    let mut refused = Vec::new();
    for (i, w) in new.iter().enumerate() {
        if case.as_ref().is_some_and(|(id, v)| *id != w.practice_case_id || *v != w.practice_case_version) {
            refused.push((i, ImportProblem::OtherCase));
        } else if !groups.insert(w.group.to_lowercase()) {
            refused.push((i, ImportProblem::DuplicateGroup));
        }
    }
    refused
}

// --- The comparison ---

/// How many of a row's groups (or of a group's items) agree with the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgreementFigure {
    pub agreed: u32,
    pub of: u32,
    /// Rounded to a whole percent (0 when there is nothing to compare).
    pub percent: u32,
}

impl AgreementFigure {
    fn of(flags: impl IntoIterator<Item = bool>) -> AgreementFigure {
        let (mut agreed, mut of) = (0u32, 0u32);
        for f in flags {
            of += 1;
            agreed += u32::from(f);
        }
        let percent = if of == 0 { 0 } else { (agreed * 100 + of / 2) / of };
        AgreementFigure { agreed, of, percent }
    }
}

/// One group's choice for a conclusion: the id it chose (or, changed, its own words), how it judged the
/// analysis, and whether that agrees with the reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GroupChoice {
    /// The id chosen (a severity category, a pattern kind, a profile strength), or `None` when the group
    /// changed or rejected the analysis' conclusion, or has none.
    pub value: Option<String>,
    /// For a pattern: the persons it names.
    pub by: Option<String>,
    pub violent_resistance_by: Option<String>,
    pub verdict: WorkVerdict,
    pub agrees: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GroupColumn {
    pub group: String,
    /// Over every compared item: records found, red flags, severity, patterns, likely profiles,
    /// Meldcode answers and the phase.
    pub agreement: AgreementFigure,
    /// Records the group made that the reference does not have (not wrong in itself: a talking point).
    pub extra_records: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComparedPerson {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecordRow {
    pub id: String,
    pub actor: String,
    pub target: String,
    pub behaviour: String,
    pub behaviour_label: String,
    pub source: String,
    pub stance: WorkStance,
    /// Per group: did it record this (same actor, target, behaviour and source)?
    pub found: Vec<bool>,
    pub agreement: AgreementFigure,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RedFlagRow {
    pub flag: RedFlag,
    /// In the reference (else only some groups saw it).
    pub in_reference: bool,
    /// Per group: spotted (present in its analysis and not rejected).
    pub spotted: Vec<bool>,
    pub agreement: AgreementFigure,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SeverityRow {
    pub reference: SeverityCategory,
    pub choices: Vec<GroupChoice>,
    pub agreement: AgreementFigure,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PatternRow {
    pub partners: [String; 2],
    pub reference: PatternChoice,
    pub choices: Vec<GroupChoice>,
    pub agreement: AgreementFigure,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileRow {
    pub profile: ProfileKind,
    pub reference_strength: String,
    pub reference_likely: bool,
    /// AgreementFigure is on "likely or not" (the strengths below it are talking points).
    pub choices: Vec<GroupChoice>,
    pub agreement: AgreementFigure,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeldcodeRow {
    pub question: u8,
    pub reference: MeldcodeAnswer,
    /// Per group: its latest answer, if it answered.
    pub answers: Vec<Option<MeldcodeAnswer>>,
    pub agrees: Vec<bool>,
    pub agreement: AgreementFigure,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PhaseRow {
    pub reference: Phase,
    pub choices: Vec<Phase>,
    pub agrees: Vec<bool>,
    pub agreement: AgreementFigure,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Top3Row {
    pub reference: Vec<String>,
    /// Per group, its top 3 as written.
    pub groups: Vec<Vec<WorkWorry>>,
}

/// Every group's work beside the reference of one practice case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Comparison {
    pub practice_case_id: String,
    pub practice_case_version: u32,
    pub title: String,
    pub persons: Vec<ComparedPerson>,
    pub groups: Vec<GroupColumn>,
    pub records: Vec<RecordRow>,
    pub red_flags: Vec<RedFlagRow>,
    pub severity: SeverityRow,
    pub patterns: Vec<PatternRow>,
    pub profiles: Vec<ProfileRow>,
    pub meldcode: Vec<MeldcodeRow>,
    pub phase: PhaseRow,
    pub top3: Top3Row,
    /// Over every item and group.
    pub agreement: AgreementFigure,
}

fn record_stance(s: RecordStance) -> WorkStance {
    match s {
        RecordStance::Reported => WorkStance::Reported,
        RecordStance::Denied => WorkStance::Denied,
        RecordStance::Unknown => WorkStance::Unknown,
    }
}

fn choice(value: Option<String>, verdict: &WorkVerdict, same: impl Fn(&str) -> bool) -> GroupChoice {
    // A changed conclusion is the group's own words: it agrees only when it names the reference's id.
    let (value, agrees) = match verdict {
        WorkVerdict::Rejected => (None, false),
        WorkVerdict::Changed { to } => (None, same(to.trim())),
        WorkVerdict::Open | WorkVerdict::Confirmed => (value.clone(), value.as_deref().is_some_and(&same)),
    };
    GroupChoice { value, by: None, violent_resistance_by: None, verdict: verdict.clone(), agrees }
}

/// Lays `works` (all about `case`, checked by [`check_batch`]) beside the case's reference.
pub fn compare(case: &PracticeCase, works: &[ParticipantWork], catalogue: &Catalogue) -> Comparison {
    let r = &case.reference;
    let mut per_group: Vec<Vec<bool>> = vec![Vec::new(); works.len()];
    let mut note = |flags: &[bool]| {
        for (g, f) in flags.iter().enumerate() {
            per_group[g].push(*f);
        }
    };

    let key = |w: &WorkRecord| (w.actor.clone(), w.target.clone(), w.behaviour.clone(), w.source.clone());
    let made: Vec<BTreeSet<(String, String, String, String)>> = works.iter().map(|w| w.records.iter().map(key).collect()).collect();
    let reference_keys: BTreeSet<(String, String, String, String)> =
        r.records.iter().map(|x| (x.actor.clone(), x.target.clone(), x.behaviour.clone(), x.source.clone())).collect();
    let records: Vec<RecordRow> = r
        .records
        .iter()
        .map(|x| {
            let k = (x.actor.clone(), x.target.clone(), x.behaviour.clone(), x.source.clone());
            let found: Vec<bool> = made.iter().map(|m| m.contains(&k)).collect();
            note(&found);
            RecordRow {
                id: x.id.clone(),
                actor: x.actor.clone(),
                target: x.target.clone(),
                behaviour: x.behaviour.clone(),
                behaviour_label: catalogue.item(&x.behaviour).map(|b| b.label.clone()).unwrap_or_default(),
                source: x.source.clone(),
                stance: record_stance(x.stance),
                agreement: AgreementFigure::of(found.iter().copied()),
                found,
            }
        })
        .collect();

    let spotted = |w: &ParticipantWork, flag: RedFlag| w.red_flags.iter().any(|f| f.flag == flag && f.verdict != WorkVerdict::Rejected);
    let reference_flags: Vec<RedFlag> = r.red_flags.iter().map(|f| f.flag).collect();
    let mut flags: Vec<RedFlag> = reference_flags.clone();
    for f in RedFlag::ALL {
        if !flags.contains(&f) && works.iter().any(|w| spotted(w, f)) {
            flags.push(f);
        }
    }
    let red_flags = flags
        .into_iter()
        .map(|flag| {
            let in_reference = reference_flags.contains(&flag);
            let seen: Vec<bool> = works.iter().map(|w| spotted(w, flag)).collect();
            let agrees: Vec<bool> = seen.iter().map(|s| *s == in_reference).collect();
            note(&agrees);
            RedFlagRow { flag, in_reference, agreement: AgreementFigure::of(agrees), spotted: seen }
        })
        .collect();

    let severity_choices: Vec<GroupChoice> = works
        .iter()
        .map(|w| choice(Some(w.severity.category.id().to_owned()), &w.severity.verdict, |v| v == r.severity.id()))
        .collect();
    let agrees: Vec<bool> = severity_choices.iter().map(|c| c.agrees).collect();
    note(&agrees);
    let severity = SeverityRow { reference: r.severity, agreement: AgreementFigure::of(agrees), choices: severity_choices };

    let patterns = r
        .patterns
        .iter()
        .map(|p| {
            let mut partners = p.partners.clone();
            partners.sort();
            let reference = PatternChoice {
                kind: reference_pattern_id(p.pattern).to_owned(),
                by: p.by.clone(),
                violent_resistance_by: p.violent_resistance_by.clone(),
            };
            let choices: Vec<GroupChoice> = works
                .iter()
                .map(|w| match w.patterns.iter().find(|x| x.partners == partners) {
                    None => GroupChoice { value: None, by: None, violent_resistance_by: None, verdict: WorkVerdict::Open, agrees: false },
                    Some(x) => {
                        let mut c = choice(Some(x.pattern.kind.clone()), &x.verdict, |v| v == reference.kind);
                        if c.value.is_some() {
                            c.by = x.pattern.by.clone();
                            c.violent_resistance_by = x.pattern.violent_resistance_by.clone();
                            c.agrees = x.pattern == reference;
                        }
                        c
                    }
                })
                .collect();
            let agrees: Vec<bool> = choices.iter().map(|c| c.agrees).collect();
            note(&agrees);
            PatternRow { partners, reference, agreement: AgreementFigure::of(agrees), choices }
        })
        .collect();

    let profiles = r
        .profiles
        .iter()
        .map(|p| {
            let reference_likely = p.strength == RefStrength::Waarschijnlijk;
            let choices: Vec<GroupChoice> = works
                .iter()
                .map(|w| match w.profiles.iter().find(|x| x.profile == p.profile) {
                    None => GroupChoice { value: None, by: None, violent_resistance_by: None, verdict: WorkVerdict::Open, agrees: false },
                    Some(x) => {
                        let mut c = choice(Some(x.strength.clone()), &x.verdict, |v| (v == "waarschijnlijk") == reference_likely);
                        if c.value.is_some() {
                            c.agrees = x.likely == reference_likely;
                        } else if x.verdict == WorkVerdict::Rejected {
                            // Rejecting the hypothesis says "not likely".
                            c.agrees = !reference_likely;
                        }
                        c
                    }
                })
                .collect();
            let agrees: Vec<bool> = choices.iter().map(|c| c.agrees).collect();
            note(&agrees);
            ProfileRow {
                profile: p.profile,
                reference_strength: reference_strength_id(p.strength).to_owned(),
                reference_likely,
                agreement: AgreementFigure::of(agrees),
                choices,
            }
        })
        .collect();

    let mut weighing: Vec<_> = r.meldcode.answers.iter().collect();
    weighing.sort_by_key(|a| a.question);
    let meldcode = weighing
        .into_iter()
        .map(|a| {
            let answers: Vec<Option<MeldcodeAnswer>> =
                works.iter().map(|w| w.meldcode.iter().find(|m| m.question == a.question).map(|m| m.answer)).collect();
            let agrees: Vec<bool> = answers.iter().map(|x| *x == Some(a.answer)).collect();
            note(&agrees);
            MeldcodeRow { question: a.question, reference: a.answer, answers, agreement: AgreementFigure::of(agrees.iter().copied()), agrees }
        })
        .collect();

    let choices: Vec<Phase> = works.iter().map(|w| w.phase).collect();
    let agrees: Vec<bool> = choices.iter().map(|p| *p == r.phase).collect();
    note(&agrees);
    let phase = PhaseRow { reference: r.phase, choices, agreement: AgreementFigure::of(agrees.iter().copied()), agrees };

    let mut top = r.top3.clone();
    top.sort_by_key(|t| t.rank);
    let top3 = Top3Row { reference: top.into_iter().map(|t| t.situation.trim().to_owned()).collect(), groups: works.iter().map(|w| w.top3.clone()).collect() };

    let groups: Vec<GroupColumn> = works
        .iter()
        .zip(&per_group)
        .zip(&made)
        .map(|((w, flags), m)| GroupColumn {
            group: w.group.clone(),
            agreement: AgreementFigure::of(flags.iter().copied()),
            extra_records: u32::try_from(m.difference(&reference_keys).count()).unwrap_or(u32::MAX),
        })
        .collect();
    let agreement = AgreementFigure::of(per_group.iter().flatten().copied());

    Comparison {
        practice_case_id: case.id.clone(),
        practice_case_version: case.version,
        title: case.title.clone(),
        persons: case.persons.iter().map(|p| ComparedPerson { id: p.id.clone(), name: p.name.clone() }).collect(),
        groups,
        records,
        red_flags,
        severity,
        patterns,
        profiles,
        meldcode,
        phase,
        top3,
        agreement,
    }
}
