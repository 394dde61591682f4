//! The safety plan (`veiligheidsplan`) model, its versions and audience filtering (domain.md §9).
//!
//! A plan is a set of sections; every entry in a section is an [`Item`] that carries who may read it
//! ([`Visibility`]), whom it is about, and where it came from ([`Origin`]). Printing never works on the
//! plan itself: [`view_for`] first cuts the plan down to what one reader ([`Audience`]) may see, and the
//! templates only ever receive that [`PlanView`].
//!
//! Two rules hold whatever the visibility setting says (defence in depth, because one wrong click on a
//! visibility menu must not put anyone in danger):
//! - what a child disclosed ([`Origin::ChildDisclosure`]) reaches only the professional and, if its
//!   visibility allows, that child itself — never a parent, another adult, another child or the network;
//! - escape-plan items reach only the professional and the person the item protects (its `about`), and
//!   that person only when the visibility names them (or says `Everyone`). Any other reader named on an
//!   escape-plan item is ignored by the filter and refused by [`SafetyPlan::validate`]; `Everyone` on an
//!   escape-plan item is refused by [`SafetyPlan::validate`] and read as "only the protected person" by
//!   the filter. An item without a protected person reaches nobody but the professional.

pub mod checks;
/// Editing rules the UI used to hold: allowed readers, new items.
pub mod editor;
pub mod prefill;
mod view;

pub use view::*;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::{DomainError, Household, Phase, PlanLanguage};

/// The plan lists the three most unsafe situations, no more (domain.md §9.2).
pub const MAX_WORRIES: usize = 3;
/// Longest free text of one plan field.
pub const MAX_PLAN_TEXT_CHARS: usize = 4000;
/// Longest translation of one item (it covers all the item's free text, up to two fields).
pub const MAX_TRANSLATION_CHARS: usize = 2 * MAX_PLAN_TEXT_CHARS;

/// Who may read an item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "persons", rename_all = "snake_case")]
#[ts(export)]
pub enum Visibility {
    /// Every version of the plan (subject to the two hard rules in the module docs, and to the network
    /// version's narrower scope, see [`view_for`]).
    Everyone,
    /// Only the professional's full version.
    ProfessionalOnly,
    /// The professional and the persons listed here.
    Persons(Vec<Uuid>),
}

/// Where the content of an item came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Origin {
    /// Written by the professional.
    Professional,
    /// Prefilled from the analysis (and possibly edited since).
    Analysis,
    /// Based on what an adult or network person said.
    Statement { person: Uuid },
    /// Based on what a child disclosed. Never reaches an adult's, another child's or the network's
    /// version, whatever the visibility says.
    ChildDisclosure { child: Uuid },
}

/// One entry of a plan section with its access data. `T` is the section-specific content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Item<T> {
    pub id: Uuid,
    pub visibility: Visibility,
    /// The person the item is mainly about or protects, if any.
    pub about: Option<Uuid>,
    pub origin: Origin,
    pub content: T,
    /// Translations of the item's free text that the professional entered beside it, at most one per
    /// language and never Dutch (the source). A reader's version in that language shows the translation;
    /// one in another non-Dutch language shows the text as written, marked as not translated. Absent in
    /// plans stored before issue 15.3.
    #[serde(default)]
    pub translations: Vec<ItemTranslation>,
}

/// The professional's translation of one item's free text into one language (issue 15.3). It replaces
/// all the item's free text in that language's version (names, dates and choices stay as they are).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemTranslation {
    pub language: PlanLanguage,
    pub text: String,
}

impl<T> Item<T> {
    /// A new item written by the professional, visible to everyone.
    pub fn new(content: T) -> Self {
        Item {
            id: Uuid::now_v7(),
            visibility: Visibility::Everyone,
            about: None,
            origin: Origin::Professional,
            content,
            translations: Vec::new(),
        }
    }

    /// Adds (or replaces) the translation into `language`.
    pub fn translated(mut self, language: PlanLanguage, text: impl Into<String>) -> Self {
        self.translations.retain(|t| t.language != language);
        self.translations.push(ItemTranslation { language, text: text.into() });
        self
    }

    /// The translation into `language`, if one was entered and is not blank.
    pub fn translation(&self, language: PlanLanguage) -> Option<&str> {
        self.translations.iter().find(|t| t.language == language).map(|t| t.text.trim()).filter(|t| !t.is_empty())
    }

