import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import Guidance from '../Guidance.svelte';
import { parseHash, router } from '../../lib/router.svelte';

const crisis = {
  slug: 'crisis',
  title: 'If you need help now',
  html: '<p>Call <a href="tel:988" data-external="true" rel="noopener noreferrer">988</a>.</p>',
  toc: [],
  previous: null,
  next: null,
};

const checklist = {
  title: 'Is now a good time?',
  intro: 'Tick anything that feels true today.',
  signs: [
    { id: 'hard-alone', text: 'Staying sober on my own feels hard right now.' },
    { id: 'family', text: 'Someone I love is struggling, and I need support too.' },
  ],
  closing: 'This is not a test or a verdict.',
};

const whenToJoin = {
  slug: 'when-to-join',
  title: 'When to join a group',
  html:
    '<p>There is no right time. See <a href="#/guidance/family-and-friends">family</a> or ' +
    '<a href="https://example.org/" data-external="true" rel="noopener noreferrer">a website</a>.</p>\n' +
    '<h2 id="signs">Signs</h2>\n<p>Some signs.</p>\n<h2 id="try-the-checklist">Try the checklist</h2>\n<p>Try it.</p>',
  toc: [
    { id: 'signs', text: 'Signs', level: 2 },
    { id: 'try-the-checklist', text: 'Try the checklist', level: 2 },
  ],
  previous: { slug: 'what-is-peer-support', title: 'What is peer support?', summary: '' },
  next: { slug: 'benefits', title: 'How a group can help', summary: '' },
};

type Call = { cmd: string; args: Record<string, unknown> };
let calls: Call[];

function mockGuidance(extra: (cmd: string, args: Record<string, unknown>) => unknown = () => undefined) {
  calls = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const answer = extra(cmd, a);
    if (answer !== undefined) return answer;
    if (cmd === 'guidance_page' && a.slug === 'crisis') return crisis;
    if (cmd === 'guidance_page' && a.slug === 'when-to-join') return whenToJoin;
    if (cmd === 'guidance_page') throw { kind: 'not_found', message: `The guidance page "${a.slug}" was not found`, field: null };
    if (cmd === 'guidance_checklist') return checklist;
    if (cmd === 'guidance_index') {
      return [
        { slug: 'what-is-peer-support', title: 'What is peer support?', summary: 'A peer support group meets regularly.' },
        { slug: 'when-to-join', title: 'When to join a group', summary: 'There is no right or wrong time.' },
      ];
    }
    if (cmd === 'guidance_search') {
      return a.query === 'family'
        ? [{ slug: 'family-and-friends', title: 'Groups for family and friends', heading_id: 'getting-started', snippet: 'For family.' }]
        : [];
    }
  });
}

beforeEach(() => router.replace('#/guidance'));
afterEach(() => {
  cleanup();
  clearMocks();
});

describe('Guidance checklist', () => {
  it('sends the ticked sign and shows the gentle next steps with their links', async () => {
    mockGuidance((cmd) => {
      if (cmd === 'guidance_next_steps') {
        return [
          {
            text: 'There are groups just for family and friends.',
            link: { label: 'Groups for families and friends', href: '#/groups?for=family' },
          },
          { text: 'Add a meeting to your schedule.', link: null },
        ];
      }
    });
    render(Guidance, { route: parseHash('#/guidance/checklist') });

    const family = (await screen.findByTestId('checklist-sign-family')) as HTMLInputElement;
    expect(screen.getByLabelText('Someone I love is struggling, and I need support too.')).toBe(family);
    await fireEvent.click(family);
    expect(family.checked).toBe(true);
    await fireEvent.click(screen.getByTestId('checklist-submit'));

    expect(await screen.findByText('There are groups just for family and friends.')).toBeTruthy();
    const nextSteps = calls.filter((c) => c.cmd === 'guidance_next_steps');
    expect(nextSteps).toHaveLength(1);
    expect(nextSteps[0]!.args).toEqual({ ticked: ['family'] });
    const link = screen.getByRole('link', { name: 'Groups for families and friends' });
    expect(link.getAttribute('href')).toBe('#/groups?for=family');
    expect(screen.getByTestId('next-steps').textContent).toContain('Add a meeting to your schedule.');
    expect(screen.getByText('This is not a test or a verdict.')).toBeTruthy();
    expect(screen.getByTestId('crisis').textContent).toContain('988');

    // Changing an answer hides the steps until they are asked for again.
    await fireEvent.click(screen.getByTestId('checklist-sign-hard-alone'));
    expect(screen.queryByText('There are groups just for family and friends.')).toBeNull();
  });

  it('asks with nothing ticked too', async () => {
    mockGuidance((cmd) => (cmd === 'guidance_next_steps' ? [{ text: 'That is fine.', link: null }] : undefined));
    render(Guidance, { route: parseHash('#/guidance/checklist') });
    await fireEvent.click(await screen.findByTestId('checklist-submit'));
    expect(await screen.findByText('That is fine.')).toBeTruthy();
    expect(calls.find((c) => c.cmd === 'guidance_next_steps')!.args).toEqual({ ticked: [] });
  });
});

