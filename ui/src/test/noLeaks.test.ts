// security.md: nothing of a case in WebView storage, cookies, logs or the window
// title; and @tauri-apps/api only inside src/lib/ipc.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { addPerson, createCase, openCase, renderUnlocked } from './helpers';

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('no leaks', () => {
  it('app sources use no storage API, cookie, console output or title change', () => {
    const forbidden = [
      'localStorage',
      'sessionStorage',
      'indexedDB',
      'document.cookie',
      'caches.open',
      'console.',
      'document.title',
      '<svelte:head',
    ];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const word of forbidden) {
        expect(text.includes(word), `${relative(SRC, file)} uses ${word}`).toBe(false);
      }
    }
  });

  it('only src/lib/ipc imports @tauri-apps/api', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const inIpc = relative(SRC, file).startsWith(join('lib', 'ipc'));
      if (!inIpc) expect(readFileSync(file, 'utf8'), relative(SRC, file)).not.toContain('@tauri-apps/');
    }
  });

  it('working with a case writes nothing to storage, cookies, the console or the title', async () => {
    const spies = (['log', 'info', 'debug', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => {}),
    );
    const { user } = await renderUnlocked();
    await createCase(user, 'Gezin Lekvrij');
    await openCase(user, 'Gezin Lekvrij');
    await addPerson(user, { role: 'child', name: 'Geheime Naam', year: '2017' });
    screen.getByTestId('btn-lock').click();
    await waitFor(() => expect(screen.getByTestId('unlock-screen')).toBeInTheDocument());

    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).toBe('');
    expect(document.title).not.toContain('Gezin');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
