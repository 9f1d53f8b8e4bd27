import { packageBuild } from '../../tsup.base.js';

// Two entries share one copy of their modules (splitting), so `internal` and the public entry
// hand out the same error classes.
export default packageBuild(
  { index: 'src/index.ts', internal: 'src/internal.ts' },
  { splitting: true },
);
