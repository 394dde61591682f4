//! The Meldcode (`Meldcode huiselijk geweld en kindermishandeling`) log model (domain.md §8).
//!
//! The steps and weighing questions are data (`assets/meldcode/`), including the added questions on
//! partner-violence dynamics and coercive control. The log records each answer with date, rationale,
//! who was consulted and links to the evidence; `meldcode_status` summarises it.

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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WeighingQuestion {
    pub id: String,
    /// Core questions: 1–5. Added questions are asked together with the core question they follow.
    pub number: u8,
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
}

/// Id of core weighing question 2 (acute or structural unsafety): "yes" means report.
pub const QUESTION_UNSAFETY: &str = "afweging.2";

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
            if !model.questions.iter().any(|w| &w.id == q) {
                return Err(DomainError::Invalid("unknown weighing question"));
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
    /// Question 2 answered "yes": acute or structural unsafety means a report to Veilig Thuis.
    pub report_required: bool,
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
    let report_required = questions
        .iter()
        .any(|q| q.question_id == QUESTION_UNSAFETY && q.latest.as_ref().is_some_and(|e| e.answer == MeldcodeAnswer::Yes));
    let unanswered = questions
        .iter()
        .filter(|q| q.latest.as_ref().is_none_or(|e| e.answer == MeldcodeAnswer::NotYet))
        .map(|q| q.question_id.clone())
        .collect();
    MeldcodeStatus { steps, questions, report_required, unanswered }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> MeldcodeModel {
        let step = |n: u8| MeldcodeStep { number: n, id: format!("stap.{n}"), title: "t".into(), description: "d".into() };
        let q = |id: &str, n: u8, kind| WeighingQuestion { id: id.into(), number: n, kind, text: "t".into(), help: "h".into(), if_yes: String::new(), if_no: String::new() };
        MeldcodeModel {
            version: 1,
            steps: (1..=5).map(step).collect(),
            questions: vec![q("afweging.1", 1, WeighingKind::Core), q(QUESTION_UNSAFETY, 2, WeighingKind::Core), q("afweging.2a", 2, WeighingKind::Added)],
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
        assert_eq!(s.unanswered, vec!["afweging.2a".to_string()]);
        assert_eq!(s.steps[0].latest.as_ref().map(|e| e.answer), Some(MeldcodeAnswer::Done));
        assert!(s.steps[1].latest.is_none());

        let s = meldcode_status(&m, &log[..3]);
        assert!(!s.report_required);
    }

    #[test]
    fn entries_are_validated_against_the_model() {
        let m = model();
        assert_eq!(entry(4, Some("afweging.1"), 2, MeldcodeAnswer::Yes).validate(&m), Ok(()));
        assert!(entry(6, None, 2, MeldcodeAnswer::Done).validate(&m).is_err());
        assert!(entry(4, Some("afweging.9"), 2, MeldcodeAnswer::Yes).validate(&m).is_err());
        let mut e = entry(4, None, 2, MeldcodeAnswer::Done);
        e.rationale = " ".into();
        assert_eq!(e.validate(&m), Err(DomainError::Empty("rationale")));
    }
}
