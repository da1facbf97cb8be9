// The message catalogues (messages/en.json, messages/es.json) kept in step, and the words, plurals,
// dates and times they make in both languages.
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import { m } from '../paraglide/messages.js';
import { language } from './i18n.svelte';
import { formatDay, formatTime, meetingWhen, relativeLabel, weekdayNames } from './time';
import { changeSentences, clockTime, yourMeeting, zoneShiftSentence } from './notices';
import { elapsedWords, milestoneWords } from './people';
import { leadLabel } from './labels';
import { count } from './people.fixtures';

/** A catalogue entry: a text, or variants with their declarations. */
type Entry = string | { declarations?: string[]; selectors?: string[]; match: Record<string, string> }[];
type Catalogue = Record<string, Entry>;

const catalogues: Record<'en' | 'es', Catalogue> = { en: en as Catalogue, es: es as Catalogue };

function keys(catalogue: Catalogue): string[] {
  return Object.keys(catalogue).filter((k) => k !== '$schema');
}

/** The names in `{name}` placeholders. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\s*([A-Za-z_]\w*)\s*\}/g)].map((found) => found[1]!);
}

/** What a message takes: its placeholders, or for one with variants its declared inputs. */
function inputs(entry: Entry): string[] {
  if (typeof entry === 'string') return [...new Set(placeholders(entry))].sort();
  const declared = entry.flatMap((message) => message.declarations ?? []);
  return [...new Set(declared.filter((d) => d.startsWith('input ')).map((d) => d.slice('input '.length).trim()))].sort();
}

/** The texts of a message, one per variant. */
function texts(entry: Entry): string[] {
  return typeof entry === 'string' ? [entry] : entry.flatMap((message) => Object.values(message.match));
}

