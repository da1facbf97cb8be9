// Compiles the UI's message catalogues (messages/<locale>.json) into typed functions in
// src/paraglide/, with Paraglide. The inlang plugin that reads the catalogues is loaded from
// node_modules and handed to the project directly: project.inlang lists no modules, so nothing is
// fetched from a CDN at build time (Paraglide's default does, which fails offline). Any problem
// (an unreadable catalogue, a missing plugin, no messages) fails the build.
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
