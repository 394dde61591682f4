//! The Meldcode (`Meldcode huiselijk geweld en kindermishandeling`) log model (domain.md §8).
//!
//! The steps and weighing questions are data (`assets/meldcode/`), including the added questions on
//! partner-violence dynamics and coercive control. Questions 1–2 belong to step 4 (weighing), 3–5 to
//! step 5 (deciding). The log records each answer with date, rationale, who was consulted and links to
//! the evidence; `meldcode_status` summarises it and states the **reporting norms**: a "ja" on
//! question 2, or a "nee" on question 3, 4 or 5, means the norm points to reporting to Veilig Thuis;
//! a "ja" on question 5 means closing with agreements on monitoring. The app states the norm, the
//! professional decides and records the decision (`besluit.melden`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::DomainError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeldcodeStep {
    /// 1–5.
    pub number: u8,
    pub id: String,
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WeighingKind {
    /// One of the five questions of the afwegingskader.
    Core,
    /// Added by Samen Kijken: partner-violence dynamics and coercive control.
    Added,
    /// The professional's own decision: report to Veilig Thuis or not ([`QUESTION_DECISION`]).
    Decision,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WeighingQuestion {
    pub id: String,
    /// Core questions: 1–5. Added questions are asked together with the core question they follow.
    pub number: u8,
    /// The Meldcode step the question belongs to: 4 (questions 1–2) or 5 (questions 3–5, decision).
    pub step: u8,
    pub kind: WeighingKind,
    pub text: String,
    pub help: String,
    /// What a "yes" means for the next step (e.g. question 2: report to Veilig Thuis).
    #[serde(default)]
    pub if_yes: String,
    #[serde(default)]
    pub if_no: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeldcodeModel {
    pub version: u32,
    pub steps: Vec<MeldcodeStep>,
    pub questions: Vec<WeighingQuestion>,
    pub norms: NormTexts,
}

/// The texts the app shows for each reporting norm (data, Dutch).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NormTexts {
    /// Question 2 "ja": report, then answer 3–5 together with Veilig Thuis; the help goes on.
    pub report_unsafety: String,
    /// Question 3 or 4 "nee": report.
    pub report_no_help: String,
    /// Question 5 "nee": report (again).
    pub report_again: String,
    /// Question 5 "ja": close with agreements on monitoring.
    pub close_with_monitoring: String,
    /// The professional decides and records the decision.
    pub decide: String,
}

/// Id of core weighing question 2 (acute or structural unsafety): "yes" means report.
pub const QUESTION_UNSAFETY: &str = "afweging.2";
/// Core question 3: can I offer or organise effective help to avert the danger?
pub const QUESTION_HELP: &str = "afweging.3";
/// Core question 4: do those involved accept that help and commit to it?
pub const QUESTION_ACCEPTED: &str = "afweging.4";
/// Core question 5: does the help lead, in the agreed time, to lasting safety of all involved?
pub const QUESTION_LASTING_SAFETY: &str = "afweging.5";
/// The professional's decision: "yes" = reported to Veilig Thuis, "no" = not reported (with why).
pub const QUESTION_DECISION: &str = "besluit.melden";

/// What a norm says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReportingNorm {
    /// Question 2 "ja": acute or structural unsafety.
    ReportUnsafety,
    /// Question 3 "nee": no effective help possible.
    ReportNoHelp,
    /// Question 4 "nee": help not accepted.
    ReportNotAccepted,
    /// Question 5 "nee": no lasting safety: report (again).
    ReportAgain,
    /// Question 5 "ja": close with agreements on monitoring.
    CloseWithMonitoring,
}

impl ReportingNorm {
    pub fn points_to_reporting(self) -> bool {
        self != ReportingNorm::CloseWithMonitoring
    }
}

/// A norm an answer triggers, with the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NormFinding {
    pub norm: ReportingNorm,
    pub question_id: String,
    pub entry: Uuid,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MeldcodeAnswer {
    Yes,
    No,
    NotYet,
    /// For steps: done.
    Done,
}

