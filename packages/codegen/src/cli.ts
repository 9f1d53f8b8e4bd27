#!/usr/bin/env node
import { join } from 'node:path';
import { generate } from './emit/generate.js';
import { repoRoot } from './paths.js';
import { runImport } from './import/import-command.js';
import { syncRepoCommandsDoc } from './update/commands-doc.js';
import { runTargetEntries, runTargetGenerate } from './update/target-command.js';
import { runUpdate } from './update/update-command.js';

const usage = `usage:
  redspec-codegen generate [--check]       regenerate packages/types/src/generated and docs/commands.md
  redspec-codegen generate --target <id|redis|valkey> [--out <dir>]
                                           a surface limited to one release or product (docs/targets.md)
  redspec-codegen targets --out <dir>       the type-only entry points of @redspec/client/targets/*
  redspec-codegen import <dir>... [--check] import upstream src/commands folders into specs/
  redspec-codegen update --from <dir>... [--sources-root <dir>] [--dry-run]
                                           import a new release over specs/, regenerate, print the API
                                           diff and write a changeset`;

async function runGenerate(argv: string[]): Promise<number> {
  if (argv.some((arg) => arg === '--target' || arg.startsWith('--target='))) {
    return runTargetGenerate(argv);
  }
  const root = repoRoot();
  const check = argv.includes('--check');
  const started = performance.now();
  const result = await generate({
    specDir: join(root, 'specs'),
    outDir: join(root, 'packages/types/src/generated'),
    check,
  });
  // docs/commands.md is derived from the same models, so it is kept (and checked) with the code.
  if (await syncRepoCommandsDoc(root, result.models, { check })) {
    result.changed.push('docs/commands.md');
  }
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
    case 'targets':
      return runTargetEntries(rest);
    case 'import':
      return runImport(rest);
    case 'update':
      return runUpdate(rest);
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
