//! The handover file (`overdrachtsbestand`, issue 15 point 2): one case, or chosen parts of it, as one
//! file for the practitioner who takes over, encrypted under a passphrase the sender passes on by phone.
//!
//! **Format.** The [age](https://age-encryption.org/v1) format (the `age` crate) with one scrypt
//! passphrase recipient — a vetted, documented format rather than a home-made one. Inside, in memory
//! only: one JSON object `{ "manifest": …, "parts": { "<part>": "<JSON text>", … } }`. The manifest
//! (`domain::handover::Manifest`) names the format and its version, the vault schema, the app version,
//! the day, a unique export id, practice or real, the parts, their counts and each part's SHA-256. What
//! is in it and its rules are `domain::handover`'s.
//!
//! **Reading a file is reading a stranger's file.** It must be a regular file of at most
//! [`MAX_FILE_BYTES`] (checked before it is read, and while reading); the scrypt work factor it asks
//! for is capped ([`MAX_WORK_FACTOR`]); the manifest's format and versions are read before anything
//! else (a newer file gets its own error), then the checksums, the parts' shapes, the text limits, the
//! counts, and the ids: every id it uses must be one it declares. Each failure has its own code and
//! nothing is written. The decrypted text lives in memory only and is wiped when dropped.
//!
//! **Import.** `handover_choose` (file dialog; the host keeps the path, the UI never names one) →
//! `handover_preview` (decrypt and check; says what the file holds; writes nothing, logs nothing) →
//! `handover_import`: always a new case, every id new, written in one transaction with the ordinary
//! repositories' checks; a file whose case is already in this vault (imported before, or exported from
//! it) is refused, as is a practice file in a real vault and the other way round. The access log gets
//! `handover_exported` on the sender's side and `handover_imported` on the receiver's, each with the
//! case id and the export id only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use age::secrecy::SecretString;
use domain::handover::{
    self, ConversationsPart, HandoverContent, HandoverPart, Manifest, PersonsPart, PlanPart, RecordsPart, FORMAT, FORMAT_VERSION,
};
use domain::{RelationInput, ValidPerson};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use sha2::{Digest, Sha256};
use uuid::Uuid;
use vault::{KdfParams, Vault};
use zeroize::Zeroizing;

use crate::contract::*;
use crate::env::{Env, FilePurpose};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::views::{HandoverChosen, HandoverExported, HandoverImported, HandoverPreview};

/// The largest handover file read (a case with years of conversations is a few MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The scrypt work factor (log2 N) of a new file: 128 MiB and about a second on a laptop.
pub const WORK_FACTOR: u8 = 17;
/// The highest work factor a file may ask for before it is refused (a hostile file could ask for hours).
pub const MAX_WORK_FACTOR: u8 = 18;
/// The work factor in the test host (whose vaults use the cheap key-derivation preset too).
const TEST_WORK_FACTOR: u8 = 10;

fn damaged<E>(_: E) -> AppError {
    ErrorCode::HandoverDamaged.into()
}

fn work_factor(kdf: KdfParams) -> u8 {
    // Only the test host uses key derivation below the floor a real key file must have.
    if kdf.m_cost_kib < KdfParams::MIN_M_COST_KIB { TEST_WORK_FACTOR } else { WORK_FACTOR }
}

/// The suggested file name: the day only, never a case label or a name.
pub fn handover_file_name(today: chrono::NaiveDate) -> String {
    format!("overdracht-{today}.age")
}

