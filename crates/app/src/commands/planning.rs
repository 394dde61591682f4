//! The safety plan: load (or prefill), add an item, save with its checks, preview and print per reader,
//! export a PDF to a place the user chooses, and the numbered versions.
//!
//! What a reader may see is decided in `domain::plan` (`view_for`); rendering happens in `plan`, in
//! memory. The only file ever written is the PDF the user asked for, where the host's save dialog says.

use base64::Engine;
use domain::plan::checks::PlanChecks;
use domain::plan::editor;
use domain::plan::{Audience, PlanVersion, SafetyPlan, Section};
use domain::{CaseSnapshot, Household};
use uuid::Uuid;
use vault::Vault;

use super::{household, person_of, same_case};
use crate::contract::*;
use crate::env::Env;
use crate::error::{AppResult, ErrorCode};
use crate::views::{PlanEditor, PlanExported, PlanPreview, PlanSaved};

/// Preview pages are rendered at this scale (1.0 = 72 dpi): sharp on screen and on paper.
const PREVIEW_SCALE: f32 = 2.0;

const ALL_SECTIONS: [Section; 12] = [
    Section::Worries,
    Section::Conditions,
    Section::AcuteActions,
    Section::Agreements,
    Section::Problems,
    Section::Recovery,
    Section::Support,
    Section::Network,
    Section::Professionals,
    Section::Measures,
    Section::Signals,
    Section::EscapePlan,
];

fn stored_plan(v: &Vault, case_id: Uuid) -> AppResult<Option<SafetyPlan>> {
    Ok(v.safety_plans().list(case_id)?.into_iter().next())
}

/// A first draft from the analysis, not stored yet. Its id is derived from the case so that asking
/// twice gives the same draft.
pub fn prefill_with(c: &crate::Content, clock: crate::Clock, snapshot: &CaseSnapshot) -> SafetyPlan {
    let analysis = domain::analyse(snapshot, &c.catalogue, clock.today);
    let mut plan = domain::plan::prefill::prefill(
        snapshot,
        &analysis,
        &c.catalogue,
        &c.content.red_flags,
        &c.content.profiles,
        clock.now,
    );
    plan.id = domain::plan::prefill::derived_id(snapshot.household.case.id, "plan");
    plan
}

/// The stored plan, or a new one prefilled from the analysis (stored at its first save).
fn plan_or_prefill(env: &Env<'_>, v: &Vault, case_id: Uuid) -> AppResult<SafetyPlan> {
    match stored_plan(v, case_id)? {
        Some(plan) => Ok(plan),
        None => Ok(prefill_with(env.content, env.clock, &v.snapshot(case_id)?)),
    }
}

pub(crate) fn editor_for(plan: SafetyPlan, household: &Household) -> PlanEditor {
    let readers = editor::readers(&plan, &household.persons);
    let addable = ALL_SECTIONS.into_iter().filter(|s| editor::section_has_room(&plan, *s)).collect();
    let languages = editor::translation_languages(&plan, &household.persons);
    PlanEditor { plan, readers, addable, languages }
}

pub(crate) fn checks_for(env: &Env<'_>, plan: &SafetyPlan, snapshot: &CaseSnapshot) -> PlanChecks {
    let c = env.content;
    domain::plan::checks::check_plan(plan, snapshot, &c.catalogue, &c.content.blaming_phrases)
}

pub fn plan_get(env: &mut Env<'_>, r: PlanGetRequest) -> AppResult<PlanEditor> {
    env.vault(|v| {
        let hh = household(v, r.case_id)?;
        Ok(editor_for(plan_or_prefill(env, v, r.case_id)?, &hh))
    })
}

pub fn plan_item_add(env: &mut Env<'_>, r: PlanItemAddRequest) -> AppResult<PlanEditor> {
    let mut plan = r.plan;
    let hh = env.vault(|v| {
        let hh = household(v, plan.case_id)?;
        no_other_case_persons(v, &hh, &plan)?;
        Ok(hh)
    })?;
    if !editor::section_has_room(&plan, r.section) {
        return Err(ErrorCode::SectionFull.into());
    }
    editor::add_item(&mut plan, r.section, &hh.persons, Uuid::now_v7())?;
    Ok(editor_for(plan, &hh))
}