    pub fn visible_to(mut self, visibility: Visibility) -> Self {
        self.visibility = visibility;
        self
    }

    pub fn about(mut self, person: Uuid) -> Self {
        self.about = Some(person);
        self
    }

    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    /// What a child disclosed: only the professional sees it until the professional decides otherwise,
    /// and even then it never leaves the professional's and the child's own version.
    pub fn child_disclosure(content: T, child: Uuid) -> Self {
        Item::new(content)
            .visible_to(Visibility::ProfessionalOnly)
            .about(child)
            .with_origin(Origin::ChildDisclosure { child })
    }

    /// Something about one person's own problems or needs: by default only that person and the
    /// professional read it.
    pub fn personal(content: T, person: Uuid) -> Self {
        Item::new(content).visible_to(Visibility::Persons(vec![person])).about(person)
    }
}

impl Item<EscapeStep> {
    /// An escape-plan item: visible to the protected person and the professional only.
    pub fn escape(protects: Uuid, kind: EscapeKind, text: impl Into<String>) -> Self {
        Item::new(EscapeStep { kind, text: text.into() }).visible_to(Visibility::Persons(vec![protects])).about(protects)
    }
}

/// What the reader filter needs to know of an item's content: whose network task it is.
pub(crate) trait Content {
    /// The network member whose task this is (network tasks only).
    fn member(&self) -> Option<Uuid> {
        None
    }
}

/// The access data of one item, in `section`.
pub(crate) fn item_meta<T: Content>(section: Section, item: &Item<T>) -> ItemMeta<'_> {
    ItemMeta {
        section,
        id: item.id,
        visibility: &item.visibility,
        about: item.about,
        origin: item.origin,
        member: item.content.member(),
        translations: &item.translations,
    }
}

impl Content for Worry {}
impl Content for Note {}
impl Content for AcuteAction {}
impl Content for Agreement {}
impl Content for Problem {}
impl Content for PersonNeed {}
impl Content for Professional {}
impl Content for Measure {}
impl Content for Signal {}
impl Content for EscapeStep {}
impl Content for NetworkTask {
    fn member(&self) -> Option<Uuid> {
        Some(self.member)
    }
}

/// Someone who does or checks something: a person of the household or a professional of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Party {
    Person { id: Uuid },
    /// The `id` of an item in [`SafetyPlan::professionals`].
    Professional { id: Uuid },
}

/// One of the most unsafe situations: who does what to whom, with which impact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Worry {
    pub situation: String,
    pub impact: String,
}

/// A safety goal or condition that must hold (`veiligheidsvoorwaarde`), or any other one-line entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Note {
    pub text: String,
}

/// Something that must happen within 24 hours (acute phase).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AcuteAction {
    pub what: String,
    pub who: Vec<Party>,
    pub before: Option<DateTime<Utc>>,
}

/// A `directe veiligheid` agreement: who does what, from when, who checks, what happens if broken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Agreement {
    pub who: Vec<Party>,
    pub what: String,
    pub from: Option<NaiveDate>,
    pub checked_by: Vec<Party>,
    pub if_broken: String,
}

/// An underlying problem of one person (`duurzame veiligheid`), with its priority and the help for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Problem {
    pub person: Uuid,
    /// 1 = first.
    pub priority: u8,
    pub problem: String,
    pub help: String,
}

/// What one person needs: recovery (`herstel`) or agreements and support (domain.md §9.4–5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonNeed {
    pub person: Uuid,
    pub need: String,
    pub help: String,
}

/// A task for a network person (grandparent, neighbour, friend).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NetworkTask {
    pub member: Uuid,
    pub task: String,
}

/// A professional involved in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Professional {
    pub name: String,
    pub organisation: String,
    pub role: String,
    pub contact: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MeasureKind {
    /// `tijdelijk huisverbod`: 10 days, extendable to 28.
    TijdelijkHuisverbod,
    /// `contactverbod`
    ContactBan,
    /// `strafrechtelijke voorwaarden`
    CriminalConditions,
    /// `ondertoezichtstelling` (OTS)
    Ots,
    /// Priority police response.
    PolicePriority,
    /// Alarm device.
    AlarmDevice,
    /// `adresafscherming`
    AddressShielding,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MeasureStatus {
    InPlace,
    Considered,
}

/// A legal or protective measure in place or considered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Measure {
    pub kind: MeasureKind,
    pub status: MeasureStatus,
    pub details: String,
    pub until: Option<NaiveDate>,
}

