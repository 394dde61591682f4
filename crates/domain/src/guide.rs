//! The conversation guides (`gespreksleidraad`) as data (domain.md §4).
//!
//! A guide has an id and a version (a conversation records both), an audience, reminders for the
//! professional, and sections of questions. A question can `feed` an indicator: that is how a yes/no
//! answer such as "zijn er schulden?" becomes evidence for a family profile or a red flag.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{AnswerValue, BehaviourCategory, YesNoUnknown};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GuideAudience {
    AdultPartner,
    Child4To7,
    Child8To11,
    Child12To17,
    /// A child under 4: observed, not interviewed.
    ChildObservation,
    Network,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum AnswerType {
    Text,
    Choice { options: Vec<ChoiceOption> },
    /// 0–10 with the meaning of both ends.
    Scale { low: String, high: String },
    YesNoUnknown,
    /// Answered by making behaviour records; `categories` narrows the catalogue shown.
    BehaviourRecord { categories: Vec<BehaviourCategory> },
}

/// When an answer to a question marks an indicator as present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "when", rename_all = "snake_case")]
#[ts(export)]
pub enum Feed {
    /// A yes/no/unknown answer of "yes".
    Yes { indicator: String },
    /// One of these options chosen.
    Choice { indicator: String, options: Vec<String> },
    /// A scale answer at or below `value`.
    ScaleAtMost { indicator: String, value: u8 },
    /// A scale answer at or above `value`.
    ScaleAtLeast { indicator: String, value: u8 },
    /// Any non-empty answer: the question was asked and answered (e.g. `asked.control`).
    Answered { indicator: String },
}

impl Feed {
    pub fn indicator(&self) -> &str {
        match self {
            Feed::Yes { indicator }
            | Feed::Choice { indicator, .. }
            | Feed::ScaleAtMost { indicator, .. }
            | Feed::ScaleAtLeast { indicator, .. }
            | Feed::Answered { indicator } => indicator,
        }
    }

    /// Does this answer mark the indicator?
    pub fn fires(&self, value: &AnswerValue) -> bool {
        match (self, value) {
            (Feed::Yes { .. }, AnswerValue::YesNoUnknown { value }) => *value == YesNoUnknown::Yes,
            (Feed::Choice { options, .. }, AnswerValue::Choice { option }) => options.contains(option),
            (Feed::ScaleAtMost { value: max, .. }, AnswerValue::Scale { value }) => value <= max,
            (Feed::ScaleAtLeast { value: min, .. }, AnswerValue::Scale { value }) => value >= min,
            (Feed::Answered { .. }, v) => v.is_asked(),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Question {
    /// Stable id, unique across all guides, e.g. `vol.stress.schulden`.
    pub id: String,
    /// The question as the professional may ask it (Dutch).
    pub text: String,
    /// Help for the professional: why ask, what to listen for.
    #[serde(default)]
    pub help: String,
    pub answer: AnswerType,
    #[serde(default)]
    pub feeds: Vec<Feed>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GuideSection {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub intro: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Guide {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub audience: GuideAudience,
    #[serde(default)]
    pub intro: String,
    /// Reminders shown to the professional during the conversation.
    #[serde(default)]
    pub reminders: Vec<String>,
    /// A child guide: the pre-check (age, consent, warning signs) must be done first.
    #[serde(default)]
    pub requires_precheck: bool,
    pub sections: Vec<GuideSection>,
}

impl Guide {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_fire_on_their_answers_only() {
        let yes = AnswerValue::YesNoUnknown { value: YesNoUnknown::Yes };
        let no = AnswerValue::YesNoUnknown { value: YesNoUnknown::No };
        let unknown = AnswerValue::YesNoUnknown { value: YesNoUnknown::Unknown };
        let ind = || "x".to_string();
        let table: Vec<(Feed, AnswerValue, bool)> = vec![
            (Feed::Yes { indicator: ind() }, yes.clone(), true),
            (Feed::Yes { indicator: ind() }, no.clone(), false),
            (Feed::Yes { indicator: ind() }, unknown.clone(), false),
            (Feed::Choice { indicator: ind(), options: vec!["a".into()] }, AnswerValue::Choice { option: "a".into() }, true),
            (Feed::Choice { indicator: ind(), options: vec!["a".into()] }, AnswerValue::Choice { option: "b".into() }, false),
            (Feed::ScaleAtMost { indicator: ind(), value: 4 }, AnswerValue::Scale { value: 4 }, true),
            (Feed::ScaleAtMost { indicator: ind(), value: 4 }, AnswerValue::Scale { value: 5 }, false),
            (Feed::ScaleAtLeast { indicator: ind(), value: 7 }, AnswerValue::Scale { value: 7 }, true),
            (Feed::ScaleAtLeast { indicator: ind(), value: 7 }, AnswerValue::Scale { value: 6 }, false),
            (Feed::Answered { indicator: ind() }, no, true),
            (Feed::Answered { indicator: ind() }, unknown, false),
            (Feed::Answered { indicator: ind() }, AnswerValue::Text { text: "  ".into() }, false),
            (Feed::Answered { indicator: ind() }, AnswerValue::BehaviourRecords { records: vec![] }, true),
            (Feed::Yes { indicator: ind() }, AnswerValue::Scale { value: 10 }, false),
            (Feed::Answered { indicator: ind() }, AnswerValue::AskedNothingReported, true),
            (Feed::Answered { indicator: ind() }, AnswerValue::NotAsked, false),
            (Feed::Yes { indicator: ind() }, AnswerValue::AskedNothingReported, false),
            (Feed::Yes { indicator: ind() }, AnswerValue::NotAsked, false),
            (Feed::ScaleAtLeast { indicator: ind(), value: 0 }, AnswerValue::NotAsked, false),
        ];
        for (feed, value, fires) in table {
            assert_eq!(feed.fires(&value), fires, "{feed:?} {value:?}");
        }
    }
}
