import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readApiSurface, type ApiSurface } from './api-surface.js';
import { valkeySurfaceIn, type Surfaces } from './surfaces.js';

const run = promisify(execFile);

/** The surfaces an update is compared with, and where they came from (for the report). */
export interface ReleaseBase extends Surfaces {
  label: string;
}

const TYPES = '@redspec/types';
const GENERATED = 'packages/types/src/generated';

async function output(cwd: string, command: string, args: string[]): Promise<string | undefined> {
  try {
    return (await run(command, args, { cwd, timeout: 60_000, maxBuffer: 64 << 20 })).stdout;
  } catch {
    return undefined;
  }
}

/** The newest release tag (`@redspec/types@0.3.0`, as changesets and scripts/release.sh tag). */
export async function latestReleaseTag(root: string): Promise<string | undefined> {
  const tags = await output(root, 'git', ['tag', '--list', `${TYPES}@*`, '--sort=-v:refname']);
  return tags?.split('\n')[0]?.trim() || undefined;
}

/**
 * The surfaces at a git ref: the generated files committed there, and the Valkey surface
 * rendered from the specs and overlay committed there.
 */
export async function surfacesAtRef(root: string, ref: string): Promise<Surfaces> {
  const show = async (path: string): Promise<string> => {
    const text = await output(root, 'git', ['show', `${ref}:${path}`]);
    if (text === undefined) throw new Error(`cannot read ${path} at ${ref}`);
    return text;
  };
  const full = readApiSurface({
    redisCommands: await show(`${GENERATED}/redis-commands.ts`),
    commandOptions: await show(`${GENERATED}/command-options.ts`),
    commandReplies: await show(`${GENERATED}/command-replies.ts`),
  });
  const work = await mkdtemp(join(tmpdir(), 'redspec-base-'));
  try {
    const archive = join(work, 'specs.tar');
    await run('git', ['archive', '--output', archive, ref, 'specs'], { cwd: root });
    await run('tar', ['-xf', archive, '-C', work]);
    const valkey = await valkeySurfaceIn(join(work, 'specs'));
    return { full, ...(valkey ? { valkey } : {}) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The surfaces of the newest `@redspec/types` on the registry npm is configured for, read from
 * its `.d.ts` (and the Valkey one from `@redspec/client`'s `targets/valkey` entry). Undefined
 * when nothing is published there, or what is there is not this repository's.
 */
export async function publishedSurfaces(
  root: string,
): Promise<(Surfaces & { version: string }) | undefined> {
  const npm = (args: string[]): Promise<string | undefined> =>
    output(root, 'npm', [...args, '--fetch-retries=0', '--fetch-timeout=15000']);
  const view = await npm(['view', TYPES, 'version', 'repository.url', '--json']);
  if (view === undefined) return undefined;
  const { version, 'repository.url': url } = JSON.parse(view) as Record<string, string>;
  const ours = JSON.parse(await readFile(join(root, 'packages/types/package.json'), 'utf8')) as {
    repository?: { url?: string };
  };
  if (version === undefined || url !== ours.repository?.url) return undefined;
  const work = await mkdtemp(join(tmpdir(), 'redspec-published-'));
  try {
    const packed = await npm([
      'pack',
      `${TYPES}@${version}`,
      `@redspec/client@${version}`,
      '--json',
      `--pack-destination=${work}`,
    ]);
    const [types, client] = (JSON.parse(packed ?? '[]') as { filename: string }[]).map(
      (p) => p.filename,
    );
    if (types === undefined) return undefined;
    const unpack = async (file: string, into: string): Promise<string> => {
      await mkdir(join(work, into));
      await run('tar', ['-xzf', join(work, file), '-C', join(work, into)]);
      return join(work, into, 'package');
    };
    const dts = await readDeclarations(join(await unpack(types, 'types'), 'dist'));
    const full = readApiSurface({ redisCommands: dts, commandOptions: dts, commandReplies: dts });
    const valkeyDir = client && join(await unpack(client, 'client'), 'dist/targets/valkey');
    const valkey =
      valkeyDir && existsSync(valkeyDir) ? await readTargetEntry(valkeyDir) : undefined;
    return { version, full, ...(valkey ? { valkey } : {}) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function readTargetEntry(dir: string): Promise<ApiSurface> {
  const read = (name: string): Promise<string> => readFile(join(dir, name), 'utf8');
  return readApiSurface({
    redisCommands: await read('redis-commands.d.ts'),
    commandOptions: await read('command-options.d.ts'),
    commandReplies: await read('command-replies.d.ts'),
  });
}

/**
 * What an update is compared with: the last release, so rerunning it (say, after fixing the
 * overlay) replaces its changeset instead of stacking a second one against its own output.
 * In order: `ref` when given; the newest release tag; the newest version on the registry;
 * else HEAD, the last committed state.
 */
export async function resolveReleaseBase(root: string, ref?: string): Promise<ReleaseBase> {
  if (ref !== undefined) return { label: ref, ...(await surfacesAtRef(root, ref)) };
  const tag = await latestReleaseTag(root);
  if (tag !== undefined) return { label: `tag ${tag}`, ...(await surfacesAtRef(root, tag)) };
  const published = await publishedSurfaces(root);
  if (published !== undefined) {
    const { version, ...surfaces } = published;
    return { label: `${TYPES}@${version} as published`, ...surfaces };
  }
  if ((await output(root, 'git', ['rev-parse', '--verify', 'HEAD'])) !== undefined) {
    return {
      label: 'HEAD (no release tag, nothing published)',
      ...(await surfacesAtRef(root, 'HEAD')),
    };
  }
  throw new Error('no release to compare with: no tag, nothing published, not a git checkout');
}

/**
 * Every ESM declaration file of a built package, as one text. The bundler splits declarations
 * shared by the package's entries (`index`, `internal`) into chunks, so `index.d.ts` may only
 * re-export: the interfaces live in whichever file holds them.
 */
async function readDeclarations(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.d.ts')).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
  return texts.join('\n');
}
