// The tabs of one case. To add a tab (Gesprekken, Wie doet wat, Analyse, …):
// write a component that takes `{ household }`, and add an entry here.
// A tab is only shown when `available` says it has something to show.
import type { Component } from 'svelte';
import type { Household } from '../ipc';
import type { MessageKey } from '../i18n/index.svelte';
import OverviewTab from './OverviewTab.svelte';

export type CaseTabProps = { household: Household };

export type CaseTab = {
  id: string;
  label: MessageKey;
  component: Component<CaseTabProps>;
  available: (household: Household) => boolean;
};

export const CASE_TABS: readonly CaseTab[] = [
  { id: 'overview', label: 'case.tab.overview', component: OverviewTab, available: () => true },
];
