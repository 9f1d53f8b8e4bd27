import { fileURLToPath } from 'node:url';

/** The invented upstream folders under `test/fixtures/specs`, oldest first. @internal */
export const FIXTURE_SPECS = fileURLToPath(new URL('../../test/fixtures/specs/', import.meta.url));

/** Fixture folder paths in import order. @internal */
export const FIXTURE_DIRS = ['redis-7.0.0', 'redis-7.2.0', 'valkey-8.0.0'].map(
  (id) => `${FIXTURE_SPECS}${id}`,
);

/** Committed expected output of importing `FIXTURE_DIRS`. @internal */
export const FIXTURE_EXPECTED = fileURLToPath(
  new URL('../../test/fixtures/expected/specs/', import.meta.url),
);
