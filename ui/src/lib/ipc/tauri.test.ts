// The Tauri backend must call the exact command names with the exact camelCase
// argument keys that src-tauri registers, and turn rejections into BackendError.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
const listen = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: (...args: unknown[]) => listen(...args) }));

const { createTauriBackend } = await import('./tauri');
const { BackendError } = await import('./errors');

const input = { role: 'child', name: 'K', year_of_birth: null, gender: null, lives_in_household: true, notes: '' } as const;
const relation = { from: 'p1', to: 'p2', kind: { kind: 'partner_of' } } as const;
const settings = { autoLockMinutes: 5, language: 'nl' } as const;

describe('tauri backend', () => {
  beforeEach(() => {
    invoke.mockReset();
    invoke.mockResolvedValue(undefined);
    listen.mockReset();
  });

  it.each([
    ['vaultStatus', [], 'vault_status', undefined],
    ['passphraseStrength', ['pp'], 'passphrase_strength', { passphrase: 'pp' }],
    ['vaultCreate', ['pp'], 'vault_create', { passphrase: 'pp' }],
    ['vaultUnlock', ['pp'], 'vault_unlock', { passphrase: 'pp' }],
    ['vaultRecover', ['key', 'pp'], 'vault_recover', { recoveryKey: 'key', newPassphrase: 'pp' }],
    ['vaultLock', [], 'vault_lock', undefined],
    ['vaultChangePassphrase', ['a', 'b'], 'vault_change_passphrase', { oldPassphrase: 'a', newPassphrase: 'b' }],
    ['activity', [], 'activity', undefined],
    ['settingsGet', [], 'settings_get', undefined],
    ['settingsSet', [settings], 'settings_set', { settings }],
    ['casesList', [], 'cases_list', undefined],
    ['caseCreate', ['Gezin A.'], 'case_create', { label: 'Gezin A.' }],
    ['caseRename', ['c1', 'Gezin B.'], 'case_rename', { caseId: 'c1', label: 'Gezin B.' }],
    ['caseDelete', ['c1'], 'case_delete', { caseId: 'c1' }],
    ['householdGet', ['c1'], 'household_get', { caseId: 'c1' }],
    ['personAdd', ['c1', input], 'person_add', { caseId: 'c1', input }],
    ['personUpdate', ['p1', input], 'person_update', { personId: 'p1', input }],
    ['personDelete', ['p1'], 'person_delete', { personId: 'p1' }],
    ['relationAdd', ['c1', relation], 'relation_add', { caseId: 'c1', input: relation }],
    ['relationDelete', ['r1'], 'relation_delete', { relationId: 'r1' }],
    ['contentGet', [], 'content_get', undefined],
    ['caseSetPhase', ['c1', 'herstel'], 'case_set_phase', { caseId: 'c1', phase: 'herstel' }],
    ['conversationsList', ['c1'], 'conversations_list', { caseId: 'c1' }],
    ['conversationStart', ['c1', ['p1', 'p2'], 'g', 'r', 'j'], 'conversation_start',
      { caseId: 'c1', participants: ['p1', 'p2'], guideId: 'g', jointReason: 'r', safetyJustification: 'j' }],
    ['jointCheck', ['c1', ['p1', 'p2']], 'joint_check', { caseId: 'c1', participants: ['p1', 'p2'] }],
    ['conversationOpen', ['v1'], 'conversation_open', { conversationId: 'v1' }],
    ['conversationEnd', ['v1', 'n'], 'conversation_end', { conversationId: 'v1', notes: 'n' }],
    ['answerSave', ['v1', 'q', { type: 'text', text: 'x' }, { kind: 'everyone' }], 'answer_save',
      { conversationId: 'v1', questionId: 'q', value: { type: 'text', text: 'x' }, confidential: { kind: 'everyone' } }],
    ['precheckSave', [{ child_id: 'k' }], 'precheck_save', { precheck: { child_id: 'k' } }],
    ['behavioursList', ['c1'], 'behaviours_list', { caseId: 'c1' }],
    ['behaviourSave', [{ id: 'r' }], 'behaviour_save', { record: { id: 'r' } }],
    ['behaviourTrash', ['r1'], 'behaviour_trash', { recordId: 'r1' }],
    ['behaviourRestore', ['r1'], 'behaviour_restore', { recordId: 'r1' }],
    ['behavioursTrashList', ['c1'], 'behaviours_trash_list', { caseId: 'c1' }],
    ['analysisGet', ['c1'], 'analysis_get', { caseId: 'c1' }],
    ['judgementSave', ['c1', { id: 'j' }], 'judgement_save', { caseId: 'c1', judgement: { id: 'j' } }],
    ['acuteDecisionSave', ['c1', { id: 'd' }], 'acute_decision_save', { caseId: 'c1', decision: { id: 'd' } }],
    ['meldcodeList', ['c1'], 'meldcode_list', { caseId: 'c1' }],
    ['meldcodeSave', [{ id: 'e' }], 'meldcode_save', { entry: { id: 'e' } }],
    ['meldcodeStatus', ['c1'], 'meldcode_status', { caseId: 'c1' }],
    ['planGet', ['c1'], 'plan_get', { caseId: 'c1' }],
    ['planSave', [{ id: 'p' }], 'plan_save', { plan: { id: 'p' } }],
    ['planCheck', [{ id: 'p' }], 'plan_check', { plan: { id: 'p' } }],
    ['planPreview', ['c1', { kind: 'professional' }], 'plan_preview', { caseId: 'c1', audience: { kind: 'professional' } }],
    ['planExportPdf', ['c1', { kind: 'child', person: 'k' }], 'plan_export_pdf', { caseId: 'c1', audience: { kind: 'child', person: 'k' } }],
    ['planFreeze', ['c1'], 'plan_freeze', { caseId: 'c1' }],
    ['printPage', [], 'print_page', {}],
    ['planVersions', ['c1'], 'plan_versions', { caseId: 'c1' }],
  ] as const)('%s calls %s', async (method, args, command, expected) => {
    const backend = createTauriBackend() as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    await backend[method]!(...args);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith(command, expected);
  });

  it('turns an error payload into a BackendError with code and message', async () => {
    invoke.mockRejectedValue({ code: 'wrong_passphrase', message: 'De wachtwoordzin klopt niet.' });
    const error = await createTauriBackend()
      .vaultUnlock('x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'wrong_passphrase', message: 'De wachtwoordzin klopt niet.' });
  });

  it('turns anything else into an internal error without echoing it', async () => {
    invoke.mockRejectedValue('some raw text');
    const error = await createTauriBackend()
      .casesList()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'internal' });
    expect((error as Error).message).not.toContain('some raw text');
  });

  it('listens to vault-locked and passes the payload on', async () => {
    const unlisten = vi.fn();
    listen.mockImplementation(async (_name: string, cb: (e: { payload: unknown }) => void) => {
      cb({ payload: { reason: 'idle' } });
      return unlisten;
    });
    const seen: unknown[] = [];
    const unsubscribe = await createTauriBackend().onVaultLocked((p) => seen.push(p));
    expect(listen).toHaveBeenCalledWith('vault-locked', expect.any(Function));
    expect(seen).toEqual([{ reason: 'idle' }]);
    unsubscribe();
    expect(unlisten).toHaveBeenCalled();
  });
});
