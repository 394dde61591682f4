//! The report to Veilig Thuis (`melding`, issue 15 point 1): the draft on screen, the professional's
//! choices kept, the report exported as PDF or as plain text (to read out on the phone), and a report
//! made frozen as a version with the day it was reported — which also records step 5 of the Meldcode
//! (`besluit.melden`: yes) in the log, in the same transaction.
//!
//! What is in the report and what is left out by default is decided in `domain::melding` (pure,
//! tested on the example family in `crates/content/tests/melding.rs`); here the case is read in one
//! go, the professional's choices are checked against it, and the only files ever written are the
//! ones the user chose in the save dialog (`melding_exported` in the access log, ids only).

use chrono::{DateTime, NaiveDate, Utc};
use domain::melding::{self, MeldingContent, MeldingDocument, MeldingDraft, MeldingProblem, MeldingSources};
use domain::{Consulted, EvidenceLink, GuideAudience, MeldcodeAnswer, MeldcodeEntry};
use uuid::Uuid;
use vault::Vault;

use super::past_date;
use crate::contract::*;
use crate::env::{Env, FileKind};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::views::{MeldingExported, MeldingFormat, MeldingScreen};
use crate::Clock;

impl From<MeldingProblem> for AppError {
    fn from(p: MeldingProblem) -> Self {
        AppError(match p {
            MeldingProblem::QuoteFixed { .. } => ErrorCode::MeldingQuoteFixed,
            MeldingProblem::SourceMissing { .. } => ErrorCode::MeldingSourceMissing,
            MeldingProblem::OwnInvalid { .. } => ErrorCode::MeldingOwnInvalid,
            MeldingProblem::Duplicate { .. } => ErrorCode::Invalid,
            MeldingProblem::TooLong => ErrorCode::FieldTooLong,
            MeldingProblem::RequestMissing => ErrorCode::MeldingRequestMissing,
            MeldingProblem::NoSignals => ErrorCode::MeldingNoSignals,
        })
    }
}

/// Composes the report of a stored case with `draft` (the stored draft when `None`).
fn compose(env: &Env<'_>, v: &Vault, case_id: Uuid, draft: Option<&MeldingDraft>, version: Option<(u32, NaiveDate)>) -> AppResult<(MeldingDocument, MeldingDraft)> {
    v.cases().get(case_id)?;
    let snapshot = v.snapshot(case_id)?;
    let analysis = domain::analyse(&snapshot, &env.content.catalogue, env.clock.today);
    let log = v.meldcode_entries().list(case_id)?;
    let plan = v.safety_plans().list(case_id)?.into_iter().next();
    let draft = match draft {
        Some(d) => d.clone(),
        None => v.meldingen().draft(case_id)?.unwrap_or_else(|| MeldingDraft::empty(case_id, env.clock.now)),
    };
    let guides = &env.content.content.guides;
    let question = |id: &str| guides.iter().find_map(|g| g.question(id)).map(|q| q.text.clone());
    let observation_guides: Vec<String> =
        guides.iter().filter(|g| g.audience == GuideAudience::ChildObservation).map(|g| g.id.clone()).collect();
    let content = MeldingContent {
        texts: &env.content.content.melding,
        catalogue: &env.content.catalogue,
        red_flags: &env.content.content.red_flags,
        profiles: &env.content.content.profiles,
        meldcode: &env.content.meldcode,
        question: &question,
        observation_guides: &observation_guides,
    };
    let local = |t: DateTime<Utc>| Clock::at(t).today;
    let src = MeldingSources { snapshot: &snapshot, analysis: &analysis, meldcode: &log, plan: plan.as_ref(), local: &local };
    let document = melding::compose(&src, &content, &draft, env.clock.today, version)?;
    Ok((document, draft))
}

fn screen(env: &Env<'_>, v: &Vault, case_id: Uuid) -> AppResult<MeldingScreen> {
    let (mut document, draft) = compose(env, v, case_id, None, None)?;
    let versions = v.meldingen().versions(case_id)?;
    if let Some(last) = versions.last() {
        document.status = env.content.content.melding.draft_after(last);
    }
    Ok(MeldingScreen {
        problems: melding::report_problems(&document),
        document,
        draft,
        versions,
        today: env.clock.today,
    })
}

/// The report as it stands: every statement the case gives (with what is left out), the professional's
/// choices, what still stands in the way of reporting, and the reports made.
pub fn melding_get(env: &mut Env<'_>, r: MeldingGetRequest) -> AppResult<MeldingScreen> {
    env.vault(|v| screen(env, v, r.case_id))
}

