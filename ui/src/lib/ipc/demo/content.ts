// Demo content for the fake backend (browser demo and tests). The real content is Dutch data in
// assets/, loaded by the Rust `content` crate; this is a small, faithful stand-in with the same ids
// as the Rust fixture (crates/domain/src/fixture.rs) so the practice family reads naturally.
import type { BehaviourCategory } from '../bindings/BehaviourCategory';
import type { BehaviourDef } from '../bindings/BehaviourDef';
import type { ControlDomain } from '../bindings/ControlDomain';
import type { Guide } from '../bindings/Guide';
import type { Question } from '../bindings/Question';
import type { RedFlag } from '../bindings/RedFlag';
import type { Weight } from '../bindings/Weight';
import type { ContentBundle } from '../types';

function def(
  id: string,
  label: string,
  category: BehaviourCategory,
  weight: Weight,
  extra: { flags?: RedFlag[]; domain?: ControlDomain; help?: string } = {},
): BehaviourDef {
  return {
    id,
    label,
    help: extra.help ?? '',
    category,
    weight,
    control_domain: extra.domain ?? null,
    red_flags: extra.flags ?? [],
    targets: category === 'child_neglect' || category === 'child_witnessing' ? 'child' : 'anyone',
  };
}

const items: BehaviourDef[] = [
  def('psy.schelden', 'uitschelden', 'psychological', 'licht'),
  def('psy.schreeuwen', 'schreeuwen', 'psychological', 'licht'),
  def('psy.vernederen_publiek', 'vernederen waar anderen bij zijn', 'psychological', 'ernstig'),
  def('psy.dreigen_slaan', 'dreigen te slaan', 'psychological', 'ernstig'),
  def('psy.dreigen_doden', 'dreigen te doden', 'psychological', 'ernstig', { flags: ['threat_to_kill'] }),
  def('psy.dreigen_zelfdoding', 'dreigen zichzelf iets aan te doen', 'psychological', 'ernstig', { flags: ['suicide_threat'] }),
  def('psy.eer_dreigen', 'dreigen met geweld om de eer van de familie', 'psychological', 'ernstig', { flags: ['honour_related_threat'] }),
  def('fys.duwen', 'duwen', 'physical', 'licht'),
  def('fys.slaan_vlakke_hand', 'een klap geven met de vlakke hand', 'physical', 'licht'),
  def('fys.stompen', 'stompen', 'physical', 'ernstig'),
  def('fys.wurgen', 'wurgen, de keel dichtknijpen of smoren', 'physical', 'ernstig', {
    flags: ['strangulation'],
    help: 'Vraag altijd door: ook zonder zichtbaar letsel is wurgen levensgevaarlijk.',
  }),
  def('fys.wapen', 'een mes of ander wapen gebruiken of ermee dreigen', 'physical', 'ernstig', { flags: ['weapon'] }),
  def('sek.onder_druk_zetten', 'onder druk zetten tot seks', 'sexual', 'licht'),
  def('sek.dwingen', 'seks afdwingen met geweld of dreiging', 'sexual', 'ernstig', { flags: ['forced_sex'] }),
  def('dwang.isoleren', 'afsluiten van vrienden en familie', 'coercive_control', 'ernstig', { domain: 'isolation' }),
  def('dwang.telefoon_controleren', 'telefoon of locatie controleren', 'coercive_control', 'ernstig', { domain: 'monitoring' }),
  def('dwang.geld_controleren', 'al het geld in handen houden', 'coercive_control', 'ernstig', { domain: 'money' }),
  def('dwang.jaloezie', 'jaloers en bezitterig gedrag', 'coercive_control', 'ernstig', { domain: 'jealousy' }),
  def('dwang.bewegingsvrijheid', 'beperken waar iemand heen mag, werken of leren', 'coercive_control', 'ernstig', { domain: 'movement' }),
  def('bel.volgen', 'volgen', 'stalking', 'ernstig', { flags: ['stalking'] }),
  def('eco.geld_afpakken', 'geld afpakken', 'economic', 'licht'),
  def('kind.verwaarlozing_fysiek', 'lichamelijke verwaarlozing', 'child_neglect', 'ernstig'),
  def('kind.getuige', 'getuige van geweld tussen volwassenen', 'child_witnessing', 'licht'),
  def('let.blauwe_plek', 'blauwe plek of schaafwond', 'injury', 'licht'),
  def('let.medische_zorg', 'letsel waarvoor medische zorg nodig was', 'injury', 'ernstig'),
].sort((a, b) => a.id.localeCompare(b.id));

