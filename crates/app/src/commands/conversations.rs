//! Conversations, answers and the child pre-check.
//!
//! Privacy rule enforced here, not only in the UI: `conversation_open` returns only what was said in that
//! one conversation, so while talking with one person nothing another person said reaches the WebView.

use domain::guardrails::{GuardRail, JointSetting};
use domain::{
    Answer, AnswerType, AnswerValue, ChildPrecheck, ConsentStatus, Conversation, Household, Role, Visibility, age_in,
    guidance,
};
use uuid::Uuid;
use vault::Vault;

use super::{conversation_of, household, person_of, persons_of, record_of, required};
use crate::contract::*;
use crate::env::Env;
use crate::error::{AppResult, ErrorCode};
use crate::views::{ConversationDetail, PrecheckReview};

pub fn conversations_list(env: &mut Env<'_>, r: ConversationsListRequest) -> AppResult<Vec<Conversation>> {
    env.vault(|v| {
        v.cases().get(r.case_id)?;
        Ok(v.conversations().list(r.case_id)?)
    })
}

fn joint_rail(env: &Env<'_>, v: &Vault, case_id: Uuid, participants: &[Uuid], justification: Option<&str>) -> AppResult<Option<GuardRail>> {
    let snapshot = v.snapshot(case_id)?;
    Ok(domain::guardrails::check_joint_setting(
        &snapshot,
        &env.content.catalogue,
        participants,
        JointSetting::JointConversation,
        justification,
    ))
}

pub fn joint_check(env: &mut Env<'_>, r: JointCheckRequest) -> AppResult<Option<GuardRail>> {
    env.vault(|v| {
        let hh = household(v, r.case_id)?;
        persons_of(v, &hh, &r.participants)?;
        joint_rail(env, v, r.case_id, &r.participants, None)
    })
}

