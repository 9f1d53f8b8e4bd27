import { packageBuild } from '../../tsup.base.js';

// Two entries share one copy of their modules (splitting), so both hand out the same classes.
export default packageBuild(
  { index: 'src/index.ts', internal: 'src/internal.ts' },
  { splitting: true },
);