describe('message catalogues', () => {
  it('have every key in both languages', () => {
    const missingInSpanish = keys(catalogues.en).filter((k) => !(k in catalogues.es));
    const missingInEnglish = keys(catalogues.es).filter((k) => !(k in catalogues.en));
    expect(missingInSpanish, 'keys missing from messages/es.json').toEqual([]);
    expect(missingInEnglish, 'keys missing from messages/en.json').toEqual([]);
  });

  it('take the same inputs for the same key in both languages', () => {
    const differ = keys(catalogues.en)
      .filter((k) => k in catalogues.es)
      .filter((k) => inputs(catalogues.en[k]!).join() !== inputs(catalogues.es[k]!).join())
      .map((k) => `${k}: en {${inputs(catalogues.en[k]!).join(', ')}}, es {${inputs(catalogues.es[k]!).join(', ')}}`);
    expect(differ).toEqual([]);
  });

  it('use in each variant only what the message declares, and never an empty text', () => {
    const problems: string[] = [];
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      for (const key of keys(catalogue)) {
        const entry = catalogue[key]!;
        const known = new Set(inputs(entry));
        if (typeof entry !== 'string') {
          for (const d of entry.flatMap((message) => message.declarations ?? [])) {
            const local = /^local\s+(\w+)\s*=/.exec(d);
            if (local) known.add(local[1]!);
          }
        }
        for (const text of texts(entry)) {
          if (text.trim() === '') problems.push(`${lang} ${key}: empty`);
          for (const name of placeholders(text)) if (!known.has(name)) problems.push(`${lang} ${key}: {${name}} is not declared`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('give every plural a "one" and an "other" form in both languages', () => {
    const problems: string[] = [];
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      for (const key of keys(catalogue)) {
        const entry = catalogue[key]!;
        if (typeof entry === 'string') continue;
        for (const message of entry) {
          const plurals = (message.declarations ?? []).filter((d) => /:\s*plural\b/.test(d)).map((d) => /^local\s+(\w+)/.exec(d)![1]!);
          for (const selector of plurals) {
            const cases = Object.keys(message.match).flatMap((when) => when.split(',').map((part) => part.trim()));
            const other = cases.some((c) => c === `${selector}=other` || c === `${selector}=*`);
            if (!other) problems.push(`${lang} ${key}: ${selector} has no "other" (or "*") variant`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keep to the Spanish glossary (docs/style-es.md)', () => {
    const avoided = /\b(Ajustes|añadir|añade|ordenador|móvil|vídeo|usted|vosotros|adicto|recaída|fracaso)\b/i;
    const found = keys(catalogues.es).flatMap((k) => texts(catalogues.es[k]!).filter((t) => avoided.test(t)).map((t) => `${k}: ${t}`));
    expect(found).toEqual([]);
    expect(m.nav_settings(undefined, { locale: 'es' })).toBe('Configuración');
    expect(m.nav_schedule(undefined, { locale: 'es' })).toBe('Agenda');
    expect(m.settings_language(undefined, { locale: 'es' })).toBe('Idioma');
  });

  it('have a pseudo-locale with every text marked and its placeholders kept', () => {
    expect(m.nav_today(undefined, { locale: 'qps' })).toMatch(/^⟦Tódáý ·+⟧$/);
    const two = m.meetings_count({ count: 2 }, { locale: 'qps' });
    expect(two).toMatch(/^⟦2 méétíngs ·+⟧$/);
    expect(m.meetings_count({ count: 1 }, { locale: 'qps' })).toMatch(/^⟦1 méétíng ·+⟧$/);
    expect(m.today_error({ error: 'disk I/O' }, { locale: 'qps' })).toContain('disk I/O');
  });
});

/** Shows Spanish with the device in `region` (jsdom's own device is en-US). */
function spanish(region = 'US') {
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(`es-${region}`);
  language.apply('es');
}

describe('words in both languages', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    language.apply('en');
  });

  it('count in the plural forms of each language', () => {
    expect(m.meetings_count({ count: 1 })).toBe('1 meeting');
    expect(m.meetings_count({ count: 2 })).toBe('2 meetings');
    expect(m.meetings_count({ count: 0 })).toBe('0 meetings');
    spanish();
    expect(language.locale).toBe('es');
    expect(m.meetings_count({ count: 1 })).toBe('1 reunión');
    expect(m.meetings_count({ count: 2 })).toBe('2 reuniones');
    expect(m.meetings_count({ count: 0 })).toBe('0 reuniones');
    expect(m.groups_count({ count: 1 })).toBe('1 grupo');
    expect(m.people_contacts_add({ count: 3 })).toBe('Agregar 3 personas');
    expect(milestoneWords({ unit: 'months', count: 1 })).toBe('1 mes');
    expect(milestoneWords({ unit: 'years', count: 2 })).toBe('2 años');
    expect(elapsedWords(count(30))).toBe('30 días');
    expect(elapsedWords(count(468, 1, 3, 12))).toMatch(/^1 año, 3 meses,? y 12 días$/);
    expect(leadLabel(60)).toBe('1 hora antes');
    expect(leadLabel(1440)).toBe('1 día antes');
    expect(leadLabel(15)).toBe('15 minutos antes');
  });

  it('write dates and times the way the language and region do', () => {
    expect(formatDay('2026-12-02')).toBe('Wednesday, December 2');
    expect(formatTime('2026-12-02T19:00:00Z', 'UTC')).toMatch(/^7:00\sPM$/);

    spanish('US');
    expect(language.intl).toBe('es-US');
    expect(formatDay('2026-12-02')).toBe('miércoles, 2 de diciembre');
    expect(formatTime('2026-12-02T19:00:00Z', 'UTC')).toMatch(/^7:00\sp\.\s?m\.$/);
    expect(clockTime('13:05')).toMatch(/^1:05\sp\.\s?m\.$/);
    expect(weekdayNames()[3]).toBe('Miércoles');

    language.apply('en');
    spanish('ES');
    expect(language.intl).toBe('es-ES');
    expect(formatDay('2026-12-02')).toBe('miércoles, 2 de diciembre');
    expect(formatTime('2026-12-02T19:00:00Z', 'UTC')).toBe('19:00');
  });

  it('say when a meeting meets, with "a la" for one o’clock', () => {
    const weekly = { weekdays: [2, 4], date: null, start_time: '19:00', duration_minutes: 60 };
    expect(meetingWhen(weekly)).toBe('Tuesday, Thursday at 19:00');
    expect(meetingWhen(weekly, 'long')).toBe('Every Tuesday, Thursday at 19:00 for 60 minutes');
    spanish();
    expect(meetingWhen(weekly)).toBe('martes y jueves a las 19:00');
    expect(meetingWhen(weekly, 'long')).toBe('Cada martes y jueves a las 19:00, durante 60 minutos');
    expect(meetingWhen({ ...weekly, weekdays: [0], start_time: '01:00', duration_minutes: 1 }, 'long')).toBe('Cada domingo a la 01:00, durante 1 minuto');
    expect(meetingWhen({ ...weekly, date: '2026-12-24' })).toBe('jue, 24 de dic a las 19:00');
    expect(meetingWhen({ ...weekly, start_time: null })).toBe('Con cita previa');
  });

  it('say how soon a meeting starts', () => {
    const now = new Date('2026-11-26T18:35:00Z');
    spanish();
    expect(relativeLabel('2026-11-26T19:00:00Z', '2026-11-26T20:00:00Z', now)).toBe('empieza en 25 min');
    expect(relativeLabel('2026-11-26T20:00:00Z', '2026-11-26T21:00:00Z', now)).toBe('empieza en 1 h 25 min');
    expect(relativeLabel('2026-11-26T18:00:00Z', '2026-11-26T19:00:00Z', now)).toBe('en curso');
    expect(relativeLabel('2026-11-26T17:00:00Z', '2026-11-26T18:00:00Z', now)).toBe('terminó');
  });

  it('say what changed for a meeting in Spanish', () => {
    spanish();
    expect(yourMeeting('Serenity', [2])).toBe('Tu reunión “Serenity” del martes');
    expect(yourMeeting('Martes de Serenidad', [2])).toBe('Tu reunión “Martes de Serenidad”');
    const [starts, days, attendance] = changeSentences({
      name: 'Serenity',
      weekdays: [2],
      kind: 'changed',
      changes: [
        { field: 'start_time', before: '13:00', after: '19:30' },
        { field: 'weekdays', before: [1], after: [2, 4] },
        { field: 'attendance', before: 'in_person', after: 'hybrid' },
      ],
    });
    expect(starts).toMatch(/^Tu reunión “Serenity” del martes ahora empieza a las 7:30\sp\.\s?m\., no a la 1:00\sp\.\s?m\.$/);
    expect(days).toBe('Tu reunión “Serenity” del martes ahora se reúne cada martes y jueves, no cada lunes.');
    expect(attendance).toBe('Tu reunión “Serenity” del martes ahora es en persona y en línea, no en persona.');
    const shift = zoneShiftSentence({
      meeting_id: 1,
      name: 'Big Book',
      meeting_time_zone: 'Europe/London',
      from: '2026-03-08',
      until: '2026-03-28',
      usual_time: '11:00',
      shifted_time: '12:00',
    });
    expect(shift).toMatch(/^Del 8 de marzo al 28 de marzo, tu reunión “Big Book” de London es a las 12:00\sp\.\s?m\. en tu hora, no a las 11:00\sa\.\s?m\./);
  });
});
