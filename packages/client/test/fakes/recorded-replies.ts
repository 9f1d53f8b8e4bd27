import {
  AskError,
  AuthenticationError,
  BusyError,
  ClusterDownError,
  ExecAbortError,
  LoadingError,
  MovedError,
  NoPermissionError,
  NoScriptError,
  OutOfMemoryError,
  ReadOnlyError,
  ReplyError,
  ServerCrossSlotError,
  TryAgainError,
  WrongTypeError,
  type RespValue,
} from '@redspec/types/internal';

/** One byte stream as a server sent it, and what the decoder must make of it. */
export interface RecordedReply {
  readonly name: string;
  /** The wire bytes, written as UTF-8 text. */
  readonly wire: string;
  readonly replies: readonly RespValue[];
  readonly pushes?: readonly RespValue[][];
  readonly attributes?: readonly { [field: string]: RespValue }[];
}

/** An expected error reply: its class and full message. */
export interface ExpectedError {
  readonly errorClass: new (message: string) => ReplyError;
  readonly message: string;
}

const HELLO_MAP =
  '%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n$5\r\nproto\r\n:3\r\n' +
  '$2\r\nid\r\n:3\r\n$4\r\nmode\r\n$10\r\nstandalone\r\n$4\r\nrole\r\n$6\r\nmaster\r\n' +
  '$7\r\nmodules\r\n*0\r\n';
const HELLO_VALUE = {
  server: 'redis',
  version: '7.0.15',
  proto: 3,
  id: 3,
  mode: 'standalone',
  role: 'master',
  modules: [],
};

const STREAM_ENTRIES =
  '*2\r\n*2\r\n$15\r\n1526984818136-0\r\n*4\r\n$8\r\nduration\r\n$4\r\n1532\r\n$8\r\nevent-id\r\n' +
  '$1\r\n5\r\n*2\r\n$15\r\n1526999352406-0\r\n*4\r\n$8\r\nduration\r\n$3\r\n812\r\n$8\r\n' +
  'event-id\r\n$1\r\n9\r\n';
const STREAM_VALUE = [
  ['1526984818136-0', ['duration', '1532', 'event-id', '5']],
  ['1526999352406-0', ['duration', '812', 'event-id', '9']],
];

/**
 * Byte streams recorded from redis-server 7.0.15 (plus hand-written error lines for the error
 * classes a single test server cannot easily produce, and `nan`, which Redis never sends today).
 */