/// A signal that tension rises, and what to do then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Signal {
    pub signal: String,
    pub action: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EscapeKind {
    WhereToGo,
    WhatToTake,
    WhoToCall,
    Other,
}

/// One line of an escape / emergency plan. The protected person is the item's `about`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EscapeStep {
    pub kind: EscapeKind,
    pub text: String,
}

/// Someone who signs the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Signatory {
    pub party: Party,
}

/// The safety plan of one case. Sections follow domain.md §9.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SafetyPlan {
    pub id: Uuid,
    pub case_id: Uuid,
    /// Who made the plan together (§9.1).
    pub made_with: Vec<Party>,
    pub evaluation_dates: Vec<NaiveDate>,
    /// Top 3 most unsafe situations (§9.2).
    pub worries: Vec<Item<Worry>>,
    /// `veiligheidsvoorwaarden` (§9.3).
    pub conditions: Vec<Item<Note>>,
    /// Acute phase: actions within 24 hours (§9.4).
    pub acute_actions: Vec<Item<AcuteAction>>,
    /// `directe veiligheid` agreements (§9.4).
    pub agreements: Vec<Item<Agreement>>,
    /// `duurzame veiligheid`: underlying problems per person and the help (§9.4).
    pub problems: Vec<Item<Problem>>,
    /// `herstel`: what each adult and child needs to recover (§9.4).
    pub recovery: Vec<Item<PersonNeed>>,
    /// Agreements and support per person (§9.5).
    pub support: Vec<Item<PersonNeed>>,
    /// Network tasks (§9.6).
    pub network: Vec<Item<NetworkTask>>,
    /// Professionals: organisation, role, contact (§9.6).
    pub professionals: Vec<Item<Professional>>,
    /// Legal and protective measures (§9.7).
    pub measures: Vec<Item<Measure>>,
    /// Signals and what to do (§9.8).
    pub signals: Vec<Item<Signal>>,
    /// Escape / emergency plan (§9.9).
    pub escape_plan: Vec<Item<EscapeStep>>,
    /// Signatures (§9.10).
    pub signatories: Vec<Signatory>,
    pub updated_at: DateTime<Utc>,
}

/// The sections of a plan, used by the audience filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Section {
    Worries,
    Conditions,
    AcuteActions,
    Agreements,
    Problems,
    Recovery,
    Support,
    Network,
    Professionals,
    Measures,
    Signals,
    EscapePlan,
}

impl SafetyPlan {
    /// An empty plan for a case.
    pub fn new(case_id: Uuid, now: DateTime<Utc>) -> Self {
        SafetyPlan {
            id: Uuid::now_v7(),
            case_id,
            made_with: Vec::new(),
            evaluation_dates: Vec::new(),
            worries: Vec::new(),
            conditions: Vec::new(),
            acute_actions: Vec::new(),
            agreements: Vec::new(),
            problems: Vec::new(),
            recovery: Vec::new(),
            support: Vec::new(),
            network: Vec::new(),
            professionals: Vec::new(),
            measures: Vec::new(),
            signals: Vec::new(),
            escape_plan: Vec::new(),
            signatories: Vec::new(),
            updated_at: now,
        }
    }

    /// The first evaluation date on or after `today`, if any (shown on the case).
    pub fn next_evaluation(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.evaluation_dates.iter().copied().filter(|d| *d >= today).min()
    }

