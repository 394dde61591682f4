//! Behaviour records ("wie doet wat tegen wie") and their trash.

use domain::BehaviourRecord;

use super::{assign_id, conversation_of, household, past_date, persons_of, record_of};
use crate::commands::conversations::visibility_in_case;
use crate::contract::*;
use crate::env::Env;
use crate::error::{AppResult, ErrorCode};

pub fn behaviours_list(env: &mut Env<'_>, r: BehavioursListRequest) -> AppResult<Vec<BehaviourRecord>> {
    env.vault(|v| {
        v.cases().get(r.case_id)?;
        Ok(v.behaviour_records().list(r.case_id)?)
    })
}

pub fn behaviours_trash_list(env: &mut Env<'_>, r: BehavioursTrashListRequest) -> AppResult<Vec<BehaviourRecord>> {
    env.vault(|v| {
        v.cases().get(r.case_id)?;
        Ok(v.behaviour_records().list_trash(r.case_id)?)
    })
}

pub fn behaviour_save(env: &mut Env<'_>, r: BehaviourSaveRequest) -> AppResult<BehaviourRecord> {
    let mut record = r.record;
    record.updated_at = env.clock.now;
    record.validate()?;
    if env.content.catalogue.item(&record.behaviour_id).is_none() {
        return Err(ErrorCode::UnknownBehaviour.into());
    }
    if let Some(q) = &record.question_id {
        if !env.content.content.guides.iter().any(|g| g.question(q).is_some()) {
            return Err(ErrorCode::UnknownQuestion.into());
        }
    }
    for date in record.first_occurrence.iter().chain(&record.last_occurrence) {
        past_date(*date, env.clock.today)?;
    }
    env.vault(|v| {
        let hh = household(v, record.case_id)?;
        persons_of(v, &hh, &record.actors)?;
        persons_of(v, &hh, &record.targets)?;
        persons_of(v, &hh, &[record.source_person])?;
        let exposed: Vec<_> = record.children_exposed.iter().map(|c| c.child).collect();
        persons_of(v, &hh, &exposed)?;
        if let Some(c) = record.conversation_id {
            conversation_of(v, record.case_id, c)?;
        }
        visibility_in_case(v, &hh, &record.confidential)?;
        let case_id = record.case_id;
        assign_id(&mut record.id, case_id, |id| v.behaviour_records().get(id), |found: &BehaviourRecord| found.case_id)?;
        v.behaviour_records().save(&record)?;
        Ok(record)
    })
}

pub fn behaviour_trash(env: &mut Env<'_>, r: BehaviourTrashRequest) -> AppResult<()> {
    env.vault(|v| {
        record_of(v, r.case_id, r.record_id)?;
        Ok(v.behaviour_records().trash(r.record_id)?)
    })
}

pub fn behaviour_restore(env: &mut Env<'_>, r: BehaviourRestoreRequest) -> AppResult<()> {
    env.vault(|v| {
        record_of(v, r.case_id, r.record_id)?;
        Ok(v.behaviour_records().restore(r.record_id)?)
    })
}
