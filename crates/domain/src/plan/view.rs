//! What one reader's printed version holds: the plan after the audience filter, with names resolved, so
//! templates need no access rules and no lookups of their own.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{
    Audience, EscapeStep, Item, ItemMeta, Measure, Note, Party, PlanVersion, Professional, SafetyPlan, Section, Signal,
    Visibility, Worry, may_see, phase_of,
};
use crate::picture::{FamilyPicture, PictureRow};
use crate::{DomainError, Gender, Household, Phase, Role, Weight};

/// Which template a version is meant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AudienceKind {
    Professional,
    Adult,
    Child,
    Network,
}

/// Who may read an item, with names (professional's version only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "persons", rename_all = "snake_case")]
#[ts(export)]
pub enum VisibilityView {
    Everyone,
    ProfessionalOnly,
    Persons(Vec<String>),
}

/// One visible item of a section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ViewItem<T> {
    pub id: Uuid,
    /// Name of the person the item is about, if any.
    pub about: Option<String>,
    /// Who may read this item; only filled in the professional's version.
    pub visibility: Option<VisibilityView>,
    /// Set in the professional's version when the item comes from what a child disclosed.
    pub child_disclosure: bool,
    /// Whether the free text is in the version's language (issue 15.3).
    #[serde(default)]
    pub text: ItemText,
    pub content: T,
}

/// The free text of an item in a version's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemText {
    /// A Dutch version: the text as the professional wrote it.
    #[default]
    Source,
    /// The professional's translation into the version's language replaces the free text.
    Translated,
    /// A non-Dutch version without a translation: the text as written, marked "not translated".
    Untranslated,
}

/// The free-text fields of an item's content: a translation replaces them in a non-Dutch version (the
/// first field takes the translation, the others are emptied; names, dates and choices stay).
trait FreeText {
    fn fields(&mut self) -> Vec<&mut String>;
}

macro_rules! free_text {
    ($($t:ty => $($f:ident),+;)+) => {
        $(impl FreeText for $t {
            fn fields(&mut self) -> Vec<&mut String> {
                vec![$(&mut self.$f),+]
            }
        })+
    };
}

free_text! {
    Worry => situation, impact;
    Note => text;
    AcuteActionView => what;
    AgreementView => what, if_broken;
    ProblemView => problem, help;
    PersonNeedView => need, help;
    NetworkTaskView => task;
    Professional => role;
    Measure => details;
    Signal => signal, action;
    EscapeStep => text;
}

