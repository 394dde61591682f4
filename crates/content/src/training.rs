//! Loads and validates the practice cases in `assets/training/` (domain.md §10): fictional families
//! for training, each with an account per family member and a trainer's reference.
//!
//! Validation is as strict as for the rest of the content: unique ids; every person, record and
//! behaviour a case names exists (behaviours in the shipped catalogue); relations fit the roles;
//! dates parse and none lies after the case's analysis date; every family member has exactly one
//! account (an observation for a child under 4); the reference names all five profiles, one pattern
//! per couple, the five Meldcode weighing questions and exactly three unsafe situations; and the
//! reference can be built into a snapshot for `domain::analyse` with the shipped guides.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use domain::indicators::{IndicatorSource, indicator_source};
use domain::training::{
    AccountKind, PracticeCase, PracticeRelationKind, RecordStance, ReferencePatternKind, audience_for,
};
use domain::{MeldcodeAnswer, ProfileKind, Role, TargetKind};

use crate::{Content, ContentError, Sources};

/// The practice cases, relative to the assets directory. Listed explicitly so the embedded and the
/// on-disk set are the same; a test checks that every file in `assets/training/` is listed.
pub const PRACTICE_CASES: [&str; 4] = [
    "training/meidoorn.toml",
    "training/hazelaar.toml",
    "training/lijsterbes.toml",
    "training/vlierbes.toml",
];

macro_rules! embed_training {
    ($($f:literal),* $(,)?) => {
        [$(($f, include_str!(concat!("../../../assets/", $f)))),*]
    };
}

/// The practice case files compiled into the binary.
pub fn embedded_training_sources() -> Sources {
    embed_training!("training/meidoorn.toml", "training/hazelaar.toml", "training/lijsterbes.toml", "training/vlierbes.toml")
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// The shipped practice cases, validated against the shipped content. Checked by this crate's tests,
/// so it cannot fail in a released build.
pub fn practice_cases() -> Vec<PracticeCase> {
    parse_practice_cases(&embedded_training_sources(), &Content::embedded())
        .expect("embedded practice cases are validated by the content tests")
}

/// Reads and validates the practice cases from an assets directory.
pub fn load_practice_cases(assets_dir: &Path, content: &Content) -> Result<Vec<PracticeCase>, ContentError> {
    let mut sources = Sources::new();
    for f in PRACTICE_CASES {
        let text = std::fs::read_to_string(assets_dir.join(f))
            .map_err(|e| ContentError::Read { file: f.into(), message: e.to_string() })?;
        sources.insert(f.into(), text);
    }
    parse_practice_cases(&sources, content)
}

/// Parses and validates every listed practice case; case ids are unique across files.
pub fn parse_practice_cases(sources: &Sources, content: &Content) -> Result<Vec<PracticeCase>, ContentError> {
    let mut out: Vec<PracticeCase> = Vec::new();
    for f in PRACTICE_CASES {
        let text = sources.get(f).ok_or_else(|| ContentError::Read { file: f.into(), message: "missing".into() })?;
        let case = parse_practice_case(f, text, content)?;
        if out.iter().any(|c| c.id == case.id) {
            return Err(ContentError::DuplicateId { file: f.into(), id: case.id });
        }
        out.push(case);
    }
    Ok(out)
}

/// Parses and validates one practice case file.
pub fn parse_practice_case(file: &str, text: &str, content: &Content) -> Result<PracticeCase, ContentError> {
    let case: PracticeCase =
        toml::from_str(text).map_err(|e| ContentError::Parse { file: file.into(), message: e.to_string() })?;
    validate_practice_case(file, &case, content)?;
    Ok(case)
}

fn invalid(file: &str, message: String) -> ContentError {
    ContentError::Parse { file: file.into(), message }
}

fn missing(file: &str, id: &str, field: &str) -> ContentError {
    ContentError::MissingField { file: file.into(), id: id.into(), field: field.into() }
}

fn broken(file: &str, from: &str, to: &str) -> ContentError {
    ContentError::BrokenReference { file: file.into(), from: from.into(), to: to.into() }
}

fn required(file: &str, id: &str, field: &str, text: &str) -> Result<(), ContentError> {
    if text.trim().is_empty() { Err(missing(file, id, field)) } else { Ok(()) }
}

fn unique<'a>(file: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), ContentError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(ContentError::DuplicateId { file: file.into(), id: id.into() });
        }
    }
    Ok(())
}

