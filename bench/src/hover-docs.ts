import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { BENCH_DIR } from './run-child.js';

/**
 * What an editor shows when hovering the methods marked `/*hover*\/` in `hover/app.ts`: the
 * language service's quick info (signature, documentation, JSDoc tags), as plain text.
 * Run: `pnpm --filter @redspec/bench run hover` (after `pnpm build`: the fixture reads dist/).
 */
const MARKER = '/*hover*/';

function languageService(configPath: string): { service: ts.LanguageService; files: string[] } {
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => parsed.options,
    getScriptFileNames: () => parsed.fileNames,
    getScriptVersion: () => '1',
    getScriptSnapshot: (path) => {
      const text = ts.sys.readFile(path);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => dirname(configPath),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (path) => ts.sys.fileExists(path),
    readFile: (path) => ts.sys.readFile(path),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (path) => ts.sys.directoryExists(path),
    getDirectories: (path) => ts.sys.getDirectories(path),
  };
  return { service: ts.createLanguageService(host), files: parsed.fileNames };
}

/** The quick info at `position` as an editor renders it, without markdown. */
function hoverText(service: ts.LanguageService, file: string, position: number): string {
  const info = service.getQuickInfoAtPosition(file, position);
  if (info === undefined) return '(nothing)';
  const signature = ts.displayPartsToString(info.displayParts);
  const doc = ts.displayPartsToString(info.documentation);
  const tags = (info.tags ?? []).map(
    (tag) => `@${tag.name}${tag.text ? ` ${ts.displayPartsToString(tag.text)}` : ''}`,
  );
  return [signature, doc, ...tags].filter((part) => part !== '').join('\n');
}

const dir = join(BENCH_DIR, 'hover');
const { service, files } = languageService(join(dir, 'tsconfig.json'));
const app = files.find((file) => file.endsWith('app.ts'))!;
const source = readFileSync(app, 'utf8');
for (let at = source.indexOf(MARKER); at !== -1; at = source.indexOf(MARKER, at + 1)) {
  const position = at + MARKER.length;
  const line = source.slice(source.lastIndexOf('\n', at) + 1, source.indexOf('(', at)).trim();
  const label = line.replace(MARKER, '').replace(/\. /, '.');
  console.log(`=== ${label}(\n${hoverText(service, app, position)}\n`);
}
