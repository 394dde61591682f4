//! The report to Veilig Thuis as a PDF (issue 15, point 1): only what the professional included goes
//! out, every statement with its source, quotes as quotes, an adult's confidence marked; tagged and
//! titled like every PDF the app makes.

use domain::melding::{MeldingDocument, MeldingPart, MeldingSection, MeldingStatement};
use plan::Renderer;

fn statement(key: &str, section: MeldingSection, text: &str, source: &str) -> MeldingStatement {
    MeldingStatement {
        key: key.into(),
        section,
        text: text.into(),
        original: None,
        source: source.into(),
        quote: false,
        confidential: false,
        child_confidence: false,
        included: true,
        editable: true,
    }
}

fn document() -> MeldingDocument {
    let signal = statement("record:1", MeldingSection::Signals, "Mark tegen Sanne: duwen ZQSIGNAL", "Sanne (ouder), gesprek van 03-02-2026 ZQSOURCE");
    let quote = MeldingStatement {
        quote: true,
        editable: false,
        confidential: true,
        ..statement("quote:record:2", MeldingSection::Quotes, "Ik dacht dat ik doodging ZQQUOTE", "Sanne (ouder)")
    };
    let child = MeldingStatement {
        included: false,
        child_confidence: true,
        confidential: true,
        ..statement("quote:record:3", MeldingSection::Quotes, "Papa schreeuwt ZQCHILD", "Daan (kind)")
    };
    let judged = statement("judgement:severity", MeldingSection::Judgement, "Veelvuldig of ernstig geweld ZQJUDGED", "Oordeel van de professional, 11-03-2026");
    let part = |section, heading: &str, fact, statements| MeldingPart { section, heading: heading.into(), fact, statements };
    MeldingDocument {
        title: "Melding aan Veilig Thuis".into(),
        status: "Concept — nog niet gemeld".into(),
        made_on: "Opgesteld op 15-03-2026".into(),
        facts_note: "Feiten en beoordeling staan apart.".into(),
        source_label: "Bron".into(),
        confidential_label: "vertrouwelijk verteld ZQCONFIDENTIAL".into(),
        empty_label: "Niets opgenomen ZQEMPTY".into(),
        parts: vec![
            part(MeldingSection::Signals, "Feiten ZQHEADFACTS", true, vec![signal]),
            part(MeldingSection::Quotes, "Letterlijke woorden", true, vec![quote, child]),
            part(MeldingSection::Judgement, "Beoordeling ZQHEADJUDGEMENT", false, vec![judged]),
            part(MeldingSection::Request, "Vraag", false, vec![]),
        ],
    }
}

fn text_of(pdf: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(pdf).expect("text extraction").chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_pdf_holds_what_was_included_with_its_sources_and_nothing_else() {
    let pdf = Renderer::new().melding_pdf(&document(), false).expect("pdf");
    let text = text_of(&pdf);
    for m in ["ZQSIGNAL", "ZQSOURCE", "ZQQUOTE", "ZQCONFIDENTIAL", "ZQJUDGED", "ZQHEADFACTS", "ZQHEADJUDGEMENT", "ZQEMPTY"] {
        assert!(text.contains(m), "missing {m}");
    }
    assert!(!text.contains("ZQCHILD"), "a statement left out went into the PDF");
    assert!(text.contains("„IkdachtdatikdoodgingZQQUOTE”"), "quotes are marked as quotes");
    assert!(text.find("ZQHEADFACTS") < text.find("ZQHEADJUDGEMENT"), "facts come before the judgement");
    assert!(!text.contains("OEFENMODUS"));
    let doc = lopdf::Document::load_mem(&pdf).expect("valid PDF");
    let catalog = doc.catalog().expect("catalog");
    assert!(catalog.get(b"StructTreeRoot").is_ok(), "tagged");
    assert!(catalog.get(b"Lang").is_ok(), "language set");
}

#[test]
fn a_practice_report_says_so() {
    let text = text_of(&Renderer::new().melding_pdf(&document(), true).expect("pdf"));
    assert!(text.contains("OEFENMODUS"));
}
