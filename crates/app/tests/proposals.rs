//! "Fewer clicks": relations proposed from the roles in `household_get`, who a behaviour record starts
//! with in `conversation_open`, and the proof that the UI fake may look the proposals up by the
//! household's shape (`codegen::proposal_shape`).

use app::codegen::{self, State, proposal_shapes, proposals_by_shape, relation_proposal_table, shape_household, table_host};
use app::host::TestHost;
use domain::fixture::ids as J;
use domain::{Relation, RelationKind, Role};
use serde_json::{Value, json};
use uuid::Uuid;

fn ok(host: &mut TestHost, command: &str, request: Value) -> Value {
    host.dispatch(command, request).unwrap_or_else(|e| panic!("{command} refused with {e}"))
}

fn person(host: &mut TestHost, case: &Value, role: &str, name: &str, year: i32, home: bool) -> Value {
    let input = json!({ "role": role, "name": name, "year_of_birth": year, "gender": null, "lives_in_household": home, "notes": "" });
    ok(host, "person_add", json!({ "case_id": case, "input": input }))["id"].clone()
}

/// (from, to, kind, reason) by name, in the order `household_get` gives them.
fn proposals(host: &mut TestHost, case: &Value) -> Vec<(String, String, String, String)> {
    let view = ok(host, "household_get", json!({ "case_id": case }));
    let name = |id: &Value| view["persons"].as_array().unwrap().iter().find(|p| &p["id"] == id).unwrap()["name"].as_str().unwrap().to_owned();
    view["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let r = &p["relation"];
            (name(&r["from"]), name(&r["to"]), r["kind"]["kind"].as_str().unwrap().to_owned(), p["reason"].as_str().unwrap().to_owned())
        })
        .collect()
}

#[test]
fn household_get_proposes_the_relations_of_two_parents_and_two_children_until_they_are_accepted() {
    let mut host = TestHost::unlocked();
    let case = ok(&mut host, "case_create", json!({ "label": "Gezin V." }))["id"].clone();
    assert!(proposals(&mut host, &case).is_empty(), "an empty case proposes nothing");
    let sanne = person(&mut host, &case, "parent", "Sanne", 1990, true);
    let mark = person(&mut host, &case, "parent", "Mark", 1987, false);
    person(&mut host, &case, "child", "Lotte", 2020, true);
    person(&mut host, &case, "child", "Daan", 2013, true);
    person(&mut host, &case, "network", "Oma", 1956, false);
    let s = |x: &str| x.to_owned();
    let parent = |from: &str, to: &str| (s(from), s(to), s("parent_of"), s("parent_role"));
    assert_eq!(
        proposals(&mut host, &case),
        vec![
            parent("Sanne", "Lotte"),
            parent("Sanne", "Daan"),
            parent("Mark", "Lotte"),
            parent("Mark", "Daan"),
            (s("Sanne"), s("Mark"), s("ex_partner_of"), s("two_parents")),
        ],
        "Mark lives elsewhere, so the two parents are proposed as ex-partners; the network person gets nothing"
    );
    // Nothing is stored by proposing.
    let view = ok(&mut host, "household_get", json!({ "case_id": case }));
    assert_eq!(view["relations"], json!([]));
    // Accepting one, changed (a separation date), takes it off the list; the others stay.
    let input = json!({ "from": mark, "to": sanne, "kind": { "kind": "ex_partner_of", "separation_date": "2025-09-01" } });
    ok(&mut host, "relation_add", json!({ "case_id": case, "input": input }));
    let left = proposals(&mut host, &case);
    assert_eq!(left.len(), 4);
    assert!(left.iter().all(|p| p.2 == "parent_of"));
    // Accepting all leaves no proposal.
    let view = ok(&mut host, "household_get", json!({ "case_id": case }));
    for p in view["proposals"].as_array().unwrap() {
        ok(&mut host, "relation_add", json!({ "case_id": case, "input": p["relation"] }));
    }
    assert!(proposals(&mut host, &case).is_empty());
    assert_eq!(ok(&mut host, "household_get", json!({ "case_id": case }))["relations"].as_array().unwrap().len(), 5);
}

#[test]
fn conversation_open_prefills_who_a_behaviour_record_is_about() {
    let (mut host, map) = table_host(State::Unlocked);
    let open = |host: &mut TestHost, c: Uuid| {
        codegen::run(host, &map, "conversation_open", &json!({ "case_id": J::CASE, "conversation_id": c })).expect("open")["behaviour_prefill"].clone()
    };
    // Sanne alone: the other partner (Mark) did it, to her; she is the source.
    assert_eq!(open(&mut host, J::CONV_SANNE), json!({ "actors": [J::MARK], "targets": [J::SANNE], "source": J::SANNE }));
    assert_eq!(open(&mut host, J::CONV_MARK), json!({ "actors": [J::SANNE], "targets": [J::MARK], "source": J::MARK }));
    // Daan: he is the source, and nothing is guessed about who did what to whom.
    assert_eq!(open(&mut host, J::CONV_DAAN), json!({ "actors": [], "targets": [], "source": J::DAAN }));
}

#[test]
fn relation_proposals_depend_only_on_the_shape() {
    let table = relation_proposal_table();
    let mut checked = 0;
    for shape in proposal_shapes().into_iter().filter(|s| s.len() <= codegen::PROPOSAL_MAX_PERSONS) {
        let base = shape_household(&shape);
        let all = domain::proposals::propose_relations(&base);
        // Persons of other roles, anywhere in the list, change nothing.
        let mut with_others = shape.clone();
        with_others.insert(0, (Role::Network, false));
        with_others.push((Role::OtherFamily, true));
        let mut households = vec![base.clone(), shape_household(&with_others)];
        // Some of the proposals recorded already (as proposed, a couple the other way round, a parent as
        // step-parent), and a relation no proposal names.
        for mask in 0u32..(1 << all.len().min(5)) {
            let mut h = base.clone();
            for (i, p) in all.iter().enumerate().take(5) {
                if mask & (1 << i) == 0 {
                    continue;
                }
                let (from, to, kind) = match p.relation.kind {
                    RelationKind::ParentOf { .. } if i % 2 == 1 => (p.relation.from, p.relation.to, RelationKind::ParentOf { step: true }),
                    RelationKind::PartnerOf | RelationKind::ExPartnerOf { .. } if i % 2 == 1 => (p.relation.to, p.relation.from, RelationKind::PartnerOf),
                    _ => (p.relation.from, p.relation.to, p.relation.kind.clone()),
                };
                h.relations.push(Relation { id: Uuid::from_u128(900 + i as u128), case_id: h.case.id, from, to, kind });
            }
            if let [a, b, ..] = h.persons.as_slice() {
                let (a, b) = (a.id, b.id);
                h.relations.push(Relation { id: Uuid::from_u128(999), case_id: h.case.id, from: a, to: b, kind: RelationKind::SiblingOf });
            }
            households.push(h);
        }
        for h in households {
            let fake = proposals_by_shape(&table, &h).unwrap_or_else(|| panic!("shape {:?} in the table", codegen::proposal_shape(&h.persons).0));
            assert_eq!(fake, domain::proposals::propose_relations(&h), "shape {:?}", codegen::proposal_shape(&h.persons).0);
            checked += 1;
        }
    }
    assert!(checked > 500, "checked {checked} households");
}