/// Reads the chosen parts of a case, as they are stored.
fn read_content(v: &Vault, case_id: Uuid, parts: &[HandoverPart]) -> AppResult<HandoverContent> {
    let hh = super::household(v, case_id)?;
    let persons = PersonsPart { case_id, case_label: hh.case.label, phase: hh.case.phase, persons: hh.persons, relations: hh.relations };
    let conversations = parts.contains(&HandoverPart::Conversations).then(|| -> AppResult<_> {
        let conversations = v.conversations().list(case_id)?;
        let mut answers = v.answers().list(case_id)?;
        answers.sort_by_key(|a| a.id);
        Ok(ConversationsPart { conversations, answers, prechecks: v.child_prechecks().list(case_id)? })
    });
    let records = parts.contains(&HandoverPart::Records).then(|| -> AppResult<_> {
        Ok(RecordsPart {
            records: v.behaviour_records().list(case_id)?,
            judgements: v.judgements().list(case_id)?,
            acute_decisions: v.acute_decisions().list(case_id)?,
            meldcode_entries: v.meldcode_entries().list(case_id)?,
        })
    });
    let plan = match parts.contains(&HandoverPart::Plan) {
        true => v.safety_plans().list(case_id)?.into_iter().next().map(|plan| PlanPart { plan }),
        false => None,
    };
    Ok(HandoverContent { persons, conversations: conversations.transpose()?, records: records.transpose()?, plan })
}

fn value_of<T: Serialize>(t: &T) -> AppResult<Value> {
    serde_json::to_value(t).map_err(|_| ErrorCode::Internal.into())
}

/// The parts as JSON values, by part.
fn part_values(content: &HandoverContent) -> AppResult<BTreeMap<HandoverPart, Value>> {
    let mut out = BTreeMap::new();
    out.insert(HandoverPart::Persons, value_of(&content.persons)?);
    if let Some(p) = &content.conversations {
        out.insert(HandoverPart::Conversations, value_of(p)?);
    }
    if let Some(p) = &content.records {
        out.insert(HandoverPart::Records, value_of(p)?);
    }
    if let Some(p) = &content.plan {
        out.insert(HandoverPart::Plan, value_of(p)?);
    }
    Ok(out)
}

/// Every id the parts declare, with the case's own.
fn declared(case_id: Uuid, values: &BTreeMap<HandoverPart, Value>) -> Result<BTreeSet<Uuid>, domain::DomainError> {
    let mut ids = BTreeSet::from([case_id]);
    handover::declared_ids(&values.values().collect::<Vec<_>>(), &mut ids)?;
    Ok(ids)
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The plaintext of a file: manifest and parts (each part's JSON text as it was checksummed).
fn sealed_text(manifest: &Manifest, texts: &BTreeMap<HandoverPart, Zeroizing<String>>) -> AppResult<Zeroizing<Vec<u8>>> {
    #[derive(Serialize)]
    struct Envelope<'a> {
        manifest: &'a Manifest,
        parts: BTreeMap<HandoverPart, &'a str>,
    }
    let parts = texts.iter().map(|(p, t)| (*p, t.as_str())).collect();
    serde_json::to_vec(&Envelope { manifest, parts }).map(Zeroizing::new).map_err(|_| ErrorCode::Internal.into())
}

/// Makes a handover file of the chosen parts of a case and hands it to the save dialog; when saved,
/// logs `handover_exported` (case id and export id) and remembers the export id.
pub fn handover_export(env: &mut Env<'_>, r: HandoverExportRequest) -> AppResult<HandoverExported> {
    env.vault(|_| Ok(()))?;
    let parts = handover::parts_checked(&r.parts).map_err(|_| ErrorCode::HandoverPartsIncomplete)?;
    if !domain::passphrase::strength(r.passphrase.expose()).acceptable {
        return Err(ErrorCode::PassphraseTooWeak.into());
    }
    let practice = env.practice;
    let (content, schema_version) = env.vault(|v| Ok((read_content(v, r.case_id, &parts)?, v.schema_version()?)))?;
    let counts = content.counts();
    // What is really in it (a case without a saved plan has no plan part).
    let parts = content.parts();
    let mut values = part_values(&content)?;
    drop(content);
    // References to what stays behind (a record's conversation when the conversations do not go along).
    let known = declared(r.case_id, &values).map_err(|_| ErrorCode::Internal)?;
    values.values_mut().for_each(|v| handover::drop_unknown_ids(v, &known));
    let texts: BTreeMap<HandoverPart, Zeroizing<String>> = values
        .iter()
        .map(|(p, v)| serde_json::to_string(v).map(|t| (*p, Zeroizing::new(t))).map_err(|_| AppError::from(ErrorCode::Internal)))
        .collect::<AppResult<_>>()?;
    drop(values);
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        format_version: FORMAT_VERSION,
        schema_version,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        created_at: env.clock.now,
        export_id: Uuid::now_v7(),
        practice,
        parts: parts.clone(),
        counts,
        checksums: texts.iter().map(|(p, t)| (*p, sha256_hex(t.as_bytes()))).collect(),
    };
    let plain = sealed_text(&manifest, &texts)?;
    drop(texts);
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(r.passphrase.expose().to_owned()));
    recipient.set_work_factor(work_factor(env.kdf));
    let bytes = age::encrypt(&recipient, &plain).map_err(|_| ErrorCode::Internal)?;
    drop(plain);
    let file_name = handover_file_name(env.clock.today);
    let saved = env.shell.save_handover(&file_name, &bytes)?;
    if saved {
        env.vault(|v| Ok(v.record_handover_exported(r.case_id, manifest.export_id)?))?;
    }
    Ok(HandoverExported { saved, file_name, parts, counts })
}