describe('Guidance index', () => {
  it('lists the topics, links to the checklist, shows the crisis card and searches', async () => {
    mockGuidance();
    render(Guidance);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Guidance');
    const topic = await screen.findByTestId('guidance-topic-when-to-join');
    expect(topic.getAttribute('href')).toBe('#/guidance/when-to-join');
    expect(screen.getByTestId('guidance-checklist-link').getAttribute('href')).toBe('#/guidance/checklist');
    await waitFor(() => expect(screen.getByTestId('crisis').textContent).toContain('988'));

    const search = screen.getByLabelText('Search guidance');
    await fireEvent.input(search, { target: { value: 'family' } });
    const hit = await screen.findByTestId('guidance-hit-family-and-friends');
    expect(hit.getAttribute('href')).toBe('#/guidance/family-and-friends?section=getting-started');
    expect(screen.getByRole('status').textContent).toContain('1 page matches');
    expect(calls.find((c) => c.cmd === 'guidance_search')!.args).toEqual({ query: 'family' });
    expect(screen.queryByTestId('guidance-topic-when-to-join')).toBeNull();
  });
});

describe('Guidance page', () => {
  it('shows the title, contents and neighbours, and opens only external links in the system', async () => {
    mockGuidance((cmd) => (cmd === 'plugin:opener|open_url' ? null : undefined));
    render(Guidance, { route: parseHash('#/guidance/when-to-join') });
    expect((await screen.findByTestId('guidance-title')).textContent).toBe('When to join a group');
    expect(screen.getByTestId('guidance-previous').getAttribute('href')).toBe('#/guidance/what-is-peer-support');
    expect(screen.getByTestId('guidance-next').getAttribute('href')).toBe('#/guidance/benefits');

    // A contents link scrolls within the page; it never becomes an anchor in the hash route.
    const toc = screen.getByRole('navigation', { name: 'On this page' });
    const entry = toc.querySelector('a')!;
    expect(entry.textContent?.trim()).toBe('Signs');
    await fireEvent.click(entry);
    expect(location.hash).toBe('#/guidance/when-to-join?section=signs');
    expect(document.activeElement?.id).toBe('signs');

    // External links go to the system's browser; in-app links are left to the hash router.
    const content = screen.getByTestId('guidance-content');
    const external = content.querySelector<HTMLAnchorElement>('a[data-external]')!;
    const clicked = new MouseEvent('click', { bubbles: true, cancelable: true });
    external.dispatchEvent(clicked);
    expect(clicked.defaultPrevented).toBe(true);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'plugin:opener|open_url')).toBe(true));
    expect(calls.find((c) => c.cmd === 'plugin:opener|open_url')!.args).toMatchObject({ url: 'https://example.org/' });

    const inApp = content.querySelector<HTMLAnchorElement>('a[href="#/guidance/family-and-friends"]')!;
    const followed = new MouseEvent('click', { bubbles: true, cancelable: true });
    inApp.dispatchEvent(followed);
    expect(followed.defaultPrevented).toBe(false);
    await waitFor(() => expect(location.hash).toBe('#/guidance/family-and-friends'));
    expect(calls.filter((c) => c.cmd === 'plugin:opener|open_url')).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('crisis').textContent).toContain('988'));
  });

  it('says kindly when a page is not there, and still shows the crisis card', async () => {
    mockGuidance();
    render(Guidance, { route: parseHash('#/guidance/nope') });
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('This page is not here');
    await waitFor(() => expect(screen.getByTestId('crisis').textContent).toContain('988'));
  });

  it('shows the crisis page once, as the page itself', async () => {
    mockGuidance();
    render(Guidance, { route: parseHash('#/guidance/crisis') });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('If you need help now');
    expect(screen.getAllByTestId('crisis')).toHaveLength(1);
    expect(calls.filter((c) => c.cmd === 'guidance_page')).toHaveLength(0);
    expect(screen.queryByRole('navigation', { name: 'More guidance' })).toBeNull();
  });
});
