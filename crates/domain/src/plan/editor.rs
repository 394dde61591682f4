//! Rules of editing a plan that the UI used to hold: which persons an item's visibility may name,
//! whether "everyone" may be chosen, and what a new item in a section looks like (who it protects, who
//! reads it at first). The reader filter (`may_see`) still has the last word when printing.

use uuid::Uuid;

use super::*;
use crate::{DomainError, Person, Role};

/// What the visibility control of one item may offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemReaders {
    pub item: Uuid,
    pub section: Section,
    /// The persons the visibility may name (a child's disclosure: only that child; an escape-plan item:
    /// only the person it protects).
    pub persons: Vec<Uuid>,
    /// Whether "everyone" may be chosen (never for the escape plan or a child's disclosure).
    pub everyone: bool,
}

fn is_adult(p: &Person) -> bool {
    p.role != Role::Child && p.role != Role::Network
}

/// The persons an item's visibility may name: a child's disclosure only that child; an escape-plan item
/// only the person it protects (`about`; nobody while it protects no one), as `may_see` and
/// `SafetyPlan::validate` hold; any other item every person of the case. Both limits apply together.
pub fn allowed_readers(section: Section, origin: &Origin, about: Option<Uuid>, persons: &[Person]) -> Vec<Uuid> {
    persons
        .iter()
        .filter(|p| match origin {
            Origin::ChildDisclosure { child } => p.id == *child,
            _ => true,
        })
        .filter(|p| section != Section::EscapePlan || about == Some(p.id))
        .map(|p| p.id)
        .collect()
}

/// Whether "everyone" may be chosen for an item.
pub fn everyone_allowed(section: Section, origin: &Origin) -> bool {
    section != Section::EscapePlan && !matches!(origin, Origin::ChildDisclosure { .. })
}

/// The readers' choices for every item of a plan.
pub fn readers(plan: &SafetyPlan, persons: &[Person]) -> Vec<ItemReaders> {
    plan.item_metas()
        .into_iter()
        .map(|m| ItemReaders {
            item: m.id,
            section: m.section,
            persons: allowed_readers(m.section, &m.origin, m.about, persons),
            everyone: everyone_allowed(m.section, &m.origin),
        })
        .collect()
}

/// The person an escape plan protects by default: the first adult the worries are about, else the
/// first adult, else the first person.
pub fn default_protected(plan: &SafetyPlan, persons: &[Person]) -> Option<Uuid> {
    let adult = |id: Uuid| persons.iter().any(|p| p.id == id && is_adult(p));
    plan.worries
        .iter()
        .filter_map(|w| w.about)
        .find(|a| adult(*a))
        .or_else(|| persons.iter().find(|p| is_adult(p)).map(|p| p.id))
        .or_else(|| persons.first().map(|p| p.id))
}

/// Whether another item may be added to a section (the plan names at most three worries).
pub fn section_has_room(plan: &SafetyPlan, section: Section) -> bool {
    section != Section::Worries || plan.worries.len() < MAX_WORRIES
}

