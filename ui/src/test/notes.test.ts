// Notities (issue 13): the practice family's notes as Rust stored them, a new note written by keyboard
// and saved by itself ("Opgeslagen"), the earlier versions, the trash with restore and "Prullenbak
// legen", and the light formatting shown as text, never as HTML. On the fake backend.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { PRACTICE } from '../lib/ipc/fake';
import { blocks, inline } from '../lib/notes/markup';
import { JANSEN, renderUnlocked } from './helpers';

async function openNotes() {
  const app = await renderUnlocked();
  await app.user.click(screen.getByTestId('practice-case'));
  await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
  await app.user.click(screen.getByTestId('tab-notities'));
  await screen.findByTestId('note-list');
  return app;
}

describe('notes tab', () => {
  it('lists the notes newest date first, with the trash apart', async () => {
    await openNotes();
    const items = screen.getAllByTestId('note-item');
    expect(items).toHaveLength(PRACTICE.notes.notes.length);
    PRACTICE.notes.notes.forEach((n, i) => expect(items[i]).toHaveTextContent(n.title));
    expect(items[0]).toHaveTextContent('vertrouwelijk');
    const trash = screen.getByTestId('notes-trash');
    expect(within(trash).getAllByTestId('notes-trash-item')).toHaveLength(PRACTICE.notes.trash.length);
    expect(trash).toHaveTextContent(PRACTICE.notes.trash[0]!.title);
  });

  it('writes a new note by keyboard, saves it by itself and keeps the earlier text as a version', async () => {
    const { user, fake } = await openNotes();
    screen.getByTestId('note-new').focus();
    await user.keyboard('{Enter}');
    const title = await screen.findByTestId('note-title');
    await waitFor(() => expect(title).toHaveFocus());
    await user.keyboard('Telefoongesprek');
    await user.tab();
    await waitFor(() => expect(screen.getByTestId('note-save-status')).toHaveTextContent('Opgeslagen'));
    // Tab through the date to the text; type with formatting.
    screen.getByTestId('note-text-input').focus();
    await user.keyboard('# Afspraken{Enter}- oma haalt **Lotte** op');
    // Saved by itself after a pause in typing, without leaving the field.
    expect(screen.getByTestId('note-text-input')).toHaveFocus();
    const stored = async () => (await fake.notesList({ case_id: JANSEN.CASE })).notes.find((n) => n.title === 'Telefoongesprek')!.text;
    await waitFor(async () => expect(await stored()).toBe('# Afspraken\n- oma haalt **Lotte** op'), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('note-save-status')).toHaveTextContent('Opgeslagen'));
    // The preview shows the formatting as elements with the text in them.
    const preview = screen.getByTestId('note-preview');
    expect(within(preview).getByRole('heading', { name: 'Afspraken' })).toBeInTheDocument();
    expect(within(preview).getByRole('listitem')).toHaveTextContent('oma haalt Lotte op');
    expect(within(preview).getByText('Lotte').tagName).toBe('STRONG');
    // The list follows the title.
    expect(screen.getAllByTestId('note-item').some((i) => i.textContent?.includes('Telefoongesprek'))).toBe(true);
    // Earlier versions: the state before the text was added (the title only).
    await user.click(screen.getByTestId('note-versions-toggle'));
    const versions = await screen.findAllByTestId('note-version');
    expect(versions.length).toBeGreaterThan(0);
    expect(versions[versions.length - 1]).toHaveTextContent('Telefoongesprek');
    expect(screen.getByTestId('note-versions-toggle')).toHaveAttribute('aria-expanded', 'true');
  });

  it('shows the earlier versions Rust kept of a practice note', async () => {
    const { user } = await openNotes();
    const home = screen.getAllByTestId('note-item').find((i) => i.textContent?.includes('Huisbezoek'))!;
    await user.click(home);
    await user.click(screen.getByTestId('note-versions-toggle'));
    const [version] = await screen.findAllByTestId('note-version');
    const expected = PRACTICE.noteVersions[Object.keys(PRACTICE.noteVersions)[0]!]![0]!;
    expect(version).toHaveTextContent(expected.text);
  });

  it('moves a note to the trash, restores it, and empties the trash for good after asking', async () => {
    const { user, fake } = await openNotes();
    const before = screen.getAllByTestId('note-item').length;
    await user.click(screen.getAllByTestId('note-item')[0]!);
    await user.click(screen.getByTestId('note-trash'));
    await waitFor(() => expect(screen.getAllByTestId('note-item')).toHaveLength(before - 1));
    expect(screen.getByTestId('note-new')).toHaveFocus();
    expect(within(screen.getByTestId('notes-trash')).getAllByTestId('notes-trash-item')).toHaveLength(2);
    await user.click(within(screen.getByTestId('notes-trash')).getAllByTestId('note-restore')[0]!);
    await waitFor(() => expect(screen.getAllByTestId('note-item')).toHaveLength(before));
    // Emptying asks first; "Niet verwijderen" keeps everything.
    await user.click(screen.getByTestId('notes-trash-empty'));
    await user.click(screen.getByRole('button', { name: 'Niet verwijderen' }));
    expect(screen.getAllByTestId('notes-trash-item')).toHaveLength(1);
    await user.click(screen.getByTestId('notes-trash-empty'));
    await user.click(screen.getByTestId('notes-trash-empty-confirm'));
    await waitFor(() => expect(screen.queryAllByTestId('notes-trash-item')).toHaveLength(0));
    expect((await fake.notesList({ case_id: JANSEN.CASE })).trash).toHaveLength(0);
    expect(screen.getByTestId('app-status')).toHaveTextContent('1 notitie(s) definitief verwijderd.');
  });

  it('arrow keys move through the list', async () => {
    const { user } = await openNotes();
    const items = screen.getAllByTestId('note-item');
    items[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(items[0]).toHaveFocus();
  });

  it('never reads typed text as HTML', async () => {
    const { user } = await openNotes();
    await user.click(screen.getByTestId('note-new'));
    const text = await screen.findByTestId('note-text-input');
    await user.click(text);
    await user.paste('<img src=x onerror=alert(1)> **<b>vet</b>**');
    const preview = screen.getByTestId('note-preview');
    expect(preview.querySelector('img')).toBeNull();
    expect(preview.querySelector('b')).toBeNull();
    expect(preview).toHaveTextContent('<img src=x onerror=alert(1)> <b>vet</b>');
    expect(within(preview).getByText('<b>vet</b>').tagName).toBe('STRONG');
  });
});

