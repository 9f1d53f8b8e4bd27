#!/usr/bin/env node
import { join } from 'node:path';
import { generate } from './emit/generate.js';
import { repoRoot } from './paths.js';
import { runImport } from './import/import-command.js';

const usage = `usage:
  redspec-codegen generate [--check]       regenerate packages/types/src/generated from specs/
  redspec-codegen import <dir>... [--check] import upstream src/commands folders into specs/`;

async function runGenerate(argv: string[]): Promise<number> {
  const root = repoRoot();
  const check = argv.includes('--check');
  const started = performance.now();
  const result = await generate({
    specDir: join(root, 'specs'),
    outDir: join(root, 'packages/types/src/generated'),
    check,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (check && result.changed.length > 0) {
    console.error(`generated code is stale: ${result.changed.join(', ')}\nrun: pnpm generate`);
    return 1;
  }
  const verb = check ? 'checked' : 'wrote';
  console.log(
    `${verb} ${result.files.length} files for ${result.models.length} commands in ${seconds}s`,
  );
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'generate':
      return runGenerate(rest);
    case 'import':
      return runImport(rest);
    default:
      console.error(usage);
      return command === undefined || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
