//! Coverage: is everyone heard? (domain.md §6.5, §2.4)
//!
//! Per person: separate and joint conversations. Per child: heard alone, and whether the child's own
//! experience of safety is recorded. Every child counts, not only the one the referral was about.
//! Children under 4 are not talked with but must be seen: an observation (answers of the observation
//! guide about that child, feeding `child.observed`) counts for them. Network persons are listed but
//! not counted as open work.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{CaseSnapshot, Facts};
use crate::indicators::{CHILD_OBSERVED, CHILD_OWN_SAFETY};
use crate::{AgeBand, Role};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonCoverage {
    pub person: Uuid,
    pub role: Role,
    pub separate_conversations: u32,
    pub joint_conversations: u32,
    pub heard_alone: bool,
    /// Children only: the child's own experience of safety is recorded.
    pub own_safety_recorded: Option<bool>,
    /// Children only: a pre-check without open issues exists.
    pub precheck_done: Option<bool>,
    /// Children only: younger than the youngest guide band, so not interviewed but observed.
    pub too_young_for_conversation: bool,
    /// Children under 4 only: an observation of the child is recorded.
    pub observed: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum OpenWork {
    /// An adult without a conversation of their own.
    NotHeardSeparately { person: Uuid },
    ChildNotHeardAlone { child: Uuid },
    ChildSafetyNotRecorded { child: Uuid },
    /// A child under 4 who was not seen yet: record an observation.
    ChildNotObserved { child: Uuid },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Coverage {
    pub persons: Vec<PersonCoverage>,
    pub open: Vec<OpenWork>,
}

impl Coverage {
    pub fn heard_alone(&self, person: Uuid) -> bool {
        self.persons.iter().any(|p| p.person == person && p.heard_alone)
    }
}

pub(crate) fn coverage(input: &CaseSnapshot, f: &Facts, today: NaiveDate) -> Coverage {
    let mut persons: Vec<&crate::Person> = input.household.persons.iter().collect();
    persons.sort_by_key(|p| p.id);
    let mut out = Vec::new();
    let mut open = Vec::new();
    for p in persons {
        let separate = input.conversations.iter().filter(|c| c.is_alone_with(p.id)).count() as u32;
        let joint = input.conversations.iter().filter(|c| c.is_joint() && c.participants.contains(&p.id)).count() as u32;
        let heard_alone = separate > 0;
        let is_child = p.role == Role::Child;
        let too_young = is_child
            && p.year_of_birth.is_some_and(|y| {
                let age = today.year() - y;
                age < 4 || AgeBand::for_age(age.clamp(0, 255) as u8).is_none() && age < 18
            });
        let own_safety = is_child.then(|| f.person_indicator(p.id, CHILD_OWN_SAFETY).is_some());
        let precheck = is_child.then(|| input.prechecks.iter().any(|c| c.child_id == p.id && c.issues().is_empty()));
        let observed = too_young.then(|| f.person_indicator(p.id, CHILD_OBSERVED).is_some());
        match p.role {
            Role::Child if !too_young => {
                if !heard_alone {
                    open.push(OpenWork::ChildNotHeardAlone { child: p.id });
                }
                if own_safety == Some(false) {
                    open.push(OpenWork::ChildSafetyNotRecorded { child: p.id });
                }
            }
            Role::Child => {
                if observed == Some(false) {
                    open.push(OpenWork::ChildNotObserved { child: p.id });
                }
            }
            Role::Parent | Role::Partner | Role::ExPartner | Role::OtherFamily if !heard_alone => {
                open.push(OpenWork::NotHeardSeparately { person: p.id });
            }
            _ => {}
        }
        out.push(PersonCoverage {
            person: p.id,
            role: p.role,
            separate_conversations: separate,
            joint_conversations: joint,
            heard_alone,
            own_safety_recorded: own_safety,
            precheck_done: precheck,
            too_young_for_conversation: too_young,
            observed,
        });
    }
    open.sort();
    Coverage { persons: out, open }
}
