//! The household: a case (`casus`), its persons and the relations between them (domain.md §3).
//!
//! A case label is pseudonymous by default ("Gezin A."). Persons have a role, a name or alias, a year of
//! birth (children's age bands matter for the guides) and whether they live in the household. Relations
//! are directed where direction matters (`parent_of`: from parent to child).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::DomainError;

/// Longest case label we accept; labels are pseudonyms, not stories.
pub const MAX_LABEL_CHARS: usize = 80;
/// Longest name or alias of a person.
pub const MAX_NAME_CHARS: usize = 80;
/// Longest free-text note on a person.
pub const MAX_NOTE_CHARS: usize = 4000;
/// Oldest year of birth we accept (grandparents in the network may be old, not 130).
pub const MIN_YEAR_OF_BIRTH: i32 = 1900;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CaseStatus {
    Open,
    Closed,
}

/// The phase of `gefaseerd samenwerken voor veiligheid` (domain.md §2.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Phase {
    /// Acute unsafety: act within 24 hours.
    Acute,
    /// `directe veiligheid`: stop the violence, agreements.
    DirecteVeiligheid,
    /// `duurzame veiligheid`: risk-driven care for the underlying problems.
    DuurzameVeiligheid,
    /// `herstel`: recovery for each adult and each child.
    Herstel,
}

/// One household or family system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Case {
    pub id: Uuid,
    pub label: String,
    pub status: CaseStatus,
    pub phase: Phase,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Date after which the file must be deleted (youth care: 20 years, configurable per case).
    pub retention_until: Option<NaiveDate>,
}

/// A case as shown in the case list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CaseSummary {
    pub id: Uuid,
    pub label: String,
    pub status: CaseStatus,
    pub phase: Phase,
    /// Last activity: the last change to anything of the case.
    pub updated_at: DateTime<Utc>,
    pub person_count: u32,
    /// `Rode vlag`: a red flag is current (the case header's marker).
    pub red_flag: bool,
    /// The safety plan's first evaluation date from today on.
    pub next_evaluation: Option<NaiveDate>,
    /// The tags of the case's notes, sorted, each once.
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    /// `ouder`
    Parent,
    /// `partner`
    Partner,
    /// `ex-partner`
    ExPartner,
    /// `kind`
    Child,
    /// `ander gezinslid`
    OtherFamily,
    /// `netwerk`: grandparent, neighbour, friend.
    Network,
}

