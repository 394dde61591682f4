//! Training (issue 12, point 4; domain.md §10): a participant exports their work on a practice family as
//! one file; the trainer imports any number of these and sees them beside the family's reference.
//!
//! - Both work only in practice mode: a participant file holds fictional families only, and the trainer's
//!   screen is a practice screen (`OEFENMODUS`).
//! - The export names persons by the practice family's local ids, remembered when the family was added
//!   to the practice vault (`practice_origin`): a case the participant made by hand is not a practice
//!   family and has nothing to compare with.
//! - Import reads files the desktop names (the file picker, or files dropped on the window; paths never
//!   come from the WebView), at most [`domain::exercise::MAX_FILE_BYTES`] each, and takes a batch
//!   whole or not at all: one bad file refuses the batch, each bad file with its own problem, and the
//!   trainer's screen stays as it was. Nothing is stored: the trainer's screen holds the works.

use std::collections::BTreeMap;
use std::path::Path;

use domain::exercise::{self, ImportProblem, ParticipantWork};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use vault::Vault;

use crate::contract::*;
use crate::env::{Env, FileKind};
use crate::error::{AppResult, ErrorCode};
use crate::views::{ImportFrom, RefusedFile, TrainingImported, WorkExported};

/// Where a case of the practice vault came from: which practice family (and version), and each stored
/// person's local id in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Origin {
    pub family: String,
    pub version: u32,
    pub persons: BTreeMap<Uuid, String>,
}

pub(crate) fn remember_origin(v: &Vault, case_id: Uuid, origin: &Origin) -> AppResult<()> {
    let json = serde_json::to_string(origin).map_err(|_| ErrorCode::Internal)?;
    v.settings().set_practice_origin(case_id, &json)?;
    Ok(())
}

fn origin_of(v: &Vault, case_id: Uuid) -> AppResult<Origin> {
    let stored = v.settings().practice_origin(case_id)?.ok_or(ErrorCode::NotAPracticeFamily)?;
    serde_json::from_str(&stored).map_err(|_| ErrorCode::NotAPracticeFamily.into())
}

fn practice_only(env: &Env<'_>) -> AppResult<()> {
    env.vault(|_| Ok(()))?;
    if env.practice { Ok(()) } else { Err(ErrorCode::PracticeOnly.into()) }
}

/// The file name a participant's export suggests: the family and the group, in plain letters.
pub fn work_file_name(family: &str, group: &str) -> String {
    let slug: String = group
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let family = family.trim_start_matches("oefen.");
    if slug.is_empty() { format!("oefenwerk-{family}.json") } else { format!("oefenwerk-{family}-{slug}.json") }
}

/// The participant's work on a practice family as made in the practice vault today.
pub(crate) fn work_of(env: &Env<'_>, v: &Vault, case_id: Uuid, group: &str) -> AppResult<(ParticipantWork, String)> {
    let origin = origin_of(v, case_id)?;
    let family = ::content::training::practice_cases()
        .into_iter()
        .find(|c| c.id == origin.family && c.version == origin.version)
        .ok_or(ErrorCode::NotAPracticeFamily)?;
    let snapshot = v.snapshot(case_id)?;
    let analysis = domain::analyse(&snapshot, &env.content.catalogue, env.clock.today);
    let meldcode = v.meldcode_entries().list(case_id)?;
    let plan = v.safety_plans().list(case_id)?.into_iter().next();
    let work = exercise::work_from(
        &family,
        &origin.persons,
        &snapshot,
        &analysis,
        &meldcode,
        &env.content.content.meldcode,
        plan.as_ref(),
        group,
        env.clock.today,
    );
    Ok((work, family.id))
}