const q = (id: string, text: string, help: string, answer: Question['answer']): Question => ({
  id,
  text,
  help,
  answer,
  feeds: [],
});
const yn = { type: 'yes_no_unknown' } as const;
const open = { type: 'text' } as const;

const CHILD_REMINDERS = [
  'Stel open vragen: "Vertel eens…", "Hoe ging dat?"',
  'Stel geen waarom-vragen; die klinken als een verwijt.',
  'Stel geen suggestieve vragen en noem geen namen of gedrag die het kind zelf niet noemde.',
  'Beloof nooit geheimhouding.',
  'Vertel wat je gaat doen met wat het kind vertelt, en met wie je het deelt.',
];

const guides: Guide[] = [
  {
    id: 'gids.volwassene',
    version: 1,
    title: 'Gesprek met een volwassene (partner of ouder)',
    audience: 'adult_partner',
    intro: 'Spreek iedere partner apart. Begin bij wat goed gaat en wat de persoon zelf wil.',
    reminders: [
      'Spreek de partners altijd eerst apart.',
      'Vraag naar gedrag: wat gebeurde er, hoe vaak, wanneer voor het laatst.',
      'Benoem geweld als gedrag van degene die het doet, niet als "ruzie".',
    ],
    requires_precheck: false,
    sections: [
      {
        id: 'vol.start',
        title: 'Kennismaken',
        intro: 'Een rustig begin: wie zijn er, wat gaat goed?',
        questions: [
          q('vol.start.situatie', 'Hoe gaat het thuis op dit moment?', 'Luister naar de eigen woorden. Vat samen en vraag door.', open),
          q('vol.start.woonsituatie', 'Hoe woont u op dit moment?', 'Nodig voor de veiligheidsafspraken.', {
            type: 'choice',
            options: [
              { id: 'samen', label: 'Samen met de partner' },
              { id: 'apart', label: 'Apart van de partner' },
              { id: 'wisselend', label: 'Wisselend' },
            ],
          }),
        ],
      },
      {
        id: 'vol.gedrag',
        title: 'Wat er gebeurt',
        intro: 'Vraag per gedraging: wie deed wat tegen wie, hoe vaak in het afgelopen jaar, wanneer het laatst.',
        questions: [
          q('vol.gedrag.overzicht', 'Wat gebeurt er als het misgaat tussen u en uw partner?', 'Leg elke gedraging vast met "Gedraging vastleggen". Vraag naar beide richtingen.', {
            type: 'behaviour_record',
            categories: ['psychological', 'physical', 'sexual'],
          }),
          q('vol.relatie.escaleert_snel', 'Loopt een meningsverschil snel hoog op?', 'Wijst op situationeel geweld als er geen controle is.', yn),
          q('vol.relatie.goede_momenten', 'Zijn er ook goede momenten samen?', '', yn),
        ],
      },
      {
        id: 'vol.controle',
        title: 'Controle en vrijheid',
        intro: 'Vraag naar alle levensdomeinen: contacten, telefoon, geld, bewegingsvrijheid, beslissingen.',
        questions: [
          q('vol.controle.contacten', 'Mag u zelf bepalen wie u ziet, waar u heen gaat en wat u met geld doet?', 'Dwingende controle is een patroon over meerdere domeinen. Leg elk voorbeeld vast als gedraging.', {
            type: 'behaviour_record',
            categories: ['coercive_control', 'stalking', 'economic'],
          }),
        ],
      },
      {
        id: 'vol.angst',
        title: 'Angst en veiligheid',
        intro: 'Vraag rechtstreeks naar angst. Neem de eigen inschatting serieus.',
        questions: [
          q('vol.angst.bang_voor_partner', 'Bent u weleens bang voor uw partner?', 'Angst bij de ander is ondersteunend bewijs voor een patroon van controle.', yn),
          q('vol.angst.levensgevaar', 'Bent u weleens bang geweest dat uw partner u zou doden?', 'Een ja is een rode vlag: handel binnen 24 uur.', yn),
          q('vol.veilig.schaal', 'Hoe veilig voelt u zich thuis, van 0 tot 10?', 'Vraag wat er nodig is om één punt hoger te komen.', { type: 'scale', low: 'helemaal niet veilig', high: 'helemaal veilig' }),
          q('vol.veilig.erger_geworden', 'Is het geweld het afgelopen jaar vaker of erger geworden?', 'Escalatie is een rode vlag.', yn),
          q('vol.veilig.scheiding_plannen', 'Denkt u erover om uit elkaar te gaan, of bent u dat van plan?', 'Scheiding samen met controle verhoogt het risico.', yn),
          q('vol.veilig.wapen_in_huis', 'Is er een wapen in huis of heeft uw partner toegang tot een wapen?', '', yn),
          q('vol.veilig.zwangerschap', 'Was er geweld tijdens een zwangerschap?', '', yn),
        ],
      },
      {
        id: 'vol.stress',
        title: 'Zorgen en stress',
        intro: 'Stress verklaart geweld niet, maar helpt het gezinsprofiel te zien.',
        questions: [
          q('vol.stress.schulden', 'Zijn er schulden of grote geldzorgen?', '', yn),
          q('vol.stress.werk', 'Is er werk verloren gegaan in het afgelopen jaar?', '', yn),
          q('vol.kinderen.opvoedstress', 'Hoe zwaar is de opvoeding op dit moment, van 0 tot 10?', '0 is heel licht, 10 is niet meer te doen.', { type: 'scale', low: 'heel licht', high: 'niet meer te doen' }),
        ],
      },
    ],
  },
  childGuide('gids.kind_4_7', 'k4', 'Gesprek met een kind van 4 tot en met 7 jaar', 'child4_to7', 'Gebruik poppetjes of tekeningen. Kort houden.'),
  childGuide('gids.kind_8_11', 'k8', 'Gesprek met een kind van 8 tot en met 11 jaar', 'child8_to11', 'Gebruik de drie huizen: huis van zorgen, huis van goede dingen, huis van dromen.'),
  childGuide('gids.kind_12_17', 'k12', 'Gesprek met een jongere van 12 tot en met 17 jaar', 'child12_to17', 'Neem de jongere serieus als gesprekspartner; leg uit wat je met de informatie doet.'),
  {
    id: 'gids.netwerk',
    version: 1,
    title: 'Gesprek met iemand uit het netwerk',
    audience: 'network',
    intro: 'Wat ziet het netwerk, en wat kan het doen voor de veiligheid?',
    reminders: ['Deel niets van wat gezinsleden vertelden zonder hun toestemming, tenzij de veiligheid het vraagt.'],
    requires_precheck: false,
    sections: [
      {
        id: 'net.zorgen',
        title: 'Wat het netwerk ziet',
        intro: '',
        questions: [
          q('net.zorgen.gezien', 'Wat heeft u gezien of gehoord?', 'Vraag naar feiten: wat, wanneer, wie was erbij.', open),
          q('net.steun.rol', 'Wat zou u kunnen doen als het thuis onveilig wordt?', '', {
            type: 'choice',
            options: [
              { id: 'opvang', label: 'Iemand opvangen' },
              { id: 'bellen', label: 'Hulp inschakelen' },
              { id: 'weet_niet', label: 'Weet ik nog niet' },
            ],
          }),
        ],
      },
    ],
  },
];

