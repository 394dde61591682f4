//! Role cards (issue 12, point 3): for every shipped practice family, a PDF with a card per family
//! member (each starting on a new page), each holding that person's own account and no one else's, and OEFENMODUS on every page.

use plan::Renderer;

fn text_of(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("text extraction");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A distinctive piece of a text (its first few words, as the PDF lays them out in one line of words).
fn start_of(text: &str) -> String {
    text.split_whitespace().take(6).collect::<Vec<_>>().join(" ")
}

#[test]
fn every_practice_family_prints_a_card_per_person_with_their_own_account() {
    let r = Renderer::new();
    let cases = content::training::practice_cases();
    assert!(cases.len() >= 4);
    for case in cases {
        let cards = case.role_cards();
        assert_eq!(cards.cards.len(), case.persons.len(), "{}: a card for everyone", case.id);
        let pdf = r.role_cards_pdf(&cards).expect("pdf");
        let doc = lopdf::Document::load_mem(&pdf).expect("parses");
        let pages = doc.get_pages().len();
        assert!(pages >= cards.cards.len(), "{}: every card starts on a page of its own", case.id);
        let text = text_of(&pdf);
        assert_eq!(text.matches("OEFENMODUS").count(), pages, "{}: OEFENMODUS on every page", case.id);
        assert_eq!(text.matches("rolkaart ").count(), cards.cards.len(), "{}: a card per person", case.id);
        for card in &cards.cards {
            assert!(text.contains(&start_of(&card.story)), "{}: {}'s story", case.id, card.name);
            for a in &card.when_asked {
                assert!(text.contains(&start_of(&a.answer)), "{}: {}'s answer on {}", case.id, card.name, a.topic);
            }
        }
        // Each story once, in the order of the cards (one card per page, in file order).
        let mut last = 0;
        for card in &cards.cards {
            let key = start_of(&card.story);
            assert_eq!(text.matches(&key).count(), 1, "{}: {}'s story once", case.id, card.name);
            let at = text.find(&key).unwrap();
            assert!(at >= last, "{}: {}'s card in its place", case.id, card.name);
            last = at;
        }
    }
}

/// Writes the Meidoorn cards to `target/e2e/rolkaarten-meidoorn.pdf` for a look (not an assertion).
#[test]
#[ignore]
fn write_the_meidoorn_cards_for_a_look() {
    let case = content::training::practice_cases().into_iter().find(|c| c.id == "oefen.meidoorn").unwrap();
    let pdf = Renderer::new().role_cards_pdf(&case.role_cards()).unwrap();
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("rolkaarten-meidoorn.pdf"), pdf).unwrap();
}
