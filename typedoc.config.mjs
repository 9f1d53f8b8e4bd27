// `pnpm docs:api`: the API reference of the published packages, from their src/index.ts, into
// docs/api/ (git-ignored).
import { OptionDefaults } from 'typedoc';

/** @type {Partial<import('typedoc').TypeDocOptions>} */
const config = {
  name: 'Redspec',
  out: 'docs/api',
  readme: 'README.md',
  // One module per package, named after its package.json.
  entryPointStrategy: 'packages',
  entryPoints: ['packages/types', 'packages/pipeline', 'packages/client'],
  // In packages mode, conversion options apply per package.
  packageOptions: {
    entryPoints: ['src/index.ts'],
    // Maps the packages' names to their sources, so no build is needed first.
    tsconfig: '../../tsconfig.typedoc.json',
    excludeInternal: true,
    excludePrivate: true,
    // Generated methods carry spec facts in tags of their own; `@group` (the Redis command
    // group) is one TypeDoc already knows, and groups the methods by.
    blockTags: [...OptionDefaults.blockTags, '@commandFlags', '@aclCategories'],
    // Source links need a git remote, which a fresh clone or CI may not have.
    disableSources: true,
  },
};

export default config;
