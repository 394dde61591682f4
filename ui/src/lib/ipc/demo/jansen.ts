// "Gezin Jansen-de Vries" — a FICTIONAL practice family (Oefencasus), the same family as the Rust
// fixture (crates/domain/src/fixture.rs), with its analysis written out as the Rust rules compute it
// (crates/domain/tests/fixture_family.rs). The fake backend stores this analysis; it computes nothing.
import type { Analysis } from '../bindings/Analysis';
import type { Answer } from '../bindings/Answer';
import type { BehaviourRecord } from '../bindings/BehaviourRecord';
import type { Case } from '../bindings/Case';
import type { Conversation } from '../bindings/Conversation';
import type { CountedBehaviour } from '../bindings/CountedBehaviour';
import type { Evidence } from '../bindings/Evidence';
import type { FamilyPicture } from '../bindings/FamilyPicture';
import type { Frequency } from '../bindings/Frequency';
import type { Person } from '../bindings/Person';
import type { Relation } from '../bindings/Relation';

const id = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export const JANSEN = {
  CASE: id(0x1),
  MARK: id(0x101),
  SANNE: id(0x102),
  LOTTE: id(0x103),
  DAAN: id(0x104),
  CONV_SANNE: id(0x201),
  CONV_MARK: id(0x202),
  CONV_DAAN: id(0x203),
  REL_COUPLE: id(0x301),
  R_PUSH_BY_SANNE: id(0x401),
  R_PUSH_BY_MARK: id(0x402),
  R_STRANGLE: id(0x403),
  R_STRANGLE_DENIED: id(0x404),
  R_INSULT_M_S: id(0x405),
  R_INSULT_S_M: id(0x406),
  R_PUSH_S_M: id(0x407),
  R_ISOLATE: id(0x408),
  R_PHONE: id(0x409),
  R_MONEY: id(0x40a),
  R_SHOUT_DAAN: id(0x40b),
} as const;

const J = JANSEN;
const at = (d: string) => `${d}T10:00:00Z`;

export type PracticeFamily = {
  case: Case;
  persons: Person[];
  relations: Relation[];
  conversations: Conversation[];
  answers: Answer[];
  records: BehaviourRecord[];
  analysis: Analysis;
};

function ev(records: string[], sources: string[], answers: string[] = [], relations: string[] = []): Evidence {
  return { records: [...records].sort(), answers: [...answers].sort(), relations, sources: [...sources].sort() };
}