/// Puts `content` into `language`: the item's translation when there is one, else the text as written,
/// marked untranslated when it has any. Dutch is the source and stays as written.
fn in_language<T: FreeText>(mut content: T, translation: Option<&str>, language: crate::PlanLanguage) -> (ItemText, T) {
    if language == crate::PlanLanguage::Nl {
        return (ItemText::Source, content);
    }
    let mut fields = content.fields();
    match translation {
        Some(text) => {
            for (i, field) in fields.iter_mut().enumerate() {
                **field = if i == 0 { text.to_owned() } else { String::new() };
            }
            (ItemText::Translated, content)
        }
        None if fields.iter().all(|f| f.trim().is_empty()) => (ItemText::Source, content),
        None => (ItemText::Untranslated, content),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AcuteActionView {
    pub what: String,
    pub who: Vec<String>,
    pub before: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgreementView {
    pub who: Vec<String>,
    pub what: String,
    pub from: Option<NaiveDate>,
    pub checked_by: Vec<String>,
    pub if_broken: String,
    /// The reader is one of those who do it.
    pub mine: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProblemView {
    pub person: String,
    pub priority: u8,
    pub problem: String,
    pub help: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonNeedView {
    pub person: String,
    pub need: String,
    pub help: String,
    /// The need is the reader's own.
    pub mine: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NetworkTaskView {
    pub member: String,
    pub task: String,
    /// The task is the reader's own.
    pub mine: bool,
}

/// A plan as one reader may see it. This is what the templates render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanView {
    pub audience: AudienceKind,
    /// Name of the reader (none for the professional's version).
    pub reader: Option<String>,
    /// The language of every fixed text of this version: the reader's preferred language; Dutch for the
    /// professional's version. Free text follows it only where a translation was entered ([`ItemText`]).
    #[serde(default)]
    pub language: crate::PlanLanguage,
    pub case_label: String,
    pub phase: Phase,
    /// Number of the frozen version, if this view is of one.
    pub version: Option<u32>,
    /// Date of the version (or of the last change of a draft), UTC.
    pub date: NaiveDate,
    pub made_with: Vec<String>,
    pub evaluation_dates: Vec<NaiveDate>,
    pub worries: Vec<ViewItem<Worry>>,
    pub conditions: Vec<ViewItem<Note>>,
    pub acute_actions: Vec<ViewItem<AcuteActionView>>,
    pub agreements: Vec<ViewItem<AgreementView>>,
    pub problems: Vec<ViewItem<ProblemView>>,
    pub recovery: Vec<ViewItem<PersonNeedView>>,
    pub support: Vec<ViewItem<PersonNeedView>>,
    pub network: Vec<ViewItem<NetworkTaskView>>,
    pub professionals: Vec<ViewItem<Professional>>,
    pub measures: Vec<ViewItem<Measure>>,
    pub signals: Vec<ViewItem<Signal>>,
    pub escape_plan: Vec<ViewItem<EscapeStep>>,
    pub signatories: Vec<String>,
    /// The family picture (genogram with who→whom arrows), in the professional's version only: see
    /// [`PlanView::with_picture`].
    #[serde(default)]
    pub picture: Option<PictureView>,
    /// For a child's version: the age band its wording is for (4–7, 8–11, 12–17), so a 14-year-old is not
    /// spoken to as a 6-year-old. From the year of birth and the plan's date (`AgeBand::for_plan`);
    /// `None` for every other reader.
    #[serde(default)]
    pub child_band: Option<crate::AgeBand>,
    /// Made in practice mode (a practice vault with fictional families): every page says `OEFENMODUS`.
    #[serde(default)]
    pub practice: bool,
}

/// One person in the plan's family picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PicturePersonView {
    pub name: String,
    pub row: PictureRow,
    /// The genogram symbol: `male` (square), `female` (circle) or `unknown` (rounded square).
    pub symbol: String,
    pub lives_in_household: bool,
}

/// Two persons of [`PictureView::persons`], by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PictureLinkView {
    pub from: usize,
    pub to: usize,
    /// A couple that separated; a step-parent link.
    pub marked: bool,
}

/// Who did what to whom, for the drawing and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PictureArrowView {
    pub actor: usize,
    pub target: usize,
    pub ernstig: bool,
    pub yearly: u32,
    pub behaviours: Vec<String>,
    pub witnessed_by: Vec<String>,
}

/// The family picture with names, ready for the professional's template (`domain::picture` decides
/// what is in it; the template only draws).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PictureView {
    pub persons: Vec<PicturePersonView>,
    pub couples: Vec<PictureLinkView>,
    pub parent_links: Vec<PictureLinkView>,
    pub arrows: Vec<PictureArrowView>,
}

impl PictureView {
    /// Names the persons of `picture` from `household`; `label` names a catalogue behaviour.
    pub fn new(picture: &FamilyPicture, household: &Household, label: impl Fn(&str) -> String) -> PictureView {
        let index = |id: Uuid| picture.nodes.iter().position(|n| n.person == id);
        let name = |id: Uuid| household.person(id).map_or_else(|| "?".to_owned(), |p| p.name.clone());
        let persons = picture
            .nodes
            .iter()
            .map(|n| PicturePersonView {
                name: name(n.person),
                row: n.row,
                symbol: match household.person(n.person).and_then(|p| p.gender) {
                    Some(Gender::Male) => "male",
                    Some(Gender::Female) => "female",
                    _ => "unknown",
                }
                .to_owned(),
                lives_in_household: n.lives_in_household,
            })
            .collect();
        let link = |a: Uuid, b: Uuid, marked: bool| Some(PictureLinkView { from: index(a)?, to: index(b)?, marked });
        PictureView {
            persons,
            couples: picture.couples.iter().filter_map(|c| link(c.a, c.b, c.separated)).collect(),
            parent_links: picture.parent_links.iter().filter_map(|l| link(l.parent, l.child, l.step)).collect(),
            arrows: picture
                .arrows
                .iter()
                .filter_map(|a| {
                    Some(PictureArrowView {
                        actor: index(a.actor)?,
                        target: index(a.target)?,
                        ernstig: a.weight == Weight::Ernstig,
                        yearly: a.yearly,
                        behaviours: a.behaviours.iter().map(|b| label(b)).collect(),
                        witnessed_by: a.witnessed_by.iter().map(|c| name(*c)).collect(),
                    })
                })
                .collect(),
        }
    }
}

impl PlanView {
    /// Adds the family picture to the professional's version. Any other reader's version stays without
    /// it: the picture shows every recorded behaviour, also what one person told in confidence.
    pub fn with_picture(mut self, picture: PictureView) -> PlanView {
        self.picture = (self.audience == AudienceKind::Professional).then_some(picture);
        self
    }

    /// Ids of all items in the view (for tests and audit entries).
    pub fn item_ids(&self) -> Vec<Uuid> {
        fn ids<T>(items: &[ViewItem<T>]) -> impl Iterator<Item = Uuid> + '_ {
            items.iter().map(|i| i.id)
        }
        ids(&self.worries)
            .chain(ids(&self.conditions))
            .chain(ids(&self.acute_actions))
            .chain(ids(&self.agreements))
            .chain(ids(&self.problems))
            .chain(ids(&self.recovery))
            .chain(ids(&self.support))
            .chain(ids(&self.network))
            .chain(ids(&self.professionals))
            .chain(ids(&self.measures))
            .chain(ids(&self.signals))
            .chain(ids(&self.escape_plan))
            .collect()
    }
}

