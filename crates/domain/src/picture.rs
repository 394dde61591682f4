//! The family picture: a genogram of the household with who→whom arrows for the recorded behaviours.
//!
//! Pure data for the drawing (the UI draws it as SVG, the plan's PDF can too): who belongs to which
//! generation, who are (ex-)partners and since when separated, whose child each child is, who lives in
//! the household, and per (actor, target) what was recorded — counted the same way as the analysis
//! (each behaviour once, at the highest frequency any source reports; denials are not arrows).
//! The drawing code decides nothing: weight, yearly estimate and the children who witnessed it come
//! from here.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::analysis::{CaseSnapshot, Evidence, Facts};
use crate::{BehaviourCategory, Catalogue, RelationKind, Role, Weight};

/// Where a person stands in the picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PictureRow {
    /// Parents, partners, ex-partners and other adults of the family.
    Adults,
    /// The children.
    Children,
    /// Network persons (grandparent, neighbour, friend), drawn apart from the family.
    Network,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PictureNode {
    pub person: Uuid,
    pub role: Role,
    pub row: PictureRow,
    pub lives_in_household: bool,
    pub year_of_birth: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PictureCouple {
    /// The lower id of the pair.
    pub a: Uuid,
    pub b: Uuid,
    pub separated: bool,
    pub separation_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PictureParentLink {
    pub parent: Uuid,
    pub child: Uuid,
    pub step: bool,
}

/// Everything recorded from one person towards another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PictureArrow {
    pub actor: Uuid,
    pub target: Uuid,
    /// `ernstig` when any behaviour on this arrow is.
    pub weight: Weight,
    /// Estimated number of times in the last 12 months: the sum over the behaviours, each counted once.
    pub yearly: u32,
    /// The categories on this arrow, sorted.
    pub categories: Vec<BehaviourCategory>,
    /// Catalogue ids, sorted.
    pub behaviours: Vec<String>,
    /// Children who saw, heard, noticed the aftermath or were hurt intervening, sorted.
    pub witnessed_by: Vec<Uuid>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FamilyPicture {
    /// Sorted by (row, person id): the same household gives the same picture whatever order it was read in.
    pub nodes: Vec<PictureNode>,
    pub couples: Vec<PictureCouple>,
    pub parent_links: Vec<PictureParentLink>,
    pub siblings: Vec<(Uuid, Uuid)>,
    /// Sorted by (actor, target).
    pub arrows: Vec<PictureArrow>,
}

fn row_of(role: Role) -> PictureRow {
    match role {
        Role::Child => PictureRow::Children,
        Role::Network => PictureRow::Network,
        Role::Parent | Role::Partner | Role::ExPartner | Role::OtherFamily => PictureRow::Adults,
    }
}

fn ordered(a: Uuid, b: Uuid) -> (Uuid, Uuid) {
    if a < b { (a, b) } else { (b, a) }
}

/// The family picture of one case.
pub fn family_picture(snapshot: &CaseSnapshot, catalogue: &Catalogue) -> FamilyPicture {
    from_facts(&Facts::build(snapshot, catalogue))
}

/// The same, from the facts the analysis already built (so `analyse` counts only once).
pub(crate) fn from_facts(facts: &Facts<'_>) -> FamilyPicture {
    let household = &facts.snapshot.household;
    let known: BTreeSet<Uuid> = household.persons.iter().map(|p| p.id).collect();
    let mut nodes: Vec<PictureNode> = household
        .persons
        .iter()
        .map(|p| PictureNode {
            person: p.id,
            role: p.role,
            row: row_of(p.role),
            lives_in_household: p.lives_in_household,
            year_of_birth: p.year_of_birth,
        })
        .collect();
    nodes.sort_by_key(|n| (n.row, n.person));

    // A pair that was ever recorded as ex-partners counts as separated, even if an older relation says
    // "partner" too: separation is the risk period the picture must not hide.
    let mut couples: BTreeMap<(Uuid, Uuid), PictureCouple> = BTreeMap::new();
    let mut parent_links = Vec::new();
    let mut siblings = BTreeSet::new();
    for r in &household.relations {
        if !known.contains(&r.from) || !known.contains(&r.to) {
            continue;
        }
        match &r.kind {
            RelationKind::PartnerOf | RelationKind::ExPartnerOf { .. } => {
                let (a, b) = ordered(r.from, r.to);
                let entry =
                    couples.entry((a, b)).or_insert(PictureCouple { a, b, separated: false, separation_date: None });
                if let RelationKind::ExPartnerOf { separation_date } = &r.kind {
                    entry.separated = true;
                    entry.separation_date = entry.separation_date.max(*separation_date);
                }
            }
            RelationKind::ParentOf { step } => {
                parent_links.push(PictureParentLink { parent: r.from, child: r.to, step: *step })
            }
            RelationKind::SiblingOf => {
                siblings.insert(ordered(r.from, r.to));
            }
        }
    }
    parent_links.sort_by_key(|l| (l.child, l.parent));
    parent_links.dedup_by_key(|l| (l.child, l.parent));

    let mut arrows: BTreeMap<(Uuid, Uuid), PictureArrow> = BTreeMap::new();
    for c in &facts.counted {
        let arrow = arrows.entry((c.actor, c.target)).or_insert_with(|| PictureArrow {
            actor: c.actor,
            target: c.target,
            weight: Weight::Licht,
            yearly: 0,
            categories: Vec::new(),
            behaviours: Vec::new(),
            witnessed_by: Vec::new(),
            evidence: Evidence::default(),
        });
        arrow.weight = arrow.weight.max(c.weight);
        arrow.yearly += c.yearly;
        if !arrow.categories.contains(&c.category) {
            arrow.categories.push(c.category);
        }
        arrow.behaviours.push(c.behaviour_id.clone());
        arrow.evidence.merge(&c.evidence);
    }
    for (record, _) in &facts.reported {
        for exposure in &record.children_exposed {
            if exposure.how.is_empty() {
                continue;
            }
            for pair in record.pairs() {
                if let Some(arrow) = arrows.get_mut(&pair) {
                    if !arrow.witnessed_by.contains(&exposure.child) {
                        arrow.witnessed_by.push(exposure.child);
                    }
                }
            }
        }
    }
    let arrows = arrows
        .into_values()
        .map(|mut a| {
            a.categories.sort();
            a.behaviours.sort();
            a.behaviours.dedup();
            a.witnessed_by.sort();
            a
        })
        .collect();

    FamilyPicture {
        nodes,
        couples: couples.into_values().collect(),
        parent_links,
        siblings: siblings.into_iter().collect(),
        arrows,
    }
}