    /// The access data of every item, with its section (what the filter and the tests look at).
    pub fn item_metas(&self) -> Vec<ItemMeta<'_>> {
        fn push<'a, T: Content>(out: &mut Vec<ItemMeta<'a>>, section: Section, items: &'a [Item<T>]) {
            out.extend(items.iter().map(|i| item_meta(section, i)));
        }
        let mut out = Vec::new();
        push(&mut out, Section::Worries, &self.worries);
        push(&mut out, Section::Conditions, &self.conditions);
        push(&mut out, Section::AcuteActions, &self.acute_actions);
        push(&mut out, Section::Agreements, &self.agreements);
        push(&mut out, Section::Problems, &self.problems);
        push(&mut out, Section::Recovery, &self.recovery);
        push(&mut out, Section::Support, &self.support);
        push(&mut out, Section::Network, &self.network);
        push(&mut out, Section::Professionals, &self.professionals);
        push(&mut out, Section::Measures, &self.measures);
        push(&mut out, Section::Signals, &self.signals);
        push(&mut out, Section::EscapePlan, &self.escape_plan);
        out
    }

    /// Checks the plan against its household. Returns the first problem found.
    pub fn validate(&self, household: &Household) -> Result<(), DomainError> {
        if self.case_id != household.case.id {
            return Err(DomainError::Invalid("plan of another case"));
        }
        if self.worries.len() > MAX_WORRIES {
            return Err(DomainError::Invalid("more than three worries"));
        }
        let person_ok = |id: &Uuid| household.person(*id).is_some();
        let party_ok = |p: &Party| match p {
            Party::Person { id } => person_ok(id),
            Party::Professional { id } => self.professionals.iter().any(|x| x.id == *id),
        };
        for meta in self.item_metas() {
            if let Visibility::Persons(list) = meta.visibility {
                if !list.iter().all(person_ok) {
                    return Err(DomainError::Invalid("visibility names an unknown person"));
                }
            }
            if meta.about.is_some_and(|a| !person_ok(&a)) {
                return Err(DomainError::Invalid("item about an unknown person"));
            }
            match meta.origin {
                Origin::ChildDisclosure { child } => {
                    if household.person(child).is_none_or(|p| p.role != crate::Role::Child) {
                        return Err(DomainError::Invalid("child disclosure of someone who is not a child"));
                    }
                }
                Origin::Statement { person } if !person_ok(&person) => {
                    return Err(DomainError::Invalid("statement of an unknown person"));
                }
                _ => {}
            }
            check_translations(meta.translations)?;
            if meta.section == Section::EscapePlan {
                if meta.about.is_none() {
                    return Err(DomainError::Invalid("escape plan item without the person it protects"));
                }
                if *meta.visibility == Visibility::Everyone {
                    return Err(DomainError::Invalid("escape plan item visible to everyone"));
                }
                let others = |list: &Vec<Uuid>| list.iter().any(|reader| meta.about != Some(*reader));
                if matches!(meta.visibility, Visibility::Persons(list) if others(list)) {
                    return Err(DomainError::Invalid("escape plan item readable by someone other than the person it protects"));
                }
            }
        }
        let texts = self
            .worries
            .iter()
            .flat_map(|w| [&w.content.situation, &w.content.impact])
            .chain(self.conditions.iter().map(|c| &c.content.text))
            .chain(self.acute_actions.iter().map(|a| &a.content.what))
            .chain(self.agreements.iter().flat_map(|a| [&a.content.what, &a.content.if_broken]))
            .chain(self.problems.iter().flat_map(|p| [&p.content.problem, &p.content.help]))
            .chain(self.recovery.iter().chain(&self.support).flat_map(|p| [&p.content.need, &p.content.help]))
            .chain(self.network.iter().map(|n| &n.content.task))
            .chain(self.measures.iter().map(|m| &m.content.details))
            .chain(self.signals.iter().flat_map(|s| [&s.content.signal, &s.content.action]))
            .chain(self.escape_plan.iter().map(|e| &e.content.text));
        for text in texts {
            if text.chars().count() > MAX_PLAN_TEXT_CHARS {
                return Err(DomainError::TooLong("plan text"));
            }
        }
        let parties = self
            .made_with
            .iter()
            .chain(self.signatories.iter().map(|s| &s.party))
            .chain(self.acute_actions.iter().flat_map(|a| &a.content.who))
            .chain(self.agreements.iter().flat_map(|a| a.content.who.iter().chain(&a.content.checked_by)));
        for party in parties {
            if !party_ok(party) {
                return Err(DomainError::Invalid("unknown person or professional"));
            }
        }
        let persons = self
            .problems
            .iter()
            .map(|p| &p.content.person)
            .chain(self.recovery.iter().chain(&self.support).map(|p| &p.content.person))
            .chain(self.network.iter().map(|n| &n.content.member));
        for id in persons {
            if !person_ok(id) {
                return Err(DomainError::Invalid("unknown person"));
            }
        }
        Ok(())
    }
}

/// An item's translations: never Dutch (the source), at most one per language, each within
/// [`MAX_TRANSLATION_CHARS`]. A blank one is allowed (an emptied field) and counts as no translation.
fn check_translations(translations: &[ItemTranslation]) -> Result<(), DomainError> {
    let mut seen = Vec::new();
    for t in translations {
        if t.language == PlanLanguage::Nl {
            return Err(DomainError::Invalid("a translation into Dutch, the source language"));
        }
        if seen.contains(&t.language) {
            return Err(DomainError::Invalid("two translations into one language"));
        }
        seen.push(t.language);
        if t.text.chars().count() > MAX_TRANSLATION_CHARS {
            return Err(DomainError::TooLong("plan translation"));
        }
    }
    Ok(())
}

