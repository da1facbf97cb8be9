import { describe, expect, it } from 'vitest';
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
});
