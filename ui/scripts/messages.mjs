// Compiles the UI's message catalogues (messages/<locale>.json) into typed functions in
// src/paraglide/, with Paraglide. The inlang plugin that reads the catalogues is loaded from
// node_modules and handed to the project directly: project.inlang lists no modules, so nothing is
// fetched from a CDN at build time (Paraglide's default does, which fails offline). Any problem
// (an unreadable catalogue, a missing plugin, no messages) fails the build.
//
// Before compiling, it writes the pseudo-locale `qps` (messages/qps.json, generated, not kept in
// git) from English: every text wrapped in ⟦ ⟧, its vowels accented and padded about 30% longer,
// with placeholders and plural variants left as they are. Shown with
// `window.homegroupShowLocale('qps')`, it makes text that is not from the catalogues, and layouts
// that break with longer words, easy to spot. It is never offered in Settings → Language.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProjectFromDirectory } from '@inlang/sdk';
import { compileProject } from '@inlang/paraglide-js';
import messageFormat from '@inlang/plugin-message-format';

const ui = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.join(ui, 'src', 'paraglide');

function fail(message) {
  console.error(`messages: ${message}`);
  process.exit(1);
}

const ACCENTS = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', y: 'ý', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', Y: 'Ý' };

/** One text pseudo-localised; `{…}` placeholders are kept exactly. */
function pseudo(text) {
  const parts = text.split(/(\{[^{}]*\})/);
  let length = 0;
  const accented = parts
    .map((part) => {
      if (/^\{[^{}]*\}$/.test(part)) return part;
      length += part.length;
      return part.replace(/[aeiouyAEIOUY]/g, (c) => ACCENTS[c]);
    })
    .join('');
  // About 30% longer, in short words so lines can still wrap.
  const extra = Math.max(1, Math.round(length * 0.3));
  let padding = '';
  while (padding.length < extra) padding += padding.length % 6 === 5 ? ' ' : '·';
  return `⟦${accented} ${padding}⟧`;
}

/** The pseudo-locale's catalogue from the English one: simple texts and every variant of a complex
 * message, with its declarations and selectors unchanged. */
function pseudoCatalogue(english) {
  const out = {};
  for (const [key, value] of Object.entries(english)) {
    if (key === '$schema') out[key] = value;
    else if (typeof value === 'string') out[key] = pseudo(value);
    else if (Array.isArray(value))
      out[key] = value.map((message) => ({
        ...message,
        match: Object.fromEntries(Object.entries(message.match).map(([when, text]) => [when, pseudo(text)])),
      }));
    else fail(`messages/en.json: ${key} is neither a text nor a list of variants`);
  }
  return out;
}

let english;
try {
  english = JSON.parse(fs.readFileSync(path.join(ui, 'messages', 'en.json'), 'utf8'));
} catch (e) {
  fail(`messages/en.json could not be read: ${e.message}`);
}
fs.writeFileSync(path.join(ui, 'messages', 'qps.json'), JSON.stringify(pseudoCatalogue(english), null, 2) + '\n');

const project = await loadProjectFromDirectory({
  path: path.join(ui, 'project.inlang'),
  fs,
  providePlugins: [messageFormat],
});
const errors = await project.errors.get();
if (errors.length > 0) fail(errors.map((e) => e.message).join('\n'));
const bundles = await project.db.selectFrom('bundle').select('id').execute();
if (bundles.length === 0) fail('no messages were read from messages/*.json');

const output = await compileProject({
  project,
  compilerOptions: { strategy: ['globalVariable', 'baseLocale'], emitTsDeclarations: true, outputStructure: 'message-modules' },
});
fs.rmSync(outdir, { recursive: true, force: true });
for (const [file, text] of Object.entries(output)) {
  const target = path.join(outdir, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
}
await project.close?.();
console.log(`messages: ${bundles.length} messages compiled to src/paraglide/`);
