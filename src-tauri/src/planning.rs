//! IPC commands for the safety plan: load (or prefill), save with its checks, preview and print per
//! reader, export a PDF to a place the user chooses, and the numbered versions.
//!
//! What a reader may see is decided in `domain::plan` (`view_for`); rendering happens in `plan`, in
//! memory. The only file this module ever writes is the PDF the user asked for, at the path the user
//! picked in the system's save dialog.

use std::sync::LazyLock;

use base64::Engine;
use chrono::Utc;
use domain::plan::checks::PlanChecks;
use domain::plan::{Audience, PlanVersion, SafetyPlan};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;
use uuid::Uuid;

use crate::content::{content, today};
use crate::error::{IpcError, IpcResult};
use crate::state::{blocking, Shared};

/// Fonts, templates and Typst's library are loaded once; later renders only lay out the new data.
static RENDERER: LazyLock<plan::Renderer> = LazyLock::new(plan::Renderer::new);

/// Preview pages are rendered at this scale (1.0 = 72 dpi): sharp on screen and on paper.
const PREVIEW_SCALE: f32 = 2.0;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlanSaved {
    pub plan: SafetyPlan,
    pub checks: PlanChecks,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlanPreview {
    /// `data:image/png;base64,…` per page; never written to disk.
    pub pages: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PlanExported {
    /// False when the user cancelled the save dialog.
    pub saved: bool,
    pub version: Option<u32>,
}

impl From<plan::PlanError> for IpcError {
    fn from(e: plan::PlanError) -> Self {
        IpcError::new(e.code())
    }
}

fn stored_plan(v: &vault::Vault, case_id: Uuid) -> IpcResult<Option<SafetyPlan>> {
    Ok(v.safety_plans().list(case_id)?.into_iter().next())
}

/// The stored plan, or a new one prefilled from the analysis (stored at its first save).
fn plan_or_prefill(v: &vault::Vault, case_id: Uuid) -> IpcResult<SafetyPlan> {
    if let Some(plan) = stored_plan(v, case_id)? {
        return Ok(plan);
    }
    let c = content();
    let snapshot = v.snapshot(case_id)?;
    let analysis = domain::analyse(&snapshot, &c.catalogue, today());
    Ok(domain::plan::prefill::prefill(
        &snapshot,
        &analysis,
        &c.catalogue,
        &c.content.red_flags,
        &c.content.profiles,
        Utc::now(),
    ))
}

fn checks(v: &vault::Vault, plan: &SafetyPlan) -> IpcResult<PlanChecks> {
    let snapshot = v.snapshot(plan.case_id)?;
    let c = content();
    Ok(domain::plan::checks::check_plan(plan, &snapshot, &c.catalogue, &c.content.blaming_phrases))
}

fn template_for(audience: &Audience) -> plan::Template {
    plan::Template::for_audience(match audience {
        Audience::Professional => domain::plan::AudienceKind::Professional,
        Audience::Adult { .. } => domain::plan::AudienceKind::Adult,
        Audience::Child { .. } => domain::plan::AudienceKind::Child,
        Audience::Network { .. } => domain::plan::AudienceKind::Network,
    })
}

/// A file name without case label or names: the name of a file is seen more easily than its content.
fn file_name(version: u32, audience: &Audience) -> String {
    let reader = match audience {
        Audience::Professional => "professional",
        Audience::Adult { .. } => "volwassene",
        Audience::Child { .. } => "kind",
        Audience::Network { .. } => "netwerk",
    };
    format!("veiligheidsplan-versie-{version}-{reader}.pdf")
}

#[tauri::command]
pub async fn plan_get(state: State<'_, Shared>, case_id: Uuid) -> IpcResult<SafetyPlan> {
    blocking(&state, move |state| state.with_vault(|v| plan_or_prefill(v, case_id))).await
}

#[tauri::command]
pub async fn plan_save(state: State<'_, Shared>, mut plan: SafetyPlan) -> IpcResult<PlanSaved> {
    blocking(&state, move |state| {
        state.with_vault(|v| {
            // One plan per case: a second plan for the same case takes the stored one's id.
            if let Some(existing) = stored_plan(v, plan.case_id)? {
                plan.id = existing.id;
            }
            let household = v.household(plan.case_id)?;
            plan.validate(&household)?;
            if !domain::plan::checks::unsafe_escape_readers(&plan, &v.snapshot(plan.case_id)?).is_empty() {
                return Err(IpcError::new("escape_reader_unsafe"));
            }
            plan.updated_at = Utc::now();
            v.safety_plans().save(&plan)?;
            let checks = checks(v, &plan)?;
            Ok(PlanSaved { plan, checks })
        })
    })
    .await
}

#[tauri::command]
pub async fn plan_check(state: State<'_, Shared>, plan: SafetyPlan) -> IpcResult<PlanChecks> {
    blocking(&state, move |state| state.with_vault(|v| checks(v, &plan))).await
}

#[tauri::command]
pub async fn plan_preview(state: State<'_, Shared>, case_id: Uuid, audience: Audience) -> IpcResult<PlanPreview> {
    blocking(&state, move |state| {
        let view = state.with_vault(|v| {
            let plan = plan_or_prefill(v, case_id)?;
            let household = v.household(case_id)?;
            Ok(domain::plan::view_for(&plan, &household, &audience)?)
        })?;
        // Rendering happens outside the vault lock: the vault stays free for autosaves meanwhile.
        let pngs = RENDERER.pngs(&view, template_for(&audience), PREVIEW_SCALE)?;
        let b64 = base64::engine::general_purpose::STANDARD;
        Ok(PlanPreview { pages: pngs.iter().map(|p| format!("data:image/png;base64,{}", b64.encode(p))).collect() })
    })
    .await
}

fn freeze(v: &vault::Vault, case_id: Uuid) -> IpcResult<PlanVersion> {
    let plan = match stored_plan(v, case_id)? {
        Some(plan) => plan,
        None => {
            let plan = plan_or_prefill(v, case_id)?;
            v.safety_plans().save(&plan)?;
            plan
        }
    };
    Ok(v.safety_plans().freeze(plan.id)?)
}

#[tauri::command]
pub async fn plan_freeze(state: State<'_, Shared>, case_id: Uuid) -> IpcResult<PlanVersion> {
    blocking(&state, move |state| state.with_vault(|v| freeze(v, case_id))).await
}

#[tauri::command]
pub async fn plan_versions(state: State<'_, Shared>, case_id: Uuid) -> IpcResult<Vec<PlanVersion>> {
    blocking(&state, move |state| {
        state.with_vault(|v| match stored_plan(v, case_id)? {
            Some(plan) => Ok(v.safety_plans().versions(plan.id)?),
            None => Ok(Vec::new()),
        })
    })
    .await
}

/// Opens the system print dialog for what the window shows: the UI puts only the chosen reader's page
/// images (from memory) in its print-only view. `window.print()` does nothing in the WebKitGTK view.
#[tauri::command]
pub async fn print_page(window: tauri::WebviewWindow) -> IpcResult<()> {
    window.print().map_err(|_| IpcError::new("print_failed"))
}

/// Freezes a version, renders the reader's PDF in memory, asks where to save it, and writes it there.
#[tauri::command]
pub async fn plan_export_pdf(
    app: AppHandle,
    state: State<'_, Shared>,
    case_id: Uuid,
    audience: Audience,
) -> IpcResult<PlanExported> {
    blocking(&state, move |state| {
        let (version, view) = state.with_vault(|v| {
            let household = v.household(case_id)?;
            let version = freeze(v, case_id)?;
            let view = domain::plan::view_of_version(&version, &household, &audience)?;
            Ok((version.number, view))
        })?;
        let pdf = RENDERER.pdf(&view, template_for(&audience))?;
        let chosen = app
            .dialog()
            .file()
            .set_title("Veiligheidsplan opslaan als PDF")
            .set_file_name(file_name(version, &audience))
            .add_filter("PDF", &["pdf"])
            .blocking_save_file();
        let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
            return Ok(PlanExported { saved: false, version: Some(version) });
        };
        std::fs::write(&path, pdf).map_err(|e| IpcError::from(vault::VaultError::from(e)))?;
        Ok(PlanExported { saved: true, version: Some(version) })
    })
    .await
}
