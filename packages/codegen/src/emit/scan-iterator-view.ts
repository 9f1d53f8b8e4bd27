import type { SignatureModel } from '../model/command-model.js';
import type { ScanIteratorModel } from '../model/scan-iterator-model.js';
import { inContext, qualify } from './signature-text.js';

/**
 * One iterator signature: the command's, less the cursor, its options widened with `signal`,
 * returning the items of the page type the command's own overload returns (`ScanItem` takes the
 * element type of the page's second part, so NOVALUES / NOSCORES narrow the items as they
 * narrow the command's reply).
 */
function iteratorSignature(iterator: ScanIteratorModel, signature: SignatureModel): string {
  const model = iterator.command;
  const params = signature.params.map(
    (param) => `${param.name}${param.optional ? '?' : ''}: ${param.type}`,
  );
  if (signature.optionsType === undefined) {
    params.push('options?: ScanIteratorOptions');
  } else {
    const optional = signature.optionsRequired ? '' : '?';
    const options = qualify(signature.optionsType, model);
    params.push(`options${optional}: ${options} & ScanIteratorOptions`);
  }
  const page = inContext(qualify(signature.returnType, model));
  return `${iterator.method}(${params.join(', ')}): ScanIterator<ScanItem<${page}>>`;
}

/** The example's positional arguments: a string per key-like parameter (`'key'`). */
const exampleArgs = (iterator: ScanIteratorModel): string =>
  iterator.signatures
    .at(-1)!
    .params.map((param) => `'${param.name}', `)
    .join('');

function iteratorDoc(iterator: ScanIteratorModel): string[] {
  const model = iterator.command;
  const call = `client.${iterator.method}(${exampleArgs(iterator)}`;
  const params = iterator.signatures.at(-1)!.params;
  return [
    `Every item of a whole \`${model.name}\` iteration: calls \`${model.method}()\` from cursor 0`,
    'until the server returns cursor 0 again, yielding the items of each page (`batches()`',
    'yields the pages). Each `for await` starts a new iteration. An item present for the whole',
    'iteration is yielded at least once; one added or removed meanwhile may or may not be, and',
    'an item may come twice (the server guarantees no more), so deduplicate where it matters.',
    '',
    ...params.map((param) => `@param ${param.name} - as for \`${model.method}()\``),
    `@param options - \`${model.method}()\`'s options, plus \`signal\`: aborting it ends the`,
    'iteration with `AbortError` (a page already requested is read off the connection first).',
    '@example',
    `for await (const item of ${call}{ match: 'user:*', count: 100 })) console.log(item);`,
    `for await (const page of ${call}{ count: 1000 }).batches()) console.log(page.length);`,
    `@since ${model.since}`,
    `@group ${model.group}`,
    `@see ${model.docsUrl}`,
  ];
}

/** The view of `scan-iterators.ts`: the `ScanIterators` interface. */
export function scanIteratorsView(iterators: readonly ScanIteratorModel[]): object {
  return {
    iterators: iterators.map((iterator) => ({
      doc: iteratorDoc(iterator),
      signatures: iterator.signatures.map((signature) => iteratorSignature(iterator, signature)),
    })),
  };
}

/** The view of `scan-iterator-table.ts`: which command each iterator pages through. */
export function scanIteratorTableView(iterators: readonly ScanIteratorModel[]): object {
  return {
    iterators: iterators.map((iterator) => ({
      method: iterator.method,
      command: iterator.command.method,
      cursorParam: iterator.cursorParam,
    })),
  };
}
