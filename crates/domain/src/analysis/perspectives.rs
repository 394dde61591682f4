//! "Verschillend perspectief, samen kijken": per (actor, target, behaviour) what each source said
//! (domain.md §5). Nothing is merged away; the rules count a behaviour once at its highest reported
//! frequency, and this view shows the denials and the differences next to it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::Facts;
use crate::{Frequency, Stance, Visibility};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Statement {
    pub record: Uuid,
    pub source_person: Uuid,
    pub conversation_id: Option<Uuid>,
    pub stance: Stance,
    pub impact_text: String,
    pub confidential: Visibility,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PerspectiveAgreement {
    /// One source only.
    SingleSource,
    /// Every source says the same (same stance, same frequency).
    Agree,
    /// All report it, at different frequencies.
    DifferentFrequency,
    /// One reports, another denies or does not know.
    Disagree,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Perspective {
    pub actor: Uuid,
    pub target: Uuid,
    pub behaviour_id: String,
    /// Sorted by source person, then record.
    pub statements: Vec<Statement>,
    pub agreement: PerspectiveAgreement,
    /// The frequency the rules count (highest reported), if anyone reports it.
    pub counted_frequency: Option<Frequency>,
}

pub(crate) fn perspectives(f: &Facts) -> Vec<Perspective> {
    f.statements
        .iter()
        .map(|(&(actor, target, behaviour), raw)| {
            let mut statements: Vec<Statement> = raw
                .iter()
                .map(|s| Statement {
                    record: s.record.id,
                    source_person: s.record.source_person,
                    conversation_id: s.record.conversation_id,
                    stance: s.record.stance,
                    impact_text: s.record.impact_text.clone(),
                    confidential: s.record.confidential.clone(),
                })
                .collect();
            statements.sort_by_key(|s| (s.source_person, s.record));
            let mut sources: Vec<Uuid> = statements.iter().map(|s| s.source_person).collect();
            sources.dedup();
            let counted_frequency = statements.iter().filter_map(|s| s.stance.frequency()).max();
            let all_reported = statements.iter().all(|s| s.stance.frequency().is_some());
            let all_same = statements.windows(2).all(|w| w[0].stance == w[1].stance);
            let agreement = if sources.len() <= 1 {
                PerspectiveAgreement::SingleSource
            } else if all_same {
                PerspectiveAgreement::Agree
            } else if all_reported {
                PerspectiveAgreement::DifferentFrequency
            } else {
                PerspectiveAgreement::Disagree
            };
            Perspective { actor, target, behaviour_id: behaviour.to_owned(), statements, agreement, counted_frequency }
        })
        .collect()
}
