//! Cases, persons and relations, and the static content.

use domain::guidance;
use domain::{Case, CaseSummary, Frequency, Person, Relation, ValidPerson};
use vault::VaultError;

use super::{household, person_of, same_case};
use crate::contract::*;
use crate::env::Env;
use crate::error::{AppResult, ErrorCode};
use crate::views::{ContentBundle, FrequencyDef, HouseholdView, PersonGuidance};

/// The case list. What it shows of each case beyond its name — the red-flag marker, the next evaluation
/// date and the notes' tags (`domain::caselist`) — comes from a stored cache; the markers that are out
/// of date (the case changed, a new app or catalogue, or a day has come on which time alone changes
/// them) are computed first, so the list shows exactly what the analysis says today.
pub fn cases_list(env: &mut Env<'_>, _: CasesListRequest) -> AppResult<Vec<CaseSummary>> {
    let rules = marker_rules(env);
    env.vault(|v| {
        for case_id in v.cases().markers_to_refresh(env.clock.today, &rules)? {
            let analysis = super::analysis::analyse(env, v, case_id)?;
            let plan = v.safety_plans().list(case_id)?.into_iter().next();
            let tags = v.notes().live_tags(case_id)?;
            let marker = domain::caselist::case_marker(&analysis, plan.as_ref(), tags.iter().map(Vec::as_slice));
            v.cases().marker_put(case_id, &marker, &rules)?;
        }
        Ok(v.cases().list()?)
    })
}

/// The version of the rules a stored marker was computed with: this build and its catalogue.
fn marker_rules(env: &Env<'_>) -> String {
    format!("{}+{}", env!("CARGO_PKG_VERSION"), env.content.catalogue.version)
}

pub fn case_create(env: &mut Env<'_>, r: CaseCreateRequest) -> AppResult<Case> {
    env.vault(|v| Ok(v.cases().create(&r.label)?))
}

pub fn case_rename(env: &mut Env<'_>, r: CaseRenameRequest) -> AppResult<Case> {
    env.vault(|v| Ok(v.cases().rename(r.case_id, &r.label)?))
}

pub fn case_delete(env: &mut Env<'_>, r: CaseDeleteRequest) -> AppResult<()> {
    env.vault(|v| Ok(v.delete_case(r.case_id)?))
}

/// The access log of one case, checked whole each time it is shown: a broken chain is reported, never
/// hidden, and the rows are shown all the same.
pub fn case_log(env: &mut Env<'_>, r: CaseLogRequest) -> AppResult<crate::views::CaseLog> {
    env.vault(|v| {
        v.cases().get(r.case_id)?;
        let entries = v
            .case_log(r.case_id)?
            .into_iter()
            .map(|e| crate::views::CaseLogEntry { seq: e.seq, at: e.at, action: e.action, subject_id: e.subject_id })
            .collect();
        let (audit_rows, problem) = match v.check_audit()? {
            Ok(rows) => (Some(u32::try_from(rows).unwrap_or(u32::MAX)), None),
            Err(p) => (None, Some(ErrorCode::from_text(p.code()))),
        };
        Ok(crate::views::CaseLog { entries, audit_rows, problem })
    })
}

pub fn case_set_phase(env: &mut Env<'_>, r: CaseSetPhaseRequest) -> AppResult<Case> {
    env.vault(|v| {
        let case = v.cases().get(r.case_id)?;
        let update = vault::CaseUpdate { status: case.status, phase: r.phase, retention_until: case.retention_until };
        Ok(v.cases().update(r.case_id, &update)?)
    })
}

/// Archives a case or takes it out of the archive (`CaseStatus::Closed` is the archived status).
/// Archiving closes the case: without a retention date it gets the default (`domain::retention`).
pub fn case_set_archived(env: &mut Env<'_>, r: CaseSetArchivedRequest) -> AppResult<Case> {
    let today = env.clock.today;
    env.vault(|v| {
        let retention = if r.archived { super::retention::default_on_closing(v, r.case_id, today)? } else { None };
        Ok(v.cases().set_archived(r.case_id, r.archived, retention)?)
    })
}