/// Checks that the audience fits the household: the reader exists and their role fits the version
/// (a child never gets an adult's version and the other way round).
fn check_audience(household: &Household, audience: &Audience) -> Result<(), DomainError> {
    let Some(reader) = audience.reader() else { return Ok(()) };
    let person = household.person(reader).ok_or(DomainError::Invalid("reader not in this case"))?;
    let fits = match audience {
        Audience::Professional => true,
        Audience::Child(_) => person.role == Role::Child,
        Audience::Adult(_) => !matches!(person.role, Role::Child | Role::Network),
        Audience::Network(_) => matches!(person.role, Role::Network | Role::OtherFamily),
    };
    if fits { Ok(()) } else { Err(DomainError::Invalid("version does not fit the reader's role")) }
}

/// The part of `plan` that `audience` may read, ready for a template. See [`may_see`] for the rules.
///
/// Fails when the reader is not a person of the household or their role does not fit the audience.
///
/// The version is in the reader's preferred language (the professional's in Dutch); see [`view_in`].
pub fn view_for(plan: &SafetyPlan, household: &Household, audience: &Audience) -> Result<PlanView, DomainError> {
    view_in(plan, household, audience, reader_language(household, audience))
}

/// Like [`view_for`], in a given language: what the reader may see is the same in every language. The
/// access request (`inzage`) is a Dutch document and shows the plan part in Dutch.
pub fn view_in(
    plan: &SafetyPlan,
    household: &Household,
    audience: &Audience,
    language: crate::PlanLanguage,
) -> Result<PlanView, DomainError> {
    build(plan, household, audience, None, plan.updated_at.date_naive(), language)
}

/// The reader's preferred language; Dutch for the professional's full version.
pub fn reader_language(household: &Household, audience: &Audience) -> crate::PlanLanguage {
    audience.reader().and_then(|r| household.person(r)).map_or(crate::PlanLanguage::Nl, |p| p.language)
}

/// Like [`view_for`], for a frozen version: carries its number and date.
pub fn view_of_version(
    version: &PlanVersion,
    household: &Household,
    audience: &Audience,
) -> Result<PlanView, DomainError> {
    let language = reader_language(household, audience);
    build(&version.plan, household, audience, Some(version.number), version.frozen_at.date_naive(), language)
}

