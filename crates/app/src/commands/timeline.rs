//! The timeline of a case: what happened when, from what is stored (`domain::timeline`): records,
//! conversations, decisions, judgements, Meldcode steps, plan versions and evaluation dates, live notes.

use domain::timeline::{Sources, Timeline};

use crate::contract::*;
use crate::env::Env;
use crate::error::AppResult;
use crate::Clock;

pub fn timeline_get(env: &mut Env<'_>, r: TimelineGetRequest) -> AppResult<Timeline> {
    let today = env.clock.today;
    env.vault(|v| {
        let snapshot = v.snapshot(r.case_id)?;
        let meldcode = v.meldcode_entries().list(r.case_id)?;
        let (versions, evaluation_dates) = match v.safety_plans().list(r.case_id)?.into_iter().next() {
            Some(plan) => (v.safety_plans().versions(plan.id)?, plan.evaluation_dates),
            None => (Vec::new(), Vec::new()),
        };
        // The live notes only: the trash is not on the timeline.
        let notes = v.notes().list(r.case_id)?;
        let sources = Sources {
            records: &snapshot.records,
            conversations: &snapshot.conversations,
            acute_decisions: &snapshot.acute_decisions,
            judgements: &snapshot.judgements,
            meldcode: &meldcode,
            plan_versions: &versions,
            notes: &notes,
            evaluation_dates: &evaluation_dates,
        };
        Ok(domain::timeline::timeline(&sources, |t| Clock::at(t).today, today))
    })
}
