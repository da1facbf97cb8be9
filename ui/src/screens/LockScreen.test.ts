import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import LockScreen from './LockScreen.svelte';
import type { LockStatus } from '../lib/api';

const status: LockStatus = {
  enabled: true,
  kind: 'pin',
  locked: true,
  auto_lock_minutes: 1,
  wait_seconds: 0,
  unreadable_files: 0,
  theme: 'system',
  language: 'en',
};

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('LockScreen', () => {
  it('asks only for the PIN, shows the core’s answer, and keeps the crisis lines one tap away', async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === 'unlock') throw { kind: 'invalid_input', message: 'That PIN is not right.', field: 'pin' };
    });
    render(LockScreen, { status });
    const pin = screen.getByLabelText('PIN');
    expect(pin.getAttribute('type')).toBe('password');
    await fireEvent.input(pin, { target: { value: '111111' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByText('That PIN is not right.')).id).toBe('unlock-error');
    expect(calls.filter((c) => c.cmd === 'unlock')).toEqual([{ cmd: 'unlock', args: { pin: '111111' } }]);
    expect(calls.every((c) => c.cmd === 'unlock'), 'nothing else is asked for').toBe(true);

    expect(screen.queryByTestId('crisis')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Need help now?' }));
    expect(screen.getByTestId('crisis').textContent).toContain('988');
  });

  it('erases only after ERASE is typed', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
    });
    render(LockScreen, { status });
    await fireEvent.click(screen.getByTestId('erase'));
    const confirm = screen.getByTestId('confirm-erase') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('erase-confirmation'), { target: { value: 'erase' } });
    expect(confirm.disabled, 'the word as shown').toBe(true);
    await fireEvent.input(screen.getByTestId('erase-confirmation'), { target: { value: 'ERASE' } });
    expect(confirm.disabled).toBe(false);
    await fireEvent.click(confirm);
    expect(await screen.findByText(/Everything was erased/)).toBeTruthy();
    expect(calls).toEqual(['erase_all_data']);
  });
});
