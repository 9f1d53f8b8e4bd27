import type { LoadedSpec } from '../model/load-spec.js';
import { loadSpec } from '../model/load-spec.js';
import { readApiSurface, type ApiSurface } from './api-surface.js';
import { renderTargetTypes } from './target-types.js';

/**
 * The surfaces an update compares: the full one (what `@redspec/types` declares) and the
 * Valkey one (`@redspec/client/targets/valkey`), whose own reply changes on shared commands the
 * full surface, typed with Redis's replies, does not show.
 */
export interface Surfaces {
  full: ApiSurface;
  valkey?: ApiSurface;
}

/** The Valkey surface of a spec, or undefined when it imported no Valkey source. */
export async function valkeySurface(spec: LoadedSpec): Promise<ApiSurface | undefined> {
  if (!spec.sources.some((source) => source.product === 'valkey')) return undefined;
  const { files } = await renderTargetTypes(spec, 'valkey');
  return readApiSurface({
    redisCommands: files.get('redis-commands.ts')!,
    commandOptions: files.get('command-options.ts')!,
    commandReplies: files.get('command-replies.ts')!,
  });
}

/** `valkeySurface` of a spec folder (with its own `overlay/` unless told otherwise). */
export async function valkeySurfaceIn(
  specDir: string,
  overlayDir?: string,
): Promise<ApiSurface | undefined> {
  return valkeySurface(await loadSpec(specDir, overlayDir));
}
