//! Correction and objection (issue 14, point 5): a person's "dit klopt niet", in their own words,
//! attached to an answer, a behaviour record or a note of the case, without changing it.
//!
//! Checked here: the item and the person belong to the case (`not_in_case`), the date is not in the
//! future nor before 1900, the words are not empty and within their limit.

use domain::corrections::{Correction, CorrectionInput, CorrectionItem};
use uuid::Uuid;
use vault::Vault;

use super::{conversation_of, household, past_date, person_of, record_of, same_case};
use crate::contract::*;
use crate::env::Env;
use crate::error::AppResult;

/// The item a statement is about belongs to this case.
fn item_of(v: &Vault, case_id: Uuid, kind: CorrectionItem, id: Uuid) -> AppResult<()> {
    match kind {
        CorrectionItem::Answer => {
            let answer = v.answers().get(id)?;
            conversation_of(v, case_id, answer.conversation_id)?;
        }
        CorrectionItem::BehaviourRecord => {
            record_of(v, case_id, id)?;
        }
        CorrectionItem::Note => {
            same_case(v.notes().get(id)?.case_id, case_id)?;
        }
    }
    Ok(())
}

pub fn corrections_list(env: &mut Env<'_>, r: CorrectionsListRequest) -> AppResult<Vec<Correction>> {
    env.vault(|v| {
        v.cases().get(r.case_id)?;
        Ok(v.corrections().list(r.case_id)?)
    })
}

pub fn correction_add(env: &mut Env<'_>, r: CorrectionAddRequest) -> AppResult<Correction> {
    let today = env.clock.today;
    let input: CorrectionInput = r.input.checked()?;
    env.vault(|v| {
        let hh = household(v, r.case_id)?;
        person_of(v, &hh, input.person_id)?;
        item_of(v, r.case_id, input.item_kind, input.item_id)?;
        past_date(input.date, today)?;
        Ok(v.corrections().add(r.case_id, &input)?)
    })
}