/// Keeps the professional's choices: which statements are in, their own wording (never of a quote),
/// their own statements (a signal with its source) and the request to Veilig Thuis.
pub fn melding_save(env: &mut Env<'_>, r: MeldingSaveRequest) -> AppResult<MeldingScreen> {
    let mut draft = r.draft;
    for own in &mut draft.own {
        if own.id.is_nil() {
            own.id = Uuid::now_v7();
        }
    }
    draft.updated_at = env.clock.now;
    env.vault(|v| {
        // Checked against the case as it is stored: a refused draft changes nothing.
        compose(env, v, draft.case_id, Some(&draft), None)?;
        v.meldingen().save_draft(&draft)?;
        screen(env, v, draft.case_id)
    })
}

/// Marks the report as made (`gemeld`) on `reported_on`: freezes what is included as the next version
/// and records the decision to report (Meldcode step 5) with the included signals as its evidence.
pub fn melding_report(env: &mut Env<'_>, r: MeldingReportRequest) -> AppResult<MeldingScreen> {
    past_date(r.reported_on, env.clock.today)?;
    env.vault(|v| {
        let number = v.meldingen().versions(r.case_id).map(|vs| vs.len() as u32 + 1).unwrap_or(1);
        let (document, _) = compose(env, v, r.case_id, None, Some((number, r.reported_on)))?;
        if let Some(problem) = melding::report_problems(&document).into_iter().next() {
            return Err(problem.into());
        }
        let evidence = document
            .statements()
            .filter(|s| s.included)
            .filter_map(|s| s.key.strip_prefix("record:").and_then(|id| id.parse().ok()))
            .map(|id| EvidenceLink::Record { id })
            .collect();
        let texts = &env.content.content.melding;
        let rationale = texts.headings.get("meldcode_rationale").cloned().unwrap_or_default().replace("{versie}", &number.to_string());
        let entry = MeldcodeEntry {
            id: Uuid::now_v7(),
            case_id: r.case_id,
            step: 5,
            question_id: Some(domain::meldcode::QUESTION_DECISION.into()),
            date: r.reported_on,
            answer: MeldcodeAnswer::Yes,
            rationale,
            consulted: vec![Consulted { who: "Veilig Thuis".into(), organisation: "Veilig Thuis".into() }],
            evidence,
            recorded_at: env.clock.now,
        };
        entry.validate(&env.content.meldcode)?;
        v.meldingen().report(r.case_id, r.reported_on, document.included_only(), &entry)?;
        screen(env, v, r.case_id)
    })
}

/// A file name without case label or names: what it is and the day.
pub fn melding_file_name(date: NaiveDate, version: Option<u32>, format: MeldingFormat) -> String {
    let ext = match format {
        MeldingFormat::Pdf => "pdf",
        MeldingFormat::Text => "txt",
    };
    match version {
        Some(n) => format!("melding-veilig-thuis-{date}-versie-{n}.{ext}"),
        None => format!("melding-veilig-thuis-concept-{date}.{ext}"),
    }
}

/// Saves the draft (only what is included) or a report made as a PDF or as plain text, through the save
/// dialog; logs `melding_exported` when it was saved.
pub fn melding_export(env: &mut Env<'_>, r: MeldingExportRequest) -> AppResult<MeldingExported> {
    let document = env.vault(|v| match r.version {
        None => Ok(compose(env, v, r.case_id, None, None)?.0.included_only()),
        Some(n) => {
            v.cases().get(r.case_id)?;
            let versions = v.meldingen().versions(r.case_id)?;
            versions.into_iter().find(|x| x.number == n).map(|x| x.document).ok_or(AppError(ErrorCode::NotFound))
        }
    })?;
    let name = melding_file_name(env.clock.today, r.version, r.format);
    let title = env.content.content.melding.headings.get("title").cloned().unwrap_or_default();
    let saved = match r.format {
        MeldingFormat::Pdf => env.shell.save_pdf_titled(&title, &name, &plan::shared().melding_pdf(&document, env.practice)?)?,
        MeldingFormat::Text => env.shell.save_file(&title, &name, FileKind::Text, document.plain_text().as_bytes())?,
    };
    if saved {
        env.vault(|v| Ok(v.meldingen().record_exported(r.case_id)?))?;
    }
    Ok(MeldingExported { saved })
}
