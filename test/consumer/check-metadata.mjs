// What every published package owes its users on the registry page: where it comes from, its
// license, the Node it needs, and a README that says how to install it.
// Usage: node check-metadata.mjs <package folder>; prints the problems and exits 1 if any.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2];
const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
const problems = [];
for (const field of ['repository', 'homepage', 'bugs', 'license', 'engines']) {
  if (manifest[field] === undefined) problems.push(`package.json lacks "${field}"`);
}
if (!manifest.files?.includes('README.md')) problems.push('"files" does not ship README.md');
let readme = '';
try {
  readme = readFileSync(join(folder, 'README.md'), 'utf8');
} catch {
  problems.push('no README.md');
}
const install = new RegExp(`npm install (--save-dev )?${manifest.name.replace('/', '\\/')}\\b`);
if (readme !== '' && !install.test(readme))
  problems.push(`README.md has no "npm install ${manifest.name}"`);
for (const problem of problems) console.error(`${manifest.name}: ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