export function jansenFamily(): PracticeFamily {
  const created = at('2026-02-01');
  const person = (pid: string, role: Person['role'], name: string, year: number, gender: Person['gender']): Person => ({
    id: pid, case_id: J.CASE, role, name, year_of_birth: year, gender, lives_in_household: true, notes: '',
  });
  const persons = [
    person(J.MARK, 'parent', 'Mark', 1985, 'male'),
    person(J.SANNE, 'parent', 'Sanne', 1988, 'female'),
    person(J.LOTTE, 'child', 'Lotte', 2020, 'female'),
    person(J.DAAN, 'child', 'Daan', 2013, 'male'),
  ];
  const relations: Relation[] = [
    { id: J.REL_COUPLE, case_id: J.CASE, from: J.MARK, to: J.SANNE, kind: { kind: 'partner_of' } },
    { id: id(0x302), case_id: J.CASE, from: J.MARK, to: J.LOTTE, kind: { kind: 'parent_of', step: false } },
    { id: id(0x303), case_id: J.CASE, from: J.SANNE, to: J.LOTTE, kind: { kind: 'parent_of', step: false } },
    { id: id(0x304), case_id: J.CASE, from: J.MARK, to: J.DAAN, kind: { kind: 'parent_of', step: false } },
    { id: id(0x305), case_id: J.CASE, from: J.SANNE, to: J.DAAN, kind: { kind: 'parent_of', step: false } },
  ] as Relation[];
  const conv = (cid: string, who: string, guide: string, day: string): Conversation => ({
    id: cid, case_id: J.CASE, participants: [who], joint_reason: null, safety_justification: null,
    guide_id: guide, guide_version: 1, started_at: at(day), ended_at: at(day), notes: '',
  });
  const conversations = [
    conv(J.CONV_SANNE, J.SANNE, 'gids.volwassene', '2026-02-03'),
    conv(J.CONV_MARK, J.MARK, 'gids.volwassene', '2026-02-05'),
    conv(J.CONV_DAAN, J.DAAN, 'gids.kind_12_17', '2026-02-10'),
  ];
  const rep = (frequency: Frequency) => ({ stance: 'reported', frequency }) as const;
  const rec = (
    rid: string, actor: string, target: string, behaviour: string, stance: BehaviourRecord['stance'],
    source: string, conversation: string, extra: Partial<BehaviourRecord> = {},
  ): BehaviourRecord => ({
    id: rid, case_id: J.CASE, actors: [actor], targets: [target], behaviour_id: behaviour, stance,
    first_occurrence: null, last_occurrence: null, context: [], impact: [], impact_text: '',
    children_exposed: [], source_person: source, conversation_id: conversation, question_id: null,
    confidential: { kind: 'everyone' }, updated_at: created, ...extra,
  });
  const records: BehaviourRecord[] = [
    rec(J.R_PUSH_BY_SANNE, J.MARK, J.SANNE, 'fys.duwen', rep('three_to_five'), J.SANNE, J.CONV_SANNE, {
      first_occurrence: '2024-06-01', last_occurrence: '2026-01-20', impact: ['fear'],
      impact_text: 'Ik durf niks meer te zeggen als hij gedronken heeft.',
      context: ['alcohol_or_drugs', 'in_front_of_children'],
      children_exposed: [{ child: J.DAAN, how: ['heard'] }],
    }),
    rec(J.R_PUSH_BY_MARK, J.MARK, J.SANNE, 'fys.duwen', rep('once'), J.MARK, J.CONV_MARK),
    rec(J.R_STRANGLE, J.MARK, J.SANNE, 'fys.wurgen', rep('once'), J.SANNE, J.CONV_SANNE, {
      first_occurrence: '2026-01-10', last_occurrence: '2026-01-10', impact: ['fear_for_life'],
      impact_text: 'Ik dacht dat ik doodging.', confidential: { kind: 'professional_only' },
    }),
    rec(J.R_STRANGLE_DENIED, J.MARK, J.SANNE, 'fys.wurgen', { stance: 'denied' }, J.MARK, J.CONV_MARK),
    rec(J.R_INSULT_M_S, J.MARK, J.SANNE, 'psy.schelden', rep('six_to_ten'), J.SANNE, J.CONV_SANNE),
    rec(J.R_INSULT_S_M, J.SANNE, J.MARK, 'psy.schelden', rep('three_to_five'), J.MARK, J.CONV_MARK),
    rec(J.R_PUSH_S_M, J.SANNE, J.MARK, 'fys.duwen', rep('once'), J.MARK, J.CONV_MARK),
    rec(J.R_ISOLATE, J.MARK, J.SANNE, 'dwang.isoleren', rep('more_than_twenty'), J.SANNE, J.CONV_SANNE),
    rec(J.R_PHONE, J.MARK, J.SANNE, 'dwang.telefoon_controleren', rep('more_than_twenty'), J.SANNE, J.CONV_SANNE),
    rec(J.R_MONEY, J.MARK, J.SANNE, 'dwang.geld_controleren', rep('more_than_twenty'), J.SANNE, J.CONV_SANNE),
    rec(J.R_SHOUT_DAAN, J.MARK, J.DAAN, 'psy.schreeuwen', rep('twice'), J.DAAN, J.CONV_DAAN, {
      confidential: { kind: 'professional_only' },
    }),
  ];
  const ans = (aid: number, conversation: string, question: string, source: string, value: Answer['value']): Answer => ({
    id: id(aid), conversation_id: conversation, question_id: question, source_person: source, value,
    confidential: { kind: 'everyone' }, updated_at: created,
  });
  const yes = { type: 'yes_no_unknown', value: 'yes' } as const;
  const answers: Answer[] = [
    ans(0x501, J.CONV_SANNE, 'vol.controle.contacten', J.SANNE, { type: 'behaviour_records', records: [J.R_ISOLATE] }),
    ans(0x502, J.CONV_MARK, 'vol.controle.contacten', J.MARK, { type: 'behaviour_records', records: [] }),
    ans(0x503, J.CONV_SANNE, 'vol.angst.bang_voor_partner', J.SANNE, yes),
    ans(0x504, J.CONV_MARK, 'vol.angst.bang_voor_partner', J.MARK, { type: 'yes_no_unknown', value: 'no' }),
    ans(0x505, J.CONV_SANNE, 'vol.gedrag.overzicht', J.SANNE, { type: 'behaviour_records', records: [J.R_PUSH_BY_SANNE, J.R_STRANGLE, J.R_INSULT_M_S] }),
    ans(0x506, J.CONV_MARK, 'vol.gedrag.overzicht', J.MARK, { type: 'behaviour_records', records: [J.R_PUSH_BY_MARK, J.R_STRANGLE_DENIED, J.R_INSULT_S_M, J.R_PUSH_S_M] }),
    ans(0x507, J.CONV_SANNE, 'vol.stress.schulden', J.SANNE, yes),
    ans(0x508, J.CONV_SANNE, 'vol.veilig.scheiding_plannen', J.SANNE, yes),
    { ...ans(0x509, J.CONV_DAAN, 'k12.veilig.schaal', J.DAAN, { type: 'scale', value: 4 }), confidential: { kind: 'professional_only' } },
  ];

  const counted = (
    actor: string, target: string, behaviour: string, category: CountedBehaviour['category'], weight: CountedBehaviour['weight'],
    frequency: Frequency, yearly: number, recs: string[], sources: string[], first: string | null = null, last: string | null = null,
  ): CountedBehaviour => ({
    actor, target, behaviour_id: behaviour, category, weight, frequency, yearly,
    first_occurrence: first, last_occurrence: last, evidence: ev(recs, sources),
  });
  const partner = [
    counted(J.MARK, J.SANNE, 'fys.duwen', 'physical', 'licht', 'three_to_five', 4, [J.R_PUSH_BY_SANNE, J.R_PUSH_BY_MARK], [J.SANNE, J.MARK], '2024-06-01', '2026-01-20'),
    counted(J.MARK, J.SANNE, 'fys.wurgen', 'physical', 'ernstig', 'once', 1, [J.R_STRANGLE], [J.SANNE], '2026-01-10', '2026-01-10'),
    counted(J.MARK, J.SANNE, 'psy.schelden', 'psychological', 'licht', 'six_to_ten', 8, [J.R_INSULT_M_S], [J.SANNE]),
    counted(J.SANNE, J.MARK, 'psy.schelden', 'psychological', 'licht', 'three_to_five', 4, [J.R_INSULT_S_M], [J.MARK]),
    counted(J.SANNE, J.MARK, 'fys.duwen', 'physical', 'licht', 'once', 1, [J.R_PUSH_S_M], [J.MARK]),
  ];
  const child = [counted(J.MARK, J.DAAN, 'psy.schreeuwen', 'psychological', 'licht', 'twice', 2, [J.R_SHOUT_DAAN], [J.DAAN])];
  const controlEv = ev([J.R_ISOLATE, J.R_PHONE, J.R_MONEY], [J.SANNE], [id(0x501)]);
  const patternEv = ev(
    [J.R_ISOLATE, J.R_PHONE, J.R_MONEY, J.R_PUSH_BY_SANNE, J.R_STRANGLE, J.R_INSULT_M_S, J.R_PUSH_S_M],
    [J.SANNE, J.MARK], [id(0x501), id(0x503)], [J.REL_COUPLE],
  );
  const ind = (indicator: string, expect: 'present' | 'absent', present: boolean, evidence: Evidence, source: 'answer' | 'derived' = 'derived') => ({
    indicator, source, expect, present, fits: (expect === 'present') === present, evidence,
    state: present ? ('present' as const) : ('asked_absent' as const), asked: [],
  });
  const none = ev([], []);
  const analysis: Analysis = {
    case_id: J.CASE,
    today: '2026-03-15',
    catalogue_version: 1,
    severity: {
      category: 'veelvuldig_of_ernstig',
      p: 18,
      reasons: ['partner_ernstig'],
      partner_behaviours: partner,
      child_licht_incidents: 2,
      child_ernstig_incidents: 0,
      child_behaviours: child,
      evidence: ev([J.R_PUSH_BY_SANNE, J.R_PUSH_BY_MARK, J.R_STRANGLE, J.R_INSULT_M_S, J.R_INSULT_S_M, J.R_PUSH_S_M, J.R_SHOUT_DAAN], [J.SANNE, J.MARK, J.DAAN]),
    },
    children: [
      {
        child: J.DAAN,
        kinds: ['psychological', 'witnessing'],
        behaviours: child,
        witnessed: [{ record: J.R_PUSH_BY_SANNE, how: ['heard'] }],
        evidence: ev([J.R_SHOUT_DAAN, J.R_PUSH_BY_SANNE], [J.DAAN, J.SANNE]),
      },
    ],
    patterns: [
      {
        key: `pattern:${J.MARK}:${J.SANNE}`,
        a: { person: J.MARK, violent: true, violence_evidence: ev([J.R_PUSH_BY_SANNE, J.R_STRANGLE, J.R_INSULT_M_S], [J.SANNE, J.MARK]), control_domains: ['isolation', 'monitoring', 'money'], controlling: true, control_evidence: controlEv, other_afraid: true, other_chronic_fear: true, fear_evidence: ev([], [J.SANNE], [id(0x503)]) },
        b: { person: J.SANNE, violent: true, violence_evidence: ev([J.R_PUSH_S_M, J.R_INSULT_S_M], [J.MARK]), control_domains: [], controlling: false, control_evidence: none, other_afraid: false, other_chronic_fear: false, fear_evidence: ev([], [J.MARK], [id(0x504)]) },
        kind: { kind: 'intieme_terreur', by: J.MARK, violent_resistance_by: J.SANNE },
        less_certain: false,
        questions_to_ask: [],
        evidence: patternEv,
      },
    ],
    profiles: [
      { key: 'profile:intieme_terreur', profile: 'intieme_terreur', strength: 'waarschijnlijk', to_ask: [], likely: true, look_at_partner_violence: false, evidence: patternEv, indicators: [
        ind('coercive_control', 'present', true, controlEv),
        ind('violence_by_controlling_partner', 'present', true, ev([J.R_STRANGLE, J.R_PUSH_BY_SANNE], [J.SANNE])),
        ind('fear_chronic', 'present', true, ev([], [J.SANNE], [id(0x503)]), 'answer'),
      ] },
      { key: 'profile:gezin_in_de_stress', profile: 'gezin_in_de_stress', strength: 'mogelijk', to_ask: [], likely: false, look_at_partner_violence: true, evidence: ev([], [J.SANNE], [id(0x507)]), indicators: [
        ind('stressor_debts', 'present', true, ev([], [J.SANNE], [id(0x507)]), 'answer'),
        ind('stress_accumulation', 'present', false, none),
        ind('coercive_control', 'absent', true, controlEv),
      ] },
      { key: 'profile:kindgedrag_en_opvoedstress', profile: 'kindgedrag_en_opvoedstress', strength: 'te_weinig_informatie', to_ask: [], likely: false, look_at_partner_violence: true, evidence: none, indicators: [] },
      { key: 'profile:langdurige_zorg', profile: 'langdurige_zorg', strength: 'te_weinig_informatie', to_ask: [], likely: false, look_at_partner_violence: true, evidence: none, indicators: [] },
      { key: 'profile:complexe_scheiding', profile: 'complexe_scheiding', strength: 'mogelijk', to_ask: [], likely: false, look_at_partner_violence: true, evidence: none, indicators: [] },
    ],
    red_flags: [
      { key: 'redflag:strangulation', flag: 'strangulation', evidence: ev([J.R_STRANGLE], [J.SANNE]) , last_date: '2026-01-10', imminent: false, undated_records: [], undated_answers: [], current: true },
      { key: 'redflag:separation_with_control', flag: 'separation_with_control', evidence: ev([J.R_ISOLATE, J.R_PHONE, J.R_MONEY], [J.SANNE], [id(0x508)]) , last_date: '2026-01-10', imminent: false, undated_records: [], undated_answers: [], current: true },
      { key: 'redflag:escalation', flag: 'escalation', evidence: ev([J.R_PUSH_BY_SANNE, J.R_STRANGLE], [J.SANNE]) , last_date: '2026-01-10', imminent: false, undated_records: [], undated_answers: [], current: true },
      { key: 'redflag:fear_for_life', flag: 'fear_for_life', evidence: ev([J.R_STRANGLE], [J.SANNE]) , last_date: '2026-01-10', imminent: false, undated_records: [], undated_answers: [], current: true },
    ],
    acute: {
      possibly_acute: true,
      flags: ['strangulation', 'separation_with_control', 'escalation', 'fear_for_life'],
      risk_factors: [],
      dates_to_ask: [],
      decision: null,
      flags_not_decided: ['strangulation', 'separation_with_control', 'escalation', 'fear_for_life'],
      decision_required: true,
    },
    structural: {
      suggested: true,
      reasons: ['severe_or_frequent_violence', 'intieme_terreur', 'violence_in_more_than_one_period'],
      evidence: patternEv,
    },
    meldcode_unsafety: {
      acute: true,
      structural: true,
      evidence: [
        { kind: 'conclusion', key: 'acute' },
        { kind: 'conclusion', key: 'redflag:strangulation' },
        { kind: 'conclusion', key: 'structural' },
      ],
    },
    coverage: {
      persons: [
        { person: J.MARK, role: 'parent', separate_conversations: 1, joint_conversations: 0, heard_alone: true, own_safety_recorded: null, precheck_done: null, too_young_for_conversation: false, observed: null },
        { person: J.SANNE, role: 'parent', separate_conversations: 1, joint_conversations: 0, heard_alone: true, own_safety_recorded: null, precheck_done: null, too_young_for_conversation: false, observed: null },
        { person: J.LOTTE, role: 'child', separate_conversations: 0, joint_conversations: 0, heard_alone: false, own_safety_recorded: false, precheck_done: false, too_young_for_conversation: false, observed: null },
        { person: J.DAAN, role: 'child', separate_conversations: 1, joint_conversations: 0, heard_alone: true, own_safety_recorded: true, precheck_done: true, too_young_for_conversation: false, observed: null },
      ],
      open: [
        { kind: 'child_not_heard_alone', child: J.LOTTE },
        { kind: 'child_safety_not_recorded', child: J.LOTTE },
      ],
    },
    perspectives: [
      { actor: J.MARK, target: J.SANNE, behaviour_id: 'fys.duwen', agreement: 'different_frequency', counted_frequency: 'three_to_five', statements: [
        { record: J.R_PUSH_BY_MARK, source_person: J.MARK, conversation_id: J.CONV_MARK, stance: rep('once'), impact_text: '', confidential: { kind: 'everyone' } },
        { record: J.R_PUSH_BY_SANNE, source_person: J.SANNE, conversation_id: J.CONV_SANNE, stance: rep('three_to_five'), impact_text: 'Ik durf niks meer te zeggen als hij gedronken heeft.', confidential: { kind: 'everyone' } },
      ] },
      { actor: J.MARK, target: J.SANNE, behaviour_id: 'fys.wurgen', agreement: 'disagree', counted_frequency: 'once', statements: [
        { record: J.R_STRANGLE_DENIED, source_person: J.MARK, conversation_id: J.CONV_MARK, stance: { stance: 'denied' }, impact_text: '', confidential: { kind: 'everyone' } },
        { record: J.R_STRANGLE, source_person: J.SANNE, conversation_id: J.CONV_SANNE, stance: rep('once'), impact_text: 'Ik dacht dat ik doodging.', confidential: { kind: 'professional_only' } },
      ] },
      { actor: J.MARK, target: J.SANNE, behaviour_id: 'psy.schelden', agreement: 'single_source', counted_frequency: 'six_to_ten', statements: [
        { record: J.R_INSULT_M_S, source_person: J.SANNE, conversation_id: J.CONV_SANNE, stance: rep('six_to_ten'), impact_text: '', confidential: { kind: 'everyone' } },
      ] },
      { actor: J.SANNE, target: J.MARK, behaviour_id: 'psy.schelden', agreement: 'single_source', counted_frequency: 'three_to_five', statements: [
        { record: J.R_INSULT_S_M, source_person: J.MARK, conversation_id: J.CONV_MARK, stance: rep('three_to_five'), impact_text: '', confidential: { kind: 'everyone' } },
      ] },
      { actor: J.SANNE, target: J.MARK, behaviour_id: 'fys.duwen', agreement: 'single_source', counted_frequency: 'once', statements: [
        { record: J.R_PUSH_S_M, source_person: J.MARK, conversation_id: J.CONV_MARK, stance: rep('once'), impact_text: '', confidential: { kind: 'everyone' } },
      ] },
      { actor: J.MARK, target: J.DAAN, behaviour_id: 'psy.schreeuwen', agreement: 'single_source', counted_frequency: 'twice', statements: [
        { record: J.R_SHOUT_DAAN, source_person: J.DAAN, conversation_id: J.CONV_DAAN, stance: rep('twice'), impact_text: '', confidential: { kind: 'professional_only' } },
      ] },
    ],
    guard_rails: [],
    reviews: [
      { key: 'severity', hypothesis: 'veelvuldig_of_ernstig', judgement: null, status: 'open', judgements_count: 0 },
      { key: `pattern:${J.MARK}:${J.SANNE}`, hypothesis: `intieme_terreur:${J.MARK}:gewelddadig_verzet:${J.SANNE}`, judgement: null, status: 'open', judgements_count: 0 },
      { key: 'profile:intieme_terreur', hypothesis: 'waarschijnlijk', judgement: null, status: 'open', judgements_count: 0 },
      { key: 'profile:gezin_in_de_stress', hypothesis: 'mogelijk', judgement: null, status: 'open', judgements_count: 0 },
      { key: 'profile:kindgedrag_en_opvoedstress', hypothesis: 'te_weinig_informatie', judgement: null, status: 'open', judgements_count: 0 },
      { key: 'profile:langdurige_zorg', hypothesis: 'te_weinig_informatie', judgement: null, status: 'open', judgements_count: 0 },
      { key: 'profile:complexe_scheiding', hypothesis: 'mogelijk', judgement: null, status: 'open', judgements_count: 0 },
      { key: 'redflag:strangulation', hypothesis: 'present', judgement: null, status: 'open', judgements_count: 0 },
      { key: 'redflag:separation_with_control', hypothesis: 'present', judgement: null, status: 'open', judgements_count: 0 },
      { key: 'redflag:escalation', hypothesis: 'present', judgement: null, status: 'open', judgements_count: 0 },
      { key: 'redflag:fear_for_life', hypothesis: 'present', judgement: null, status: 'open', judgements_count: 0 },
      { key: 'acute', hypothesis: 'possibly_acute', judgement: null, status: 'open', judgements_count: 0 },
      { key: 'structural', hypothesis: 'suggested', judgement: null, status: 'open', judgements_count: 0 },
    ],
    // Printed by `PRINT_PICTURE=1 cargo test -p domain --test picture the_example_family_picture`.
    picture: JANSEN_PICTURE,
    unknown_behaviours: [],
  };
  const caseRow: Case = {
    id: J.CASE, label: 'Oefencasus — Gezin Jansen-de Vries (fictief)', status: 'open', phase: 'directe_veiligheid',
    created_at: created, updated_at: created, retention_until: null,
  };
  return { case: caseRow, persons, relations, conversations, answers, records, analysis };
}

