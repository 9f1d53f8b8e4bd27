import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireSharedSpecs } from './shared-specs.js';

describe('requireSharedSpecs', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('skips (undefined) outside CI when a folder is missing', () => {
    vi.stubEnv('CI', '');
    expect(requireSharedSpecs(['redis-0.0.0-absent'])).toBeUndefined();
  });

  it('fails in CI when a folder is missing, naming it', () => {
    vi.stubEnv('CI', 'true');
    expect(() => requireSharedSpecs(['redis-0.0.0-absent'])).toThrow(/missing: redis-0.0.0-absent/);
  });
});