/// Adds a new, empty item written by the professional to `section`, with the section's first readers:
/// worries, acute actions and measures for the professional only; a person's problem or need for that
/// person; the escape plan for the person it protects; the rest for everyone.
pub fn add_item(plan: &mut SafetyPlan, section: Section, persons: &[Person], id: Uuid) -> Result<(), DomainError> {
    let first = |pred: &dyn Fn(&Person) -> bool| {
        persons.iter().find(|p| pred(p)).or(persons.first()).map(|p| p.id).ok_or(DomainError::Empty("person"))
    };
    let base = |visibility: Visibility, about: Option<Uuid>| (visibility, about);
    fn item<T>(id: Uuid, (visibility, about): (Visibility, Option<Uuid>), content: T) -> Item<T> {
        Item { id, visibility, about, origin: Origin::Professional, content, translations: Vec::new() }
    }
    let prof = || base(Visibility::ProfessionalOnly, None);
    let everyone = || base(Visibility::Everyone, None);
    let personal = |person: Uuid| base(Visibility::Persons(vec![person]), Some(person));
    match section {
        Section::Worries => plan.worries.push(item(id, prof(), Worry { situation: String::new(), impact: String::new() })),
        Section::Conditions => plan.conditions.push(item(id, everyone(), Note { text: String::new() })),
        Section::AcuteActions => {
            plan.acute_actions.push(item(id, prof(), AcuteAction { what: String::new(), who: vec![], before: None }))
        }
        Section::Agreements => plan.agreements.push(item(
            id,
            everyone(),
            Agreement { who: vec![], what: String::new(), from: None, checked_by: vec![], if_broken: String::new() },
        )),
        Section::Problems => {
            let person = first(&is_adult)?;
            plan.problems.push(item(id, personal(person), Problem { person, priority: 1, problem: String::new(), help: String::new() }))
        }
        Section::Recovery | Section::Support => {
            let person = first(&|_| true)?;
            let need = item(id, personal(person), PersonNeed { person, need: String::new(), help: String::new() });
            if section == Section::Recovery { plan.recovery.push(need) } else { plan.support.push(need) }
        }
        Section::Network => {
            let member = first(&|p| p.role == Role::Network)?;
            plan.network.push(item(id, everyone(), NetworkTask { member, task: String::new() }))
        }
        Section::Professionals => plan.professionals.push(item(
            id,
            everyone(),
            Professional { name: String::new(), organisation: String::new(), role: String::new(), contact: String::new() },
        )),
        Section::Measures => plan.measures.push(item(
            id,
            prof(),
            Measure { kind: MeasureKind::TijdelijkHuisverbod, status: MeasureStatus::Considered, details: String::new(), until: None },
        )),
        Section::Signals => plan.signals.push(item(id, everyone(), Signal { signal: String::new(), action: String::new() })),
        Section::EscapePlan => {
            // The escape plan is for the protected person and the professional only.
            let protects = default_protected(plan, persons).ok_or(DomainError::Empty("person"))?;
            plan.escape_plan.push(item(id, personal(protects), EscapeStep { kind: EscapeKind::WhereToGo, text: String::new() }))
        }
    }
    Ok(())
}

