//! The analysis and the professional's judgements of it.

use domain::Analysis;
use uuid::Uuid;
use vault::Vault;

use super::{assign_id, required};
use crate::contract::*;
use crate::env::Env;
use crate::error::{AppResult, ErrorCode};

/// The analysis of a stored case, today.
pub(crate) fn analyse(env: &Env<'_>, v: &Vault, case_id: Uuid) -> AppResult<Analysis> {
    let snapshot = v.snapshot(case_id)?;
    Ok(domain::analyse(&snapshot, &env.content.catalogue, env.clock.today))
}

pub fn analysis_get(env: &mut Env<'_>, r: AnalysisGetRequest) -> AppResult<Analysis> {
    env.vault(|v| analyse(env, v, r.case_id))
}

pub fn judgement_save(env: &mut Env<'_>, r: JudgementSaveRequest) -> AppResult<Analysis> {
    let mut judgement = r.judgement;
    judgement.case_id = r.case_id;
    judgement.decided_at = env.clock.now;
    required(&judgement.reason, ErrorCode::ReasonRequired)?;
    if let domain::analysis::Verdict::Changed { to } = &judgement.verdict {
        required(to, ErrorCode::FieldEmpty)?;
    }
    env.vault(|v| {
        let before = analyse(env, v, r.case_id)?;
        if !before.reviews.iter().any(|rev| rev.key == judgement.conclusion_key) {
            return Err(ErrorCode::Invalid.into());
        }
        assign_id(&mut judgement.id, r.case_id, |id| v.judgements().get(id), |j: &domain::analysis::Judgement| j.case_id)?;
        v.judgements().save(&judgement)?;
        analyse(env, v, r.case_id)
    })
}

pub fn acute_decision_save(env: &mut Env<'_>, r: AcuteDecisionSaveRequest) -> AppResult<Analysis> {
    let mut decision = r.decision;
    decision.case_id = r.case_id;
    decision.decided_at = env.clock.now;
    required(&decision.decision, ErrorCode::ReasonRequired)?;
    required(&decision.rationale, ErrorCode::ReasonRequired)?;
    env.vault(|v| {
        v.cases().get(r.case_id)?;
        assign_id(&mut decision.id, r.case_id, |id| v.acute_decisions().get(id), |d: &domain::analysis::AcuteDecision| d.case_id)?;
        v.acute_decisions().save(&decision)?;
        analyse(env, v, r.case_id)
    })
}
