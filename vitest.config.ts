import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (name: string): string =>
  fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

// Package names resolve to their sources so tests never need a build.
const alias = {
  '@redspec/types/internal': fileURLToPath(
    new URL('./packages/types/src/internal.ts', import.meta.url),
  ),
  '@redspec/types': pkg('types'),
  '@redspec/pipeline/internal': fileURLToPath(
    new URL('./packages/pipeline/src/internal.ts', import.meta.url),
  ),
  '@redspec/pipeline': pkg('pipeline'),
  '@redspec/client': pkg('client'),
  '@redspec/codegen': pkg('codegen'),
  '@redspec/test-utils': pkg('test-utils'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'live',
          include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts'],
          globalSetup: ['packages/test-utils/src/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['packages/*/{src,test}/**/*.test-d.ts'],
            tsconfig: './tsconfig.typetests.json',
          },
        },
      },
    ],
  },
});
