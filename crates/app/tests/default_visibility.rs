//! The proof that the UI fake may look up a conversation's default visibility by how many of each role
//! take part (`codegen::visibility_key`) instead of working it out: for every group in the fixture, in
//! several orders, the lookup gives what `guidance::default_confidentiality` gives, and for every group
//! of the practice family what `conversation_open` answers.

use app::codegen::{self, State, default_visibility_by_roles, default_visibility_table, shape_household, table_host};
use domain::fixture::ids as J;
use domain::{Person, Visibility};
use serde_json::json;
use uuid::Uuid;

/// Some orders of the same participants: as listed, reversed, and every rotation.
fn orders(persons: &[Person]) -> Vec<Vec<&Person>> {
    let mut out = vec![persons.iter().rev().collect::<Vec<_>>()];
    for start in 0..persons.len().max(1) {
        out.push(persons.iter().cycle().skip(start).take(persons.len()).collect());
    }
    out
}

#[test]
fn the_default_visibility_depends_only_on_how_many_of_each_role_take_part() {
    let table = default_visibility_table();
    assert_eq!(table.len(), 924, "every group of at most six participants, and none");
    let mut checked = 0;
    for key in table.keys() {
        let counts: Vec<usize> = key.split(',').map(|n| n.parse().expect("count")).collect();
        let shape: Vec<_> = codegen::VISIBILITY_ROLES
            .iter()
            .zip(&counts)
            .flat_map(|(role, n)| std::iter::repeat_n(*role, *n))
            .enumerate()
            // Where they live and how old they are play no part.
            .map(|(i, role)| (role, i % 2 == 0))
            .collect();
        let mut h = shape_household(&shape);
        for (i, p) in h.persons.iter_mut().enumerate() {
            p.year_of_birth = Some(1980 + 5 * i as i32);
        }
        for who in orders(&h.persons) {
            let fake = default_visibility_by_roles(&table, &who).unwrap_or_else(|| panic!("{key} in the table"));
            assert_eq!(fake, domain::guidance::default_confidentiality(&who), "participants {key}");
            checked += 1;
        }
    }
    assert!(checked > 3000, "checked {checked} groups");
    // More participants than the table holds: the fake has no answer (and says so).
    let seven = shape_household(&[(domain::Role::Parent, true); 7]);
    assert_eq!(default_visibility_by_roles(&table, &seven.persons.iter().collect::<Vec<_>>()), None);
}

#[test]
fn the_lookup_gives_what_conversation_open_gives_for_every_group_of_the_practice_family() {
    let table = default_visibility_table();
    let (mut host, map) = table_host(State::Unlocked);
    let household = domain::fixture::gezin_jansen().household;
    let persons: Vec<&Person> = household.persons.iter().collect();
    // Every child's pre-check first (a conversation with a child, alone or together, waits for it).
    for (child, age, consent) in [
        (J::LOTTE, 6, json!({ "kind": "parental_consent", "by": [J::SANNE] })),
        (J::DAAN, 13, json!({ "kind": "child_and_parental_consent", "by": [J::SANNE] })),
    ] {
        let precheck = json!({ "case_id": J::CASE, "precheck": { "child_id": child, "age": age, "consent": consent,
            "warning_signs": [], "expert_consulted": false, "checked_at": "2026-03-15T10:00:00Z" } });
        codegen::run(&mut host, &map, "precheck_save", &precheck).expect("pre-check");
    }
    let mut seen = Vec::new();
    for mask in 1u32..(1 << persons.len()) {
        let group: Vec<&Person> = persons.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, p)| *p).collect();
        for who in [group.clone(), group.iter().rev().copied().collect()] {
            let ids: Vec<Uuid> = who.iter().map(|p| p.id).collect();
            let start = json!({ "case_id": J::CASE, "participants": ids, "guide_id": "gids.volwassene",
                "joint_reason": "afspraken over de kinderen", "safety_justification": "apart voorbereid, veilig om samen te praten" });
            let conversation = codegen::run(&mut host, &map, "conversation_start", &start).unwrap_or_else(|e| panic!("start {ids:?}: {e}"));
            let open = json!({ "case_id": J::CASE, "conversation_id": conversation["id"] });
            let detail = codegen::run(&mut host, &map, "conversation_open", &open).expect("open");
            let rust: Visibility = serde_json::from_value(detail["default_confidentiality"].clone()).expect("visibility");
            assert_eq!(default_visibility_by_roles(&table, &who), Some(rust.clone()), "participants {ids:?}");
            seen.push(rust);
        }
    }
    // The groups differ: alone with an adult, with a child, two adults together.
    assert!(seen.contains(&Visibility::ProfessionalOnly));
    assert!(seen.contains(&Visibility::NamedPersons { persons: vec![J::SANNE, J::MARK] }));
    assert!(seen.contains(&Visibility::NamedPersons { persons: vec![J::MARK, J::SANNE] }));
}
