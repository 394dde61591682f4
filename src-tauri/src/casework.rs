//! IPC commands for the work inside a case: conversations and answers, behaviour records, the analysis
//! and the professional's judgements, and the Meldcode log. Thin adapters again: validation and rules
//! are in `domain`, storage in `vault`.
//!
//! Privacy rule enforced here, not only in the UI: `conversation_open` returns only what was said in that
//! one conversation, so while talking with one person nothing another person said reaches the WebView.

use chrono::{DateTime, Utc};
use domain::analysis::{AcuteDecision, Judgement};
use domain::{
    Analysis, Answer, AnswerValue, BehaviourRecord, Case, ChildPrecheck, Conversation, guardrails::{GuardRail, JointSetting},
    MeldcodeEntry, MeldcodeStatus, Phase, Visibility,
};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use uuid::Uuid;

use crate::content::{content, today};
use crate::error::{IpcError, IpcResult};
use crate::state::{blocking, Shared};

/// Everything of one conversation, and nothing of any other.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ConversationDetail {
    pub conversation: Conversation,
    pub answers: Vec<Answer>,
    pub records: Vec<BehaviourRecord>,
    pub precheck: Option<ChildPrecheck>,
}

fn now() -> DateTime<Utc> {
    Utc::now()
}

/// New records come with the nil id; the backend gives them a sortable UUIDv7.
fn assign_id(id: &mut Uuid) {
    if id.is_nil() {
        *id = Uuid::now_v7();
    }
}

fn analyse(v: &vault::Vault, case_id: Uuid) -> IpcResult<Analysis> {
    let snapshot = v.snapshot(case_id)?;
    Ok(domain::analyse(&snapshot, &content().catalogue, today()))
}

#[tauri::command]
pub async fn case_set_phase(state: State<'_, Shared>, case_id: Uuid, phase: Phase) -> IpcResult<Case> {
    blocking(&state, move |state| {
        state.with_vault(|v| {
            let case = v.cases().get(case_id)?;
            let update = vault::CaseUpdate { status: case.status, phase, retention_until: case.retention_until };
            Ok(v.cases().update(case_id, &update)?)
        })
    })
    .await
}

#[tauri::command]
pub async fn conversations_list(state: State<'_, Shared>, case_id: Uuid) -> IpcResult<Vec<Conversation>> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.conversations().list(case_id)?))).await
}

#[tauri::command]
pub async fn joint_check(
    state: State<'_, Shared>,
    case_id: Uuid,
    participants: Vec<Uuid>,
) -> IpcResult<Option<GuardRail>> {
    blocking(&state, move |state| {
        state.with_vault(|v| {
            let snapshot = v.snapshot(case_id)?;
            Ok(domain::guardrails::check_joint_setting(
                &snapshot,
                &content().catalogue,
                &participants,
                JointSetting::JointConversation,
                None,
            ))
        })
    })
    .await
}

#[tauri::command]
pub async fn conversation_start(
    state: State<'_, Shared>,
    case_id: Uuid,
    participants: Vec<Uuid>,
    guide_id: String,
    joint_reason: Option<String>,
    safety_justification: Option<String>,
) -> IpcResult<Conversation> {
    blocking(&state, move |state| {
        let guide = content().guide(&guide_id).ok_or_else(|| IpcError::new("unknown_guide"))?;
        let conversation = Conversation {
            id: Uuid::now_v7(),
            case_id,
            participants,
            joint_reason: joint_reason.filter(|r| !r.trim().is_empty()),
            safety_justification: safety_justification.filter(|r| !r.trim().is_empty()),
            guide_id: guide.id.clone(),
            guide_version: guide.version,
            started_at: now(),
            ended_at: None,
            notes: String::new(),
        };
        if conversation.is_joint() && conversation.joint_reason.is_none() {
            return Err(IpcError::new("joint_reason_required"));
        }
        conversation.validate()?;
        state.with_vault(|v| {
            let household = v.household(case_id)?;
            if conversation.participants.iter().any(|p| household.person(*p).is_none()) {
                return Err(IpcError::new("not_found"));
            }
            if conversation.is_joint() {
                let snapshot = v.snapshot(case_id)?;
                let rail = domain::guardrails::check_joint_setting(
                    &snapshot,
                    &content().catalogue,
                    &conversation.participants,
                    JointSetting::JointConversation,
                    conversation.safety_justification.as_deref(),
                );
                if rail.is_some_and(|r| !r.satisfied) {
                    return Err(IpcError::new("joint_justification_required"));
                }
            }
            v.conversations().save(&conversation)?;
            Ok(conversation)
        })
    })
    .await
}

#[tauri::command]
pub async fn conversation_open(state: State<'_, Shared>, conversation_id: Uuid) -> IpcResult<ConversationDetail> {
    blocking(&state, move |state| {
        state.with_vault(|v| {
            let conversation = v.conversations().get(conversation_id)?;
            let answers = v.answers().list_for_conversation(conversation_id)?;
            let records = v
                .behaviour_records()
                .list(conversation.case_id)?
                .into_iter()
                .filter(|r| r.conversation_id == Some(conversation_id))
                .collect();
            let precheck = match conversation.participants.as_slice() {
                [only] => v.child_prechecks().get(*only).ok(),
                _ => None,
            };
            Ok(ConversationDetail { conversation, answers, records, precheck })
        })
    })
    .await
}

#[tauri::command]
pub async fn conversation_end(
    state: State<'_, Shared>,
    conversation_id: Uuid,
    notes: String,
) -> IpcResult<Conversation> {
    blocking(&state, move |state| {
        state.with_vault(|v| {
            let mut conversation = v.conversations().get(conversation_id)?;
            conversation.notes = notes;
            conversation.ended_at = Some(now());
            v.conversations().save(&conversation)?;
            Ok(conversation)
        })
    })
    .await
}

