import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import ContactsImport from './ContactsImport.svelte';

afterEach(() => {
  cleanup();
  clearMocks();
});

describe('ContactsImport', () => {
  it('previews a vCard file and adds only the contacts left ticked', async () => {
    const added: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === 'plugin:dialog|open') return '/home/me/contacts.vcf';
      if (cmd === 'preview_contacts')
        return {
          contacts: [
            { name: 'Sam', phones: ['+1 555 010 2030'], email: null, note: null },
            { name: 'Zoë', phones: ['555 0101'], email: null, note: null },
          ],
          skipped: [{ index: 2, name: 'Pat', message: 'This contact has no phone number.' }],
        };
      if (cmd === 'add_contacts') {
        added.push(...(args as { contacts: unknown[] }).contacts);
        return 1;
      }
    });
    const onadded = vi.fn();
    render(ContactsImport, { props: { onadded } });
    await fireEvent.click(screen.getByTestId('contacts-choose'));
    expect(await screen.findByText('2 contacts in the file')).toBeTruthy();
    expect(screen.getByText('Pat: This contact has no phone number.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('checkbox', { name: /Zoë/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Add 1 person' }));
    expect(await screen.findByText('1 person added.')).toBeTruthy();
    expect(added).toEqual([{ name: 'Sam', phones: ['+1 555 010 2030'], email: null, note: null }]);
    expect(onadded).toHaveBeenCalled();
  });
});
