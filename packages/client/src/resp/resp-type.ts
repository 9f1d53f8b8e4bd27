/**
 * The first byte of every RESP2/RESP3 frame, as a char code, so the decoder switches on small
 * integers instead of one-character strings.
 * @see https://redis.io/docs/latest/develop/reference/protocol-spec/
 */
export const RespType = {
  SimpleString: 0x2b, // +
  SimpleError: 0x2d, // -
  Integer: 0x3a, // :
  BulkString: 0x24, // $
  Array: 0x2a, // *
  Null: 0x5f, // _
  Boolean: 0x23, // #
  Double: 0x2c, // ,
  BigNumber: 0x28, // (
  BulkError: 0x21, // !
  VerbatimString: 0x3d, // =
  Map: 0x25, // %
  Set: 0x7e, // ~
  Attribute: 0x7c, // |
  Push: 0x3e, // >
} as const;

/** The char code of one RESP frame type. */
export type RespType = (typeof RespType)[keyof typeof RespType];

export const CR = 0x0d;
export const LF = 0x0a;