/// The languages the editor offers a translation field in, beside each item's free text (issue 15.3):
/// every preferred language of a person of the case other than Dutch, and every language the plan
/// already has a translation in (so none is hidden), in [`PlanLanguage::ALL`] order.
pub fn translation_languages(plan: &SafetyPlan, persons: &[Person]) -> Vec<PlanLanguage> {
    let metas = plan.item_metas();
    let translated = metas.iter().flat_map(|m| m.translations.iter().map(|t| t.language));
    let used: Vec<PlanLanguage> = persons.iter().map(|p| p.language).chain(translated).collect();
    PlanLanguage::ALL.into_iter().filter(|l| *l != PlanLanguage::Nl && used.contains(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn person(n: u128, role: Role) -> Person {
        Person {
            id: Uuid::from_u128(n),
            case_id: Uuid::nil(),
            role,
            name: format!("P{n}"),
            year_of_birth: None,
            gender: None,
            lives_in_household: true,
            notes: String::new(),
            language: Default::default(),
        }
    }

    #[test]
    fn a_child_disclosure_may_name_only_that_child_and_never_everyone() {
        let persons = [person(1, Role::Parent), person(2, Role::Child), person(3, Role::Child)];
        let origin = Origin::ChildDisclosure { child: persons[1].id };
        assert_eq!(allowed_readers(Section::Recovery, &origin, None, &persons), vec![persons[1].id]);
        assert!(!everyone_allowed(Section::Recovery, &origin));
        assert_eq!(allowed_readers(Section::Recovery, &Origin::Professional, None, &persons).len(), 3);
        assert!(everyone_allowed(Section::Agreements, &Origin::Professional));
        assert!(!everyone_allowed(Section::EscapePlan, &Origin::Professional));
    }

    #[test]
    fn an_escape_step_may_name_only_the_person_it_protects() {
        let persons =
            [person(1, Role::Parent), person(2, Role::Parent), person(3, Role::Child), person(4, Role::Network)];
        let [mother, father, child, grandpa] = [0, 1, 2, 3].map(|i| persons[i].id);
        let stranger = Uuid::from_u128(99);
        // (section, origin, about, expected readers)
        let table: Vec<(Section, Origin, Option<Uuid>, Vec<Uuid>)> = vec![
            (Section::EscapePlan, Origin::Professional, Some(mother), vec![mother]),
            (Section::EscapePlan, Origin::Professional, Some(child), vec![child]),
            (Section::EscapePlan, Origin::Analysis, Some(father), vec![father]),
            (Section::EscapePlan, Origin::Statement { person: father }, Some(mother), vec![mother]),
            (Section::EscapePlan, Origin::Professional, None, vec![]),
            (Section::EscapePlan, Origin::Professional, Some(stranger), vec![]),
            (Section::EscapePlan, Origin::ChildDisclosure { child }, Some(child), vec![child]),
            (Section::EscapePlan, Origin::ChildDisclosure { child }, Some(mother), vec![]),
            // Other sections are not narrowed by `about`.
            (Section::Signals, Origin::Professional, Some(mother), vec![mother, father, child, grandpa]),
            (Section::Network, Origin::Professional, None, vec![mother, father, child, grandpa]),
        ];
        for (section, origin, about, expected) in table {
            assert_eq!(allowed_readers(section, &origin, about, &persons), expected, "{section:?} {origin:?} {about:?}");
        }
        // And per item of a plan, as `plan_get` returns them.
        let mut plan = SafetyPlan::new(Uuid::nil(), DateTime::UNIX_EPOCH);
        plan.escape_plan.push(Item::escape(mother, EscapeKind::WhoToCall, "112"));
        plan.signals.push(Item::new(Signal { signal: "s".into(), action: "a".into() }));
        let r = readers(&plan, &persons);
        let escape = r.iter().find(|r| r.section == Section::EscapePlan).unwrap();
        assert_eq!((escape.persons.clone(), escape.everyone), (vec![mother], false));
        let signal = r.iter().find(|r| r.section == Section::Signals).unwrap();
        assert_eq!((signal.persons.len(), signal.everyone), (4, true));
    }

    #[test]
    fn a_new_escape_step_protects_the_adult_the_worries_are_about_and_only_they_read_it() {
        let persons = [person(1, Role::Parent), person(2, Role::Parent), person(3, Role::Child)];
        let mut plan = SafetyPlan::new(Uuid::nil(), DateTime::UNIX_EPOCH);
        add_item(&mut plan, Section::Worries, &persons, Uuid::from_u128(10)).unwrap();
        plan.worries[0].about = Some(persons[1].id);
        add_item(&mut plan, Section::EscapePlan, &persons, Uuid::from_u128(11)).unwrap();
        let step = &plan.escape_plan[0];
        assert_eq!(step.about, Some(persons[1].id));
        assert_eq!(step.visibility, Visibility::Persons(vec![persons[1].id]));
        assert_eq!(plan.worries[0].visibility, Visibility::ProfessionalOnly);
    }

    #[test]
    fn worries_stop_at_three() {
        let persons = [person(1, Role::Parent)];
        let mut plan = SafetyPlan::new(Uuid::nil(), DateTime::UNIX_EPOCH);
        for n in 0..MAX_WORRIES {
            assert!(section_has_room(&plan, Section::Worries));
            add_item(&mut plan, Section::Worries, &persons, Uuid::from_u128(n as u128)).unwrap();
        }
        assert!(!section_has_room(&plan, Section::Worries));
        assert!(section_has_room(&plan, Section::Signals));
    }

    #[test]
    fn a_personal_item_needs_a_person() {
        let mut plan = SafetyPlan::new(Uuid::nil(), DateTime::UNIX_EPOCH);
        assert_eq!(add_item(&mut plan, Section::Problems, &[], Uuid::nil()), Err(DomainError::Empty("person")));
        add_item(&mut plan, Section::Conditions, &[], Uuid::nil()).unwrap();
    }

    #[test]
    fn translations_are_offered_in_the_readers_languages_and_those_already_entered() {
        let mut persons = [person(1, Role::Parent), person(2, Role::Parent), person(3, Role::Child)];
        let mut plan = SafetyPlan::new(Uuid::nil(), DateTime::UNIX_EPOCH);
        assert!(translation_languages(&plan, &persons).is_empty(), "an all-Dutch household needs none");
        persons[1].language = PlanLanguage::Uk;
        persons[2].language = PlanLanguage::Ar;
        add_item(&mut plan, Section::Conditions, &persons, Uuid::from_u128(10)).unwrap();
        plan.conditions[0] = plan.conditions[0].clone().translated(PlanLanguage::En, "no violence");
        assert_eq!(translation_languages(&plan, &persons), [PlanLanguage::En, PlanLanguage::Ar, PlanLanguage::Uk]);
    }
}
