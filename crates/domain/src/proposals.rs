//! Relations proposed from the roles, so a household is entered on one screen instead of relation by
//! relation: every `ouder` is proposed as parent of every child, two parents as partners (or ex-partners
//! when one lives elsewhere), a `partner` of the only parent as that parent's partner and — when both live
//! with the children — as step-parent, an `ex-partner` of the only parent as ex-partner and as the
//! children's other parent. Nothing is stored: the professional ticks what is true and can change it.
//! A pair that already has a relation of that family (parent-of, or partner/ex-partner) gets no proposal.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::{Household, Person, RelationInput, RelationKind, Role};

/// Why a relation is proposed (the UI words it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProposalReason {
    /// A person with the role `ouder` and a child of the household.
    ParentRole,
    /// Two persons with the role `ouder`.
    TwoParents,
    /// The `partner` of the only parent.
    PartnerOfParent,
    /// The partner of the only parent lives with the children.
    StepParentInHome,
    /// The `ex-partner` of the only parent.
    ExPartnerOfParent,
    /// The ex-partner of the only parent, proposed as the children's other parent.
    OtherParent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RelationProposal {
    pub relation: RelationInput,
    pub reason: ProposalReason,
}

fn couple_exists(h: &Household, a: Uuid, b: Uuid) -> bool {
    h.relations.iter().any(|r| {
        matches!(r.kind, RelationKind::PartnerOf | RelationKind::ExPartnerOf { .. })
            && ((r.from == a && r.to == b) || (r.from == b && r.to == a))
    })
}

fn parent_exists(h: &Household, parent: Uuid, child: Uuid) -> bool {
    h.relations.iter().any(|r| matches!(r.kind, RelationKind::ParentOf { .. }) && r.from == parent && r.to == child)
}

/// The relations the roles suggest and that are not recorded yet, in a stable order.
pub fn propose_relations(h: &Household) -> Vec<RelationProposal> {
    let with = |role: Role| -> Vec<&Person> { h.persons.iter().filter(|p| p.role == role).collect() };
    let parents = with(Role::Parent);
    let children = with(Role::Child);
    let partners = with(Role::Partner);
    let exes = with(Role::ExPartner);
    let mut out = Vec::new();
    let mut push = |from: Uuid, to: Uuid, kind: RelationKind, reason: ProposalReason| {
        let is_parent = matches!(kind, RelationKind::ParentOf { .. });
        let exists = if is_parent { parent_exists(h, from, to) } else { couple_exists(h, from, to) };
        let proposed = out.iter().any(|p: &RelationProposal| {
            let same_family = matches!(p.relation.kind, RelationKind::ParentOf { .. }) == is_parent;
            same_family && ((p.relation.from == from && p.relation.to == to) || (!is_parent && p.relation.from == to && p.relation.to == from))
        });
        if !exists && !proposed {
            out.push(RelationProposal { relation: RelationInput { from, to, kind }, reason });
        }
    };

    for parent in &parents {
        for child in &children {
            push(parent.id, child.id, RelationKind::ParentOf { step: false }, ProposalReason::ParentRole);
        }
    }
    if let [a, b] = parents.as_slice() {
        let kind = if a.lives_in_household && b.lives_in_household {
            RelationKind::PartnerOf
        } else {
            RelationKind::ExPartnerOf { separation_date: None }
        };
        push(a.id, b.id, kind, ProposalReason::TwoParents);
    }
    if let [only] = parents.as_slice() {
        for partner in &partners {
            push(partner.id, only.id, RelationKind::PartnerOf, ProposalReason::PartnerOfParent);
            if partner.lives_in_household {
                for child in children.iter().filter(|c| c.lives_in_household) {
                    push(partner.id, child.id, RelationKind::ParentOf { step: true }, ProposalReason::StepParentInHome);
                }
            }
        }
        for ex in &exes {
            push(ex.id, only.id, RelationKind::ExPartnerOf { separation_date: None }, ProposalReason::ExPartnerOfParent);
            if partners.is_empty() {
                for child in &children {
                    push(ex.id, child.id, RelationKind::ParentOf { step: false }, ProposalReason::OtherParent);
                }
            }
        }
    }
    out
}

/// Who a new behaviour record is about, before the professional changes anything: filled in from the
/// conversation and the recorded relations, shown in the form, and swapped or changed with one control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BehaviourPrefill {
    pub actors: Vec<Uuid>,
    pub targets: Vec<Uuid>,
    /// The person speaking; `None` in a joint conversation (who said it is chosen per record).
    pub source: Option<Uuid>,
}