function childGuide(id: string, prefix: string, title: string, audience: Guide['audience'], intro: string): Guide {
  return {
    id,
    version: 1,
    title,
    audience,
    intro,
    reminders: CHILD_REMINDERS,
    requires_precheck: true,
    sections: [
      {
        id: `${prefix}.thuis`,
        title: 'Thuis',
        intro: 'Laat het kind vertellen over thuis, in eigen woorden.',
        questions: [
          q(`${prefix}.thuis.vertel`, 'Vertel eens over thuis. Wie wonen er allemaal?', 'Open vraag; laat stiltes bestaan.', open),
          q(`${prefix}.thuis.ruzie`, 'Wat gebeurt er thuis als iemand boos is?', 'Leg gedrag dat het kind noemt vast als gedraging, met hoe het kind het meemaakte (zien, horen, gevolgen merken).', {
            type: 'behaviour_record',
            categories: ['psychological', 'physical', 'child_witnessing'],
          }),
        ],
      },
      {
        id: `${prefix}.veilig`,
        title: 'Veilig voelen',
        intro: 'De eigen ervaring van veiligheid van het kind.',
        questions: [
          q(`${prefix}.veilig.schaal`, 'Hoe veilig voel jij je thuis, van 0 tot 10?', 'Vraag wat er nodig is om een punt hoger te komen.', { type: 'scale', low: 'helemaal niet veilig', high: 'helemaal veilig' }),
          q(`${prefix}.veilig.iemand`, 'Is er iemand bij wie je terecht kunt?', '', yn),
        ],
      },
    ],
  };
}

