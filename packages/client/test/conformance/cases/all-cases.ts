import type { ConformanceCase } from '../conformance-case.js';
import { bitmapHllCases } from './bitmap-hll-cases.js';
import { connectionCases } from './connection-cases.js';
import { geoCases } from './geo-cases.js';
import { hashCases } from './hash-cases.js';
import { keyspaceCases } from './keyspace-cases.js';
import { listCases } from './list-cases.js';
import { pubsubCases } from './pubsub-cases.js';
import { scriptingCases } from './scripting-cases.js';
import { serverCases } from './server-cases.js';
import { setCases } from './set-cases.js';
import { sortedSetCases } from './sorted-set-cases.js';
import { streamCases } from './stream-cases.js';
import { stringCases } from './string-cases.js';

/** Every case of the suite, in run order (later cases may read keys earlier ones wrote). */
export const allCases: readonly ConformanceCase[] = [
  ...stringCases,
  ...listCases,
  ...setCases,
  ...sortedSetCases,
  ...hashCases,
  ...streamCases,
  ...bitmapHllCases,
  ...geoCases,
  ...keyspaceCases,
  ...scriptingCases,
  ...serverCases,
  ...connectionCases,
  ...pubsubCases,
];