fn build(
    plan: &SafetyPlan,
    household: &Household,
    audience: &Audience,
    version: Option<u32>,
    date: NaiveDate,
    language: crate::PlanLanguage,
) -> Result<PlanView, DomainError> {
    check_audience(household, audience)?;
    let professional = *audience == Audience::Professional;
    let reader = audience.reader();
    let name = |id: Uuid| household.person(id).map_or_else(String::new, |p| p.name.clone());
    let professional_visible = |id: Uuid| {
        plan.professionals.iter().find(|p| p.id == id).filter(|p| may_see(audience, &meta(Section::Professionals, p)))
    };
    // A professional whose contact is hidden from this reader is left out by name too: an agreement must
    // not reveal, say, a shelter worker the other adult should not know of.
    let party = |p: &Party| match p {
        Party::Person { id } => household.person(*id).map(|p| p.name.clone()),
        Party::Professional { id } => professional_visible(*id).map(|p| p.content.name.clone()),
    };
    let parties = |ps: &[Party]| ps.iter().filter_map(party).collect::<Vec<_>>();
    let is_reader = |ps: &[Party]| reader.is_some_and(|r| ps.contains(&Party::Person { id: r }));

    macro_rules! pick {
        ($items:expr, $section:expr, |$c:ident| $map:expr) => {
            $items
                .iter()
                .filter(|i| may_see(audience, &meta($section, i)))
                .map(|i| {
                    let $c = &i.content;
                    let (text, content) = in_language($map, i.translation(language), language);
                    ViewItem {
                        id: i.id,
                        about: i.about.map(name),
                        visibility: professional.then(|| visibility_view(&i.visibility, household)),
                        child_disclosure: professional && matches!(i.origin, super::Origin::ChildDisclosure { .. }),
                        text,
                        content,
                    }
                })
                .collect()
        };
    }

    Ok(PlanView {
        audience: match audience {
            Audience::Professional => AudienceKind::Professional,
            Audience::Adult(_) => AudienceKind::Adult,
            Audience::Child(_) => AudienceKind::Child,
            Audience::Network(_) => AudienceKind::Network,
        },
        reader: reader.map(name),
        language,
        child_band: match audience {
            Audience::Child(id) => Some(crate::AgeBand::for_plan(household.person(*id).and_then(|p| p.year_of_birth), date)),
            _ => None,
        },
        case_label: household.case.label.clone(),
        phase: phase_of(household),
        version,
        date,
        made_with: parties(&plan.made_with),
        evaluation_dates: {
            let mut d = plan.evaluation_dates.clone();
            d.sort();
            d.dedup();
            d
        },
        worries: pick!(plan.worries, Section::Worries, |c| c.clone()),
        conditions: pick!(plan.conditions, Section::Conditions, |c| c.clone()),
        acute_actions: pick!(plan.acute_actions, Section::AcuteActions, |c| AcuteActionView {
            what: c.what.clone(),
            who: parties(&c.who),
            before: c.before,
        }),
        agreements: pick!(plan.agreements, Section::Agreements, |c| AgreementView {
            who: parties(&c.who),
            what: c.what.clone(),
            from: c.from,
            checked_by: parties(&c.checked_by),
            if_broken: c.if_broken.clone(),
            mine: is_reader(&c.who),
        }),
        problems: {
            let mut v: Vec<ViewItem<ProblemView>> = pick!(plan.problems, Section::Problems, |c| ProblemView {
                person: name(c.person),
                priority: c.priority,
                problem: c.problem.clone(),
                help: c.help.clone(),
            });
            v.sort_by(|a, b| (&a.content.person, a.content.priority).cmp(&(&b.content.person, b.content.priority)));
            v
        },
        recovery: pick!(plan.recovery, Section::Recovery, |c| PersonNeedView {
            person: name(c.person),
            need: c.need.clone(),
            help: c.help.clone(),
            mine: reader == Some(c.person),
        }),
        support: pick!(plan.support, Section::Support, |c| PersonNeedView {
            person: name(c.person),
            need: c.need.clone(),
            help: c.help.clone(),
            mine: reader == Some(c.person),
        }),
        network: pick!(plan.network, Section::Network, |c| NetworkTaskView {
            member: name(c.member),
            task: c.task.clone(),
            mine: reader == Some(c.member),
        }),
        professionals: pick!(plan.professionals, Section::Professionals, |c| c.clone()),
        measures: pick!(plan.measures, Section::Measures, |c| c.clone()),
        signals: pick!(plan.signals, Section::Signals, |c| c.clone()),
        escape_plan: pick!(plan.escape_plan, Section::EscapePlan, |c| c.clone()),
        signatories: plan.signatories.iter().filter_map(|s| party(&s.party)).collect(),
        picture: None,
        practice: false,
    })
}

fn meta<T: super::Content>(section: Section, item: &Item<T>) -> ItemMeta<'_> {
    super::item_meta(section, item)
}

fn visibility_view(v: &Visibility, household: &Household) -> VisibilityView {
    match v {
        Visibility::Everyone => VisibilityView::Everyone,
        Visibility::ProfessionalOnly => VisibilityView::ProfessionalOnly,
        Visibility::Persons(ids) => VisibilityView::Persons(
            ids.iter().map(|id| household.person(*id).map_or_else(|| "?".to_owned(), |p| p.name.clone())).collect(),
        ),
    }
}
