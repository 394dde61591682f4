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
/// exception with its reason) and the age band are in order. Warning signs do not block: the
/// conversation shows "consult an expert first" for the professional to act on.
pub fn precheck_passed(precheck: Option<&ChildPrecheck>, child: Uuid) -> bool {
    precheck.is_some_and(|p| {
        p.child_id == child && p.issues().iter().all(|i| *i == crate::PrecheckIssue::ConsultExpertFirst)
    })
}

/// Who may see what is said in a conversation with these persons by default: a child's words are for
/// the professional only (§4), so a conversation with any child starts confidential.
pub fn default_confidentiality(participants: &[&Person]) -> Visibility {
    if participants.iter().any(|p| p.role == Role::Child) {
        Visibility::ProfessionalOnly
    } else {
        participants.first().map(|p| Visibility::default_for(p.role)).unwrap_or(Visibility::Everyone)
    }
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
    fn a_conversation_with_a_child_is_confidential_by_default() {
        let child = person(Role::Child, Some(2015));
        let parent = person(Role::Parent, Some(1985));
        assert_eq!(default_confidentiality(&[&child]), Visibility::ProfessionalOnly);
        assert_eq!(default_confidentiality(&[&parent, &child]), Visibility::ProfessionalOnly);
        assert_eq!(default_confidentiality(&[&parent]), Visibility::Everyone);
    }
}
