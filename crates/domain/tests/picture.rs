//! The family picture: generations, (ex-)couples, parent links and who→whom arrows, counted as the
//! analysis counts (each behaviour once at the highest frequency any source reports; denials draw no arrow).

use domain::fixture::{Builder, catalogue};
use domain::picture::{PictureRow, family_picture};
use domain::{BehaviourCategory, ChildExposure, Exposure, Frequency, RelationKind, Role, Stance, Weight};

#[test]
fn rows_couples_and_parent_links_come_from_roles_and_relations() {
    let mut b = Builder::new();
    let mum = b.person(Role::Parent, "M", Some(1988));
    let dad = b.person(Role::ExPartner, "V", Some(1985));
    let child = b.person(Role::Child, "K", Some(2018));
    let gran = b.person(Role::Network, "O", Some(1955));
    b.relate(mum, dad, RelationKind::PartnerOf);
    b.relate(dad, mum, RelationKind::ExPartnerOf { separation_date: chrono::NaiveDate::from_ymd_opt(2025, 9, 1) });
    b.relate(mum, child, RelationKind::ParentOf { step: false });
    b.relate(dad, child, RelationKind::ParentOf { step: true });
    let picture = family_picture(&b.build(), &catalogue());

    let row = |id| picture.nodes.iter().find(|n| n.person == id).map(|n| n.row);
    assert_eq!(row(mum), Some(PictureRow::Adults));
    assert_eq!(row(dad), Some(PictureRow::Adults));
    assert_eq!(row(child), Some(PictureRow::Children));
    assert_eq!(row(gran), Some(PictureRow::Network));

    assert_eq!(picture.couples.len(), 1, "one pair, however many relations name it");
    let couple = &picture.couples[0];
    assert!(couple.separated, "an ex-partner relation marks the pair as separated");
    assert_eq!(couple.separation_date, chrono::NaiveDate::from_ymd_opt(2025, 9, 1));
    assert_eq!(picture.parent_links.len(), 2);
    assert!(picture.parent_links.iter().any(|l| l.parent == dad && l.child == child && l.step));
}

#[test]
fn arrows_count_each_behaviour_once_at_the_highest_frequency_and_ignore_denials() {
    let mut b = Builder::new();
    let (a, c) = b.couple();
    let kid = b.person(Role::Child, "K", Some(2016));
    // Two sources about the same push: counted once, at 6–10 (8 a year).
    b.reported(a, c, "fys.duwen", Frequency::ThreeToFive, c);
    b.reported(a, c, "fys.duwen", Frequency::SixToTen, a);
    b.record_with(a, c, "psy.schreeuwen", Stance::Reported { frequency: Frequency::Twice }, c, |r| {
        r.children_exposed = vec![ChildExposure { child: kid, how: vec![Exposure::Heard] }];
    });
    // A denial of strangling draws nothing.
    b.record(a, c, "fys.wurgen", Stance::Denied, a);
    // The other direction, once.
    b.reported(c, a, "fys.duwen", Frequency::Once, c);
    let picture = family_picture(&b.build(), &catalogue());

    assert_eq!(picture.arrows.len(), 2);
    let ac = picture.arrows.iter().find(|x| x.actor == a && x.target == c).expect("arrow a→c");
    assert_eq!(ac.yearly, 8 + 2);
    assert_eq!(ac.behaviours, vec!["fys.duwen".to_string(), "psy.schreeuwen".to_string()]);
    assert_eq!(ac.weight, Weight::Licht, "pushing and shouting are licht; the denied strangling is not drawn");
    assert_eq!(ac.witnessed_by, vec![kid]);
    assert!(ac.categories.contains(&BehaviourCategory::Physical));
    assert_eq!(ac.evidence.records.len(), 3);
    let ca = picture.arrows.iter().find(|x| x.actor == c && x.target == a).expect("arrow c→a");
    assert_eq!(ca.yearly, 1);
    assert!(ca.witnessed_by.is_empty());
}

#[test]
fn one_ernstig_behaviour_makes_the_arrow_ernstig() {
    let mut b = Builder::new();
    let (a, c) = b.couple();
    b.reported(a, c, "fys.duwen", Frequency::Once, c);
    b.reported(a, c, "fys.wurgen", Frequency::Once, c);
    let picture = family_picture(&b.build(), &catalogue());
    assert_eq!(picture.arrows[0].weight, Weight::Ernstig);
}

#[test]
fn an_empty_household_has_an_empty_picture() {
    let picture = family_picture(&Builder::new().build(), &catalogue());
    assert!(picture.nodes.is_empty() && picture.arrows.is_empty() && picture.couples.is_empty());
}

#[test]
fn the_example_family_picture() {
    let snapshot = domain::fixture::gezin_jansen();
    let picture = family_picture(&snapshot, &catalogue());
    use domain::fixture::ids::*;
    // Mark → Sanne: pushing (3–5, highest of two sources), strangling (once), insults, control items.
    let ms = picture.arrows.iter().find(|a| a.actor == MARK && a.target == SANNE).expect("Mark → Sanne");
    assert_eq!(ms.weight, Weight::Ernstig);
    assert!(ms.behaviours.contains(&"fys.wurgen".to_string()));
    assert!(picture.arrows.iter().any(|a| a.actor == SANNE && a.target == MARK));
    assert!(picture.arrows.iter().any(|a| a.actor == MARK && a.target == DAAN));
    assert_eq!(picture.couples.len(), 1);
    if std::env::var_os("PRINT_PICTURE").is_some() {
        println!("{}", serde_json::to_string(&picture).expect("json"));
    }
}