/// The plan's id may be new or the stored plan's of this case, never another case's.
fn plan_id_in_case(v: &Vault, plan: &mut SafetyPlan) -> AppResult<()> {
    if let Some(existing) = stored_plan(v, plan.case_id)? {
        // One plan per case: a second plan for the same case takes the stored one's id.
        plan.id = existing.id;
        return Ok(());
    }
    match v.safety_plans().get(plan.id) {
        Ok(other) => same_case(other.case_id, plan.case_id),
        Err(vault::VaultError::NotFound(_)) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// No person of another case appears anywhere in the plan (readers, the person an item is about,
/// parties, the persons of problems and needs): `not_in_case`.
fn no_other_case_persons(v: &Vault, hh: &Household, plan: &SafetyPlan) -> AppResult<()> {
    let json = serde_json::to_value(plan).map_err(|_| ErrorCode::Internal)?;
    let mut ids = Vec::new();
    fn walk(v: &serde_json::Value, out: &mut Vec<Uuid>) {
        match v {
            serde_json::Value::String(s) => out.extend(Uuid::parse_str(s).ok()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(&json, &mut ids);
    for id in ids {
        if hh.person(id).is_none() {
            if let Ok(p) = v.persons().get(id) {
                same_case(p.case_id, plan.case_id)?;
            }
        }
    }
    Ok(())
}

pub fn plan_save(env: &mut Env<'_>, r: PlanSaveRequest) -> AppResult<PlanSaved> {
    let mut plan = r.plan;
    let now = env.clock.now;
    env.vault(|v| {
        let snapshot = v.snapshot(plan.case_id)?;
        no_other_case_persons(v, &snapshot.household, &plan)?;
        plan_id_in_case(v, &mut plan)?;
        // The escape plan is for the person it protects and the professional only (domain.md §9): any
        // other named reader is refused with its own code, before the general validation.
        let names_others = plan.escape_plan.iter().any(|i| {
            matches!(&i.visibility, domain::plan::Visibility::Persons(list) if list.iter().any(|r| i.about != Some(*r)))
        });
        if names_others || !domain::plan::checks::unsafe_escape_readers(&plan, &snapshot).is_empty() {
            return Err(ErrorCode::EscapeReaderUnsafe.into());
        }
        plan.validate(&snapshot.household)?;
        plan.updated_at = now;
        v.safety_plans().save(&plan)?;
        let checks = checks_for(env, &plan, &snapshot);
        Ok(PlanSaved { editor: editor_for(plan, &snapshot.household), checks })
    })
}

pub fn plan_check(env: &mut Env<'_>, r: PlanCheckRequest) -> AppResult<PlanChecks> {
    env.vault(|v| {
        let snapshot = v.snapshot(r.plan.case_id)?;
        no_other_case_persons(v, &snapshot.household, &r.plan)?;
        Ok(checks_for(env, &r.plan, &snapshot))
    })
}

fn template_for(audience: &Audience) -> plan::Template {
    plan::Template::for_audience(match audience {
        Audience::Professional => domain::plan::AudienceKind::Professional,
        Audience::Adult { .. } => domain::plan::AudienceKind::Adult,
        Audience::Child { .. } => domain::plan::AudienceKind::Child,
        Audience::Network { .. } => domain::plan::AudienceKind::Network,
    })
}

/// The reader is a person of this case.
fn reader_in_case(v: &Vault, hh: &Household, audience: &Audience) -> AppResult<()> {
    match audience.reader() {
        Some(reader) => person_of(v, hh, reader).map(|_| ()),
        None => Ok(()),
    }
}

pub fn plan_preview(env: &mut Env<'_>, r: PlanPreviewRequest) -> AppResult<PlanPreview> {
    let view = env.vault(|v| {
        let hh = household(v, r.case_id)?;
        reader_in_case(v, &hh, &r.audience)?;
        let plan = plan_or_prefill(env, v, r.case_id)?;
        let view = domain::plan::view_for(&plan, &hh, &r.audience)?;
        with_picture(env, v, r.case_id, &hh, view)
    })?;
    // Rendering happens outside the vault lock: the vault stays free for autosaves meanwhile.
    let pngs = plan::shared().pngs(&view, template_for(&r.audience), PREVIEW_SCALE)?;
    let b64 = base64::engine::general_purpose::STANDARD;
    Ok(PlanPreview { pages: pngs.iter().map(|p| format!("data:image/png;base64,{}", b64.encode(p))).collect() })
}

fn freeze(env: &Env<'_>, v: &Vault, case_id: Uuid) -> AppResult<PlanVersion> {
    let plan = match stored_plan(v, case_id)? {
        Some(plan) => plan,
        None => {
            let plan = plan_or_prefill(env, v, case_id)?;
            v.safety_plans().save(&plan)?;
            plan
        }
    };
    Ok(v.safety_plans().freeze(plan.id)?)
}

pub fn plan_freeze(env: &mut Env<'_>, r: PlanFreezeRequest) -> AppResult<PlanVersion> {
    env.vault(|v| {
        household(v, r.case_id)?;
        freeze(env, v, r.case_id)
    })
}

pub fn plan_versions(env: &mut Env<'_>, r: PlanVersionsRequest) -> AppResult<Vec<PlanVersion>> {
    env.vault(|v| {
        household(v, r.case_id)?;
        match stored_plan(v, r.case_id)? {
            Some(plan) => Ok(v.safety_plans().versions(plan.id)?),
            None => Ok(Vec::new()),
        }
    })
}

/// The professional's version gets the family picture (`domain::picture`, counted like the analysis);
/// every other reader's version stays without it (`PlanView::with_picture`).
/// What a rendered view carries besides the reader's items: `OEFENMODUS` on every page in practice mode,
/// and the family picture in the professional's version.
fn with_picture(env: &Env<'_>, v: &Vault, case_id: Uuid, hh: &domain::Household, view: domain::plan::PlanView) -> AppResult<domain::plan::PlanView> {
    let mut view = view;
    view.practice = env.practice;
    if view.audience != domain::plan::AudienceKind::Professional {
        return Ok(view);
    }
    let snapshot = v.snapshot(case_id)?;
    let catalogue = &env.content.catalogue;
    let picture = domain::picture::family_picture(&snapshot, catalogue);
    let label = |id: &str| catalogue.item(id).map_or_else(|| id.to_owned(), |d| d.label.clone());
    Ok(view.with_picture(domain::plan::PictureView::new(&picture, hh, label)))
}

/// A file name without case label or names: the name of a file is seen more easily than its content.
pub fn file_name(version: u32, audience: &Audience) -> String {
    let reader = match audience {
        Audience::Professional => "professional",
        Audience::Adult { .. } => "volwassene",
        Audience::Child { .. } => "kind",
        Audience::Network { .. } => "netwerk",
    };
    format!("veiligheidsplan-versie-{version}-{reader}.pdf")
}

/// Freezes a version, renders the reader's PDF in memory, and hands it to the host's save dialog.
pub fn plan_export_pdf(env: &mut Env<'_>, r: PlanExportPdfRequest) -> AppResult<PlanExported> {
    let (version, view) = env.vault(|v| {
        let hh = household(v, r.case_id)?;
        reader_in_case(v, &hh, &r.audience)?;
        let version = freeze(env, v, r.case_id)?;
        let view = domain::plan::view_of_version(&version, &hh, &r.audience)?;
        let view = with_picture(env, v, r.case_id, &hh, view)?;
        Ok((version.number, view))
    })?;
    // Rendering and the dialog happen outside the vault lock.
    let pdf = plan::shared().pdf(&view, template_for(&r.audience))?;
    let saved = env.shell.save_pdf(&file_name(version, &r.audience), &pdf)?;
    if saved {
        // The access log says a copy left the vault (not where to, nor for whom).
        env.vault(|v| Ok(v.record_plan_exported(r.case_id)?))?;
    }
    Ok(PlanExported { saved, version: Some(version) })
}

/// Opens the system print dialog for what the window shows: the UI puts only the chosen reader's page
/// images (from memory) in its print-only view.
pub fn print_page(env: &mut Env<'_>, _: PrintPageRequest) -> AppResult<()> {
    env.shell.print()
}
