//! What fits one person of the household (domain.md §4): which conversation guide, whether the child
//! pre-check comes first, and who may see what they tell by default. The UI used to decide these; now
//! the backend says it with every household it returns.

use uuid::Uuid;

use crate::plan::Audience;
use crate::{ChildPrecheck, Guide, GuideAudience, Person, Role, Visibility, age_in};

/// The guide audience for a person: by role, and for children by age band (under 4: the observation
/// guide, a child who is seen and observed, not interviewed; 4–7, 8–11, 12–17). `None` for a child
/// without a year of birth (the age band decides the guide, so it is asked first).
pub fn guide_audience(person: &Person, year: i32) -> Option<GuideAudience> {
    match person.role {
        Role::Network => Some(GuideAudience::Network),
        Role::Child => match age_in(person.year_of_birth, year)? {
            0..=3 => Some(GuideAudience::ChildObservation),
            4..=7 => Some(GuideAudience::Child4To7),
            8..=11 => Some(GuideAudience::Child8To11),
            12..=17 => Some(GuideAudience::Child12To17),
            18.. => Some(GuideAudience::AdultPartner),
            _ => None,
        },
        _ => Some(GuideAudience::AdultPartner),
    }
}

/// The guide that fits a person, from the guides there are.
pub fn guide_for<'g>(guides: &'g [Guide], person: &Person, year: i32) -> Option<&'g Guide> {
    let audience = guide_audience(person, year)?;
    guides.iter().find(|g| g.audience == audience)
}

/// Whether a conversation alone with this person needs the child pre-check first: a child whose guide
/// asks for it.
pub fn precheck_required(person: &Person, guide: Option<&Guide>) -> bool {
    person.role == Role::Child && guide.is_some_and(|g| g.requires_precheck)
}

/// Whether a saved pre-check lets the conversation start: it is this child's, and consent (or an
/// exception with its reason) and the age band are in order, and when there are warning signs (coercive
/// control, honour-related violence, sexual abuse) an expert was consulted first (§4: these signs mean
/// "consult an expert before talking" — a child's first account must not be spoiled by a talk that
/// should have been left to specialists).
pub fn precheck_passed(precheck: Option<&ChildPrecheck>, child: Uuid) -> bool {
    precheck.is_some_and(|p| p.child_id == child && p.issues().is_empty())
}

/// Who may see what is said in a conversation with these persons by default, until the professional
/// chooses otherwise:
/// - with any child: the professional only — a child's words are confidential (§4);
/// - alone with an adult: that adult and the professional, so that nothing one partner says reaches the
///   other (or anyone else) unless the professional deliberately widens it;
/// - a joint conversation of adults: the persons who took part, who heard it anyway.
///
/// Never "everyone" by default. Without participants (cannot happen for a saved conversation): the
/// professional only.
pub fn default_confidentiality(participants: &[&Person]) -> Visibility {
    if participants.is_empty() || participants.iter().any(|p| p.role == Role::Child) {
        return Visibility::ProfessionalOnly;
    }
    let mut persons: Vec<Uuid> = Vec::with_capacity(participants.len());
    for p in participants {
        if !persons.contains(&p.id) {
            persons.push(p.id);
        }
    }
    Visibility::NamedPersons { persons }
}

/// The version of the plan a person reads.
pub fn reader(person: &Person) -> Audience {
    Audience::for_person(person)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(role: Role, year_of_birth: Option<i32>) -> Person {
        Person {
            id: Uuid::from_u128(1),
            case_id: Uuid::nil(),
            role,
            name: "X".into(),
            year_of_birth,
            gender: None,
            lives_in_household: true,
            notes: String::new(),
            language: Default::default(),
        }
    }

    #[test]
    fn guide_audience_by_role_and_age_band_at_the_boundaries() {
        use GuideAudience::*;
        let year = 2026;
        let table = [
            (Role::Parent, None, Some(AdultPartner)),
            (Role::ExPartner, Some(1990), Some(AdultPartner)),
            (Role::OtherFamily, None, Some(AdultPartner)),
            (Role::Network, None, Some(Network)),
            (Role::Child, None, None),
            (Role::Child, Some(2026), Some(ChildObservation)),
            (Role::Child, Some(2023), Some(ChildObservation)),
            (Role::Child, Some(2022), Some(Child4To7)),
            (Role::Child, Some(2019), Some(Child4To7)),
            (Role::Child, Some(2018), Some(Child8To11)),
            (Role::Child, Some(2015), Some(Child8To11)),
            (Role::Child, Some(2014), Some(Child12To17)),
            (Role::Child, Some(2009), Some(Child12To17)),
            (Role::Child, Some(2008), Some(AdultPartner)),
        ];
        for (role, yob, expected) in table {
            assert_eq!(guide_audience(&person(role, yob), year), expected, "{role:?} born {yob:?}");
        }
    }

    #[test]
    fn default_confidentiality_protects_what_each_person_says() {
        let with_id = |id: u128, role: Role, yob: Option<i32>| Person { id: Uuid::from_u128(id), ..person(role, yob) };
        let sanne = with_id(1, Role::Parent, Some(1985));
        let mark = with_id(2, Role::ExPartner, Some(1983));
        let oma = with_id(3, Role::Network, None);
        let tante = with_id(4, Role::OtherFamily, None);
        let daan = with_id(5, Role::Child, Some(2013));
        let lotte = with_id(6, Role::Child, Some(2020));
        let named = |ids: &[u128]| Visibility::NamedPersons { persons: ids.iter().map(|i| Uuid::from_u128(*i)).collect() };
        let table: [(&[&Person], Visibility); 10] = [
            // Alone with an adult: that adult and the professional.
            (&[&sanne], named(&[1])),
            (&[&mark], named(&[2])),
            (&[&oma], named(&[3])),
            (&[&tante], named(&[4])),
            // A joint conversation of adults: the participants.
            (&[&sanne, &mark], named(&[1, 2])),
            (&[&mark, &sanne, &oma], named(&[2, 1, 3])),
            // Any child: the professional only.
            (&[&daan], Visibility::ProfessionalOnly),
            (&[&lotte, &daan], Visibility::ProfessionalOnly),
            (&[&sanne, &lotte], Visibility::ProfessionalOnly),
            (&[], Visibility::ProfessionalOnly),
        ];
        for (participants, expected) in table {
            let names: Vec<_> = participants.iter().map(|p| p.id).collect();
            assert_eq!(default_confidentiality(participants), expected, "{names:?}");
            assert_ne!(default_confidentiality(participants), Visibility::Everyone);
        }
        // Only the speaker (and the professional) may see it, not the other partner.
        let v = default_confidentiality(&[&sanne]);
        assert!(v.visible_to(sanne.id) && !v.visible_to(mark.id));
    }
}
