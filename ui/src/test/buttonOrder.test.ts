import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// One button order in every form and dialog: "Annuleren" first, the main action last (on the right),
// so a hand that learned one dialog is never caught out by the next.
function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? svelteFiles(p) : p.endsWith('.svelte') ? [p] : [];
  });
}

function actionRows(source: string): string[] {
  const rows: string[] = [];
  const open = /<div class="actions[ "][^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = open.exec(source))) {
    const end = source.indexOf('</div>', m.index);
    rows.push(source.slice(m.index, end));
  }
  return rows;
}

describe('button order', () => {
  const root = path.resolve(__dirname, '../lib');
  const files = svelteFiles(root);

  it('finds the forms to check', () => {
    const withCancel = files.flatMap((f) => actionRows(readFileSync(f, 'utf8'))).filter((r) => r.includes("t('common.cancel')"));
    expect(withCancel.length).toBeGreaterThan(8);
  });

  it('puts "Annuleren" before the main action everywhere', () => {
    const wrong: string[] = [];
    for (const file of files) {
      for (const row of actionRows(readFileSync(file, 'utf8'))) {
        const cancel = row.indexOf("t('common.cancel')");
        const main = row.search(/class="(primary|danger)"/);
        if (cancel !== -1 && main !== -1 && main < cancel) wrong.push(path.relative(root, file));
      }
    }
    expect(wrong).toEqual([]);
  });
});