/// The access data of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemMeta<'a> {
    pub section: Section,
    pub id: Uuid,
    pub visibility: &'a Visibility,
    pub about: Option<Uuid>,
    pub origin: Origin,
    /// For a network task: the network member whose task it is.
    pub member: Option<Uuid>,
    /// The professional's translations of the item's free text.
    pub translations: &'a [ItemTranslation],
}

/// A frozen, numbered version of a plan: what was printed or exported, with its date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanVersion {
    /// 1, 2, 3 … per plan.
    pub number: u32,
    pub frozen_at: DateTime<Utc>,
    pub plan: SafetyPlan,
}

/// Freezes the plan as version `number` at `now` (printing or exporting does this).
pub fn freeze(plan: &SafetyPlan, number: u32, now: DateTime<Utc>) -> PlanVersion {
    PlanVersion { number, frozen_at: now, plan: plan.clone() }
}

/// The number the next frozen version gets.
pub fn next_version_number(existing: &[PlanVersion]) -> u32 {
    existing.iter().map(|v| v.number).max().unwrap_or(0) + 1
}

/// Who reads a printed version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "person", rename_all = "snake_case")]
#[ts(export)]
pub enum Audience {
    /// The professional: everything.
    Professional,
    /// An adult of the household (parent, partner, ex-partner, other family member).
    Adult(Uuid),
    /// A child of the household.
    Child(Uuid),
    /// A network person (grandparent, neighbour, friend).
    Network(Uuid),
}

impl Audience {
    /// The audience a person belongs to by role.
    pub fn for_person(person: &crate::Person) -> Audience {
        match person.role {
            crate::Role::Child => Audience::Child(person.id),
            crate::Role::Network => Audience::Network(person.id),
            _ => Audience::Adult(person.id),
        }
    }

    pub fn reader(&self) -> Option<Uuid> {
        match self {
            Audience::Professional => None,
            Audience::Adult(id) | Audience::Child(id) | Audience::Network(id) => Some(*id),
        }
    }
}

/// Whether `audience` may read an item. This is the one place the access rules live.
///
/// - Professional: everything.
/// - A child disclosure: only the professional and the disclosing child (if the visibility allows).
/// - An escape-plan item: only the professional and the person it protects (`about`), whatever else the
///   visibility names (if the visibility allows: `Persons` naming them, or `Everyone`).
/// - `ProfessionalOnly`: nobody else.
/// - `Persons(list)`: exactly the listed persons.
/// - `Everyone`: every reader, except
///   - the network, which only gets the shared items it needs to do its part: conditions, agreements,
///     its own network tasks (not another member's: "their tasks only", domain.md §9), professionals'
///     contacts and signals. Worries, per-person problems and needs, measures, acute actions and
///     another member's tasks reach a network person only when the item names them in its visibility
///     list.
pub fn may_see(audience: &Audience, meta: &ItemMeta<'_>) -> bool {
    let Some(reader) = audience.reader() else { return true };
    if let Origin::ChildDisclosure { child } = meta.origin {
        if *audience != Audience::Child(child) {
            return false;
        }
    }
    // The escape plan: only the person it protects, whoever else the visibility names (domain.md §9).
    if meta.section == Section::EscapePlan && meta.about != Some(reader) {
        return false;
    }
    match meta.visibility {
        Visibility::ProfessionalOnly => false,
        Visibility::Persons(list) => list.contains(&reader),
        Visibility::Everyone => match (audience, meta.section) {
            // `about == reader` was checked above.
            (_, Section::EscapePlan) => true,
            (Audience::Network(_), Section::Network) => meta.member == Some(reader),
            (Audience::Network(_), section) => NETWORK_SHARED_SECTIONS.contains(&section),
            _ => true,
        },
    }
}

/// Sections whose `Everyone` items reach the network version (network tasks: only the reader's own).
pub const NETWORK_SHARED_SECTIONS: [Section; 5] =
    [Section::Conditions, Section::Agreements, Section::Network, Section::Professionals, Section::Signals];

/// The current phase shown on the plan, taken from the case.
fn phase_of(household: &Household) -> Phase {
    household.case.phase
}

#[cfg(test)]
mod tests;