/** The family picture as `domain::picture::family_picture` computes it for this family. */
const JANSEN_PICTURE: FamilyPicture = {
 "nodes": [
  {
   "person": "01900000-0000-7000-8000-000000000101",
   "role": "parent",
   "row": "adults",
   "lives_in_household": true,
   "year_of_birth": 1985
  },
  {
   "person": "01900000-0000-7000-8000-000000000102",
   "role": "parent",
   "row": "adults",
   "lives_in_household": true,
   "year_of_birth": 1988
  },
  {
   "person": "01900000-0000-7000-8000-000000000103",
   "role": "child",
   "row": "children",
   "lives_in_household": true,
   "year_of_birth": 2020
  },
  {
   "person": "01900000-0000-7000-8000-000000000104",
   "role": "child",
   "row": "children",
   "lives_in_household": true,
   "year_of_birth": 2013
  }
 ],
 "couples": [
  {
   "a": "01900000-0000-7000-8000-000000000101",
   "b": "01900000-0000-7000-8000-000000000102",
   "separated": false,
   "separation_date": null
  }
 ],
 "parent_links": [
  {
   "parent": "01900000-0000-7000-8000-000000000101",
   "child": "01900000-0000-7000-8000-000000000103",
   "step": false
  },
  {
   "parent": "01900000-0000-7000-8000-000000000102",
   "child": "01900000-0000-7000-8000-000000000103",
   "step": false
  },
  {
   "parent": "01900000-0000-7000-8000-000000000101",
   "child": "01900000-0000-7000-8000-000000000104",
   "step": false
  },
  {
   "parent": "01900000-0000-7000-8000-000000000102",
   "child": "01900000-0000-7000-8000-000000000104",
   "step": false
  }
 ],
 "siblings": [],
 "arrows": [
  {
   "actor": "01900000-0000-7000-8000-000000000101",
   "target": "01900000-0000-7000-8000-000000000102",
   "weight": "ernstig",
   "yearly": 88,
   "categories": [
    "psychological",
    "physical",
    "coercive_control"
   ],
   "behaviours": [
    "dwang.geld_controleren",
    "dwang.isoleren",
    "dwang.telefoon_controleren",
    "fys.duwen",
    "fys.wurgen",
    "psy.schelden"
   ],
   "witnessed_by": [
    "01900000-0000-7000-8000-000000000104"
   ],
   "evidence": {
    "records": [
     "01900000-0000-7000-8000-000000000401",
     "01900000-0000-7000-8000-000000000402",
     "01900000-0000-7000-8000-000000000403",
     "01900000-0000-7000-8000-000000000405",
     "01900000-0000-7000-8000-000000000408",
     "01900000-0000-7000-8000-000000000409",
     "01900000-0000-7000-8000-00000000040a"
    ],
    "answers": [],
    "relations": [],
    "sources": [
     "01900000-0000-7000-8000-000000000101",
     "01900000-0000-7000-8000-000000000102"
    ]
   }
  },
  {
   "actor": "01900000-0000-7000-8000-000000000101",
   "target": "01900000-0000-7000-8000-000000000104",
   "weight": "licht",
   "yearly": 2,
   "categories": [
    "psychological"
   ],
   "behaviours": [
    "psy.schreeuwen"
   ],
   "witnessed_by": [],
   "evidence": {
    "records": [
     "01900000-0000-7000-8000-00000000040b"
    ],
    "answers": [],
    "relations": [],
    "sources": [
     "01900000-0000-7000-8000-000000000104"
    ]
   }
  },
  {
   "actor": "01900000-0000-7000-8000-000000000102",
   "target": "01900000-0000-7000-8000-000000000101",
   "weight": "licht",
   "yearly": 5,
   "categories": [
    "psychological",
    "physical"
   ],
   "behaviours": [
    "fys.duwen",
    "psy.schelden"
   ],
   "witnessed_by": [],
   "evidence": {
    "records": [
     "01900000-0000-7000-8000-000000000406",
     "01900000-0000-7000-8000-000000000407"
    ],
    "answers": [],
    "relations": [],
    "sources": [
     "01900000-0000-7000-8000-000000000101"
    ]
   }
  }
 ]
};
