import { isDeepStrictEqual } from 'node:util';
import type { LoadedSource } from './load-source.js';

/**
 * Throws when two sources of one product state exactly the same commands: the second adds
 * nothing but its id to every command's `sources`, and is most often the same folder copied
 * under another name. Across products it is a fact (Valkey 7.2 forked Redis 7.2's commands).
 */
export function rejectIdenticalSources(sources: readonly LoadedSource[]): void {
  sources.forEach((source, index) => {
    const twin = sources
      .slice(0, index)
      .find(
        (other) =>
          other.info.product === source.info.product &&
          isDeepStrictEqual(other.commands, source.commands),
      );
    if (twin !== undefined) {
      throw new Error(
        `${source.info.id} states exactly the commands of ${twin.info.id} (${source.info.files} ` +
          `files): importing it would change nothing but the source lists; leave it out`,
      );
    }
  });
}
