// A case opens on a neutral page (Gezin): with the other partner or a child in the room, the first screen
// of a case shows names and roles only — no statement, decision, red flag or conclusion. A conversation
// starts from there in one click, and after an automatic lock the unlock goes back to that conversation.
import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, renderUnlocked, JANSEN } from './helpers';

/** Every statement and conclusion the practice family holds, read through the backend interface. */
async function statementTexts(fake: Awaited<ReturnType<typeof renderUnlocked>>['fake']): Promise<string[]> {
  const texts: string[] = [];
  for (const c of await fake.conversationsList({ case_id: JANSEN.CASE })) {
    const detail = await fake.conversationOpen({ case_id: JANSEN.CASE, conversation_id: c.id });
    for (const a of detail.answers) if (a.value.type === 'text') texts.push(a.value.text);
    for (const r of detail.records) if (r.impact_text) texts.push(r.impact_text);
    if (c.notes) texts.push(c.notes);
  }
  const analysis = await fake.analysisGet({ case_id: JANSEN.CASE });
  if (analysis.acute.decision) texts.push(analysis.acute.decision.decision, analysis.acute.decision.rationale);
  for (const e of await fake.meldcodeList({ case_id: JANSEN.CASE })) if (e.rationale) texts.push(e.rationale);
  const content = await fake.contentGet();
  texts.push(content.redFlags.acute_title);
  for (const f of analysis.red_flags) {
    const label = content.redFlags.flags.find((d) => d.id === f.flag)?.label;
    if (label) texts.push(label);
  }
  return texts.map((t) => t.trim()).filter((t) => t.length >= 4);
}

async function openPractice() {
  const app = await renderUnlocked();
  await app.user.click(screen.getByTestId('practice-case'));
  await screen.findByTestId('start-section');
  await screen.findByTestId('acute-marker');
  return app;
}

describe('a case opens on a neutral page', () => {
  it('the first screen of a case holds no statement, decision or red-flag text', async () => {
    const { fake } = await openPractice();
    const texts = await statementTexts(fake);
    expect(texts.length).toBeGreaterThan(5);
    const html = document.body.innerHTML;
    for (const text of texts) expect(html).not.toContain(text);
    expect(screen.queryByTestId('acute-banner')).toBeNull();
    expect(screen.queryByTestId('pattern')).toBeNull();
    expect(screen.getByRole('tab', { selected: true })).toHaveTextContent('Gezin');
  });

  it('the acute state is a small marker in the header; the details are one click away', async () => {
    const { user } = await openPractice();
    const marker = screen.getByTestId('acute-marker');
    expect(marker).toHaveAccessibleName(/^Rode vlag ?: mogelijk acute onveiligheid, de details staan op het tabblad Overzicht$/);
    await user.click(screen.getByTestId('tab-gesprekken'));
    expect(screen.getByTestId('acute-marker')).toBeInTheDocument();
    await user.click(screen.getByTestId('acute-marker'));
    expect(await screen.findByTestId('acute-banner')).toHaveTextContent('Mogelijk acute onveiligheid');
  });

  it('starts a separate conversation with an adult in one click, with nothing of the others on screen', async () => {
    const { user } = await openPractice();
    const button = screen.getAllByTestId('start-conversation').find((b) => b.textContent?.includes('Mark'))!;
    await user.click(button);
    expect(await screen.findByTestId('conversation-mode')).toHaveTextContent('Mark');
    expect(screen.queryByTestId('acute-marker')).toBeNull();
  });

  it('a child gets the pre-check before the conversation', async () => {
    const { user } = await openPractice();
    const button = screen.getAllByTestId('start-conversation').find((b) => b.textContent?.includes('Daan'))!;
    await user.click(button);
    expect(await screen.findByTestId('precheck-form')).toHaveTextContent('Daan');
    expect(screen.queryByTestId('conversation-mode')).toBeNull();
  });

  it('from the case list, "Gesprek beginnen" opens the neutral page with the focus on the first person', async () => {
    const { user } = await renderUnlocked();
    await user.click(screen.getByTestId('practice-case'));
    await screen.findByTestId('start-section');
    await user.click(screen.getByTestId('case-back'));
    await user.click(await screen.findByTestId('case-start-conversation'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId('start-conversation')[0]));
  });

  it('after an automatic lock in a conversation, unlocking returns to that conversation', async () => {
    const { user, fake } = await openPractice();
    const button = screen.getAllByTestId('start-conversation').find((b) => b.textContent?.includes('Sanne'))!;
    await user.click(button);
    await screen.findByTestId('conversation-mode');
    fake.simulateLock('idle');
    expect(screen.queryByTestId('conversation-mode')).toBeNull();
    await user.type(await screen.findByTestId('unlock-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('conversation-mode')).toHaveTextContent('Sanne');
    expect(screen.getByTestId('app-status')).toHaveTextContent('terug in het gesprek');
  });

  it('after a manual lock, unlocking shows the case list, not the conversation', async () => {
    const { user } = await openPractice();
    const button = screen.getAllByTestId('start-conversation').find((b) => b.textContent?.includes('Sanne'))!;
    await user.click(button);
    await screen.findByTestId('conversation-mode');
    screen.getByTestId('btn-lock').click();
    await user.type(await screen.findByTestId('unlock-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('unlock-submit'));
    await screen.findByTestId('case-list');
    expect(screen.queryByTestId('conversation-mode')).toBeNull();
  });
});