describe('note formatting', () => {
  it('reads headings, lists, bold and paragraphs', () => {
    expect(blocks('# Kop\n## Sub\ntekst\nmeer\n\n- een\n* twee\nna')).toEqual([
      { kind: 'heading', level: 1, content: [{ text: 'Kop', bold: false }] },
      { kind: 'heading', level: 2, content: [{ text: 'Sub', bold: false }] },
      { kind: 'paragraph', lines: [[{ text: 'tekst', bold: false }], [{ text: 'meer', bold: false }]] },
      { kind: 'list', items: [[{ text: 'een', bold: false }], [{ text: 'twee', bold: false }]] },
      { kind: 'paragraph', lines: [[{ text: 'na', bold: false }]] },
    ]);
    expect(inline('a **b** c')).toEqual([
      { text: 'a ', bold: false },
      { text: 'b', bold: true },
      { text: ' c', bold: false },
    ]);
    expect(inline('2 ** 3')).toEqual([{ text: '2 ** 3', bold: false }]);
    expect(inline('**a** en **b')).toEqual([
      { text: 'a', bold: true },
      { text: ' en **b', bold: false },
    ]);
    expect(blocks('#geen kop')).toEqual([{ kind: 'paragraph', lines: [[{ text: '#geen kop', bold: false }]] }]);
    expect(blocks('')).toEqual([]);
  });
});
