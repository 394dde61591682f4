// The fake backend's safety plan: a prefilled plan for the fictional practice family, simple
// guard-rail checks and placeholder preview pages. Demo and tests only; the real ones are in Rust.
import type { BehaviourRecord } from '../ipc/bindings/BehaviourRecord';
import type { BlamingPhrase } from '../ipc/bindings/BlamingPhrase';
import type { Hint } from '../ipc/bindings/Hint';
import type { ItemGuardRail } from '../ipc/bindings/ItemGuardRail';
import type { ItemHints } from '../ipc/bindings/ItemHints';
import type { Person } from '../ipc/bindings/Person';
import type { PlanChecks } from '../ipc/bindings/PlanChecks';
import type { Relation } from '../ipc/bindings/Relation';
import type { SafetyPlan } from '../ipc/bindings/SafetyPlan';
import type { Section } from '../ipc/bindings/Section';
import { JANSEN } from '../ipc/demo/jansen';
import { itemsOf, SECTIONS } from './model';

export function emptyPlan(caseId: string, id: string): SafetyPlan {
  return {
    id,
    case_id: caseId,
    made_with: [],
    evaluation_dates: [],
    worries: [],
    conditions: [],
    acute_actions: [],
    agreements: [],
    problems: [],
    recovery: [],
    support: [],
    network: [],
    professionals: [],
    measures: [],
    signals: [],
    escape_plan: [],
    signatories: [],
    updated_at: new Date().toISOString(),
  };
}

const pid = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** What `plan_get` gives for the practice family before anything is stored: a prefill as Rust makes it. */
export function jansenPlan(): SafetyPlan {
  const J = JANSEN;
  const prof = { kind: 'professional_only' } as const;
  const analysis = { kind: 'analysis' } as const;
  const plan = emptyPlan(J.CASE, pid(1));
  const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString();
  plan.worries = [
    ['wurgen, de keel dichtknijpen of smoren (1 keer in het afgelopen jaar)', 'Ik dacht dat ik doodging.'],
    ['al het geld in handen houden (meer dan 20 keer in het afgelopen jaar)', ''],
    ['afsluiten van vrienden en familie (meer dan 20 keer in het afgelopen jaar)', ''],
  ].map(([what, impact], i) => ({
    id: pid(0x10 + i),
    visibility: prof,
    about: J.SANNE,
    origin: analysis,
    content: { situation: `Mark tegen Sanne: ${what}`, impact: impact! },
  }));
  plan.acute_actions = [
    'Veilig Thuis raadplegen — Bespreek de situatie en de vlaggen.',
    'Politie bellen, 112 bij direct gevaar — Is er nu gevaar voor iemand, bel dan 112.',
    'Tijdelijk huisverbod overwegen — 10 dagen, verlenging tot 28 dagen is mogelijk.',
    'Een veilige plek regelen — Bij familie of vrienden die de pleger niet kent, of in de vrouwenopvang.',
  ].map((what, i) => ({
    id: pid(0x20 + i),
    visibility: prof,
    about: null,
    origin: analysis,
    content: { what, who: [], before: tomorrow },
  }));
  plan.conditions = [
    'Intieme terreur: Bescherming van de partner in de slachtofferpositie en de kinderen; het gedrag van de pleger stoppen.',
    'Intieme terreur: geen mediation',
    'Intieme terreur: geen gezamenlijke gesprekken',
    'Intieme terreur: risico op belaging en femicide inschatten',
  ].map((text, i) => ({ id: pid(0x30 + i), visibility: prof, about: null, origin: analysis, content: { text } }));
  plan.recovery = [
    {
      id: pid(0x40),
      visibility: prof,
      about: J.DAAN,
      origin: { kind: 'child_disclosure', child: J.DAAN },
      content: { person: J.DAAN, need: 'Daan wil met iemand praten over wat hij ’s avonds hoort.', help: 'Eigen gesprekken op school.' },
    },
  ];
  plan.escape_plan = [
    {
      id: pid(0x50),
      visibility: { kind: 'persons', persons: [J.SANNE] },
      about: J.SANNE,
      origin: { kind: 'professional' },
      content: { kind: 'who_to_call', text: 'Bij direct gevaar 112 bellen.' },
    },
  ];
  return plan;
}

