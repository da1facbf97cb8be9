import { afterEach, describe, expect, it } from 'vitest';
import page from '../index.html?raw';

/** The classic (non-module, inline) scripts of `index.html`, which run before the app's code. */
function inlineScripts(): string[] {
  return [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
}

describe('the page that loads the app', () => {
  it('has the date warm-up script', () => {
    expect(inlineScripts().join('\n')).toContain('Intl.DateTimeFormat');
  });

  // A session without a locale (LANG=C) reports its language as "C", which Intl refuses; an
  // uncaught error there would stop the warm-up, and be logged at every start.
  it.each(['C', 'en-US', 'es-ES', ''])('runs without an error when the language is %j', (language) => {
    for (const script of inlineScripts()) {
      const run = new Function('navigator', script);
      expect(() => run({ language })).not.toThrow();
    }
  });

  describe('the desktop font the shell names', () => {
    function runWithFont(font: string | null): string {
      if (font !== null) {
        const meta = document.createElement('meta');
        meta.name = 'desktop-font';
        meta.content = font;
        document.head.append(meta);
      }
      for (const script of inlineScripts()) new Function('navigator', script)({ language: 'en-US' });
      return document.documentElement.style.fontFamily;
    }

    afterEach(() => {
      document.head.querySelectorAll('meta[name="desktop-font"]').forEach((meta) => meta.remove());
      document.documentElement.style.fontFamily = '';
    });

    it('is the page font, with a generic family behind it', () => {
      expect(runWithFont('Cantarell')).toBe('"Cantarell", sans-serif');
    });

    it('leaves the style sheet\'s font when there is none', () => {
      expect(runWithFont(null)).toBe('');
    });

    it('stays one quoted name whatever it holds', () => {
      expect(() => runWithFont('Odd", serif; color: red; x:"')).not.toThrow();
      expect(document.documentElement.style.fontFamily).toContain('sans-serif');
    });
  });
});
