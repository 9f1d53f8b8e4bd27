import { defineConfig, type Options } from 'tsup';

/** Every published package builds the same way: ESM + CJS + declarations for each entry point. */
export function packageBuild(
  entry: Record<string, string> = { index: 'src/index.ts' },
  overrides: Partial<Options> = {},
): Options {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    splitting: false,
    // Error classes are recognized by name across package copies (types/src/error-brand.ts).
    keepNames: true,
    ...overrides,
  }) as Options;
}
