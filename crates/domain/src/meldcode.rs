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
}

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

/// The latest entry per step and per question, and what follows from them.
pub fn meldcode_status(model: &MeldcodeModel, log: &[MeldcodeEntry]) -> MeldcodeStatus {
    let steps = model
        .steps
        .iter()
        .map(|s| StepStatus { number: s.number, latest: latest(log.iter().filter(|e| e.step == s.number && e.question_id.is_none())) })
        .collect();
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
}