/// What fits each person of a household (guide, pre-check, default confidentiality, plan version).
pub fn guidance_with(
    content: &crate::Content,
    clock: crate::Clock,
    persons: &[Person],
    prechecks: &[domain::ChildPrecheck],
) -> Vec<PersonGuidance> {
    let year = clock.year();
    let guides = &content.content.guides;
    persons
        .iter()
        .map(|p| {
            let guide = guidance::guide_for(guides, p, year);
            PersonGuidance {
                person: p.id,
                guide_id: guide.map(|g| g.id.clone()),
                precheck_required: guidance::precheck_required(p, guide),
                precheck_passed: guidance::precheck_passed(prechecks.iter().find(|c| c.child_id == p.id), p.id),
                default_confidentiality: guidance::default_confidentiality(&[p]),
                reader: guidance::reader(p),
            }
        })
        .collect()
}

/// Opening a case to work in it: the view `household_get` gives, and one `case_opened` row in the
/// access log. `household_get` itself, read again after every change, writes none.
pub fn case_open(env: &mut Env<'_>, r: CaseOpenRequest) -> AppResult<HouseholdView> {
    env.vault(|v| Ok(v.cases().open(r.case_id).map(|_| ())?))?;
    household_get(env, HouseholdGetRequest { case_id: r.case_id })
}

pub fn household_get(env: &mut Env<'_>, r: HouseholdGetRequest) -> AppResult<HouseholdView> {
    let (household, prechecks) = env.vault(|v| Ok((household(v, r.case_id)?, v.child_prechecks().list(r.case_id)?)))?;
    let guidance = guidance_with(env.content, env.clock, &household.persons, &prechecks);
    // In the view rather than a command of their own: the household is read again after every change
    // of a person or relation, so the proposals the UI shows are always those of what is stored now.
    let proposals = domain::proposals::propose_relations(&household);
    Ok(HouseholdView { household, guidance, proposals, today: env.clock.today })
}

pub fn person_add(env: &mut Env<'_>, r: PersonAddRequest) -> AppResult<Person> {
    let input = ValidPerson::new(r.input, env.clock.year())?;
    env.vault(|v| {
        v.cases().get(r.case_id)?;
        Ok(v.persons().add_valid(r.case_id, input)?)
    })
}

pub fn person_update(env: &mut Env<'_>, r: PersonUpdateRequest) -> AppResult<Person> {
    let input = ValidPerson::new(r.input, env.clock.year())?;
    env.vault(|v| {
        let hh = household(v, r.case_id)?;
        person_of(v, &hh, r.person_id)?;
        Ok(v.persons().update_valid(r.person_id, input)?)
    })
}

pub fn person_delete(env: &mut Env<'_>, r: PersonDeleteRequest) -> AppResult<()> {
    env.vault(|v| {
        let hh = household(v, r.case_id)?;
        person_of(v, &hh, r.person_id)?;
        Ok(v.persons().delete(r.person_id)?)
    })
}

pub fn relation_add(env: &mut Env<'_>, r: RelationAddRequest) -> AppResult<Relation> {
    env.vault(|v| {
        let hh = household(v, r.case_id)?;
        person_of(v, &hh, r.input.from)?;
        person_of(v, &hh, r.input.to)?;
        Ok(v.relations().add(r.case_id, r.input)?)
    })
}

pub fn relation_delete(env: &mut Env<'_>, r: RelationDeleteRequest) -> AppResult<()> {
    env.vault(|v| {
        household(v, r.case_id)?;
        let relation = match v.relations().get(r.relation_id) {
            Err(VaultError::NotFound(_)) => return Err(ErrorCode::NotFound.into()),
            other => other?,
        };
        same_case(relation.case_id, r.case_id)?;
        Ok(v.relations().delete(r.relation_id)?)
    })
}

pub fn content_get(env: &mut Env<'_>, _: ContentGetRequest) -> AppResult<ContentBundle> {
    let c = env.content;
    Ok(ContentBundle {
        guides: c.content.guides.clone(),
        catalogue: c.catalogue.clone(),
        profile_cards: c.content.profiles.clone(),
        red_flags: c.content.red_flags.clone(),
        indicators: c.content.indicators.clone(),
        meldcode: c.meldcode.clone(),
        blaming_phrases: c.content.blaming_phrases.clone(),
        frequencies: Frequency::ALL.iter().map(|f| FrequencyDef { frequency: *f, per_year: f.yearly_estimate() }).collect(),
    })
}