/// A link from a log entry to what it rests on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum EvidenceLink {
    Record { id: Uuid },
    Answer { id: Uuid },
    Conversation { id: Uuid },
    /// A conclusion of the analysis, by its key (e.g. `redflag:strangulation`).
    Conclusion { key: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Consulted {
    /// e.g. "aandachtsfunctionaris", "Veilig Thuis", a colleague's role.
    pub who: String,
    pub organisation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeldcodeEntry {
    pub id: Uuid,
    pub case_id: Uuid,
    /// The step (1–5) this entry belongs to.
    pub step: u8,
    /// The weighing question answered, if this entry answers one.
    pub question_id: Option<String>,
    pub date: NaiveDate,
    pub answer: MeldcodeAnswer,
    pub rationale: String,
    pub consulted: Vec<Consulted>,
    pub evidence: Vec<EvidenceLink>,
    pub recorded_at: DateTime<Utc>,
}

impl MeldcodeEntry {
    pub fn validate(&self, model: &MeldcodeModel) -> Result<(), DomainError> {
        if !model.steps.iter().any(|s| s.number == self.step) {
            return Err(DomainError::Invalid("unknown Meldcode step"));
        }
        if let Some(q) = &self.question_id {
            let Some(w) = model.questions.iter().find(|w| &w.id == q) else {
                return Err(DomainError::Invalid("unknown weighing question"));
            };
            if w.step != self.step {
                return Err(DomainError::Invalid("weighing question belongs to another Meldcode step"));
            }
        }
        if self.rationale.trim().is_empty() {
            return Err(DomainError::Empty("rationale"));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepStatus {
    pub number: u8,
    pub latest: Option<MeldcodeEntry>,
    /// Open, under way or done: a finished step looks finished.
    pub state: StepState,
    /// What the case already holds for this step (signals and conversations, consultations), so the
    /// professional can point to it instead of writing it again.
    pub known: Vec<StepFact>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StepState {
    /// Nothing recorded for it yet.
    Open,
    /// Something is recorded, but the step is not done (answered "nog niet", or questions still open).
    InProgress,
    /// Recorded as done; for steps 4 and 5: every question answered (step 5: the decision recorded).
    Done,
}

/// Something the case already holds that belongs to a Meldcode step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum StepFact {
    /// Behaviour records in the case (step 1: signals).
    Records { count: u32 },
    /// A conversation held, on its (Dutch) date, with these persons (steps 1 and 3).
    Conversation { conversation: Uuid, date: NaiveDate, participants: Vec<Uuid> },
    /// Someone consulted, as recorded with another Meldcode entry (step 2).
    Consulted { who: String, organisation: String, date: NaiveDate, entry: Uuid },
    /// Veilig Thuis consulted as one of the actions of an acute decision (step 2).
    AcuteConsult { decision: Uuid, date: NaiveDate },
}

/// A conversation as the Meldcode sees it: when, and with whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldConversation {
    pub id: Uuid,
    pub date: NaiveDate,
    pub participants: Vec<Uuid>,
}

/// What the case holds outside the Meldcode log that its steps can reuse.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseWork {
    pub conversations: Vec<HeldConversation>,
    pub records: u32,
    /// Acute decisions that included consulting Veilig Thuis: (decision id, date).
    pub acute_consults: Vec<(Uuid, NaiveDate)>,
}

/// The acute action (red-flag data) that means Veilig Thuis was consulted.
pub const ACUTE_ACTION_VEILIG_THUIS: &str = "veilig_thuis";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuestionStatus {
    pub question_id: String,
    pub latest: Option<MeldcodeEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeldcodeStatus {
    pub steps: Vec<StepStatus>,
    pub questions: Vec<QuestionStatus>,
    /// The norms the latest answers trigger, in question order.
    pub norms: Vec<NormFinding>,
    /// A norm points to reporting: question 2 "ja", or 3, 4 or 5 "nee".
    pub report_required: bool,
    /// Question 5 "ja" with no "nee" on 3 or 4: close with agreements on monitoring.
    pub close_with_monitoring: bool,
    /// The professional's latest recorded decision (`besluit.melden`).
    pub decision: Option<MeldcodeEntry>,
    /// A norm points to reporting and no decision was recorded on or after its answer.
    pub decision_required: bool,
    /// Questions (core and added) without an answer yet, in model order.
    pub unanswered: Vec<String>,
}

fn latest<'a>(entries: impl Iterator<Item = &'a MeldcodeEntry>) -> Option<MeldcodeEntry> {
    entries.max_by_key(|e| (e.date, e.recorded_at, e.id)).cloned()
}

/// The latest entry per step and per question, and what follows from them, for a log alone.
pub fn meldcode_status(model: &MeldcodeModel, log: &[MeldcodeEntry]) -> MeldcodeStatus {
    meldcode_status_in(model, log, &CaseWork::default())
}

/// What the case already holds for step `number`.
fn known_for(number: u8, log: &[MeldcodeEntry], work: &CaseWork) -> Vec<StepFact> {
    let conversations = || {
        let mut held: Vec<&HeldConversation> = work.conversations.iter().collect();
        held.sort_by_key(|c| (c.date, c.id));
        held.into_iter()
            .map(|c| StepFact::Conversation { conversation: c.id, date: c.date, participants: c.participants.clone() })
            .collect::<Vec<_>>()
    };
    match number {
        1 => {
            let mut out = Vec::new();
            if work.records > 0 {
                out.push(StepFact::Records { count: work.records });
            }
            out.extend(conversations());
            out
        }
        2 => {
            let mut out: Vec<StepFact> = Vec::new();
            let mut entries: Vec<&MeldcodeEntry> = log.iter().filter(|e| !e.consulted.is_empty()).collect();
            entries.sort_by_key(|e| (e.date, e.recorded_at, e.id));
            for e in entries {
                for c in &e.consulted {
                    let fact = StepFact::Consulted {
                        who: c.who.clone(),
                        organisation: c.organisation.clone(),
                        date: e.date,
                        entry: e.id,
                    };
                    let seen = out.iter().any(|f| matches!(f, StepFact::Consulted { who, organisation, .. } if *who == c.who && *organisation == c.organisation));
                    if !seen {
                        out.push(fact);
                    }
                }
            }
            let mut acute = work.acute_consults.clone();
            acute.sort_by_key(|(id, date)| (*date, *id));
            out.extend(acute.into_iter().map(|(decision, date)| StepFact::AcuteConsult { decision, date }));
            out
        }
        3 => conversations(),
        _ => Vec::new(),
    }
}

/// The state of one step: its own entry, and for steps 4 and 5 the questions that belong to it.
fn state_of(
    number: u8,
    own: Option<&MeldcodeEntry>,
    questions: &[QuestionStatus],
    model: &MeldcodeModel,
    decided: bool,
    known: &[StepFact],
) -> StepState {
    let own_done = own.is_some_and(|e| matches!(e.answer, MeldcodeAnswer::Done | MeldcodeAnswer::Yes));
    let belongs: Vec<&QuestionStatus> = questions
        .iter()
        .filter(|q| model.questions.iter().any(|w| w.id == q.question_id && w.step == number && w.kind != WeighingKind::Decision))
        .collect();
    let answered = |q: &&QuestionStatus| q.latest.as_ref().is_some_and(|e| e.answer != MeldcodeAnswer::NotYet);
    // A question recorded as "nog niet" was looked at: the step is under way, not done.
    let some_recorded = belongs.iter().any(|q| q.latest.is_some());
    let all_answered = !belongs.is_empty() && belongs.iter().all(answered);
    let done = match number {
        4 => all_answered || own_done,
        // Deciding is done when the decision is recorded.
        5 => decided,
        _ => own_done,
    };
    if done {
        StepState::Done
    } else if own.is_some() || some_recorded || !known.is_empty() {
        StepState::InProgress
    } else {
        StepState::Open
    }
}

/// The latest entry per step and per question, what follows from them, and per step what the case
/// already holds for it.
pub fn meldcode_status_in(model: &MeldcodeModel, log: &[MeldcodeEntry], work: &CaseWork) -> MeldcodeStatus {
    let own_latest =
        |n: u8| latest(log.iter().filter(|e| e.step == n && e.question_id.is_none()));
    let questions: Vec<QuestionStatus> = model
        .questions
        .iter()
        .map(|q| QuestionStatus {
            question_id: q.id.clone(),
            latest: latest(log.iter().filter(|e| e.question_id.as_deref() == Some(q.id.as_str()))),
        })
        .collect();
    let answer_of = |id: &str| questions.iter().find(|q| q.question_id == id).and_then(|q| q.latest.as_ref());
    let mut norms = Vec::new();
    let rules = [
        (QUESTION_UNSAFETY, MeldcodeAnswer::Yes, ReportingNorm::ReportUnsafety),
        (QUESTION_HELP, MeldcodeAnswer::No, ReportingNorm::ReportNoHelp),
        (QUESTION_ACCEPTED, MeldcodeAnswer::No, ReportingNorm::ReportNotAccepted),
        (QUESTION_LASTING_SAFETY, MeldcodeAnswer::No, ReportingNorm::ReportAgain),
        (QUESTION_LASTING_SAFETY, MeldcodeAnswer::Yes, ReportingNorm::CloseWithMonitoring),
    ];
    for (q, answer, norm) in rules {
        if let Some(e) = answer_of(q).filter(|e| e.answer == answer) {
            norms.push(NormFinding { norm, question_id: q.to_owned(), entry: e.id, date: e.date });
        }
    }
    let report_required = norms.iter().any(|n| n.norm.points_to_reporting());
    let no_help = norms.iter().any(|n| matches!(n.norm, ReportingNorm::ReportNoHelp | ReportingNorm::ReportNotAccepted));
    let close_with_monitoring = norms.iter().any(|n| n.norm == ReportingNorm::CloseWithMonitoring) && !no_help;
    let decision = latest(log.iter().filter(|e| e.question_id.as_deref() == Some(QUESTION_DECISION)))
        .filter(|e| matches!(e.answer, MeldcodeAnswer::Yes | MeldcodeAnswer::No));
    let newest_norm = norms.iter().filter(|n| n.norm.points_to_reporting()).map(|n| n.date).max();
    let decision_required = match (newest_norm, &decision) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(d), Some(e)) => e.date < d,
    };
    let unanswered = questions
        .iter()
        .filter(|q| q.question_id != QUESTION_DECISION)
        .filter(|q| q.latest.as_ref().is_none_or(|e| e.answer == MeldcodeAnswer::NotYet))
        .map(|q| q.question_id.clone())
        .collect();
    let decided = decision.is_some() && !decision_required;
    let steps = model
        .steps
        .iter()
        .map(|s| {
            let latest = own_latest(s.number);
            let known = known_for(s.number, log, work);
            let state = state_of(s.number, latest.as_ref(), &questions, model, decided, &known);
            StepStatus { number: s.number, latest, state, known }
        })
        .collect();
    MeldcodeStatus { steps, questions, norms, report_required, close_with_monitoring, decision, decision_required, unanswered }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> MeldcodeModel {
        let step = |n: u8| MeldcodeStep { number: n, id: format!("stap.{n}"), title: "t".into(), description: "d".into() };
        let q = |id: &str, n: u8, kind| WeighingQuestion {
            id: id.into(),
            number: n,
            step: if n <= 2 { 4 } else { 5 },
            kind,
            text: "t".into(),
            help: "h".into(),
            if_yes: String::new(),
            if_no: String::new(),
        };
        MeldcodeModel {
            version: 1,
            steps: (1..=5).map(step).collect(),
            questions: vec![
                q("afweging.1", 1, WeighingKind::Core),
                q(QUESTION_UNSAFETY, 2, WeighingKind::Core),
                q("afweging.2a", 2, WeighingKind::Added),
                q(QUESTION_HELP, 3, WeighingKind::Core),
                q(QUESTION_ACCEPTED, 4, WeighingKind::Core),
                q(QUESTION_LASTING_SAFETY, 5, WeighingKind::Core),
                q(QUESTION_DECISION, 5, WeighingKind::Decision),
            ],
            norms: NormTexts {
                report_unsafety: "a".into(),
                report_no_help: "b".into(),
                report_again: "c".into(),
                close_with_monitoring: "d".into(),
                decide: "e".into(),
            },
        }
    }

    fn entry(step: u8, q: Option<&str>, day: u32, answer: MeldcodeAnswer) -> MeldcodeEntry {
        MeldcodeEntry {
            id: Uuid::from_u128(day as u128),
            case_id: Uuid::nil(),
            step,
            question_id: q.map(str::to_owned),
            date: NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
            answer,
            rationale: "zie gespreksverslag".into(),
            consulted: vec![Consulted { who: "aandachtsfunctionaris".into(), organisation: "wijkteam".into() }],
            evidence: vec![EvidenceLink::Conclusion { key: "redflag:strangulation".into() }],
            recorded_at: DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn latest_answer_counts_and_question_two_yes_requires_a_report() {
        let m = model();
        let log = vec![
            entry(1, None, 1, MeldcodeAnswer::Done),
            entry(4, Some("afweging.1"), 2, MeldcodeAnswer::Yes),
            entry(4, Some(QUESTION_UNSAFETY), 3, MeldcodeAnswer::No),
            entry(4, Some(QUESTION_UNSAFETY), 5, MeldcodeAnswer::Yes),
        ];
        let s = meldcode_status(&m, &log);
        assert!(s.report_required);
        assert_eq!(s.unanswered, vec!["afweging.2a", QUESTION_HELP, QUESTION_ACCEPTED, QUESTION_LASTING_SAFETY]);
        assert_eq!(s.steps[0].latest.as_ref().map(|e| e.answer), Some(MeldcodeAnswer::Done));
        assert!(s.steps[1].latest.is_none());

        let s = meldcode_status(&m, &log[..3]);
        assert!(!s.report_required);
    }

    /// The reporting norm for every combination of answers on questions 2–5 (§8).
    #[test]
    fn reporting_norm_per_answer_combination() {
        use MeldcodeAnswer::*;
        let m = model();
        let options = [None, Some(Yes), Some(No), Some(NotYet)];
        let mut rows = 0;
        for q2 in options {
            for q3 in options {
                for q4 in options {
                    for q5 in options {
                        let mut log = Vec::new();
                        for (i, (q, a)) in [(QUESTION_UNSAFETY, q2), (QUESTION_HELP, q3), (QUESTION_ACCEPTED, q4), (QUESTION_LASTING_SAFETY, q5)]
                            .into_iter()
                            .enumerate()
                        {
                            if let Some(a) = a {
                                let step = if q == QUESTION_UNSAFETY { 4 } else { 5 };
                                log.push(entry(step, Some(q), 2 + i as u32, a));
                            }
                        }
                        let s = meldcode_status(&m, &log);
                        let report = q2 == Some(Yes) || q3 == Some(No) || q4 == Some(No) || q5 == Some(No);
                        let close = q5 == Some(Yes) && q3 != Some(No) && q4 != Some(No);
                        assert_eq!(s.report_required, report, "{q2:?} {q3:?} {q4:?} {q5:?}");
                        assert_eq!(s.close_with_monitoring, close, "{q2:?} {q3:?} {q4:?} {q5:?}");
                        assert_eq!(s.decision_required, report, "no decision recorded yet");
                        let norms: Vec<ReportingNorm> = s.norms.iter().map(|n| n.norm).collect();
                        assert_eq!(norms.contains(&ReportingNorm::ReportUnsafety), q2 == Some(Yes));
                        assert_eq!(norms.contains(&ReportingNorm::ReportNoHelp), q3 == Some(No));
                        assert_eq!(norms.contains(&ReportingNorm::ReportNotAccepted), q4 == Some(No));
                        assert_eq!(norms.contains(&ReportingNorm::ReportAgain), q5 == Some(No));
                        rows += 1;
                    }
                }
            }
        }
        assert_eq!(rows, 256);
    }

    #[test]
    fn a_recorded_decision_answers_the_norm_until_a_newer_norm() {
        let m = model();
        let mut log = vec![entry(5, Some(QUESTION_HELP), 3, MeldcodeAnswer::No)];
        assert!(meldcode_status(&m, &log).decision_required);
        // "Not yet" is no decision.
        log.push(entry(5, Some(QUESTION_DECISION), 4, MeldcodeAnswer::NotYet));
        assert!(meldcode_status(&m, &log).decision_required);
        log.push(entry(5, Some(QUESTION_DECISION), 5, MeldcodeAnswer::Yes));
        let s = meldcode_status(&m, &log);
        assert!(s.report_required && !s.decision_required);
        assert_eq!(s.decision.as_ref().map(|e| e.answer), Some(MeldcodeAnswer::Yes));
        assert!(!s.unanswered.contains(&QUESTION_DECISION.to_string()));
        // A later "nee" on question 5 asks for a decision again.
        log.push(entry(5, Some(QUESTION_LASTING_SAFETY), 9, MeldcodeAnswer::No));
        assert!(meldcode_status(&m, &log).decision_required);
        // Same day counts as answered.
        log.push(entry(5, Some(QUESTION_DECISION), 9, MeldcodeAnswer::No));
        assert!(!meldcode_status(&m, &log).decision_required);
    }

    #[test]
    fn entries_are_validated_against_the_model() {
        let m = model();
        assert_eq!(entry(4, Some("afweging.1"), 2, MeldcodeAnswer::Yes).validate(&m), Ok(()));
        assert!(entry(6, None, 2, MeldcodeAnswer::Done).validate(&m).is_err());
        assert!(entry(4, Some("afweging.9"), 2, MeldcodeAnswer::Yes).validate(&m).is_err());
        // Questions 3–5 belong to step 5, questions 1–2 to step 4.
        assert!(entry(4, Some(QUESTION_HELP), 2, MeldcodeAnswer::No).validate(&m).is_err());
        assert_eq!(entry(5, Some(QUESTION_HELP), 2, MeldcodeAnswer::No).validate(&m), Ok(()));
        assert!(entry(5, Some(QUESTION_UNSAFETY), 2, MeldcodeAnswer::Yes).validate(&m).is_err());
        let mut e = entry(4, None, 2, MeldcodeAnswer::Done);
        e.rationale = " ".into();
        assert_eq!(e.validate(&m), Err(DomainError::Empty("rationale")));
    }

    /// The step states for a log whose entries name nobody consulted (a consultation puts step 2 under way).
    fn states(log: &[MeldcodeEntry], work: &CaseWork) -> Vec<StepState> {
        let log: Vec<MeldcodeEntry> = log.iter().cloned().map(|mut e| { e.consulted.clear(); e }).collect();
        meldcode_status_in(&model(), &log, work).steps.iter().map(|s| s.state).collect()
    }

    #[test]
    fn finished_steps_are_done_open_ones_open_and_started_ones_under_way() {
        use MeldcodeAnswer::{Done as Finished, No, NotYet, Yes};
        use StepState::{Done, InProgress, Open};
        let none = CaseWork::default();
        let talked = CaseWork {
            conversations: vec![HeldConversation { id: Uuid::from_u128(7), date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), participants: vec![Uuid::from_u128(1)] }],
            records: 3,
            acute_consults: vec![],
        };
        let consulted = CaseWork { acute_consults: vec![(Uuid::from_u128(9), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap())], ..CaseWork::default() };
        let table: Vec<(&str, Vec<MeldcodeEntry>, &CaseWork, [StepState; 5])> = vec![
            ("nothing recorded", vec![], &none, [Open, Open, Open, Open, Open]),
            ("conversations and records held, steps not yet recorded", vec![], &talked, [InProgress, Open, InProgress, Open, Open]),
            ("step 1 done", vec![entry(1, None, 1, Finished)], &none, [Done, Open, Open, Open, Open]),
            ("step 2 'nog niet'", vec![entry(2, None, 1, NotYet)], &none, [Open, InProgress, Open, Open, Open]),
            ("Veilig Thuis consulted in an acute decision", vec![], &consulted, [Open, InProgress, Open, Open, Open]),
            ("one of the step-4 questions", vec![entry(4, Some("afweging.1"), 1, Yes)], &none, [Open, Open, Open, InProgress, Open]),
            (
                "every step-4 question answered",
                vec![entry(4, Some("afweging.1"), 1, Yes), entry(4, Some(QUESTION_UNSAFETY), 2, No), entry(4, Some("afweging.2a"), 3, No)],
                &none,
                [Open, Open, Open, Done, Open],
            ),
            ("a step-4 question 'nog niet' is not an answer", vec![entry(4, Some("afweging.1"), 1, NotYet)], &none, [Open, Open, Open, InProgress, Open]),
            ("question 3 answered, no decision", vec![entry(5, Some(QUESTION_HELP), 1, Yes)], &none, [Open, Open, Open, Open, InProgress]),
            ("decision recorded", vec![entry(5, Some(QUESTION_DECISION), 1, No)], &none, [Open, Open, Open, Open, Done]),
            (
                "a later norm makes the decision due again",
                vec![entry(5, Some(QUESTION_DECISION), 1, No), entry(5, Some(QUESTION_HELP), 2, No)],
                &none,
                [Open, Open, Open, Open, InProgress],
            ),
        ];
        for (name, log, work, expected) in table {
            assert_eq!(states(&log, work), expected.to_vec(), "{name}");
        }
    }

    #[test]
    fn steps_show_what_the_case_already_holds() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let (sanne, mark) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let work = CaseWork {
            conversations: vec![
                HeldConversation { id: Uuid::from_u128(11), date: day(9), participants: vec![mark] },
                HeldConversation { id: Uuid::from_u128(10), date: day(2), participants: vec![sanne] },
            ],
            records: 4,
            acute_consults: vec![(Uuid::from_u128(20), day(5))],
        };
        // Two entries name the same consultation: it is listed once, with its first date.
        let log = vec![entry(4, Some("afweging.1"), 3, MeldcodeAnswer::Yes), entry(4, Some(QUESTION_UNSAFETY), 6, MeldcodeAnswer::Yes)];
        let status = meldcode_status_in(&model(), &log, &work);
        let known = |n: usize| status.steps[n - 1].known.clone();
        let talk = |id: u128, d: u32, who: Uuid| StepFact::Conversation { conversation: Uuid::from_u128(id), date: day(d), participants: vec![who] };
        assert_eq!(known(1), vec![StepFact::Records { count: 4 }, talk(10, 2, sanne), talk(11, 9, mark)]);
        assert_eq!(
            known(2),
            vec![
                StepFact::Consulted { who: "aandachtsfunctionaris".into(), organisation: "wijkteam".into(), date: day(3), entry: Uuid::from_u128(3) },
                StepFact::AcuteConsult { decision: Uuid::from_u128(20), date: day(5) },
            ]
        );
        assert_eq!(known(3), vec![talk(10, 2, sanne), talk(11, 9, mark)]);
        assert!(known(4).is_empty() && known(5).is_empty());
        // Step 2 is under way because a consultation is known, though nothing is recorded under it.
        assert_eq!(status.steps[1].state, StepState::InProgress);
    }
}
