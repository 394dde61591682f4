//! Guard-rails (domain.md §7): warnings that stop the app from quietly supporting an unsafe choice.
//!
//! - A joint conversation, mediation or couple therapy while coercive-control indicators exist between
//!   the participants: warning with the reason (Istanbul Convention art. 48) and a required
//!   justification.
//! - A contact or custody arrangement for a parent who used violence towards the other parent: prompt
//!   to weigh the safety of that parent and the children (art. 31).
//! - Plan text that puts the responsibility on the victim: a gentle hint to rephrase towards the
//!   behaviour of the person in the `plegerpositie`. The phrase list is data (`BlamingPhrase`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::analysis::{CaseSnapshot, Evidence, Facts};
use crate::{BlamingPhrase, Catalogue};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GuardRailKind {
    /// Art. 48: no joint conversation, mediation or couple therapy with coercive control, unless
    /// justified.
    JointWithCoerciveControl,
    /// Art. 31: weigh the safety of parent and child in contact and custody arrangements.
    ContactWithPartnerViolence,
}

/// A planned setting with more than one party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum JointSetting {
    JointConversation,
    Mediation,
    CoupleTherapy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GuardRail {
    pub kind: GuardRailKind,
    /// "art. 48" or "art. 31" (Istanbul Convention).
    pub article: String,
    pub persons: Vec<Uuid>,
    /// The conversation the warning is about, when it is about one.
    pub conversation_id: Option<Uuid>,
    pub evidence: Evidence,
    pub requires_justification: bool,
    pub justification: Option<String>,
    /// A required justification is present.
    pub satisfied: bool,
}

fn control_among(control_between: &BTreeMap<(Uuid, Uuid), Evidence>, persons: &[Uuid]) -> Evidence {
    let mut e = Evidence::default();
    for (i, a) in persons.iter().enumerate() {
        for b in &persons[i + 1..] {
            let key = if a < b { (*a, *b) } else { (*b, *a) };
            if let Some(found) = control_between.get(&key) {
                e.merge(found);
            }
        }
    }
    e
}

fn joint_rail(persons: &[Uuid], conversation_id: Option<Uuid>, evidence: Evidence, justification: Option<&str>) -> GuardRail {
    let justification = justification.map(str::trim).filter(|j| !j.is_empty()).map(str::to_owned);
    let mut persons = persons.to_vec();
    persons.sort();
    GuardRail {
        kind: GuardRailKind::JointWithCoerciveControl,
        article: "art. 48".into(),
        persons,
        conversation_id,
        evidence,
        requires_justification: true,
        satisfied: justification.is_some(),
        justification,
    }
}

/// Warnings for joint conversations already held while control is recorded between participants.
pub(crate) fn joint_conversation_warnings(
    input: &CaseSnapshot,
    control_between: &BTreeMap<(Uuid, Uuid), Evidence>,
) -> Vec<GuardRail> {
    let mut convs: Vec<&crate::Conversation> = input.conversations.iter().filter(|c| c.is_joint()).collect();
    convs.sort_by_key(|c| c.id);
    convs
        .into_iter()
        .filter_map(|c| {
            let e = control_among(control_between, &c.participants);
            (!e.is_empty()).then(|| joint_rail(&c.participants, Some(c.id), e, c.safety_justification.as_deref()))
        })
        .collect()
}

/// Check before planning a joint conversation, mediation or couple therapy.
pub fn check_joint_setting(
    input: &CaseSnapshot,
    catalogue: &Catalogue,
    participants: &[Uuid],
    _setting: JointSetting,
    justification: Option<&str>,
) -> Option<GuardRail> {
    let facts = Facts::build(input, catalogue);
    let e = control_among(&facts.control_between, participants);
    (!e.is_empty()).then(|| joint_rail(participants, None, e, justification))
}

/// Check before putting a contact or custody arrangement for `parent` in the plan: is violence by this
/// parent towards an (ex-)partner recorded?
pub fn check_contact_arrangement(input: &CaseSnapshot, catalogue: &Catalogue, parent: Uuid) -> Option<GuardRail> {
    let facts = Facts::build(input, catalogue);
    let mut e = Evidence::default();
    let mut persons = vec![parent];
    for c in facts.counted.iter().filter(|c| c.actor == parent && facts.are_partners(c.actor, c.target)) {
        let violent = c.category.counts_as_partner_violence()
            || facts.defs.get(c.behaviour_id.as_str()).is_some_and(|d| crate::analysis::facts_is_control(d));
        if violent {
            e.merge(&c.evidence);
            persons.push(c.target);
        }
    }
    persons.sort();
    persons.dedup();
    (!e.is_empty()).then(|| GuardRail {
        kind: GuardRailKind::ContactWithPartnerViolence,
        article: "art. 31".into(),
        persons,
        conversation_id: None,
        evidence: e,
        requires_justification: false,
        justification: None,
        satisfied: true,
    })
}

/// A place in a text that may blame the victim, with a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Hint {
    pub phrase_id: String,
    /// Character offsets (not bytes) of the match in the text.
    pub start: u32,
    pub end: u32,
    pub matched: String,
    pub suggestion: String,
}

/// Finds victim-blaming phrases in plan text, case-insensitively, in order of appearance.
pub fn victim_blaming_hints(text: &str, phrases: &[BlamingPhrase]) -> Vec<Hint> {
    let original: Vec<char> = text.chars().collect();
    let lower: Vec<char> = original.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let mut out = Vec::new();
    for p in phrases {
        let pat: Vec<char> = p.pattern.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect();
        if pat.is_empty() || pat.len() > lower.len() {
            continue;
        }
        for start in 0..=lower.len() - pat.len() {
            if lower[start..start + pat.len()] == pat[..] {
                out.push(Hint {
                    phrase_id: p.id.clone(),
                    start: start as u32,
                    end: (start + pat.len()) as u32,
                    matched: original[start..start + pat.len()].iter().collect(),
                    suggestion: p.suggestion.clone(),
                });
            }
        }
    }
    out.sort_by(|a, b| (a.start, &a.phrase_id).cmp(&(b.start, &b.phrase_id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blaming_phrases_are_found_case_insensitively_with_char_offsets() {
        let phrases = vec![
            BlamingPhrase { id: "uitlokken".into(), pattern: "niet uitlokken".into(), suggestion: "Beschrijf wat hij doet om niet te slaan.".into() },
            BlamingPhrase { id: "rustig".into(), pattern: "moet rustig blijven".into(), suggestion: "s".into() },
        ];
        let hints = victim_blaming_hints("Één afspraak: moeder moet hem Niet Uitlokken.", &phrases);
        assert_eq!(hints.len(), 1);
        assert_eq!(hints[0].phrase_id, "uitlokken");
        assert_eq!(hints[0].matched, "Niet Uitlokken");
        assert_eq!((hints[0].start, hints[0].end), (30, 44));
        assert!(victim_blaming_hints("Vader stopt met slaan en belt zijn coach.", &phrases).is_empty());
    }
}