function hintsIn(text: string, phrases: readonly BlamingPhrase[]): Hint[] {
  const lower = text.toLowerCase();
  const out: Hint[] = [];
  for (const p of phrases) {
    const pat = p.pattern.toLowerCase();
    if (!pat) continue;
    let at = lower.indexOf(pat);
    while (at >= 0) {
      out.push({ phrase_id: p.id, start: at, end: at + pat.length, matched: text.slice(at, at + pat.length), suggestion: p.suggestion });
      at = lower.indexOf(pat, at + 1);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const CONTACT_WORDS = ['omgang', 'contactregeling', 'zorgregeling', 'gezag', 'overdracht', 'bezoekregeling', 'ouderschapsplan'];
const PARTNER_VIOLENCE = new Set(['psychological', 'physical', 'sexual', 'coercive_control']);

/** A rough stand-in for Rust's `check_plan` (same shape; simpler rules). */
export function fakeChecks(
  plan: SafetyPlan,
  phrases: readonly BlamingPhrase[],
  persons: readonly Person[],
  relations: readonly Relation[],
  records: readonly BehaviourRecord[],
  categoryOf: (behaviourId: string) => string | undefined,
): PlanChecks {
  const blaming: ItemHints[] = [];
  const contact: ItemGuardRail[] = [];
  const partners = (a: string, b: string) =>
    relations.some(
      (r) => (r.kind.kind === 'partner_of' || r.kind.kind === 'ex_partner_of') && ((r.from === a && r.to === b) || (r.from === b && r.to === a)),
    );
  const parents = persons.filter((p) => p.role === 'parent');
  for (const section of SECTIONS) {
    for (const item of itemsOf(plan, section)) {
      const texts = Object.entries(item.content).filter((e): e is [string, string] => typeof e[1] === 'string');
      for (const [field, text] of texts) {
        const hints = hintsIn(text, phrases);
        if (hints.length) blaming.push({ item: item.id, section: section as Section, field, hints });
      }
      if (section !== 'agreements' && section !== 'conditions' && section !== 'support') continue;
      const all = texts.map(([, t]) => t.toLowerCase()).join('\n');
      if (!CONTACT_WORDS.some((w) => all.includes(w))) continue;
      for (const parent of parents) {
        const violent = records.filter(
          (r) =>
            r.stance.stance === 'reported' &&
            r.actors.includes(parent.id) &&
            r.targets.some((t) => partners(parent.id, t)) &&
            PARTNER_VIOLENCE.has(categoryOf(r.behaviour_id) ?? ''),
        );
        if (violent.length === 0) continue;
        const targets = [...new Set(violent.flatMap((r) => r.targets))];
        contact.push({
          item: item.id,
          section: section as Section,
          guard_rail: {
            kind: 'contact_with_partner_violence',
            article: 'art. 31',
            reasons: ['violence'],
            persons: [parent.id, ...targets].sort(),
            conversation_id: null,
            evidence: {
              records: violent.map((r) => r.id).sort(),
              answers: [],
              relations: [],
              sources: [...new Set(violent.map((r) => r.source_person))].sort(),
            },
            requires_justification: false,
            justification: null,
            satisfied: true,
          },
        });
      }
    }
  }
  return { blaming, contact, mediation: [] };
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Placeholder pages, clearly drawn as a practice preview (the real backend renders the PDF pages). */
export function fakePages(readerLabel: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="595" height="842" viewBox="0 0 595 842">` +
      `<rect width="595" height="842" fill="#fff" stroke="#888"/>` +
      `<text x="40" y="70" font-family="sans-serif" font-size="26">Voorbeeld (oefenversie)</text>` +
      `<text x="40" y="110" font-family="sans-serif" font-size="16">Veiligheidsplan — ${escapeXml(readerLabel)}</text>` +
      `<text x="40" y="800" font-family="sans-serif" font-size="14">Pagina ${i + 1} van ${count}</text></svg>`;
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}