/// Opens the file dialog for a handover file and keeps the choice (not its content) for the preview
/// and the import.
pub fn handover_choose(env: &mut Env<'_>, _: HandoverChooseRequest) -> AppResult<HandoverChosen> {
    env.vault(|_| Ok(()))?;
    let chosen = env.shell.pick_file(FilePurpose::Handover)?;
    let file_name = chosen.as_ref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
    let was_chosen = chosen.is_some();
    *env.handover_file() = chosen;
    Ok(HandoverChosen { chosen: was_chosen, file_name })
}

/// Reads at most [`MAX_FILE_BYTES`] of a regular file; larger is `handover_too_large` before the
/// content is read whole.
fn read_capped(path: &Path) -> AppResult<Vec<u8>> {
    super::read_capped(path, MAX_FILE_BYTES).map_err(|e| match e {
        super::CappedRead::Missing => ErrorCode::NotFound.into(),
        super::CappedRead::NotAFile => ErrorCode::HandoverDamaged.into(),
        super::CappedRead::TooLarge => ErrorCode::HandoverTooLarge.into(),
        super::CappedRead::Unreadable(e) => crate::AppError::from(e),
    })
}

/// Decrypts a handover file in memory.
pub(crate) fn decrypt(bytes: &[u8], passphrase: &str) -> AppResult<Zeroizing<Vec<u8>>> {
    use age::DecryptError as E;
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    age::decrypt(&identity, bytes).map(Zeroizing::new).map_err(|e| {
        match e {
            // The passphrase does not unwrap the file key (a damaged key stanza looks the same).
            E::DecryptionFailed | E::KeyDecryptionFailed => ErrorCode::HandoverWrongPassphrase,
            E::ExcessiveWork { .. } => ErrorCode::HandoverTooCostly,
            // Cut off, a flipped byte in header or payload, not an age file, another kind of recipient.
            _ => ErrorCode::HandoverDamaged,
        }
        .into()
    })
}

/// A file decrypted and checked: its manifest and content, with the ids still as the sender had them.
pub(crate) struct Opened {
    pub manifest: Manifest,
    pub content: HandoverContent,
    pub values: BTreeMap<HandoverPart, Value>,
}

fn typed<T: DeserializeOwned>(v: &Value) -> AppResult<T> {
    T::deserialize(v).map_err(damaged)
}

