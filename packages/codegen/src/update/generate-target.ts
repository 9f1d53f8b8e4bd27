import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generate, type GenerateResult } from '../emit/generate.js';
import { renderSpecFiles } from '../import/spec-files.js';
import { loadSpec } from '../model/load-spec.js';
import { fitOverlay } from './fit-overlay.js';
import { specForTarget } from './target-spec.js';

export interface TargetOptions {
  specDir: string;
  overlayDir?: string;
  outDir: string;
  /** A source id (`redis-7.2.6`) or a product (`redis`, `valkey`). */
  target: string;
  check?: boolean;
}

export interface TargetResult extends GenerateResult {
  /** Source ids the surface covers. */
  sources: string[];
  /** Overlay parts that did not apply to the narrowed spec. */
  droppedOverlay: string[];
}

/**
 * Generates a surface limited to one target into `outDir`: the narrowed spec and overlay are
 * written to a temp folder and run through the ordinary generator, so a target surface is
 * exactly what `pnpm generate` would give for a repository that imported only those sources.
 */
export async function generateTarget(options: TargetOptions): Promise<TargetResult> {
  const spec = await loadSpec(options.specDir, options.overlayDir);
  const narrowed = specForTarget(spec, options.target);
  const fitted = fitOverlay({ ...narrowed, overlay: spec.overlay });
  const work = await mkdtemp(join(tmpdir(), 'redspec-target-'));
  try {
    const files = renderSpecFiles(narrowed.commands, narrowed.sources);
    files.set('overlay/overlay.json', `${JSON.stringify(fitted.overlay, null, 2)}\n`);
    for (const [path, text] of files) {
      await mkdir(dirname(join(work, path)), { recursive: true });
      await writeFile(join(work, path), text);
    }
    const result = await generate({
      specDir: work,
      overlayDir: join(work, 'overlay'),
      outDir: options.outDir,
      check: options.check ?? false,
    });
    return {
      ...result,
      sources: narrowed.sources.map((source) => source.id),
      droppedOverlay: fitted.dropped,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