const flagDefs: [RedFlag, string, string][] = [
  ['strangulation', 'Wurgen', 'Wurgen voorspelt ernstig en dodelijk geweld, ook zonder letsel.'],
  ['threat_to_kill', 'Doodsbedreiging', 'Een bedreiging met de dood is altijd serieus.'],
  ['weapon', 'Wapen', 'Een wapen gebruikt of beschikbaar.'],
  ['separation_with_control', 'Scheiding en controle', 'Een (geplande) scheiding bij dwingende controle is een gevaarlijk moment.'],
  ['stalking', 'Stalking', 'Volgen, beloeren of lastigvallen.'],
  ['escalation', 'Escalatie', 'Het geweld wordt vaker of erger.'],
  ['fear_for_life', 'Angst voor het leven', 'Iemand is bang om gedood te worden.'],
  ['forced_sex', 'Afgedwongen seks', 'Seks afgedwongen met geweld of dreiging.'],
  ['violence_during_pregnancy', 'Geweld tijdens zwangerschap', 'Geweld tijdens een zwangerschap.'],
  ['child_harmed', 'Kind gewond', 'Een kind raakte gewond.'],
  ['suicide_threat', 'Dreigen met zelfdoding', 'Dreigen zichzelf iets aan te doen.'],
  ['honour_related_threat', 'Eergerelateerde dreiging', 'Dreiging om de eer van de familie.'],
];