/// Checks a decrypted file: format and versions first, then practice or real, checksums, shapes,
/// limits, counts and ids.
pub(crate) fn check_plain(plain: &[u8], practice: bool) -> AppResult<Opened> {
    let outer: Value = serde_json::from_slice(plain).map_err(damaged)?;
    let raw_manifest = outer.get("manifest").ok_or(ErrorCode::HandoverDamaged)?;
    if raw_manifest.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ErrorCode::HandoverDamaged.into());
    }
    let version = |key: &str| raw_manifest.get(key).and_then(Value::as_u64).ok_or(ErrorCode::HandoverDamaged);
    if version("format_version")? > u64::from(FORMAT_VERSION) || version("schema_version")? > u64::from(vault::SCHEMA_VERSION) {
        return Err(ErrorCode::HandoverFutureVersion.into());
    }
    let manifest: Manifest = typed(raw_manifest)?;
    if manifest.practice != practice {
        return Err(ErrorCode::HandoverPracticeMismatch.into());
    }
    if handover::parts_checked(&manifest.parts).ok().as_ref() != Some(&manifest.parts) {
        return Err(ErrorCode::HandoverDamaged.into());
    }
    let texts: BTreeMap<HandoverPart, String> = typed(outer.get("parts").ok_or(ErrorCode::HandoverDamaged)?)?;
    if texts.keys().copied().collect::<Vec<_>>() != manifest.parts || manifest.checksums.keys().copied().collect::<Vec<_>>() != manifest.parts {
        return Err(ErrorCode::HandoverDamaged.into());
    }
    let mut values = BTreeMap::new();
    for (part, text) in &texts {
        if manifest.checksums.get(part) != Some(&sha256_hex(text.as_bytes())) {
            return Err(ErrorCode::HandoverDamaged.into());
        }
        values.insert(*part, serde_json::from_str::<Value>(text).map_err(damaged)?);
    }
    let part = |p: HandoverPart| values.get(&p);
    let content = HandoverContent {
        persons: typed(part(HandoverPart::Persons).ok_or(ErrorCode::HandoverDamaged)?)?,
        conversations: part(HandoverPart::Conversations).map(typed).transpose()?,
        records: part(HandoverPart::Records).map(typed).transpose()?,
        plan: part(HandoverPart::Plan).map(typed).transpose()?,
    };
    // The same limits as every request (a text, a list): a file is no way around them.
    for v in values.values() {
        crate::limits::check_texts(v).map_err(damaged)?;
    }
    if content.counts() != manifest.counts {
        return Err(ErrorCode::HandoverDamaged.into());
    }
    // Every id the file uses is one it declares (checked by remapping onto itself).
    let ids = declared(content.persons.case_id, &values).map_err(damaged)?;
    let same: BTreeMap<Uuid, Uuid> = ids.iter().map(|id| (*id, *id)).collect();
    for v in values.values() {
        handover::remap_ids(&mut v.clone(), &same).map_err(damaged)?;
    }
    Ok(Opened { manifest, content, values })
}

/// Reads, decrypts and checks the chosen file, and refuses one whose case is already in this vault.
fn open_chosen(env: &Env<'_>, passphrase: &crate::Secret) -> AppResult<Opened> {
    env.vault(|_| Ok(()))?;
    let path = env.handover_file().clone().ok_or(ErrorCode::NotFound)?;
    let bytes = read_capped(&path)?;
    let plain = decrypt(&bytes, passphrase.expose())?;
    drop(bytes);
    let opened = check_plain(&plain, env.practice)?;
    drop(plain);
    env.vault(|v| match v.handover_case(opened.manifest.export_id)? {
        Some(_) => Err(ErrorCode::HandoverAlreadyImported.into()),
        None => Ok(()),
    })?;
    Ok(opened)
}

/// Says what the chosen file holds. Writes nothing and logs nothing: nothing entered the vault.
pub fn handover_preview(env: &mut Env<'_>, r: HandoverPreviewRequest) -> AppResult<HandoverPreview> {
    let o = open_chosen(env, &r.passphrase)?;
    Ok(HandoverPreview {
        export_id: o.manifest.export_id,
        case_label: o.content.persons.case_label.clone(),
        created_at: o.manifest.created_at,
        app_version: o.manifest.app_version,
        format_version: o.manifest.format_version,
        schema_version: o.manifest.schema_version,
        parts: o.manifest.parts,
        counts: o.manifest.counts,
    })
}

/// Takes the chosen file in as a new case (after the preview of the same file: `export_id`), in one
/// transaction: all of it or nothing.
pub fn handover_import(env: &mut Env<'_>, r: HandoverImportRequest) -> AppResult<HandoverImported> {
    let opened = open_chosen(env, &r.passphrase)?;
    if opened.manifest.export_id != r.export_id {
        // Another file than the one previewed (changed on disk in between).
        return Err(ErrorCode::HandoverChanged.into());
    }
    let year = env.clock.year();
    let counts = opened.manifest.counts;
    let content = env.content;
    let case = env.vault(|v| v.in_one_transaction(|v| write_case(v, &opened, year, content)))?;
    // A forgotten path: the next import starts with the file dialog again.
    *env.handover_file() = None;
    Ok(HandoverImported { case, counts })
}

