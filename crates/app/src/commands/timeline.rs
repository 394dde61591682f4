//! The timeline of a case: what happened when, from what is stored (`domain::timeline`).

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
        let versions = match v.safety_plans().list(r.case_id)?.into_iter().next() {
            Some(plan) => v.safety_plans().versions(plan.id)?,
            None => Vec::new(),
        };
        let sources = Sources {
            records: &snapshot.records,
            conversations: &snapshot.conversations,
            acute_decisions: &snapshot.acute_decisions,
            judgements: &snapshot.judgements,
            meldcode: &meldcode,
            plan_versions: &versions,
        };
        Ok(domain::timeline::timeline(&sources, |t| Clock::at(t).today, today))
    })
}
