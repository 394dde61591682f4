// The tabs of one case. To add a tab: write a component that takes `{ household }`, and add an
// entry here. A tab is only shown when `available` says it has something to show.
// `testid` gives the tab button's data-testid (`tab-<testid>`) for the e2e suite.
import type { Component } from 'svelte';
import type { HouseholdView } from '../ipc';
import type { MessageKey } from '../i18n/index.svelte';
import HouseholdTab from './HouseholdTab.svelte';
import OverviewTab from './OverviewTab.svelte';
import ConversationsTab from './ConversationsTab.svelte';
import WhoDoesWhatTab from './WhoDoesWhatTab.svelte';
import MeldcodeTab from './MeldcodeTab.svelte';
import MeldingTab from './MeldingTab.svelte';
import PlanTab from '../plan/PlanTab.svelte';
import NotesTab from '../notes/NotesTab.svelte';
import AccessLogTab from './AccessLogTab.svelte';
import InzageTab from './InzageTab.svelte';

export type CaseTabProps = { household: HouseholdView };

export type CaseTab = {
  id: string;
  testid: string;
  label: MessageKey;
  component: Component<CaseTabProps>;
  available: (household: HouseholdView) => boolean;
};

/** The first tab is where a case opens: it must never show what anyone said or what was concluded. */
export const CASE_TABS: readonly CaseTab[] = [
  { id: 'household', testid: 'gezin', label: 'case.tab.household', component: HouseholdTab, available: () => true },
  { id: 'overview', testid: 'overzicht', label: 'case.tab.overview', component: OverviewTab, available: () => true },
  {
    id: 'conversations',
    testid: 'gesprekken',
    label: 'case.tab.conversations',
    component: ConversationsTab,
    available: () => true,
  },
  {
    id: 'whodoeswhat',
    testid: 'wiedoetwat',
    label: 'case.tab.whoDoesWhat',
    component: WhoDoesWhatTab,
    available: () => true,
  },
  { id: 'meldcode', testid: 'meldcode', label: 'case.tab.meldcode', component: MeldcodeTab, available: () => true },
  { id: 'melding', testid: 'melding', label: 'case.tab.melding', component: MeldingTab, available: () => true },
  { id: 'plan', testid: 'veiligheidsplan', label: 'case.tab.plan', component: PlanTab, available: () => true },
  { id: 'notes', testid: 'notities', label: 'case.tab.notes', component: NotesTab, available: () => true },
  { id: 'inzage', testid: 'inzage', label: 'case.tab.inzage', component: InzageTab, available: () => true },
  { id: 'log', testid: 'logboek', label: 'case.tab.log', component: AccessLogTab, available: () => true },
];