export const DEMO_CONTENT: ContentBundle = {
  guides,
  catalogue: { version: 1, items, question_feeds: {} },
  profileCards: [
    {
      id: 'kaart.intieme_terreur',
      profile: 'intieme_terreur',
      title: 'Intieme terreur',
      summary: 'Eén partner controleert de ander over meerdere levensdomeinen en gebruikt geweld om die controle te houden.',
      signs: ['Angst bij de partner in de slachtofferpositie', 'Controle over geld, contacten en telefoon'],
      arrangement: {
        focus: 'Veiligheid van de partner in de slachtofferpositie en de kinderen eerst.',
        voluntary_help: ['Specialistische hulp voor de partner in de slachtofferpositie', 'Hulp voor de persoon in de plegerpositie, gericht op controle'],
        protection: ['Veiligheidsplan met het netwerk', 'Tijdelijk huisverbod overwegen'],
        sanctions: ['Aangifte bespreken', 'Strafrechtelijke aanpak'],
        avoid: ['Geen relatietherapie of mediation', 'Geen gezamenlijke gesprekken zonder veiligheidsafweging'], partners: [], needs: [],
      },
      related_red_flags: ['strangulation', 'separation_with_control', 'stalking'],
    },
    {
      id: 'kaart.gezin_in_de_stress',
      profile: 'gezin_in_de_stress',
      title: 'Gezin in de stress',
      summary: 'Een opeenstapeling van stress (schulden, werk, wonen) waarbij conflicten snel escaleren, zonder patroon van controle.',
      signs: ['Meerdere stressoren tegelijk', 'Conflicten lopen snel hoog op'],
      arrangement: {
        focus: 'Stress verminderen en de-escalatie leren.',
        voluntary_help: ['Schuldhulp', 'Training omgaan met boosheid'],
        protection: ['Afspraken over time-out'],
        sanctions: [],
        avoid: ['Geweld niet wegzetten als alleen stress'], partners: [], needs: [],
      },
      related_red_flags: [],
    },
    {
      id: 'kaart.kindgedrag_en_opvoedstress',
      profile: 'kindgedrag_en_opvoedstress',
      title: 'Kindgedrag en opvoedstress',
      summary: 'Gedrag van een kind en zware opvoeding zetten de ouders onder druk.',
      signs: ['Gedragsproblemen bij een kind', 'Ouders oneens over de opvoeding'],
      arrangement: { focus: 'Ondersteuning bij de opvoeding.', voluntary_help: ['Opvoedondersteuning'], protection: [], sanctions: [], avoid: ['Het kind niet verantwoordelijk maken'], partners: [], needs: [] },
      related_red_flags: [],
    },
    {
      id: 'kaart.langdurige_zorg',
      profile: 'langdurige_zorg',
      title: 'Langdurige zorg',
      summary: 'Psychiatrie, verslaving of een beperking bij een ouder; vaak al lang hulp.',
      signs: ['Psychiatrische problemen of verslaving', 'Veel hulpverleners betrokken'],
      arrangement: { focus: 'Samenhang in de hulp en langdurige steun.', voluntary_help: ['Eén plan met alle hulpverleners'], protection: ['Netwerk betrekken'], sanctions: [], avoid: ['Niet overdragen zonder warme overdracht'], partners: [], needs: [] },
      related_red_flags: [],
    },
    {
      id: 'kaart.complexe_scheiding',
      profile: 'complexe_scheiding',
      title: 'Complexe scheiding',
      summary: 'Aanhoudende strijd na een scheiding, vaak met procedures over de kinderen.',
      signs: ['Lopende procedures', 'Kinderen klem tussen de ouders'],
      arrangement: { focus: 'De kinderen uit de strijd halen.', voluntary_help: ['Ouderschap na scheiding'], protection: ['Veilige overdracht bij omgang'], sanctions: [], avoid: ['Geen mediation bij dwingende controle'], partners: [], needs: [] },
      related_red_flags: ['separation_with_control'],
    },
  ],
  redFlags: {
    version: 1,
    acute_title: 'Mogelijk acute onveiligheid — handel binnen 24 uur',
    acute_actions: [
      { id: 'veilig_thuis', label: 'Veilig Thuis raadplegen of melden', help: 'Bel 0800-2000, ook voor advies.' },
      { id: 'aandachtsfunctionaris', label: 'Aandachtsfunctionaris inschakelen', help: 'Bespreek de signalen dezelfde dag.' },
      { id: 'veiligheidsplan', label: 'Direct een veiligheidsplan maken', help: 'Met de partner in de slachtofferpositie, apart.' },
      { id: 'politie', label: 'Politie inschakelen bij direct gevaar', help: 'Bel 112 bij acuut gevaar.' },
    ],
    flags: flagDefs.map(([id, label, explanation]) => ({ id, label, explanation, ask: [] })),
  },
  indicators: [
    { id: 'fear_chronic', label: 'Bang voor de partner', source: 'answer' },
    { id: 'stressor_debts', label: 'Schulden of geldzorgen', source: 'answer' },
    { id: 'separation_planned_or_feared', label: 'Scheiding gepland of gevreesd', source: 'answer' },
    { id: 'coercive_control', label: 'Dwingende controle over meerdere domeinen', source: 'derived' },
    { id: 'violence_by_controlling_partner', label: 'Geweld door de controlerende partner', source: 'derived' },
    { id: 'conflict_escalates_fast', label: 'Conflicten lopen snel hoog op', source: 'answer' },
    { id: 'stress_accumulation', label: 'Opeenstapeling van stress', source: 'derived' },
  ],
  meldcode: {
    version: 1,
    steps: [
      { number: 1, id: 'stap.1', title: 'Signalen in kaart brengen', description: 'Leg de signalen vast: wie doet wat tegen wie, met de bron.' },
      { number: 2, id: 'stap.2', title: 'Collegiale consultatie en Veilig Thuis raadplegen', description: 'Bespreek met de aandachtsfunctionaris; raadpleeg Veilig Thuis bij twijfel.' },
      { number: 3, id: 'stap.3', title: 'Gesprek met de betrokkenen', description: 'Bespreek de zorgen met de ouders en, waar het kan, met het kind.' },
      { number: 4, id: 'stap.4', title: 'Wegen', description: 'Beantwoord de afwegingsvragen.' },
      { number: 5, id: 'stap.5', title: 'Beslissen', description: 'Melden bij Veilig Thuis en/of zelf hulp bieden of organiseren.' },
    ],
    questions: [
      { id: 'afweging.1', number: 1, step: 4, kind: 'core', text: 'Heb ik op basis van de stappen 1 tot en met 3 een vermoeden van huiselijk geweld of kindermishandeling?', help: 'Kijk naar de signalen en de gesprekken.', if_yes: 'Ga verder met vraag 2.', if_no: 'Leg vast en sluit af.' },
      { id: 'afweging.1a', number: 1, step: 4, kind: 'added', text: 'Zijn er aanwijzingen voor dwingende controle?', help: 'Controle over meerdere levensdomeinen, angst bij de partner.', if_yes: 'Weeg dit mee bij vraag 2.', if_no: '' },
      { id: 'afweging.2', number: 2, step: 4, kind: 'core', text: 'Is er sprake van acute onveiligheid of structurele onveiligheid?', help: 'Rode vlaggen en de ernst wegen hier.', if_yes: 'Melden bij Veilig Thuis.', if_no: 'Ga verder met vraag 3.' },
      { id: 'afweging.2a', number: 2, step: 4, kind: 'added', text: 'Zijn er rode vlaggen voor ernstig of dodelijk partnergeweld?', help: 'Wurgen, doodsbedreiging, scheiding met controle, escalatie.', if_yes: 'Dit is acute onveiligheid: melden.', if_no: '' },
      { id: 'afweging.3', number: 3, step: 5, kind: 'core', text: 'Ben ik in staat om effectieve hulp te bieden of te organiseren?', help: '', if_yes: 'Ga verder met vraag 4.', if_no: 'Melden bij Veilig Thuis.' },
      { id: 'afweging.4', number: 4, step: 5, kind: 'core', text: 'Aanvaarden de betrokkenen de hulp en zijn zij bereid zich in te zetten?', help: '', if_yes: 'Ga verder met vraag 5.', if_no: 'Melden bij Veilig Thuis.' },
      { id: 'afweging.5', number: 5, step: 5, kind: 'core', text: 'Leidt de hulp binnen de gewenste termijn tot duurzame veiligheid?', help: '', if_yes: 'Hulp bieden en volgen.', if_no: 'Melden bij Veilig Thuis.' },
      { id: 'besluit.melden', number: 5, step: 5, kind: 'decision', text: 'Mijn besluit: melden bij Veilig Thuis?', help: 'Ja: u meldt. Nee: leg uit waarom niet.', if_yes: '', if_no: '' },
    ],
    norms: {
      report_unsafety: 'De meldnorm wijst op melden bij Veilig Thuis: er is acute of structurele onveiligheid.',
      report_no_help: 'De meldnorm wijst op melden bij Veilig Thuis: er is geen passende hulp, of die wordt niet aanvaard.',
      report_again: 'De meldnorm wijst op (opnieuw) melden bij Veilig Thuis.',
      close_with_monitoring: 'Sluit af met afspraken over het volgen van de veiligheid.',
      decide: 'De app noemt de meldnorm; u beslist en legt uw besluit vast.',
    },
  },
  blamingPhrases: [
    { id: 'uitlokken', pattern: 'lokt het uit', suggestion: 'Beschrijf wat de persoon in de plegerpositie deed.', subject: 'any', unless: [] },
    { id: 'ruzie', pattern: 'ruzie', suggestion: 'Benoem het gedrag: wie deed wat tegen wie?', subject: 'any', unless: [] },
  ],
};
