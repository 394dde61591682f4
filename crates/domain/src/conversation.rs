//! Conversations (`gesprekken`), the answers given in them, and the pre-check before talking with a
//! child (domain.md §4).
//!
//! A conversation is with one person by default; a joint conversation needs a recorded reason. Every
//! answer keeps its source (person + conversation) and who may see it. What a child tells is visible to
//! the professional only unless the professional deliberately widens it.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::{DomainError, Role};

/// Who may see an answer, a record or a plan item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export, rename = "Confidentiality")]
pub enum Visibility {
    Everyone,
    /// `vertrouwelijk`: the professional only.
    ProfessionalOnly,
    /// The professional and these persons.
    NamedPersons { persons: Vec<Uuid> },
}

impl Visibility {
    /// By role alone: children's disclosures are confidential (§4). The practice case uses this for its
    /// reference answers; a conversation's default names the speaker and comes from
    /// `guidance::default_confidentiality` (never "everyone" for an adult).
    pub fn default_for(source_role: Role) -> Visibility {
        match source_role {
            Role::Child => Visibility::ProfessionalOnly,
            _ => Visibility::Everyone,
        }
    }

    /// May `person` see this? The professional sees everything and is not a person in the case.
    pub fn visible_to(&self, person: Uuid) -> bool {
        match self {
            Visibility::Everyone => true,
            Visibility::ProfessionalOnly => false,
            Visibility::NamedPersons { persons } => persons.contains(&person),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conversation {
    pub id: Uuid,
    pub case_id: Uuid,
    /// One person by default. More than one is a joint conversation and needs `joint_reason`.
    pub participants: Vec<Uuid>,
    pub joint_reason: Option<String>,
    /// Why a joint conversation is still responsible although coercive-control indicators exist
    /// (Istanbul Convention art. 48). Asked for by the guard-rail, see `guardrails`.
    #[serde(default)]
    pub safety_justification: Option<String>,
    pub guide_id: String,
    pub guide_version: u32,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub notes: String,
}

impl Conversation {
    pub fn is_joint(&self) -> bool {
        self.participants.len() > 1
    }

    /// A conversation with exactly this person and nobody else.
    pub fn is_alone_with(&self, person: Uuid) -> bool {
        self.participants.len() == 1 && self.participants[0] == person
    }

    /// Checks the participants and the joint reason.
    pub fn validate(&self) -> Result<(), DomainError> {
        if self.participants.is_empty() {
            return Err(DomainError::Empty("participants"));
        }
        let mut p = self.participants.clone();
        p.sort();
        p.dedup();
        if p.len() != self.participants.len() {
            return Err(DomainError::Invalid("participant listed twice"));
        }
        if self.is_joint() && self.joint_reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            return Err(DomainError::Empty("joint_reason"));
        }
        if self.guide_id.trim().is_empty() {
            return Err(DomainError::Empty("guide_id"));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum YesNoUnknown {
    Yes,
    No,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum AnswerValue {
    Text { text: String },
    /// The id of the chosen option.
    Choice { option: String },
    /// 0–10.
    Scale { value: u8 },
    YesNoUnknown { value: YesNoUnknown },
    /// A behaviour question: the records made for it (empty: asked, nothing reported).
    BehaviourRecords { records: Vec<Uuid> },
    /// `gevraagd, niets gemeld`: the question was asked and the person told nothing of it. Works for
    /// every answer type; for the analysis the indicators the question feeds are "asked and not
    /// present" for this person.
    AskedNothingReported,
    /// `niet gevraagd`: deliberately not asked (yet), e.g. because it was not safe to ask now. Counts as
    /// not asked: nothing is concluded from it.
    NotAsked,
    /// Nothing chosen (yet): only the person's own words were written down ([`Answer::words`]). Works
    /// for every answer type. Counts as not asked: the words are for the professional to read, the
    /// analysis concludes nothing from them.
    Unanswered,
}

impl AnswerValue {
    /// Was the question really asked (and answered)? `NotAsked`, an empty text and "unknown" are not:
    /// not asked is not absent (§6).
    pub fn is_asked(&self) -> bool {
        match self {
            AnswerValue::Text { text } => !text.trim().is_empty(),
            AnswerValue::YesNoUnknown { value } => *value != YesNoUnknown::Unknown,
            AnswerValue::NotAsked | AnswerValue::Unanswered => false,
            AnswerValue::Choice { .. }
            | AnswerValue::Scale { .. }
            | AnswerValue::BehaviourRecords { .. }
            | AnswerValue::AskedNothingReported => true,
        }
    }

    pub fn validate(&self) -> Result<(), DomainError> {
        match self {
            AnswerValue::Scale { value } if *value > 10 => Err(DomainError::Invalid("scale is 0–10")),
            AnswerValue::Choice { option } if option.trim().is_empty() => Err(DomainError::Empty("option")),
            _ => Ok(()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Answer {
    pub id: Uuid,
    pub conversation_id: Uuid,
    /// The guide question, e.g. `vol.stress.schulden`.
    pub question_id: String,
    /// Who said this.
    pub source_person: Uuid,
    pub value: AnswerValue,
    /// The person's own words, for every type of question (for an open question they are the answer
    /// itself, in `value`). Empty: none written down. The words never change what `value` means.
    #[serde(default)]
    pub words: String,
    pub confidential: Visibility,
    pub updated_at: DateTime<Utc>,
}

/// The age bands of the child guides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AgeBand {
    /// 4–7
    Young,
    /// 8–11
    Middle,
    /// 12–17
    Teen,
}

impl AgeBand {
    /// The guide band for an age; children under 4 are not interviewed, adults use the adult guide.
    pub fn for_age(age: u8) -> Option<AgeBand> {
        match age {
            4..=7 => Some(AgeBand::Young),
            8..=11 => Some(AgeBand::Middle),
            12..=17 => Some(AgeBand::Teen),
            _ => None,
        }
    }

    /// The band a child's own copy of the safety plan is worded in, for a child born in `year_of_birth`,
    /// on `date`. Only the year of birth is known, so a child whose birthday has not yet come this year
    /// counts at the age they reach this year: the same count that chose their conversation guide
    /// ([`crate::guidance::guide_audience`]), so the plan speaks to them as the conversation did. At the
    /// edges the nearest band: under 4 the simplest words, 18 this year (perhaps still 17) and older the
    /// teenager's. Without a year of birth the 8–11 wording, which is plain without being childish.
    pub fn for_plan(year_of_birth: Option<i32>, date: NaiveDate) -> AgeBand {
        match year_of_birth.map(|y| date.year() - y) {
            None => AgeBand::Middle,
            Some(..=7) => AgeBand::Young,
            Some(8..=11) => AgeBand::Middle,
            Some(12..) => AgeBand::Teen,
        }
    }
}

/// From this age a young person decides alone about a conversation (16+).
pub const CONSENT_AGE: u8 = 16;
/// From this age up to [`CONSENT_AGE`] both the child and the parent(s) consent (12–15).
pub const CHILD_CONSENT_AGE: u8 = 12;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ConsentStatus {
    /// Consent given, by these parents (enough under 12).
    ParentalConsent { by: Vec<Uuid> },
    /// The child agreed and so did these parents (needed for 12–15).
    ChildAndParentalConsent { by: Vec<Uuid> },
    /// Talking without consent, with the reason (e.g. consent would put the child at risk).
    Exception { reason: String },
    /// 16 or older: the young person decides.
    OwnConsent,
    NotYetAsked,
    Refused,
}

/// Signals that mean: consult an expert before talking with the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WarningSign {
    CoerciveControl,
    HonourRelatedViolence,
    SexualAbuse,
}

/// Why a child's conversation cannot start yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PrecheckIssue {
    /// No consent and no recorded exception.
    ConsentMissing,
    /// 12–15: the parents agreed, the child's own consent is not recorded yet.
    ChildConsentMissing,
    /// An exception without a reason.
    ExceptionWithoutReason,
    /// Own consent is only for 16 and older.
    TooYoungForOwnConsent,
    /// Warning signs present: talk to an expert first.
    ConsultExpertFirst,
    /// No child guide for this age.
    NoGuideForAge,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChildPrecheck {
    pub child_id: Uuid,
    pub age: u8,
    pub consent: ConsentStatus,
    pub warning_signs: Vec<WarningSign>,
    /// The professional consulted an expert about the warning signs.
    pub expert_consulted: bool,
    pub checked_at: DateTime<Utc>,
}

impl ChildPrecheck {
    pub fn consult_expert_needed(&self) -> bool {
        !self.warning_signs.is_empty()
    }

    /// Everything that still stands in the way, in a stable order (empty: the talk may start).
    pub fn issues(&self) -> Vec<PrecheckIssue> {
        let mut out = Vec::new();
        if AgeBand::for_age(self.age).is_none() {
            out.push(PrecheckIssue::NoGuideForAge);
        }
        match &self.consent {
            ConsentStatus::ParentalConsent { by } | ConsentStatus::ChildAndParentalConsent { by } if by.is_empty() => {
                out.push(PrecheckIssue::ConsentMissing)
            }
            // From 12 the child's own consent is needed too (12–15: with the parents'; 16 and older: the
            // child's own decides, so the parents' alone is not enough either).
            ConsentStatus::ParentalConsent { .. } if self.age >= CHILD_CONSENT_AGE => {
                out.push(PrecheckIssue::ChildConsentMissing)
            }
            ConsentStatus::ParentalConsent { .. } | ConsentStatus::ChildAndParentalConsent { .. } => {}
            ConsentStatus::Exception { reason } if reason.trim().is_empty() => {
                out.push(PrecheckIssue::ExceptionWithoutReason)
            }
            ConsentStatus::Exception { .. } => {}
            ConsentStatus::OwnConsent if self.age < CONSENT_AGE => out.push(PrecheckIssue::TooYoungForOwnConsent),
            ConsentStatus::OwnConsent => {}
            ConsentStatus::NotYetAsked | ConsentStatus::Refused => out.push(PrecheckIssue::ConsentMissing),
        }
        if self.consult_expert_needed() && !self.expert_consulted {
            out.push(PrecheckIssue::ConsultExpertFirst);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn precheck(age: u8, consent: ConsentStatus, signs: Vec<WarningSign>) -> ChildPrecheck {
        ChildPrecheck { child_id: Uuid::nil(), age, consent, warning_signs: signs, expert_consulted: false, checked_at: DateTime::UNIX_EPOCH }
    }

    #[test]
    fn age_bands() {
        for (age, band) in [(3, None), (4, Some(AgeBand::Young)), (7, Some(AgeBand::Young)), (8, Some(AgeBand::Middle)), (11, Some(AgeBand::Middle)), (12, Some(AgeBand::Teen)), (17, Some(AgeBand::Teen)), (18, None)] {
            assert_eq!(AgeBand::for_age(age), band, "age {age}");
        }
    }

    /// The plan's band from the year of birth and the plan's date. A child born in 2014 is 11 on
    /// 1 January 2026 if the birthday has not come yet, and is counted at the 12 they reach this year,
    /// like the guide; so the band changes with the calendar year, never within one.
    #[test]
    fn plan_band_from_the_year_of_birth_and_the_date() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        let table = [
            (None, d(2026, 6, 1), AgeBand::Middle),
            (Some(2024), d(2026, 6, 1), AgeBand::Young),
            (Some(2022), d(2026, 1, 1), AgeBand::Young),
            (Some(2019), d(2026, 12, 31), AgeBand::Young),
            (Some(2018), d(2026, 1, 1), AgeBand::Middle),
            (Some(2018), d(2025, 12, 31), AgeBand::Young),
            (Some(2015), d(2026, 12, 31), AgeBand::Middle),
            (Some(2014), d(2026, 1, 1), AgeBand::Teen),
            (Some(2014), d(2025, 12, 31), AgeBand::Middle),
            (Some(2009), d(2026, 12, 31), AgeBand::Teen),
            (Some(2008), d(2026, 1, 1), AgeBand::Teen),
            (Some(2000), d(2026, 6, 1), AgeBand::Teen),
            (Some(2027), d(2026, 6, 1), AgeBand::Young),
        ];
        for (year_of_birth, date, band) in table {
            assert_eq!(AgeBand::for_plan(year_of_birth, date), band, "born {year_of_birth:?}, on {date}");
        }
        // Within the guide's ages the plan speaks in the band of the guide the child was talked with.
        for year_of_birth in 2009..=2022 {
            let date = d(2026, 3, 15);
            let guide_band = AgeBand::for_age(u8::try_from(2026 - year_of_birth).expect("age")).expect("band");
            assert_eq!(AgeBand::for_plan(Some(year_of_birth), date), guide_band, "born {year_of_birth}");
        }
    }

    #[test]
    fn precheck_table() {
        use ConsentStatus::*;
        let parent = Uuid::from_u128(1);
        let table = [
            (precheck(6, ParentalConsent { by: vec![parent] }, vec![]), vec![]),
            (precheck(6, NotYetAsked, vec![]), vec![PrecheckIssue::ConsentMissing]),
            (precheck(15, OwnConsent, vec![]), vec![PrecheckIssue::TooYoungForOwnConsent]),
            (precheck(16, OwnConsent, vec![]), vec![]),
            (precheck(16, NotYetAsked, vec![]), vec![PrecheckIssue::ConsentMissing]),
            (precheck(17, Refused, vec![]), vec![PrecheckIssue::ConsentMissing]),
            // 16 and older: the child's own consent decides; the parents' alone is not enough.
            (precheck(16, ParentalConsent { by: vec![parent] }, vec![]), vec![PrecheckIssue::ChildConsentMissing]),
            (precheck(17, ParentalConsent { by: vec![parent] }, vec![]), vec![PrecheckIssue::ChildConsentMissing]),
            (precheck(16, ChildAndParentalConsent { by: vec![parent] }, vec![]), vec![]),
            // 12–15: the child and the parents.
            (precheck(11, ParentalConsent { by: vec![parent] }, vec![]), vec![]),
            (precheck(12, ParentalConsent { by: vec![parent] }, vec![]), vec![PrecheckIssue::ChildConsentMissing]),
            (precheck(15, ParentalConsent { by: vec![parent] }, vec![]), vec![PrecheckIssue::ChildConsentMissing]),
            (precheck(12, ChildAndParentalConsent { by: vec![parent] }, vec![]), vec![]),
            (precheck(15, ChildAndParentalConsent { by: vec![parent] }, vec![]), vec![]),
            (precheck(13, ChildAndParentalConsent { by: vec![] }, vec![]), vec![PrecheckIssue::ConsentMissing]),
            (precheck(9, ChildAndParentalConsent { by: vec![parent] }, vec![]), vec![]),
            (precheck(9, Exception { reason: " ".into() }, vec![]), vec![PrecheckIssue::ExceptionWithoutReason]),
            (precheck(9, Exception { reason: "toestemming vragen aan de ouder in de plegerpositie brengt het kind in gevaar".into() }, vec![]), vec![]),
            (precheck(13, ChildAndParentalConsent { by: vec![parent] }, vec![WarningSign::HonourRelatedViolence]), vec![PrecheckIssue::ConsultExpertFirst]),
            (precheck(2, ParentalConsent { by: vec![parent] }, vec![]), vec![PrecheckIssue::NoGuideForAge]),
        ];
        for (p, expected) in table {
            assert_eq!(p.issues(), expected, "{p:?}");
        }
        let mut consulted = precheck(13, ChildAndParentalConsent { by: vec![parent] }, vec![WarningSign::SexualAbuse]);
        assert!(consulted.consult_expert_needed());
        consulted.expert_consulted = true;
        assert!(consulted.issues().is_empty());
    }

    #[test]
    fn only_the_value_says_whether_a_question_was_asked() {
        use AnswerValue::*;
        let table = [
            (YesNoUnknown { value: super::YesNoUnknown::Yes }, true),
            (YesNoUnknown { value: super::YesNoUnknown::No }, true),
            (YesNoUnknown { value: super::YesNoUnknown::Unknown }, false),
            (Text { text: " ".into() }, false),
            (Text { text: "ja".into() }, true),
            (Choice { option: "a".into() }, true),
            (Scale { value: 0 }, true),
            (BehaviourRecords { records: vec![] }, true),
            (AskedNothingReported, true),
            (NotAsked, false),
            (Unanswered, false),
        ];
        for (value, asked) in table {
            for words in ["", "Ik weet het echt niet, het gebeurt soms."] {
                let answer = Answer {
                    id: Uuid::nil(), conversation_id: Uuid::nil(), question_id: "q".into(), source_person: Uuid::nil(),
                    value: value.clone(), words: words.into(), confidential: Visibility::ProfessionalOnly,
                    updated_at: DateTime::UNIX_EPOCH,
                };
                assert_eq!(answer.value.is_asked(), asked, "{value:?} with words {words:?}");
            }
        }
    }

    #[test]
    fn an_answer_saved_before_words_existed_reads_with_no_words() {
        let json = r#"{"id":"00000000-0000-0000-0000-000000000000","conversation_id":"00000000-0000-0000-0000-000000000000","question_id":"q","source_person":"00000000-0000-0000-0000-000000000000","value":{"type":"yes_no_unknown","value":"yes"},"confidential":{"kind":"professional_only"},"updated_at":"2026-03-15T10:00:00Z"}"#;
        let answer: Answer = serde_json::from_str(json).unwrap();
        assert_eq!(answer.words, "");
    }

    #[test]
    fn child_disclosures_are_confidential_by_default() {
        assert_eq!(Visibility::default_for(Role::Child), Visibility::ProfessionalOnly);
        assert_eq!(Visibility::default_for(Role::Parent), Visibility::Everyone);
        let p = Uuid::from_u128(7);
        assert!(!Visibility::ProfessionalOnly.visible_to(p));
        assert!(Visibility::NamedPersons { persons: vec![p] }.visible_to(p));
    }

    #[test]
    fn joint_conversation_needs_a_reason() {
        let mut c = Conversation {
            id: Uuid::nil(), case_id: Uuid::nil(), participants: vec![Uuid::from_u128(1), Uuid::from_u128(2)],
            joint_reason: None, safety_justification: None, guide_id: "gids.volwassene".into(), guide_version: 1,
            started_at: DateTime::UNIX_EPOCH, ended_at: None, notes: String::new(),
        };
        assert_eq!(c.validate(), Err(DomainError::Empty("joint_reason")));
        c.joint_reason = Some("afspraken over de overdracht van de kinderen".into());
        assert_eq!(c.validate(), Ok(()));
        c.participants = vec![Uuid::from_u128(1)];
        c.joint_reason = None;
        assert_eq!(c.validate(), Ok(()));
        c.participants.clear();
        assert_eq!(c.validate(), Err(DomainError::Empty("participants")));
    }
}