fn nonblank(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

pub fn conversation_start(env: &mut Env<'_>, r: ConversationStartRequest) -> AppResult<Conversation> {
    let guide = env.content.guide(&r.guide_id).ok_or(ErrorCode::UnknownGuide)?;
    let conversation = Conversation {
        id: Uuid::now_v7(),
        case_id: r.case_id,
        joint_reason: nonblank(r.joint_reason),
        safety_justification: nonblank(r.safety_justification),
        participants: r.participants,
        guide_id: guide.id.clone(),
        guide_version: guide.version,
        started_at: env.clock.now,
        ended_at: None,
        notes: String::new(),
    };
    if conversation.is_joint() && conversation.joint_reason.is_none() {
        return Err(ErrorCode::JointReasonRequired.into());
    }
    conversation.validate()?;
    env.vault(|v| {
        let hh = household(v, r.case_id)?;
        persons_of(v, &hh, &conversation.participants)?;
        // Every child in the conversation (alone or joint) whose own guide asks for the pre-check has
        // passed it first. The guide that fits the child decides, not the one chosen: choosing another
        // guide (or a joint talk) never skips consent and the expert check (§4).
        let year = env.clock.year();
        let prechecks = v.child_prechecks().list(r.case_id)?;
        for id in &conversation.participants {
            let person = person_of(v, &hh, *id)?;
            let fitting = guidance::guide_for(&env.content.content.guides, person, year);
            let required = guidance::precheck_required(person, fitting) || guidance::precheck_required(person, Some(guide));
            if required && !guidance::precheck_passed(prechecks.iter().find(|p| p.child_id == *id), *id) {
                return Err(ErrorCode::PrecheckRequired.into());
            }
        }
        if conversation.is_joint() {
            let rail = joint_rail(env, v, r.case_id, &conversation.participants, conversation.safety_justification.as_deref())?;
            if rail.is_some_and(|r| !r.satisfied) {
                return Err(ErrorCode::JointJustificationRequired.into());
            }
        }
        v.conversations().save(&conversation)?;
        Ok(conversation)
    })
}

pub fn conversation_open(env: &mut Env<'_>, r: ConversationOpenRequest) -> AppResult<ConversationDetail> {
    env.vault(|v| {
        let conversation = conversation_of(v, r.case_id, r.conversation_id)?;
        let hh = household(v, r.case_id)?;
        let answers = v.answers().list_for_conversation(r.conversation_id)?;
        let records: Vec<_> = v
            .behaviour_records()
            .list(r.case_id)?
            .into_iter()
            .filter(|rec| rec.conversation_id == Some(r.conversation_id))
            .collect();
        let corrections = v
            .corrections()
            .list(r.case_id)?
            .into_iter()
            .filter(|c| conversation.participants.contains(&c.person_id))
            .filter(|c| answers.iter().any(|a| a.id == c.item_id) || records.iter().any(|rec| rec.id == c.item_id))
            .collect();
        let precheck = match conversation.participants.as_slice() {
            [only] => v.child_prechecks().list(r.case_id)?.into_iter().find(|p| p.child_id == *only),
            _ => None,
        };
        let participants: Vec<_> = conversation.participants.iter().filter_map(|p| hh.person(*p)).collect();
        let default_confidentiality = guidance::default_confidentiality(&participants);
        let behaviour_prefill = domain::proposals::behaviour_prefill(&hh, &conversation.participants);
        Ok(ConversationDetail { conversation, answers, records, precheck, default_confidentiality, behaviour_prefill, corrections })
    })
}

pub fn conversation_end(env: &mut Env<'_>, r: ConversationEndRequest) -> AppResult<Conversation> {
    let now = env.clock.now;
    env.vault(|v| {
        let mut conversation = conversation_of(v, r.case_id, r.conversation_id)?;
        conversation.notes = r.notes;
        conversation.ended_at = Some(now);
        v.conversations().save(&conversation)?;
        Ok(conversation)
    })
}

/// The persons a visibility names are persons of this household.
pub(crate) fn visibility_in_case(v: &Vault, hh: &Household, visibility: &Visibility) -> AppResult<()> {
    match visibility {
        Visibility::NamedPersons { persons } => persons_of(v, hh, persons),
        _ => Ok(()),
    }
}

/// The answer fits the question: the same type, a known option, records of this case. "Asked, nothing
/// reported", "not asked" and "nothing chosen, only words" fit every question.
fn answer_fits(v: &Vault, case_id: Uuid, kind: &AnswerType, value: &AnswerValue) -> AppResult<()> {
    match (kind, value) {
        (_, AnswerValue::AskedNothingReported | AnswerValue::NotAsked | AnswerValue::Unanswered) => Ok(()),
        (AnswerType::Text, AnswerValue::Text { .. }) | (AnswerType::YesNoUnknown, AnswerValue::YesNoUnknown { .. }) => Ok(()),
        (AnswerType::Scale { .. }, AnswerValue::Scale { value }) if *value > 10 => Err(ErrorCode::OutOfRange.into()),
        (AnswerType::Scale { .. }, AnswerValue::Scale { .. }) => Ok(()),
        (AnswerType::Choice { options }, AnswerValue::Choice { option }) => {
            if options.iter().any(|o| &o.id == option) { Ok(()) } else { Err(ErrorCode::OutOfRange.into()) }
        }
        (AnswerType::BehaviourRecord { .. }, AnswerValue::BehaviourRecords { records }) => {
            records.iter().try_for_each(|id| record_of(v, case_id, *id).map(|_| ()))
        }
        _ => Err(ErrorCode::Invalid.into()),
    }
}

/// Saves one answer (autosave). One answer per question per conversation: a second save replaces it.
///
/// The person's own words may be saved for every question, also without a value: a request without a
/// value keeps the saved one, and with nothing saved yet the answer is `unanswered` — the words alone
/// never make a question "asked" for the analysis. A request without words keeps the saved words.
pub fn answer_save(env: &mut Env<'_>, r: AnswerSaveRequest) -> AppResult<Answer> {
    if let Some(value) = &r.value {
        value.validate().map_err(|_| ErrorCode::OutOfRange)?;
    }
    let now = env.clock.now;
    env.vault(|v| {
        let conversation = conversation_of(v, r.case_id, r.conversation_id)?;
        let [source_person] = conversation.participants.as_slice() else {
            // In a joint conversation the UI records who said what as behaviour records and notes.
            return Err(ErrorCode::JointAnswerSource.into());
        };
        let guide = env.content.guide(&conversation.guide_id).ok_or(ErrorCode::UnknownGuide)?;
        let question = guide.question(&r.question_id).ok_or(ErrorCode::UnknownQuestion)?;
        let existing = v.answers().list_for_conversation(r.conversation_id)?.into_iter().find(|a| a.question_id == r.question_id);
        let value = match (r.value, &existing) {
            (Some(value), _) => value,
            (None, Some(saved)) => saved.value.clone(),
            (None, None) => AnswerValue::Unanswered,
        };
        answer_fits(v, r.case_id, &question.answer, &value)?;
        let hh = household(v, r.case_id)?;
        visibility_in_case(v, &hh, &r.confidential)?;
        let words = match (r.words, &existing) {
            (Some(words), _) => words,
            (None, Some(saved)) => saved.words.clone(),
            (None, None) => String::new(),
        };
        let answer = Answer {
            id: existing.map(|a| a.id).unwrap_or_else(Uuid::now_v7),
            conversation_id: r.conversation_id,
            question_id: r.question_id,
            source_person: *source_person,
            value,
            words,
            confidential: r.confidential,
            updated_at: now,
        };
        v.answers().save(&answer)?;
        Ok(answer)
    })
}

/// The oldest age a child of this app can have, and how far the age may be from the year of birth
/// (a birthday later in the year).
const MAX_CHILD_AGE: u8 = 17;

/// What the pre-check as filled in so far still lacks (consent by age, a reason for an exception, an
/// expert first when there are warning signs): the rule is `ChildPrecheck::issues`, the form only shows it.
pub fn precheck_review(env: &mut Env<'_>, r: PrecheckReviewRequest) -> AppResult<PrecheckReview> {
    env.vault(|v| {
        let hh = household(v, r.case_id)?;
        let child = person_of(v, &hh, r.precheck.child_id)?;
        if child.role != Role::Child {
            return Err(ErrorCode::PrecheckNotForChild.into());
        }
        Ok(PrecheckReview {
            issues: r.precheck.issues(),
            passed: guidance::precheck_passed(Some(&r.precheck), child.id),
        })
    })
}

pub fn precheck_save(env: &mut Env<'_>, mut r: PrecheckSaveRequest) -> AppResult<ChildPrecheck> {
    let year = env.clock.year();
    r.precheck.checked_at = env.clock.now;
    env.vault(|v| {
        let hh = household(v, r.case_id)?;
        let child = person_of(v, &hh, r.precheck.child_id)?;
        if child.role != Role::Child {
            return Err(ErrorCode::PrecheckNotForChild.into());
        }
        let age = i32::from(r.precheck.age);
        let by_year = age_in(child.year_of_birth, year);
        if r.precheck.age > MAX_CHILD_AGE || by_year.is_some_and(|a| age != a && age != a - 1) {
            return Err(ErrorCode::OutOfRange.into());
        }
        match &r.precheck.consent {
            ConsentStatus::Exception { reason } => required(reason, ErrorCode::ReasonRequired)?,
            ConsentStatus::ParentalConsent { by } => {
                persons_of(v, &hh, by)?;
                if by.iter().any(|p| hh.person(*p).is_some_and(|p| p.role == Role::Child || p.role == Role::Network)) {
                    return Err(ErrorCode::RelationRoles.into());
                }
            }
            _ => {}
        }
        v.child_prechecks().save(&r.precheck)?;
        Ok(r.precheck)
    })
}