/// Writes the file's content as a new case: the case, its persons and relations through their
/// repositories (new ids from the vault), then every record with each id replaced by a new one.
fn write_case(v: &Vault, o: &Opened, current_year: i32, content: &crate::Content) -> AppResult<domain::Case> {
    let p = &o.content.persons;
    let case = v.cases().create(&p.case_label)?;
    if p.phase != case.phase {
        v.cases().update(case.id, &vault::CaseUpdate { status: case.status, phase: p.phase, retention_until: None })?;
    }
    let mut map = BTreeMap::from([(p.case_id, case.id)]);
    for person in &p.persons {
        let added = v.persons().add_valid(case.id, ValidPerson::new(person.input(), current_year).map_err(damaged)?)?;
        map.insert(person.id, added.id);
    }
    for rel in &p.relations {
        let (Some(from), Some(to)) = (map.get(&rel.from), map.get(&rel.to)) else {
            return Err(ErrorCode::HandoverDamaged.into());
        };
        let added = v.relations().add(case.id, RelationInput { from: *from, to: *to, kind: rel.kind.clone() }).map_err(damaged)?;
        map.insert(rel.id, added.id);
    }
    // Every other id the file declares gets a new one.
    let ids = declared(p.case_id, &o.values).map_err(damaged)?;
    for id in ids {
        map.entry(id).or_insert_with(Uuid::now_v7);
    }
    let remapped = |part: HandoverPart| -> AppResult<Option<Value>> {
        let Some(v) = o.values.get(&part) else { return Ok(None) };
        let mut v = v.clone();
        handover::remap_ids(&mut v, &map).map_err(damaged)?;
        Ok(Some(v))
    };
    if let Some(c) = remapped(HandoverPart::Conversations)? {
        let c: ConversationsPart = typed(&c)?;
        save_all(&v.conversations(), &c.conversations)?;
        save_all(&v.answers(), &c.answers)?;
        save_all(&v.child_prechecks(), &c.prechecks)?;
    }
    if let Some(r) = remapped(HandoverPart::Records)? {
        let r: RecordsPart = typed(&r)?;
        save_all(&v.behaviour_records(), &r.records)?;
        save_all(&v.judgements(), &r.judgements)?;
        save_all(&v.acute_decisions(), &r.acute_decisions)?;
        // The step and question checks need the Meldcode model, as `meldcode_save` does.
        r.meldcode_entries.iter().try_for_each(|e| e.validate(&content.meldcode)).map_err(damaged)?;
        save_all(&v.meldcode_entries(), &r.meldcode_entries)?;
    }
    if let Some(plan) = remapped(HandoverPart::Plan)? {
        let plan: PlanPart = typed(&plan)?;
        save_all(&v.safety_plans(), std::slice::from_ref(&plan.plan))?;
        // As `plan_save`: never an escape step readable by someone recorded as using violence against the
        // person it protects (the whole import is undone).
        if !domain::plan::checks::unsafe_escape_readers(&plan.plan, &v.snapshot(case.id)?).is_empty() {
            return Err(ErrorCode::EscapeReaderUnsafe.into());
        }
    }
    v.record_handover_imported(case.id, o.manifest.export_id)?;
    Ok(v.cases().get(case.id)?)
}

/// Saves every record through its repository (and its checks). A record the vault refuses means the
/// file is not what this app writes (`handover_damaged`); a full disk stays a full disk.
fn save_all<T: vault::Doc>(repo: &vault::Docs<'_, T>, items: &[T]) -> AppResult<()> {
    for item in items {
        repo.save(item).map_err(|e| match e {
            vault::VaultError::DiskFull => AppError::from(ErrorCode::DiskFull),
            _ => ErrorCode::HandoverDamaged.into(),
        })?;
    }
    Ok(())
}