/// Checks one parsed practice case against itself and the shipped content.
pub fn validate_practice_case(file: &str, case: &PracticeCase, content: &Content) -> Result<(), ContentError> {
    let f = file;
    if !case.id.starts_with("oefen.") || case.id.len() <= "oefen.".len() {
        return Err(invalid(f, format!("case id `{}` must start with `oefen.`", case.id)));
    }
    if case.version == 0 {
        return Err(missing(f, &case.id, "version"));
    }
    required(f, &case.id, "title", &case.title)?;
    required(f, &case.id, "teaches", &case.teaches)?;
    required(f, &case.id, "referral", &case.referral)?;

    // Persons.
    unique(f, case.persons.iter().map(|p| p.id.as_str()))?;
    let role = |id: &str, from: &str| case.person(id).map(|p| p.role).ok_or_else(|| broken(f, from, id));
    for p in &case.persons {
        required(f, &p.id, "id", &p.id)?;
        required(f, &p.id, "name", &p.name)?;
        required(f, &p.id, "about", &p.about)?;
        if !(domain::MIN_YEAR_OF_BIRTH..=case.year()).contains(&p.year_of_birth) {
            return Err(invalid(f, format!("person `{}`: year of birth {} is out of range", p.id, p.year_of_birth)));
        }
    }

    // Relations, and the couples they make.
    let mut couples: BTreeSet<(String, String)> = BTreeSet::new();
    for r in &case.relations {
        let label = format!("relation {}→{}", r.from, r.to);
        let (from, to) = (role(&r.from, &label)?, role(&r.to, &label)?);
        if r.from == r.to {
            return Err(invalid(f, format!("{label}: a relation needs two different persons")));
        }
        let fits = match r.kind {
            PracticeRelationKind::ParentOf | PracticeRelationKind::StepParentOf => to == Role::Child && from != Role::Child,
            PracticeRelationKind::PartnerOf | PracticeRelationKind::ExPartnerOf => from != Role::Child && to != Role::Child,
            PracticeRelationKind::SiblingOf => true,
        };
        if !fits {
            return Err(invalid(f, format!("{label}: {:?} does not fit the roles {from:?} and {to:?}", r.kind)));
        }
        match (r.kind, r.separation_date) {
            (PracticeRelationKind::ExPartnerOf, None) => return Err(missing(f, &label, "separation_date")),
            (PracticeRelationKind::ExPartnerOf, Some(d)) if d > case.today => {
                return Err(invalid(f, format!("{label}: separation date {d} is after the case date {}", case.today)));
            }
            (PracticeRelationKind::ExPartnerOf, Some(_)) => {}
            (_, Some(_)) => return Err(invalid(f, format!("{label}: only ex_partner_of has a separation_date"))),
            (_, None) => {}
        }
        if matches!(r.kind, PracticeRelationKind::PartnerOf | PracticeRelationKind::ExPartnerOf) {
            let pair = if r.from < r.to { (r.from.clone(), r.to.clone()) } else { (r.to.clone(), r.from.clone()) };
            if !couples.insert(pair) {
                return Err(ContentError::DuplicateId { file: f.into(), id: label });
            }
        }
    }
    let is_couple = |a: &str, b: &str| {
        let pair = if a < b { (a.to_owned(), b.to_owned()) } else { (b.to_owned(), a.to_owned()) };
        couples.contains(&pair)
    };

    // One account per person; a child under 4 is observed, everyone else is heard.
    unique(f, case.accounts.iter().map(|a| a.person.as_str()))?;
    for a in &case.accounts {
        role(&a.person, "account")?;
        required(f, &a.person, "role_notes", &a.role_notes)?;
        required(f, &a.person, "story", &a.story)?;
        for q in &a.when_asked {
            required(f, &a.person, "when_asked.topic", &q.topic)?;
            required(f, &a.person, "when_asked.answer", &q.answer)?;
        }
    }
    for p in &case.persons {
        let account = case.account(&p.id).ok_or_else(|| missing(f, &p.id, "account"))?;
        let too_young = p.role == Role::Child && case.age(p) < 4;
        let expected = if too_young { AccountKind::Observation } else { AccountKind::Conversation };
        if account.kind != expected {
            let must = match expected {
                AccountKind::Observation => "an observation: a child under 4 is seen, not interviewed",
                AccountKind::Conversation => "a conversation of their own",
            };
            return Err(invalid(f, format!("account of `{}` must be {must}", p.id)));
        }
        if expected == AccountKind::Conversation && audience_for(p, case.today).is_none() {
            return Err(invalid(f, format!("no conversation guide fits `{}` at {}", p.id, case.today)));
        }
    }

    // Behaviour records.
    let r = &case.reference;
    unique(f, r.records.iter().map(|x| x.id.as_str()))?;
    let catalogue = content.catalogue();
    for x in &r.records {
        required(f, &x.id, "id", &x.id)?;
        let target = role(&x.target, &x.id)?;
        role(&x.actor, &x.id)?;
        role(&x.source, &x.id)?;
        let def = catalogue.item(&x.behaviour).ok_or_else(|| broken(f, &x.id, &x.behaviour))?;
        if x.actor == x.target {
            return Err(invalid(f, format!("record `{}`: actor and target are the same person", x.id)));
        }
        match def.targets {
            TargetKind::Child if target != Role::Child => {
                return Err(invalid(f, format!("record `{}`: `{}` is only recorded towards a child", x.id, x.behaviour)));
            }
            TargetKind::Partner if !is_couple(&x.actor, &x.target) => {
                return Err(invalid(f, format!("record `{}`: `{}` is only recorded towards an (ex-)partner", x.id, x.behaviour)));
            }
            _ => {}
        }
        match (x.stance, x.frequency) {
            (RecordStance::Reported, None) => return Err(missing(f, &x.id, "frequency")),
            (RecordStance::Denied | RecordStance::Unknown, Some(_)) => {
                return Err(invalid(f, format!("record `{}`: only a reported behaviour has a frequency", x.id)));
            }
            _ => {}
        }
        if let (Some(first), Some(last)) = (x.first, x.last)
            && first > last
        {
            return Err(invalid(f, format!("record `{}`: first ({first}) is after last ({last})", x.id)));
        }
        for d in [x.first, x.last].into_iter().flatten() {
            if d > case.today {
                return Err(invalid(f, format!("record `{}`: {d} is after the case date {}", x.id, case.today)));
            }
        }
        for e in &x.children_exposed {
            if role(&e.child, &x.id)? != Role::Child {
                return Err(invalid(f, format!("record `{}`: `{}` in children_exposed is not a child", x.id, e.child)));
            }
            if e.how.is_empty() {
                return Err(missing(f, &x.id, "children_exposed.how"));
            }
        }
    }
    let record = |id: &str, from: &str| -> Result<(), ContentError> {
        if r.records.iter().any(|x| x.id == id) { Ok(()) } else { Err(broken(f, from, id)) }
    };

    // Answers that mark indicators.
    let mut seen = BTreeSet::new();
    for a in &r.answers {
        role(&a.person, "answer")?;
        if indicator_source(&a.indicator) != Some(IndicatorSource::Answer) {
            return Err(broken(f, &format!("answer of {}", a.person), &a.indicator));
        }
        if !seen.insert((a.person.as_str(), a.indicator.as_str())) {
            return Err(ContentError::DuplicateId { file: f.into(), id: format!("{}/{}", a.person, a.indicator) });
        }
        if a.scale.is_some_and(|s| s > 10) {
            return Err(invalid(f, format!("answer of {} for `{}`: scale is 0–10", a.person, a.indicator)));
        }
    }

    // Top 3.
    let ranks: Vec<u8> = r.top3.iter().map(|t| t.rank).collect();
    let mut sorted = ranks.clone();
    sorted.sort();
    if sorted != [1, 2, 3] {
        return Err(invalid(f, format!("top3 must have exactly the ranks 1, 2 and 3 (found {ranks:?})")));
    }
    for t in &r.top3 {
        let id = format!("top3 #{}", t.rank);
        required(f, &id, "situation", &t.situation)?;
        if t.records.is_empty() {
            return Err(missing(f, &id, "records"));
        }
        for x in &t.records {
            record(x, &id)?;
        }
    }

    required(f, "reference", "severity_why", &r.severity_why)?;
    required(f, "reference", "unsafety_why", &r.unsafety_why)?;

    // One pattern per couple.
    let mut patterned = BTreeSet::new();
    for p in &r.patterns {
        let [a, b] = &p.partners;
        let id = format!("pattern {a}/{b}");
        role(a, &id)?;
        role(b, &id)?;
        if !is_couple(a, b) {
            return Err(invalid(f, format!("{id}: these two are not (ex-)partners in the relations")));
        }
        let pair = if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
        if !patterned.insert(pair) {
            return Err(ContentError::DuplicateId { file: f.into(), id });
        }
        required(f, &id, "why", &p.why)?;
        let in_couple = |x: &Option<String>| x.as_ref().is_none_or(|x| x == a || x == b);
        if !in_couple(&p.by) || !in_couple(&p.violent_resistance_by) {
            return Err(invalid(f, format!("{id}: `by` and `violent_resistance_by` must be one of the two partners")));
        }
        let needs_by =
            matches!(p.pattern, ReferencePatternKind::IntiemeTerreur | ReferencePatternKind::SituationeelPartnergeweldEenzijdig);
        match (&p.by, needs_by) {
            (None, true) => return Err(missing(f, &id, "by")),
            (Some(_), false) => return Err(invalid(f, format!("{id}: only intieme terreur and eenzijdig geweld name `by`"))),
            _ => {}
        }
        if let Some(v) = &p.violent_resistance_by
            && (p.pattern != ReferencePatternKind::IntiemeTerreur || Some(v) == p.by.as_ref())
        {
            return Err(invalid(f, format!("{id}: violent resistance is by the other partner, with intieme terreur only")));
        }
    }
    if patterned != couples {
        let gap = couples.difference(&patterned).next().map(|(a, b)| format!("{a}/{b}")).unwrap_or_default();
        return Err(missing(f, &format!("pattern {gap}"), "pattern"));
    }

    // All five profiles, each once.
    unique(f, r.profiles.iter().map(|p| p.profile.id()))?;
    for kind in ProfileKind::ALL {
        let p = r.profiles.iter().find(|p| p.profile == kind).ok_or_else(|| missing(f, kind.id(), "profile"))?;
        required(f, kind.id(), "why", &p.why)?;
    }

    // Red flags; acute unsafety follows from the current ones.
    unique(f, r.red_flags.iter().map(|x| x.flag.id()))?;
    for flag in &r.red_flags {
        required(f, flag.flag.id(), "why", &flag.why)?;
        for x in &flag.records {
            record(x, flag.flag.id())?;
        }
    }
    let any_current = r.red_flags.iter().any(|x| x.current);
    if r.acute_unsafety != any_current {
        return Err(invalid(
            f,
            format!("acute_unsafety is {} but {} red flag is current (§6.4)", r.acute_unsafety, if any_current { "a" } else { "no" }),
        ));
    }

    // Meldcode: the five weighing questions, each once.
    let numbers: BTreeMap<u8, usize> = r.meldcode.answers.iter().fold(BTreeMap::new(), |mut m, a| {
        *m.entry(a.question).or_default() += 1;
        m
    });
    if numbers.keys().copied().collect::<Vec<_>>() != [1, 2, 3, 4, 5] || numbers.values().any(|n| *n != 1) {
        return Err(invalid(f, "meldcode.answers must answer the weighing questions 1 to 5, each once".into()));
    }
    for a in &r.meldcode.answers {
        let id = format!("afweging.{}", a.question);
        if a.answer == MeldcodeAnswer::Done {
            return Err(invalid(f, format!("{id}: a weighing question is answered yes, no or not_yet")));
        }
        required(f, &id, "why", &a.why)?;
    }
    required(f, "meldcode", "decision", &r.meldcode.decision)?;

    // Plan outline.
    let plan = &r.plan;
    for (field, items) in [
        ("plan.directe_veiligheid", &plan.directe_veiligheid),
        ("plan.duurzame_veiligheid", &plan.duurzame_veiligheid),
        ("plan.herstel", &plan.herstel),
    ] {
        if items.is_empty() || items.iter().any(|i| i.trim().is_empty()) {
            return Err(missing(f, &case.id, field));
        }
    }
    if r.acute_unsafety && plan.acute.is_empty() {
        return Err(missing(f, &case.id, "plan.acute"));
    }

    if case.discussion.is_empty() {
        return Err(missing(f, &case.id, "discussion"));
    }
    for (i, d) in case.discussion.iter().enumerate() {
        let id = format!("discussion #{}", i + 1);
        required(f, &id, "question", &d.question)?;
        required(f, &id, "notes", &d.notes)?;
    }

    // The reference must be readable by the analysis with the shipped guides.
    case.reference_snapshot(&content.guides).map_err(|e| invalid(f, format!("reference: {e}")))?;
    Ok(())
}
