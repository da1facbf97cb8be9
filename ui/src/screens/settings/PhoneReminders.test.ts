import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import PhoneReminders from './PhoneReminders.svelte';
import type { ReminderStatus } from '../../lib/api';

afterEach(() => {
  cleanup();
  clearMocks();
});

const granted: ReminderStatus = {
  notifications_available: true,
  problem: null,
  next_due: null,
  phone: { permission: 'granted', exact_alarms: true },
};

describe('PhoneReminders', () => {
  it('says why before it asks, and asks only when the button is pressed', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === 'allow_reminders') return granted;
    });
    let latest: ReminderStatus | null = null;
    render(PhoneReminders, {
      phone: { permission: 'ask', exact_alarms: true },
      onchange: (status: ReminderStatus) => (latest = status),
    });
    expect(screen.getByTestId('phone-reminders-ask').textContent).toContain('nothing is sent anywhere');
    expect(calls, 'nothing asked before the button').toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Allow reminders' }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['allow_reminders']);
    expect(latest).toEqual(granted);
  });

  it('after a no, says where to turn notifications on, and asks nothing', () => {
    mockIPC(() => undefined);
    render(PhoneReminders, { phone: { permission: 'denied', exact_alarms: true }, onchange: () => {} });
    expect(screen.getByRole('alert').textContent).toContain("phone's settings");
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('when exact alarms are not allowed, says reminders may be late and opens the system page', async () => {
    const calls: string[] = [];
    mockIPC((cmd) => void calls.push(cmd));
    render(PhoneReminders, { phone: { permission: 'granted', exact_alarms: false }, onchange: () => {} });
    expect(screen.getByTestId('phone-reminders-late').textContent).toContain('a few minutes late');
    await fireEvent.click(screen.getByRole('button', { name: 'Allow exact alarms' }));
    expect(calls).toEqual(['open_alarm_settings']);
  });

  it('shows nothing when the phone allows everything', () => {
    mockIPC(() => undefined);
    const { container } = render(PhoneReminders, { phone: granted.phone!, onchange: () => {} });
    expect(container.textContent?.trim()).toBe('');
  });
});
