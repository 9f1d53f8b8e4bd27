import type { RespValue } from '@redspec/types';
import { setField } from '@redspec/types/internal';
import { RespType } from './resp-type.js';

type RespMap = { [field: string]: RespValue };

const NO_ITEMS: RespValue[] = [];
const NO_MAP: RespMap = {};

/**
 * One aggregate (array, set, push, map or attribute) whose elements are still arriving. The
 * decoder keeps these on an explicit stack, so nesting depth costs heap, never call stack, and a
 * frame split across socket chunks resumes where it stopped. Frame objects are pooled per depth
 * by the decoder; only the `items`/`map` they fill are new for each aggregate.
 * @internal
 */
export class RespFrame {
  kind = 0;
  /** Elements still expected: array items, or map keys plus values. */
  remaining = 0;
  items: RespValue[] = NO_ITEMS;
  map: RespMap = NO_MAP;
  key = '';
  expectingKey = true;

  open(kind: number, count: number): void {
    this.kind = kind;
    if (kind === RespType.Map || kind === RespType.Attribute) {
      this.remaining = count * 2;
      this.items = NO_ITEMS;
      this.map = {};
      this.expectingKey = true;
    } else {
      this.remaining = count;
      this.items = [];
      this.map = NO_MAP;
    }
  }

  /** Adds one element; true once the aggregate is complete. */
  add(value: RespValue): boolean {
    if (this.items !== NO_ITEMS) this.items.push(value);
    else if (this.expectingKey) {
      // Map keys are stringified: a JS object key is a string whatever the server sent.
      this.key = typeof value === 'string' ? value : String(value);
      this.expectingKey = false;
    } else {
      setField(this.map, this.key, value);
      this.expectingKey = true;
    }
    return --this.remaining === 0;
  }

  /** Hands over the finished aggregate and drops the references the pooled frame held. */
  take(): RespValue[] | RespMap {
    const result = this.items !== NO_ITEMS ? this.items : this.map;
    this.items = NO_ITEMS;
    this.map = NO_MAP;
    return result;
  }
}