impl Role {
    /// Adults whose relationship the partner-violence analysis looks at.
    pub fn is_adult_in_couple(self) -> bool {
        matches!(self, Role::Parent | Role::Partner | Role::ExPartner)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Gender {
    Female,
    Male,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    pub id: Uuid,
    pub case_id: Uuid,
    pub role: Role,
    /// Name or alias, as the professional chooses.
    pub name: String,
    pub year_of_birth: Option<i32>,
    pub gender: Option<Gender>,
    pub lives_in_household: bool,
    pub notes: String,
    /// The language of this person's version of the safety plan (issue 15.3). Absent in older handover
    /// files: Dutch.
    #[serde(default)]
    pub language: crate::PlanLanguage,
}

impl Person {
    /// The person as input again (to store a copy of them, e.g. from a handover file).
    pub fn input(&self) -> PersonInput {
        PersonInput {
            role: self.role,
            name: self.name.clone(),
            year_of_birth: self.year_of_birth,
            gender: self.gender,
            lives_in_household: self.lives_in_household,
            notes: self.notes.clone(),
            language: self.language,
        }
    }
}

/// What the UI sends to create or change a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonInput {
    pub role: Role,
    pub name: String,
    pub year_of_birth: Option<i32>,
    pub gender: Option<Gender>,
    pub lives_in_household: bool,
    pub notes: String,
    /// Preferred language of the person's plan version; Dutch when left out.
    #[serde(default)]
    pub language: crate::PlanLanguage,
}

impl PersonInput {
    /// Checks the input and returns it trimmed. `current_year` comes from the caller (no clock here).
    pub fn validated(mut self, current_year: i32) -> Result<Self, DomainError> {
        self.name = self.name.trim().to_owned();
        if self.name.is_empty() {
            return Err(DomainError::Empty("name"));
        }
        if self.name.chars().count() > MAX_NAME_CHARS {
            return Err(DomainError::TooLong("name"));
        }
        if self.notes.chars().count() > MAX_NOTE_CHARS {
            return Err(DomainError::TooLong("notes"));
        }
        if let Some(y) = self.year_of_birth {
            if !(MIN_YEAR_OF_BIRTH..=current_year).contains(&y) {
                return Err(DomainError::YearOfBirth);
            }
        }
        Ok(self)
    }
}

/// Checks and trims a case label.
pub fn validate_label(label: &str) -> Result<String, DomainError> {
    let label = label.trim();
    if label.is_empty() {
        return Err(DomainError::Empty("label"));
    }
    if label.chars().count() > MAX_LABEL_CHARS {
        return Err(DomainError::TooLong("label"));
    }
    Ok(label.to_owned())
}

/// The age of a person in a given year, if the year of birth is known.
pub fn age_in(year_of_birth: Option<i32>, year: i32) -> Option<i32> {
    year_of_birth.map(|y| year - y)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum RelationKind {
    /// Current partners.
    PartnerOf,
    /// Former partners; separation is a risk period, so its date matters.
    ExPartnerOf { separation_date: Option<NaiveDate> },
    /// `from` is the (step-)parent of `to`. A stepchild in the home is a known risk factor.
    ParentOf { step: bool },
    SiblingOf,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Relation {
    pub id: Uuid,
    pub case_id: Uuid,
    pub from: Uuid,
    pub to: Uuid,
    pub kind: RelationKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RelationInput {
    pub from: Uuid,
    pub to: Uuid,
    pub kind: RelationKind,
}

impl RelationInput {
    /// Checks a relation against the persons it connects.
    pub fn validated(self, from: &Person, to: &Person) -> Result<Self, DomainError> {
        if self.from == self.to || from.id == to.id {
            return Err(DomainError::SelfRelation);
        }
        if from.case_id != to.case_id {
            return Err(DomainError::Invalid("persons of different cases"));
        }
        match self.kind {
            RelationKind::ParentOf { .. } if to.role != Role::Child => Err(DomainError::RelationRoles),
            RelationKind::ParentOf { .. } if from.role == Role::Child => Err(DomainError::RelationRoles),
            RelationKind::PartnerOf | RelationKind::ExPartnerOf { .. }
                if from.role == Role::Child || to.role == Role::Child =>
            {
                Err(DomainError::RelationRoles)
            }
            _ => Ok(self),
        }
    }
}

/// A whole household, as read from the vault in one go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Household {
    pub case: Case,
    pub persons: Vec<Person>,
    pub relations: Vec<Relation>,
}

impl Household {
    pub fn person(&self, id: Uuid) -> Option<&Person> {
        self.persons.iter().find(|p| p.id == id)
    }

    pub fn children(&self) -> impl Iterator<Item = &Person> {
        self.persons.iter().filter(|p| p.role == Role::Child)
    }

    /// Pairs of persons who are or were partners (each pair once).
    pub fn couples(&self) -> Vec<(Uuid, Uuid)> {
        let mut out: Vec<(Uuid, Uuid)> = self
            .relations
            .iter()
            .filter(|r| matches!(r.kind, RelationKind::PartnerOf | RelationKind::ExPartnerOf { .. }))
            .map(|r| if r.from < r.to { (r.from, r.to) } else { (r.to, r.from) })
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(role: Role) -> Person {
        Person {
            id: Uuid::now_v7(),
            case_id: Uuid::nil(),
            role,
            name: "X".into(),
            year_of_birth: None,
            gender: None,
            lives_in_household: true,
            notes: String::new(),
            language: Default::default(),
        }
    }

    #[test]
    fn labels_are_trimmed_and_bounded() {
        assert_eq!(validate_label("  Gezin A.  ").unwrap(), "Gezin A.");
        assert_eq!(validate_label("   "), Err(DomainError::Empty("label")));
        assert_eq!(validate_label(&"x".repeat(81)), Err(DomainError::TooLong("label")));
        assert!(validate_label(&"é".repeat(80)).is_ok());
    }

    #[test]
    fn year_of_birth_boundaries() {
        let input = |y| PersonInput {
            role: Role::Child,
            name: "Noor".into(),
            year_of_birth: Some(y),
            gender: None,
            lives_in_household: true,
            notes: String::new(),
            language: Default::default(),
        };
        for (year, ok) in [(1899, false), (1900, true), (2026, true), (2027, false)] {
            assert_eq!(input(year).validated(2026).is_ok(), ok, "year {year}");
        }
    }

    #[test]
    fn relations_must_fit_roles() {
        let (parent, child, partner) = (person(Role::Parent), person(Role::Child), person(Role::Partner));
        let rel = |from: &Person, to: &Person, kind| RelationInput { from: from.id, to: to.id, kind };
        let cases = [
            (rel(&parent, &child, RelationKind::ParentOf { step: false }), &parent, &child, Ok(())),
            (rel(&child, &parent, RelationKind::ParentOf { step: false }), &child, &parent, Err(DomainError::RelationRoles)),
            (rel(&parent, &partner, RelationKind::PartnerOf), &parent, &partner, Ok(())),
            (rel(&parent, &child, RelationKind::PartnerOf), &parent, &child, Err(DomainError::RelationRoles)),
            (rel(&parent, &parent, RelationKind::PartnerOf), &parent, &parent, Err(DomainError::SelfRelation)),
        ];
        for (input, from, to, expected) in cases {
            assert_eq!(input.clone().validated(from, to).map(|_| ()), expected, "{input:?}");
        }
    }
}