/// Saves a participant's work on a practice family as one file where they choose (issue 12, point 4).
pub fn practice_work_export(env: &mut Env<'_>, r: PracticeWorkExportRequest) -> AppResult<WorkExported> {
    env.vault(|v| Ok(v.cases().get(r.case_id).map(|_| ())?))?;
    practice_only(env)?;
    if !exercise::group_ok(&r.group) {
        return Err(ErrorCode::GroupLabelInvalid.into());
    }
    let (work, family) = env.vault(|v| work_of(env, v, r.case_id, &r.group))?;
    let bytes = serde_json::to_vec_pretty(&work).map_err(|_| ErrorCode::Internal)?;
    let name = work_file_name(&family, &work.group);
    let saved = env.shell.save_file("Oefenwerk opslaan voor de trainer", &name, FileKind::ParticipantWork, &bytes)?;
    Ok(WorkExported { saved })
}

/// Reads one file the desktop named: refused unread when larger than the limit.
fn read_file(path: &Path) -> Result<Vec<u8>, ImportProblem> {
    super::read_capped(path, exercise::MAX_FILE_BYTES).map_err(|e| match e {
        super::CappedRead::TooLarge => ImportProblem::TooLarge,
        _ => ImportProblem::Unreadable,
    })
}

fn checked(works: &[ParticipantWork], env: &Env<'_>) -> AppResult<()> {
    // What the screen sends back is what Rust read before; it is read again as a file would be.
    let cases = ::content::training::practice_cases();
    for w in works {
        let bytes = serde_json::to_vec(w).map_err(|_| ErrorCode::Invalid)?;
        exercise::read_work(&bytes, &cases, &env.content.catalogue).map_err(|_| ErrorCode::Invalid)?;
    }
    if !exercise::check_batch(&[], works).is_empty() {
        return Err(ErrorCode::Invalid.into());
    }
    Ok(())
}

fn comparison(works: &[ParticipantWork], env: &Env<'_>) -> Option<exercise::Comparison> {
    let first = works.first()?;
    let family = ::content::training::practice_cases()
        .into_iter()
        .find(|c| c.id == first.practice_case_id && c.version == first.practice_case_version)?;
    Some(exercise::compare(&family, works, &env.content.catalogue))
}

/// The trainer imports participant files (chosen in the file picker, or dropped on the window) beside
/// the works already on the screen (`works`). All or nothing: when any file is refused, the answer
/// holds the works as they were and each refused file with its problem.
pub fn training_import(env: &mut Env<'_>, r: TrainingImportRequest) -> AppResult<TrainingImported> {
    practice_only(env)?;
    checked(&r.works, env)?;
    let paths = match r.from {
        ImportFrom::Picker => env.shell.pick_files("Oefenwerk van deelnemers openen", FileKind::ParticipantWork)?,
        ImportFrom::Dropped => env.shell.take_dropped_files(),
    };
    let unchanged = |refused: Vec<RefusedFile>, cancelled: bool| TrainingImported {
        comparison: comparison(&r.works, env),
        works: r.works.clone(),
        refused,
        cancelled,
    };
    if paths.is_empty() {
        return Ok(unchanged(Vec::new(), true));
    }
    let cases = ::content::training::practice_cases();
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut read = Vec::new();
    let mut refused = Vec::new();
    for p in &paths {
        match read_file(p).and_then(|bytes| exercise::read_work(&bytes, &cases, &env.content.catalogue)) {
            Ok(w) => read.push((name(p), w)),
            Err(problem) => refused.push(RefusedFile { file: name(p), problem }),
        }
    }
    let new: Vec<ParticipantWork> = read.iter().map(|(_, w)| w.clone()).collect();
    for (i, problem) in exercise::check_batch(&r.works, &new) {
        refused.push(RefusedFile { file: read[i].0.clone(), problem });
    }
    if !refused.is_empty() {
        return Ok(unchanged(refused, false));
    }
    let mut works = r.works.clone();
    works.extend(new);
    Ok(TrainingImported { comparison: comparison(&works, env), works, refused: Vec::new(), cancelled: false })
}

/// The comparison of the works on the trainer's screen (after one was taken off it).
pub fn training_compare(env: &mut Env<'_>, r: TrainingCompareRequest) -> AppResult<Option<exercise::Comparison>> {
    practice_only(env)?;
    checked(&r.works, env)?;
    Ok(comparison(&r.works, env))
}
