//! The Meldcode log: entries per step and weighing question, and what the latest answers mean.

use domain::{EvidenceLink, MeldcodeEntry};

use super::{assign_id, conversation_of, past_date, record_of, same_case};
use crate::contract::*;
use crate::env::Env;
use crate::error::AppResult;
use crate::views::MeldcodeOverview;

pub fn meldcode_list(env: &mut Env<'_>, r: MeldcodeListRequest) -> AppResult<Vec<MeldcodeEntry>> {
    env.vault(|v| {
        v.cases().get(r.case_id)?;
        Ok(v.meldcode_entries().list(r.case_id)?)
    })
}

pub fn meldcode_save(env: &mut Env<'_>, r: MeldcodeSaveRequest) -> AppResult<MeldcodeEntry> {
    let mut entry = r.entry;
    entry.recorded_at = env.clock.now;
    entry.validate(&env.content.meldcode)?;
    past_date(entry.date, env.clock.today)?;
    env.vault(|v| {
        v.cases().get(entry.case_id)?;
        for link in &entry.evidence {
            match link {
                EvidenceLink::Record { id } => record_of(v, entry.case_id, *id).map(|_| ())?,
                EvidenceLink::Conversation { id } => conversation_of(v, entry.case_id, *id).map(|_| ())?,
                EvidenceLink::Answer { id } => {
                    let answer = v.answers().get(*id)?;
                    let conversation = v.conversations().get(answer.conversation_id)?;
                    same_case(conversation.case_id, entry.case_id)?
                }
                EvidenceLink::Conclusion { .. } => {}
            }
        }
        let case_id = entry.case_id;
        assign_id(&mut entry.id, case_id, |id| v.meldcode_entries().get(id), |e: &MeldcodeEntry| e.case_id)?;
        v.meldcode_entries().save(&entry)?;
        Ok(entry)
    })
}

pub fn meldcode_status(env: &mut Env<'_>, r: MeldcodeStatusRequest) -> AppResult<MeldcodeOverview> {
    let log = env.vault(|v| {
        v.cases().get(r.case_id)?;
        Ok(v.meldcode_entries().list(r.case_id)?)
    })?;
    Ok(MeldcodeOverview { status: domain::meldcode_status(&env.content.meldcode, &log), today: env.clock.today })
}
