import type { ClusterBackend } from '../../src/cluster/cluster-backend.js';
import type { RedisCluster } from '../../src/index.js';

/**
 * The backend behind a cluster client, for tests that check routing decisions and spy on
 * node connections. Not part of the public surface: the client keeps it protected.
 */
export const backendOf = (cluster: RedisCluster): ClusterBackend =>
  (cluster as unknown as { backend: ClusterBackend }).backend;
