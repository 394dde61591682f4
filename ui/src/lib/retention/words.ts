// Where a case stands against its retention date, in words. Rust decides the state and counts the
// days (`domain::retention`); this only picks the sentence for it.
import type { RetentionCase } from '../ipc/bindings/RetentionCase';
import { t } from '../i18n/index.svelte';

export function retentionStateText(c: RetentionCase): string {
  const days = c.daysLeft ?? 0;
  switch (c.state) {
    case 'passed':
      return t('retention.state.passed', { days: -days });
    case 'soon':
      return days === 0 ? t('retention.state.today') : t('retention.state.soon', { days });
    case 'later':
      return t('retention.state.later');
    case 'not_set':
      return t('retention.state.not_set');
  }
}
