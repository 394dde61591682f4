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
    let (log, conversations, records, decisions) = env.vault(|v| {
        v.cases().get(r.case_id)?;
        Ok((
            v.meldcode_entries().list(r.case_id)?,
            v.conversations().list(r.case_id)?,
            v.behaviour_records().list(r.case_id)?,
            v.acute_decisions().list(r.case_id)?,
        ))
    })?;
    // What the steps can reuse: the conversations held (on their Dutch date), the signals recorded, and
    // Veilig Thuis consulted as part of an acute decision.
    let dutch = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&chrono_tz::Europe::Amsterdam).date_naive();
    let work = domain::CaseWork {
        conversations: conversations
            .iter()
            .map(|c| domain::HeldConversation { id: c.id, date: dutch(c.started_at), participants: c.participants.clone() })
            .collect(),
        records: u32::try_from(records.len()).unwrap_or(u32::MAX),
        acute_consults: decisions
            .iter()
            .filter(|d| d.actions.iter().any(|a| a == domain::ACUTE_ACTION_VEILIG_THUIS))
            .map(|d| (d.id, dutch(d.decided_at)))
            .collect(),
    };
    Ok(MeldcodeOverview { status: domain::meldcode_status_in(&env.content.meldcode, &log, &work), today: env.clock.today })
}
