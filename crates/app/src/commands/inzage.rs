//! One person's access request (`inzage`, issue 14 point 4): the review on screen, and the export as a
//! PDF with a JSON file beside it, both of the same view.
//!
//! What is in it and what is left out is decided in `domain::inzage` (pure, table-tested); here the
//! person must belong to the case (`not_in_case`), the stored case is read in one go (the live notes and
//! the saved plan, never a prefilled draft), the PDF is rendered in memory by `plan`, and the only files
//! ever written are the two the user chose in the save dialog. Saving writes one `inzage_exported` row
//! to the access log (the case and the person's ids); the review writes none.

use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use domain::inzage::{InzageLabels, InzageReview, InzageSources};
use domain::{Role, Guide};
use uuid::Uuid;
use vault::Vault;

use super::{household, person_of};
use crate::contract::*;
use crate::env::Env;
use crate::error::{AppResult, ErrorCode};
use crate::views::{InzageExported, InzagePreview};
use crate::Clock;

/// Preview pages are rendered at this scale (1.0 = 72 dpi), as the plan's are.
const PREVIEW_SCALE: f32 = 2.0;

/// Question texts from the shipped guides, behaviour labels from the catalogue.
struct ContentLabels<'a>(&'a crate::Content);

impl ContentLabels<'_> {
    fn find_question(&self, id: &str) -> Option<&domain::Question> {
        self.0.content.guides.iter().find_map(|g: &Guide| g.question(id))
    }
}

impl InzageLabels for ContentLabels<'_> {
    fn question(&self, question_id: &str) -> Option<String> {
        self.find_question(question_id).map(|q| q.text.clone())
    }

    fn option(&self, question_id: &str, option_id: &str) -> Option<String> {
        match &self.find_question(question_id)?.answer {
            domain::AnswerType::Choice { options } => options.iter().find(|o| o.id == option_id).map(|o| o.label.clone()),
            _ => None,
        }
    }

    fn behaviour(&self, behaviour_id: &str) -> Option<String> {
        self.0.catalogue.item(behaviour_id).map(|d| d.label.clone())
    }
}

/// The review of `person_id`'s inzage as the case is stored now.
fn review(env: &Env<'_>, v: &Vault, case_id: Uuid, person_id: Uuid) -> AppResult<InzageReview> {
    let hh = household(v, case_id)?;
    person_of(v, &hh, person_id)?;
    let snapshot = v.snapshot(case_id)?;
    let notes = v.notes().list(case_id)?;
    let plan = v.safety_plans().list(case_id)?.into_iter().next();
    let src = InzageSources { snapshot: &snapshot, notes: &notes, plan: plan.as_ref() };
    let local = |t: DateTime<Utc>| Clock::at(t).today;
    let mut review = domain::inzage::inzage_for(&src, person_id, env.clock.today, &ContentLabels(env.content), local)?;
    // The person's corrections and objections, beside the items the view shows (issue 14, point 5).
    let corrections = v.corrections().corrections_for_person(person_id)?;
    review.view = review.view.with_corrections(&corrections);
    Ok(review)
}

/// Shows the inzage for review: what it holds, what was left out (counts by kind, for the professional
/// only) and the PDF's pages. Nothing is logged: nothing left the vault.
pub fn inzage_preview(env: &mut Env<'_>, r: InzagePreviewRequest) -> AppResult<InzagePreview> {
    let review = env.vault(|v| review(env, v, r.case_id, r.person_id))?;
    // Rendering happens outside the vault lock.
    let pngs = plan::shared().inzage_pngs(&review.view, PREVIEW_SCALE)?;
    let b64 = base64::engine::general_purpose::STANDARD;
    Ok(InzagePreview { review, pages: pngs.iter().map(|p| format!("data:image/png;base64,{}", b64.encode(p))).collect() })
}

/// A file name without case label or names (the name of a file is seen more easily than its content):
/// the kind of reader and the day.
pub fn inzage_file_name(role: Role, date: NaiveDate) -> String {
    let reader = match role {
        Role::Child => "kind",
        Role::Network => "netwerk",
        _ => "volwassene",
    };
    format!("inzage-{reader}-{date}.pdf")
}

/// The name of the JSON file beside a PDF: the same name, ending in `.json`.
pub fn json_name(pdf_name: &str) -> String {
    format!("{}.json", pdf_name.strip_suffix(".pdf").unwrap_or(pdf_name))
}

/// Renders the PDF in memory, serialises the same view as JSON, and hands both to the save dialog;
/// when they were saved, logs `inzage_exported`.
pub fn inzage_export(env: &mut Env<'_>, r: InzageExportRequest) -> AppResult<InzageExported> {
    let (review, role) = env.vault(|v| {
        let review = review(env, v, r.case_id, r.person_id)?;
        let role = review.view.person.role;
        Ok((review, role))
    })?;
    let pdf = plan::shared().inzage_pdf(&review.view)?;
    let mut json = serde_json::to_vec_pretty(&review.view).map_err(|_| ErrorCode::Internal)?;
    json.push(b'\n');
    let saved = env.shell.save_pdf_and_json(&inzage_file_name(role, env.clock.today), &pdf, &json)?;
    if saved {
        // The access log says a copy left the vault, for whom (by id), not where to.
        env.vault(|v| Ok(v.record_inzage_exported(r.case_id, r.person_id)?))?;
    }
    Ok(InzageExported { saved })
}
