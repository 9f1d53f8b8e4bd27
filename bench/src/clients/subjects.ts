import type { ClientAdapter, Endpoint } from './client-adapter.js';
import type * as GlideAdapters from './glide.js';
import { createIoredisAdapter, createIoredisClusterAdapter } from './ioredis.js';
import { createNodeRedisAdapter } from './node-redis.js';
import { createMinimalAdapter } from '../minimal-pipeline.js';
import { createRedspecAdapter } from './redspec.js';
import { createRedspecClusterAdapter } from './redspec-cluster.js';
import { createRedspecSumsAdapter } from './redspec-nested.js';

/** A client, configured one way, as it appears in a row of the table. */
export interface Subject {
  readonly label: string;
  /** Peers are the other libraries; ratios are taken against the fastest peer. */
  readonly peer: boolean;
  create(endpoint: Endpoint): Promise<ClientAdapter>;
}

/**
 * Glide loads a native binary from a platform package; importing it lazily keeps a machine
 * without that binary benchmarking the other clients (glide's rows then show the error).
 */
const glide = (): Promise<typeof GlideAdapters> => import('./glide.js');

function url(endpoint: Endpoint): string {
  if (endpoint.kind !== 'standalone') throw new Error('this subject needs a standalone server');
  return endpoint.url;
}

function rootNodes(endpoint: Endpoint): readonly { host: string; port: number }[] {
  if (endpoint.kind !== 'cluster') throw new Error('this subject needs a cluster');
  return endpoint.rootNodes;
}

export const SUBJECTS = {
  redspec: {
    label: 'Redspec',
    peer: false,
    create: (e) => createRedspecAdapter(url(e), 'results'),
  },
  'redspec-future-result': {
    label: 'Redspec · future.result',
    peer: false,
    create: (e) => createRedspecAdapter(url(e), 'future-result'),
  },
  'redspec-await-future': {
    label: 'Redspec · await each future',
    peer: false,
    create: (e) => createRedspecAdapter(url(e), 'await-future'),
  },
  'redspec-raw': {
    label: 'Redspec · raw batch (no futures)',
    peer: false,
    create: (e) => createRedspecAdapter(url(e), 'raw'),
  },
  'redspec-nested': {
    label: 'Redspec · nested incrSum',
    peer: false,
    create: (e) => createRedspecSumsAdapter(url(e), 'nested'),
  },
  'redspec-flat': {
    label: 'Redspec · flat pipeline',
    peer: false,
    create: (e) => createRedspecSumsAdapter(url(e), 'flat'),
  },
  'redspec-cluster': {
    label: 'Redspec cluster',
    peer: false,
    create: (e) => createRedspecClusterAdapter(rootNodes(e)),
  },
  minimal: {
    label: 'minimal hand-written Node pipeline (not a client)',
    peer: false,
    create: (e) => createMinimalAdapter(url(e)),
  },
  ioredis: { label: 'ioredis', peer: true, create: (e) => createIoredisAdapter(url(e), false) },
  'ioredis-auto': {
    label: 'ioredis · autoPipelining',
    peer: true,
    create: (e) => createIoredisAdapter(url(e), true),
  },
  'ioredis-cluster': {
    label: 'ioredis Cluster · autoPipelining',
    peer: true,
    create: (e) => createIoredisClusterAdapter(rootNodes(e)),
  },
  'node-redis': { label: 'node-redis', peer: true, create: (e) => createNodeRedisAdapter(url(e)) },
  glide: {
    label: 'valkey-glide',
    peer: true,
    create: async (e) => (await glide()).createGlideAdapter(url(e)),
  },
  'glide-cluster': {
    label: 'valkey-glide cluster',
    peer: true,
    create: async (e) => (await glide()).createGlideClusterAdapter(rootNodes(e)),
  },
} satisfies Record<string, Subject>;

export type SubjectId = keyof typeof SUBJECTS;

export function isSubjectId(value: string): value is SubjectId {
  return Object.hasOwn(SUBJECTS, value);
}