/// The common case in a conversation with one adult is "the other partner did this to me": when the
/// speaker has exactly one recorded partner or ex-partner, that person is the actor and the speaker the
/// target (the form swaps the direction with one control). With no such relation, or more than one
/// (a new partner and an ex), nothing is guessed. A child is the source of what it tells, and nothing is
/// guessed for actor or target: what a child tells is often about the adults or a brother or sister, and
/// a guess would put words in its mouth (§4: never presuppose who did it). Network persons likewise. A joint
/// conversation guesses nothing, not even the source.
pub fn behaviour_prefill(h: &Household, participants: &[Uuid]) -> BehaviourPrefill {
    let none = |source| BehaviourPrefill { actors: vec![], targets: vec![], source };
    let [speaker] = participants else { return none(None) };
    let Some(person) = h.person(*speaker) else { return none(None) };
    if matches!(person.role, Role::Child | Role::Network) {
        return none(Some(*speaker));
    }
    let mut others: Vec<Uuid> = h
        .relations
        .iter()
        .filter(|r| matches!(r.kind, RelationKind::PartnerOf | RelationKind::ExPartnerOf { .. }))
        .filter_map(|r| if r.from == *speaker { Some(r.to) } else if r.to == *speaker { Some(r.from) } else { None })
        .filter(|other| other != speaker && h.person(*other).is_some())
        .collect();
    others.sort();
    others.dedup();
    match others.as_slice() {
        [other] => BehaviourPrefill { actors: vec![*other], targets: vec![*speaker], source: Some(*speaker) },
        _ => none(Some(*speaker)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Case, CaseStatus, Phase, Relation};

    fn household(persons: &[(Role, bool)]) -> Household {
        let now = chrono::DateTime::<chrono::Utc>::from_timestamp(1_770_000_000, 0).expect("time");
        Household {
            case: Case {
                id: Uuid::from_u128(1),
                label: "Gezin T.".into(),
                status: CaseStatus::Open,
                phase: Phase::DirecteVeiligheid,
                created_at: now,
                updated_at: now,
                retention_until: None,
            },
            persons: persons
                .iter()
                .enumerate()
                .map(|(i, (role, home))| Person {
                    id: Uuid::from_u128(100 + i as u128),
                    case_id: Uuid::from_u128(1),
                    role: *role,
                    name: format!("P{i}"),
                    year_of_birth: None,
                    gender: None,
                    lives_in_household: *home,
                    notes: String::new(),
                    language: Default::default(),
                })
                .collect(),
            relations: vec![],
        }
    }

    fn id(i: u128) -> Uuid {
        Uuid::from_u128(100 + i)
    }

    fn summary(h: &Household) -> Vec<(u128, u128, &'static str, ProposalReason)> {
        propose_relations(h)
            .into_iter()
            .map(|p| {
                let kind = match p.relation.kind {
                    RelationKind::PartnerOf => "partner",
                    RelationKind::ExPartnerOf { .. } => "ex",
                    RelationKind::ParentOf { step: false } => "parent",
                    RelationKind::ParentOf { step: true } => "step",
                    RelationKind::SiblingOf => "sibling",
                };
                (p.relation.from.as_u128() - 100, p.relation.to.as_u128() - 100, kind, p.reason)
            })
            .collect()
    }

    use ProposalReason::*;
    use Role::*;

    #[test]
    fn two_parents_at_home_with_two_children() {
        let h = household(&[(Parent, true), (Parent, true), (Child, true), (Child, true)]);
        assert_eq!(
            summary(&h),
            vec![
                (0, 2, "parent", ParentRole),
                (0, 3, "parent", ParentRole),
                (1, 2, "parent", ParentRole),
                (1, 3, "parent", ParentRole),
                (0, 1, "partner", TwoParents),
            ]
        );
    }

    #[test]
    fn a_parent_living_elsewhere_is_proposed_as_ex_partner() {
        let h = household(&[(Parent, true), (Parent, false), (Child, true)]);
        assert!(summary(&h).contains(&(0, 1, "ex", TwoParents)));
    }

    #[test]
    fn a_new_partner_at_home_is_proposed_as_partner_and_step_parent() {
        let h = household(&[(Parent, true), (Partner, true), (Child, true), (ExPartner, false)]);
        assert_eq!(
            summary(&h),
            vec![
                (0, 2, "parent", ParentRole),
                (1, 0, "partner", PartnerOfParent),
                (1, 2, "step", StepParentInHome),
                (3, 0, "ex", ExPartnerOfParent),
            ],
            "with a new partner in the home the ex-partner is not assumed to be the other parent"
        );
    }

    #[test]
    fn a_single_parent_and_an_ex_partner_propose_the_other_parent() {
        let h = household(&[(Parent, true), (ExPartner, false), (Child, true)]);
        assert_eq!(summary(&h), vec![(0, 2, "parent", ParentRole), (1, 0, "ex", ExPartnerOfParent), (1, 2, "parent", OtherParent)]);
    }

    #[test]
    fn recorded_relations_are_not_proposed_again_in_either_direction() {
        let mut h = household(&[(Parent, true), (Parent, true), (Child, true)]);
        let rel = |from, to, kind| Relation { id: Uuid::from_u128(900 + from + to), case_id: Uuid::from_u128(1), from: id(from), to: id(to), kind };
        h.relations.push(rel(1, 0, RelationKind::ExPartnerOf { separation_date: None }));
        h.relations.push(rel(0, 2, RelationKind::ParentOf { step: false }));
        assert_eq!(summary(&h), vec![(1, 2, "parent", ParentRole)]);
    }

    #[test]
    fn network_and_other_family_get_no_proposals() {
        let h = household(&[(Network, false), (OtherFamily, true), (Child, true)]);
        assert!(summary(&h).is_empty());
    }

    /// (persons, relations as (from, to, kind), speakers) → (actors, targets, source), by person index.
    #[test]
    fn behaviour_prefill_table() {
        type Row = (&'static [(Role, bool)], &'static [(u128, u128, &'static str)], &'static [u128], (&'static [u128], &'static [u128], Option<u128>));
        let rows: &[Row] = &[
            // Two parents, partners: the mother speaking → the father did it, to her.
            (&[(Parent, true), (Parent, true), (Child, true)], &[(0, 1, "partner")], &[0], (&[1], &[0], Some(0))),
            // The same relation read from the other side.
            (&[(Parent, true), (Parent, true), (Child, true)], &[(0, 1, "partner")], &[1], (&[0], &[1], Some(1))),
            // An ex-partner counts as the other partner.
            (&[(Parent, true), (ExPartner, false), (Child, true)], &[(1, 0, "ex")], &[0], (&[1], &[0], Some(0))),
            // No couple recorded yet: nothing guessed, the speaker is still the source.
            (&[(Parent, true), (Parent, true)], &[], &[0], (&[], &[], Some(0))),
            // A parent-of relation is not a couple.
            (&[(Parent, true), (Child, true)], &[(0, 1, "parent")], &[0], (&[], &[], Some(0))),
            // A new partner and an ex: two candidates, nothing guessed.
            (&[(Parent, true), (Partner, true), (ExPartner, false)], &[(1, 0, "partner"), (2, 0, "ex")], &[0], (&[], &[], Some(0))),
            // The couple recorded twice (both directions) is still one other partner.
            (&[(Parent, true), (Parent, true)], &[(0, 1, "partner"), (1, 0, "ex")], &[0], (&[1], &[0], Some(0))),
            // A child is the source; no actor or target is guessed, even with one couple in the house.
            (&[(Parent, true), (Parent, true), (Child, true)], &[(0, 1, "partner"), (0, 2, "parent")], &[2], (&[], &[], Some(2))),
            // A network person likewise.
            (&[(Parent, true), (Parent, true), (Network, false)], &[(0, 1, "partner")], &[2], (&[], &[], Some(2))),
            // A joint conversation guesses nothing, not even the source.
            (&[(Parent, true), (Parent, true)], &[(0, 1, "partner")], &[0, 1], (&[], &[], None)),
        ];
        for (i, (persons, relations, speakers, (actors, targets, source))) in rows.iter().enumerate() {
            let mut h = household(persons);
            for (n, (from, to, kind)) in relations.iter().enumerate() {
                let kind = match *kind {
                    "partner" => RelationKind::PartnerOf,
                    "ex" => RelationKind::ExPartnerOf { separation_date: None },
                    _ => RelationKind::ParentOf { step: false },
                };
                h.relations.push(Relation { id: Uuid::from_u128(800 + n as u128), case_id: Uuid::from_u128(1), from: id(*from), to: id(*to), kind });
            }
            let ids = |xs: &[u128]| xs.iter().map(|x| id(*x)).collect::<Vec<_>>();
            let got = behaviour_prefill(&h, &ids(speakers));
            let want = BehaviourPrefill { actors: ids(actors), targets: ids(targets), source: source.map(id) };
            assert_eq!(got, want, "row {i}");
        }
    }
}