/// Saves one answer (autosave). One answer per question per conversation: a second save replaces it.
#[tauri::command]
pub async fn answer_save(
    state: State<'_, Shared>,
    conversation_id: Uuid,
    question_id: String,
    value: AnswerValue,
    confidential: Visibility,
) -> IpcResult<Answer> {
    blocking(&state, move |state| {
        value.validate()?;
        state.with_vault(|v| {
            let conversation = v.conversations().get(conversation_id)?;
            let [source_person] = conversation.participants.as_slice() else {
                // In a joint conversation the UI records who said what as behaviour records and notes.
                return Err(IpcError::new("joint_answer_source"));
            };
            let existing = v
                .answers()
                .list_for_conversation(conversation_id)?
                .into_iter()
                .find(|a| a.question_id == question_id);
            let answer = Answer {
                id: existing.map(|a| a.id).unwrap_or_else(Uuid::now_v7),
                conversation_id,
                question_id,
                source_person: *source_person,
                value,
                confidential,
                updated_at: now(),
            };
            v.answers().save(&answer)?;
            Ok(answer)
        })
    })
    .await
}

#[tauri::command]
pub async fn precheck_save(state: State<'_, Shared>, mut precheck: ChildPrecheck) -> IpcResult<ChildPrecheck> {
    blocking(&state, move |state| {
        precheck.checked_at = now();
        state.with_vault(|v| {
            v.child_prechecks().save(&precheck)?;
            Ok(precheck)
        })
    })
    .await
}

#[tauri::command]
pub async fn behaviours_list(state: State<'_, Shared>, case_id: Uuid) -> IpcResult<Vec<BehaviourRecord>> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.behaviour_records().list(case_id)?))).await
}

#[tauri::command]
pub async fn behaviours_trash_list(state: State<'_, Shared>, case_id: Uuid) -> IpcResult<Vec<BehaviourRecord>> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.behaviour_records().list_trash(case_id)?))).await
}

#[tauri::command]
pub async fn behaviour_save(state: State<'_, Shared>, mut record: BehaviourRecord) -> IpcResult<BehaviourRecord> {
    blocking(&state, move |state| {
        assign_id(&mut record.id);
        record.updated_at = now();
        record.validate()?;
        if content().catalogue.item(&record.behaviour_id).is_none() {
            return Err(IpcError::new("unknown_behaviour"));
        }
        state.with_vault(|v| {
            v.behaviour_records().save(&record)?;
            Ok(record)
        })
    })
    .await
}

#[tauri::command]
pub async fn behaviour_trash(state: State<'_, Shared>, record_id: Uuid) -> IpcResult<()> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.behaviour_records().trash(record_id)?))).await
}

#[tauri::command]
pub async fn behaviour_restore(state: State<'_, Shared>, record_id: Uuid) -> IpcResult<()> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.behaviour_records().restore(record_id)?))).await
}

#[tauri::command]
pub async fn analysis_get(state: State<'_, Shared>, case_id: Uuid) -> IpcResult<Analysis> {
    blocking(&state, move |state| state.with_vault(|v| analyse(v, case_id))).await
}

#[tauri::command]
pub async fn judgement_save(state: State<'_, Shared>, case_id: Uuid, mut judgement: Judgement) -> IpcResult<Analysis> {
    blocking(&state, move |state| {
        assign_id(&mut judgement.id);
        judgement.case_id = case_id;
        judgement.decided_at = now();
        if judgement.reason.trim().is_empty() {
            return Err(IpcError::new("reason_required"));
        }
        state.with_vault(|v| {
            v.judgements().save(&judgement)?;
            analyse(v, case_id)
        })
    })
    .await
}

#[tauri::command]
pub async fn acute_decision_save(
    state: State<'_, Shared>,
    case_id: Uuid,
    mut decision: AcuteDecision,
) -> IpcResult<Analysis> {
    blocking(&state, move |state| {
        assign_id(&mut decision.id);
        decision.case_id = case_id;
        decision.decided_at = now();
        if decision.decision.trim().is_empty() || decision.rationale.trim().is_empty() {
            return Err(IpcError::new("reason_required"));
        }
        state.with_vault(|v| {
            v.acute_decisions().save(&decision)?;
            analyse(v, case_id)
        })
    })
    .await
}

#[tauri::command]
pub async fn meldcode_list(state: State<'_, Shared>, case_id: Uuid) -> IpcResult<Vec<MeldcodeEntry>> {
    blocking(&state, move |state| state.with_vault(|v| Ok(v.meldcode_entries().list(case_id)?))).await
}

#[tauri::command]
pub async fn meldcode_save(state: State<'_, Shared>, mut entry: MeldcodeEntry) -> IpcResult<MeldcodeEntry> {
    blocking(&state, move |state| {
        assign_id(&mut entry.id);
        entry.recorded_at = now();
        entry.validate(&content().meldcode)?;
        state.with_vault(|v| {
            v.meldcode_entries().save(&entry)?;
            Ok(entry)
        })
    })
    .await
}

#[tauri::command]
pub async fn meldcode_status(state: State<'_, Shared>, case_id: Uuid) -> IpcResult<MeldcodeStatus> {
    blocking(&state, move |state| {
        state.with_vault(|v| {
            let log = v.meldcode_entries().list(case_id)?;
            Ok(domain::meldcode_status(&content().meldcode, &log))
        })
    })
    .await
}
