//! Renders one reader's version of a safety plan (`veiligheidsplan`) to PDF, and to page images for the
//! preview, with the Typst templates in `assets/templates`.
//!
//! Everything happens in memory: the templates and fonts are compiled into the binary, the plan goes in
//! as a virtual `data.json`, and the PDF or PNG bytes come back to the caller. This crate never touches
//! the file system (no temp files, no writes); saving a PDF where the user chooses is the shell's job.
//!
//! The input is a [`PlanView`], i.e. a plan already cut down by [`domain::plan::view_for`] to what one
//! reader may see. A template only lays out what it is given, so access rules live in one place (the
//! domain), and a template for one audience refuses a view built for another.
//!
//! The same machinery renders a person's access request (`inzage`, [`Renderer::inzage_pdf`]) from a
//! [`domain::inzage::InzageView`], which `domain::inzage::inzage_for` has already cut down to what that
//! person may read; its template (`assets/templates/inzage.typ`) only lays it out.
//!
//! PDFs are written as PDF/UA-1 (tagged, with title and language); fonts (DejaVu Sans, see
//! `assets/fonts/LICENSE-DejaVu.txt`; Noto Sans Arabic, see `assets/fonts/LICENSE-NotoSansArabic.txt`)
//! are embedded as subsets.
//!
//! A reader's version is in the reader's language ([`PlanView::language`], issue 15.3): every fixed text
//! of the templates comes from that language's table in `assets/plan_i18n/` ([`i18n`]), which goes into
//! the data as `tekst`. The access request and the role cards are Dutch.

pub mod i18n;

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc, Weekday};
use domain::inzage::InzageView;
use domain::PlanLanguage;
use domain::melding::MeldingDocument;
use domain::plan::{AudienceKind, PlanView};
use thiserror::Error;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

/// The Typst templates, compiled in.
const TEMPLATES: [(&str, &str); 8] = [
    ("/common.typ", include_str!("../../../assets/templates/common.typ")),
    ("/professional.typ", include_str!("../../../assets/templates/professional.typ")),
    ("/adult.typ", include_str!("../../../assets/templates/adult.typ")),
    ("/child.typ", include_str!("../../../assets/templates/child.typ")),
    ("/network.typ", include_str!("../../../assets/templates/network.typ")),
    ("/inzage.typ", include_str!("../../../assets/templates/inzage.typ")),
    ("/rolkaarten.typ", include_str!("../../../assets/templates/rolkaarten.typ")),
    ("/melding.typ", include_str!("../../../assets/templates/melding.typ")),
];

/// The fonts, compiled in (DejaVu Sans: a clear sans with Latin, Turkish, Polish and Cyrillic; Noto Sans
/// Arabic, regular and bold: Arabic letters with their joining forms; both free licences).
const FONTS: [&[u8]; 5] = [
    include_bytes!("../../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf"),
    include_bytes!("../../../assets/fonts/DejaVuSans-Oblique.ttf"),
    include_bytes!("../../../assets/fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../../../assets/fonts/NotoSansArabic-Bold.ttf"),
];

const DATA_PATH: &str = "/data.json";

/// How long unused compilation results stay cached, counted in renders.
const CACHE_MAX_AGE: usize = 10;

/// Which layout to use. Each audience has its own; see [`Template::for_audience`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    /// Everything, with who may read each item.
    Professional,
    /// One adult of the household.
    Adult,
    /// One child: plain words, large type.
    Child,
    /// One network person: their tasks and the shared items.
    Network,
}

impl Template {
    pub fn for_audience(audience: AudienceKind) -> Template {
        match audience {
            AudienceKind::Professional => Template::Professional,
            AudienceKind::Adult => Template::Adult,
            AudienceKind::Child => Template::Child,
            AudienceKind::Network => Template::Network,
        }
    }

