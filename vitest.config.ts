import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (name: string): string =>
  fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

// `.only` left in a test would silently skip the rest of the suite: CI (`CI` set) refuses it.
const allowOnly = !process.env.CI;

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
    allowOnly,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          allowOnly,
          include: ['packages/*/src/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'live',
          allowOnly,
          include: ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts'],
          globalSetup: ['packages/test-utils/src/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'docs',
          allowOnly,
          include: ['scripts/**/*.test.ts'],
          // Builds the whole site, TypeDoc included, before the tests.
          hookTimeout: 180_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'types',
          allowOnly,
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