export const recordedReplies: readonly RecordedReply[] = [
  {
    name: 'HGETALL in RESP2',
    wire: '*4\r\n$6\r\nfield1\r\n$5\r\nHello\r\n$6\r\nfield2\r\n$5\r\nWorld\r\n',
    replies: [['field1', 'Hello', 'field2', 'World']],
  },
  {
    name: 'HGETALL in RESP3',
    wire: '%2\r\n$6\r\nfield1\r\n$5\r\nHello\r\n$6\r\nfield2\r\n$5\r\nWorld\r\n',
    replies: [{ field1: 'Hello', field2: 'World' }],
  },
  { name: 'HELLO 3', wire: HELLO_MAP, replies: [HELLO_VALUE] },
  {
    name: 'nested arrays',
    wire: '*3\r\n:1\r\n*2\r\n+a\r\n*0\r\n*-1\r\n',
    replies: [[1, ['a', []], null]],
  },
  { name: 'XRANGE', wire: STREAM_ENTRIES, replies: [STREAM_VALUE] },
  {
    name: 'XREAD in RESP3 (map of arrays)',
    wire: `%1\r\n$1\r\ns\r\n${STREAM_ENTRIES}`,
    replies: [{ s: STREAM_VALUE }],
  },
  {
    name: 'ZRANGE WITHSCORES in RESP3 (doubles inf, -inf)',
    wire: '*3\r\n*2\r\n$1\r\nc\r\n,-inf\r\n*2\r\n$1\r\nb\r\n,1.5\r\n*2\r\n$1\r\na\r\n,inf\r\n',
    replies: [
      [
        ['c', -Infinity],
        ['b', 1.5],
        ['a', Infinity],
      ],
    ],
  },
  {
    name: 'ZRANGE WITHSCORES in RESP2',
    wire: '*6\r\n$1\r\nc\r\n$4\r\n-inf\r\n$1\r\nb\r\n$3\r\n1.5\r\n$1\r\na\r\n$3\r\ninf\r\n',
    replies: [['c', '-inf', 'b', '1.5', 'a', 'inf']],
  },
  {
    name: 'doubles',
    wire: ',3.141\r\n,nan\r\n,-1.5e+20\r\n,0\r\n',
    replies: [3.141, NaN, -1.5e20, 0],
  },
  {
    name: 'big number',
    wire: '(1234567999999999999999999999999999999\r\n(-42\r\n',
    replies: [1234567999999999999999999999999999999n, -42n],
  },
  {
    name: 'verbatim',
    wire: '=29\r\ntxt:This is a verbatim\nstring\r\n',
    replies: ['This is a verbatim\nstring'],
  },
  {
    name: 'set, map of booleans, true, false, null',
    wire: '~3\r\n:0\r\n:1\r\n:2\r\n%3\r\n:0\r\n#f\r\n:1\r\n#t\r\n:2\r\n#f\r\n#t\r\n#f\r\n_\r\n',
    replies: [[0, 1, 2], { 0: false, 1: true, 2: false }, true, false, null],
  },
  {
    name: 'attribute before a reply',
    wire:
      '|1\r\n$14\r\nkey-popularity\r\n*2\r\n$7\r\nkey:123\r\n:90\r\n' +
      '$39\r\nSome real reply following the attribute\r\n',
    replies: ['Some real reply following the attribute'],
    attributes: [{ 'key-popularity': ['key:123', 90] }],
  },
  {
    name: 'attribute inside an array',
    wire: '*2\r\n:1\r\n|1\r\n+ttl\r\n:3600\r\n:2\r\n',
    replies: [[1, 2]],
    attributes: [{ ttl: 3600 }],
  },
  {
    name: 'push then a reply',
    wire: '>2\r\n$16\r\nserver-cpu-usage\r\n:42\r\n$40\r\nSome real reply following the push reply\r\n',
    replies: ['Some real reply following the push reply'],
    pushes: [['server-cpu-usage', 42]],
  },
  {
    name: 'pub/sub pushes interleaved with replies',
    wire:
      '>3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n>3\r\n$9\r\nsubscribe\r\n$6\r\nalerts\r\n:2\r\n' +
      '>3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$13\r\nhéllo wörld\r\n>3\r\n$7\r\nmessage\r\n$6\r\n' +
      'alerts\r\n$1\r\nx\r\n+PONG\r\n>3\r\n$10\r\npsubscribe\r\n$2\r\nn*\r\n:3\r\n>4\r\n$8\r\n' +
      'pmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$1\r\n2\r\n_\r\n',
    replies: ['PONG', null],
    pushes: [
      ['subscribe', 'news', 1],
      ['subscribe', 'alerts', 2],
      ['message', 'news', 'héllo wörld'],
      ['message', 'alerts', 'x'],
      ['psubscribe', 'n*', 3],
      ['pmessage', 'n*', 'news', '2'],
    ],
  },
  {
    name: 'RESP2 nulls and empties',
    wire: '$-1\r\n*0\r\n*-1\r\n$0\r\n\r\n%0\r\n~0\r\n',
    replies: [null, [], null, '', {}, []],
  },
  {
    name: 'integers',
    wire: ':0\r\n:-1\r\n:9007199254740991\r\n:-9223372036854775808\r\n',
    replies: [0, -1, 9007199254740991, -9223372036854775808],
  },
  {
    name: 'unicode and binary-safe bulk strings',
    wire: '$8\r\n日本\r\n\r\n$4\r\n😀\r\n',
    replies: ['日本\r\n', '😀'],
  },
];

/** Error replies of every class `createReplyError` maps, plus plain `ERR` and a bulk error. */
export const recordedErrors: readonly (ExpectedError & { wire: string })[] = [
  ['-WRONGTYPE Operation against a key holding the wrong kind of value', WrongTypeError],
  ['-NOSCRIPT No matching script. Please use EVAL.', NoScriptError],
  ["-ERR unknown command 'NOSUCHCMD', with args beginning with: ", ReplyError],
  ['-EXECABORT Transaction discarded because of previous errors.', ExecAbortError],
  [
    '-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.',
    BusyError,
  ],
  ["-NOPERM User alice has no permissions to run the 'get' command", NoPermissionError],
  ['-WRONGPASS invalid username-password pair or user is disabled.', AuthenticationError],
  ['-NOAUTH Authentication required.', AuthenticationError],
  ['-LOADING Redis is loading the dataset in memory', LoadingError],
  ["-READONLY You can't write against a read only replica.", ReadOnlyError],
  ['-TRYAGAIN Multiple keys request during rehashing of slot', TryAgainError],
  ['-CLUSTERDOWN The cluster is down', ClusterDownError],
  ["-OOM command not allowed when used memory > 'maxmemory'.", OutOfMemoryError],
  ["-CROSSSLOT Keys in request don't hash to the same slot", ServerCrossSlotError],
  ['-MOVED 3999 127.0.0.1:6381', MovedError],
  ['-ASK 3999 127.0.0.1:6381', AskError],
  ['!21\r\nSYNTAX invalid syntax', ReplyError],
].map(([line, errorClass]) => {
  const text = line as string;
  const message = text.startsWith('!') ? text.slice(text.indexOf('\n') + 1) : text.slice(1);
  return { wire: `${text}\r\n`, message, errorClass: errorClass as ExpectedError['errorClass'] };
});