    fn path(self) -> &'static str {
        match self {
            Template::Professional => "/professional.typ",
            Template::Adult => "/adult.typ",
            Template::Child => "/child.typ",
            Template::Network => "/network.typ",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PlanError {
    /// The template is for another reader than the view was made for.
    #[error("this template does not fit the reader of this plan version")]
    TemplateMismatch,
    /// The template could not be laid out (a bug in a template, or content it cannot handle).
    #[error("the plan could not be laid out: {0}")]
    Layout(String),
    /// The PDF could not be written (e.g. content that breaks PDF/UA).
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
    #[error("a page image could not be made")]
    Image,
    #[error("the preview scale must be between 0.1 and 8")]
    Scale,
}

impl PlanError {
    /// Stable, machine-readable code (crosses IPC unchanged).
    pub fn code(&self) -> &'static str {
        match self {
            PlanError::TemplateMismatch => "plan_template_mismatch",
            PlanError::Layout(_) => "plan_layout",
            PlanError::Pdf(_) => "plan_pdf",
            PlanError::Image => "plan_image",
            PlanError::Scale => "plan_scale",
        }
    }
}

/// Holds what every render needs (standard library, fonts, parsed templates), so warm renders only
/// lay out the new data. Cheap to share: `&Renderer` is `Sync`.
pub struct Renderer {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    sources: Vec<Source>,
    data_id: FileId,
    /// The fixed texts per language, as the templates read them.
    texts: i18n::Texts,
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

fn file_id(path: &str) -> FileId {
    // The paths are constants of this crate; they are always valid.
    let vpath = VirtualPath::new(path).expect("valid template path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl Renderer {
    pub fn new() -> Self {
        let fonts: Vec<Font> = FONTS.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        let book = FontBook::from_fonts(&fonts);
        let sources = TEMPLATES.iter().map(|(path, text)| Source::new(file_id(path), (*text).to_owned())).collect();
        Renderer {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
            sources,
            data_id: file_id(DATA_PATH),
            texts: i18n::Texts::load(),
        }
    }

    /// Lays out `view` with `template`.
    fn document(&self, view: &PlanView, template: Template) -> Result<PagedDocument, PlanError> {
        if Template::for_audience(view.audience) != template {
            return Err(PlanError::TemplateMismatch);
        }
        self.compile(template.path(), self.template_data(view))
    }

    /// Lays out the template at `main` with `data` as `/data.json`.
    fn compile(&self, main: &str, data: Vec<u8>) -> Result<PagedDocument, PlanError> {
        let world = PlanWorld { renderer: self, main: file_id(main), data: Bytes::new(data) };
        let result = typst::compile::<PagedDocument>(&world).output;
        typst::comemo::evict(CACHE_MAX_AGE);
        result.map_err(|errors| PlanError::Layout(messages(&errors)))
    }

    /// The PDF of one reader's version.
    pub fn pdf(&self, view: &PlanView, template: Template) -> Result<Vec<u8>, PlanError> {
        pdf_of(&self.document(view, template)?)
    }

    /// One PNG per page, at `scale` pixels per point (1.0 = 72 dpi; 2.0 suits a preview on most screens).
    pub fn pngs(&self, view: &PlanView, template: Template, scale: f32) -> Result<Vec<Vec<u8>>, PlanError> {
        check_scale(scale)?;
        pngs_of(&self.document(view, template)?, scale)
    }

    /// Number of pages of one reader's version.
    pub fn page_count(&self, view: &PlanView, template: Template) -> Result<usize, PlanError> {
        Ok(self.document(view, template)?.pages().len())
    }

    /// The PDF of one person's access request: a cover page, then what the file holds about them.
    pub fn inzage_pdf(&self, view: &InzageView) -> Result<Vec<u8>, PlanError> {
        pdf_of(&self.compile(INZAGE_TEMPLATE, self.inzage_data(view))?)
    }

    /// The role cards of a practice family (issue 12): one page per family member, `OEFENMODUS` on each.
    pub fn role_cards_pdf(&self, cards: &domain::training::RoleCards) -> Result<Vec<u8>, PlanError> {
        let mut value = serde_json::to_value(cards).map_err(|e| PlanError::Layout(e.to_string()))?;
        value["practice"] = serde_json::Value::Bool(true);
        value["tekst"] = self.texts.json(PlanLanguage::Nl);
        let data = serde_json::to_vec(&value).map_err(|e| PlanError::Layout(e.to_string()))?;
        pdf_of(&self.compile(ROLE_CARDS_TEMPLATE, data)?)
    }

    /// The PDF of a report to Veilig Thuis: only the statements included, each with its source.
    /// `practice`: made in the practice vault (every page says so).
    pub fn melding_pdf(&self, document: &MeldingDocument, practice: bool) -> Result<Vec<u8>, PlanError> {
        let mut value = serde_json::to_value(document.included_only()).map_err(|e| PlanError::Layout(e.to_string()))?;
        value["practice"] = serde_json::Value::Bool(practice);
        // The report goes to Veilig Thuis: Dutch, like the professional's version of the plan.
        value["tekst"] = self.texts.json(PlanLanguage::Nl);
        let data = serde_json::to_vec(&value).map_err(|e| PlanError::Layout(e.to_string()))?;
        pdf_of(&self.compile(MELDING_TEMPLATE, data)?)
    }

    /// Page images of one person's access request, for the professional's review.
    pub fn inzage_pngs(&self, view: &InzageView, scale: f32) -> Result<Vec<Vec<u8>>, PlanError> {
        check_scale(scale)?;
        pngs_of(&self.compile(INZAGE_TEMPLATE, self.inzage_data(view))?, scale)
    }
}

impl Renderer {
    /// The JSON the templates read: the view, times already converted to Dutch local time, and the
    /// fixed texts in the view's language.
    fn template_data(&self, view: &PlanView) -> Vec<u8> {
        let mut value = plan_value(view);
        value["tekst"] = self.texts.json(view.language);
        serde_json::to_vec(&value).unwrap_or_default()
    }

    /// The inzage as the template reads it: the view, with its plan part prepared like a plan's, and the
    /// Dutch texts (an access request is a Dutch document).
    fn inzage_data(&self, view: &InzageView) -> Vec<u8> {
        let mut value = serde_json::to_value(view).unwrap_or_default();
        if let Some(plan) = &view.plan {
            value["plan"] = plan_value(plan);
        }
        value["tekst"] = self.texts.json(PlanLanguage::Nl);
        serde_json::to_vec(&value).unwrap_or_default()
    }
}

const INZAGE_TEMPLATE: &str = "/inzage.typ";
const ROLE_CARDS_TEMPLATE: &str = "/rolkaarten.typ";
const MELDING_TEMPLATE: &str = "/melding.typ";

fn check_scale(scale: f32) -> Result<(), PlanError> {
    if (0.1..=8.0).contains(&scale) { Ok(()) } else { Err(PlanError::Scale) }
}

fn pdf_of(document: &PagedDocument) -> Result<Vec<u8>, PlanError> {
    let options = PdfOptions {
        standards: PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| PlanError::Pdf(e.message().to_string()))?,
        tagged: true,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|errors| PlanError::Pdf(messages(&errors)))
}

fn pngs_of(document: &PagedDocument, scale: f32) -> Result<Vec<Vec<u8>>, PlanError> {
    let options = typst_render::RenderOptions { pixel_per_pt: f64::from(scale).into(), render_bleed: false };
    document
        .pages()
        .iter()
        .map(|page| typst_render::render(page, &options).encode_png().map_err(|_| PlanError::Image))
        .collect()
}

/// The process's one renderer: Typst's library, the fonts and the templates are loaded at the first
/// render, once for every kind of document (plan, access request, role cards), and later renders only
/// lay out the new data.
static RENDERER: LazyLock<Renderer> = LazyLock::new(Renderer::new);

/// The shared [`Renderer`] (loaded at its first use).
pub fn shared() -> &'static Renderer {
    &RENDERER
}

/// The PDF of one reader's version, using a shared [`Renderer`].
pub fn render_pdf(view: &PlanView, template: Template) -> Result<Vec<u8>, PlanError> {
    RENDERER.pdf(view, template)
}

/// Page images (PNG) of one reader's version for the preview, using a shared [`Renderer`].
pub fn render_pngs(view: &PlanView, template: Template, scale: f32) -> Result<Vec<Vec<u8>>, PlanError> {
    RENDERER.pngs(view, template, scale)
}

/// The PDF of one person's access request, using a shared [`Renderer`].
pub fn render_inzage_pdf(view: &InzageView) -> Result<Vec<u8>, PlanError> {
    RENDERER.inzage_pdf(view)
}

fn messages(errors: &[SourceDiagnostic]) -> String {
    errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; ")
}


fn plan_value(view: &PlanView) -> serde_json::Value {
    let mut value = serde_json::to_value(view).unwrap_or_default();
    if let Some(actions) = value.get_mut("acute_actions").and_then(|a| a.as_array_mut()) {
        for (json, action) in actions.iter_mut().zip(&view.acute_actions) {
            if let (Some(content), Some(before)) = (json.get_mut("content"), action.content.before) {
                content["before"] = serde_json::Value::String(amsterdam_time(before));
            }
        }
    }
    value
}


/// `dd-mm-jjjj uu:mm` in Dutch local time (CET/CEST, EU rule: summer time from the last Sunday of
/// March to the last Sunday of October, switching at 01:00 UTC).
fn amsterdam_time(t: DateTime<Utc>) -> String {
    fn last_sunday(year: i32, month: u32) -> DateTime<Utc> {
        let mut day = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or_default();
        while day.weekday() != Weekday::Sun {
            day -= Duration::days(1);
        }
        Utc.from_utc_datetime(&day.and_hms_opt(1, 0, 0).unwrap_or_default())
    }
    let summer = t >= last_sunday(t.year(), 3) && t < last_sunday(t.year(), 10);
    let local = t + Duration::hours(if summer { 2 } else { 1 });
    format!("{:02}-{:02}-{} {:02}:{:02}", local.day(), local.month(), local.year(), local.hour(), local.minute())
}

/// The in-memory world one render sees: the templates, the data file and the fonts. Nothing else.
struct PlanWorld<'a> {
    renderer: &'a Renderer,
    main: FileId,
    data: Bytes,
}

impl World for PlanWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.renderer.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.renderer.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.renderer.sources.iter().find(|s| s.id() == id).cloned().ok_or(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.renderer.data_id {
            return Ok(self.data.clone());
        }
        self.source(id).map(|s| Bytes::from_string(s.text().to_owned()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.renderer.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_local_time_follows_summer_time() {
        let t = |y, m, d, h| Utc.with_ymd_and_hms(y, m, d, h, 30, 0).unwrap();
        assert_eq!(amsterdam_time(t(2026, 1, 15, 8)), "15-01-2026 09:30");
        assert_eq!(amsterdam_time(t(2026, 7, 1, 8)), "01-07-2026 10:30");
        // 2026: summer time starts 29 March 01:00 UTC, ends 25 October 01:00 UTC.
        assert_eq!(amsterdam_time(t(2026, 3, 29, 0)), "29-03-2026 01:30");
        assert_eq!(amsterdam_time(t(2026, 3, 29, 1)), "29-03-2026 03:30");
        assert_eq!(amsterdam_time(t(2026, 10, 25, 0)), "25-10-2026 02:30");
        assert_eq!(amsterdam_time(t(2026, 10, 25, 1)), "25-10-2026 02:30");
    }
}
