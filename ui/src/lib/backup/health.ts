// How the vault's health reads in a sentence. The numbers and the decision to remind come from Rust
// (`vault_health`); this only picks the words.
import type { VaultHealth } from '../ipc';
import { formatDate } from '../format';
import { i18n, t } from '../i18n/index.svelte';

/** When the last backup was made, in words. */
export function lastBackupText(health: VaultHealth): string {
  if (!health.lastBackupAt || health.daysSinceBackup === null) return t('backup.never');
  const date = formatDate(health.lastBackupAt, i18n.lang);
  if (health.daysSinceBackup === 0) return t('backup.lastToday', { date });
  if (health.daysSinceBackup === 1) return t('backup.lastOneDay', { date });
  return t('backup.lastDays', { days: health.daysSinceBackup, date });
}

/** The reminder, when Rust says one is due; empty otherwise. */
export function reminderText(health: VaultHealth): string {
  if (!health.backupDue) return '';
  if (health.daysSinceBackup === null) return t('backup.dueNever');
  return t('backup.due', { days: health.daysSinceBackup });
}
