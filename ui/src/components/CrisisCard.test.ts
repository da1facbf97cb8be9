import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import CrisisCard from './CrisisCard.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('CrisisCard', () => {
  it('offers the three lines as buttons with the number in the label and the link', () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
    });
    render(CrisisCard);
    const call988 = screen.getByRole('link', { name: 'Call 988' });
    expect(call988.getAttribute('href')).toBe('tel:988');
    expect(call988.classList.contains('button')).toBe(true);
    expect(screen.getByRole('link', { name: 'Text 988' }).getAttribute('href')).toBe('sms:988');
    expect(screen.getByRole('link', { name: 'Call 1-800-662-4357' }).getAttribute('href')).toBe('tel:+18006624357');
    const card = screen.getByTestId('crisis').textContent ?? '';
    expect(card).toContain('911');
    expect(card).toContain('TTY: 1-800-487-4889');
    expect(card).toContain('not a crisis line');
    expect(card).toContain('Spanish');
    expect(screen.getByTestId('crisis-overdose').getAttribute('href')).toBe('#/guidance/overdose');
    expect(calls, 'it reads no data, so it shows on a lock screen too').toEqual([]);
  });

  it('keeps the number in view when no app can dial', async () => {
    mockIPC((cmd) => {
      if (cmd === 'plugin:opener|open_url') throw 'no handler for tel:';
    });
    render(CrisisCard);
    await fireEvent.click(screen.getByRole('link', { name: 'Call 1-800-662-4357' }));
    expect((await screen.findByRole('alert')).textContent).toContain('dial 1-800-662-4357 yourself');
  });
});
