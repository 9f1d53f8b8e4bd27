import { ts } from 'ts-morph';
import type { MethodApi, OptionMemberApi, OverloadApi, ParamApi } from './api-surface.js';

/**
 * Whether a method's change can break a caller: a call that compiled before no longer does, or
 * returns another type. New optional parameters, new optional option fields, new overloads and
 * wider argument unions are additive; that is most of what a Redis release brings (HSCAN's
 * NOVALUES, CLIENT KILL's MAXAGE), and it must not make every import a major release.
 */
export function isBreaking(before: MethodApi, after: MethodApi): boolean {
  const overloadKept = before.overloads.every((old) =>
    after.overloads.some((now) => extendsOverload(old, now, before)),
  );
  return !overloadKept || optionsBreak(before, after) || repliesBreak(before, after);
}

/** `now` accepts every call `old` accepted and returns the same type. */
function extendsOverload(old: OverloadApi, now: OverloadApi, before: MethodApi): boolean {
  if (old.returns !== now.returns || now.params.length < old.params.length) return false;
  return now.params.every((param, i) => {
    const was: ParamApi | undefined = old.params[i];
    if (was === undefined) return param.optional;
    const accepts =
      widens(was.type, param.type) || excludesOnlyNewOptions(was.type, param.type, before);
    return (param.optional || !was.optional) && accepts;
  });
}

/**
 * `XOptions & { k?: false }` where the old `XOptions` had no `k`: the overload a release adds
 * with an option that narrows the reply (HSCAN's NOVALUES, ZSCAN's NOSCORES) leaves the plain
 * call's overload excluding only that new option, which no old call could set.
 */
function excludesOnlyNewOptions(old: string, now: string, before: MethodApi): boolean {
  const members = before.options[old];
  const node = unwrap(parseType(now));
  if (members === undefined || !ts.isIntersectionTypeNode(node) || node.types.length !== 2) {
    return false;
  }
  const [base, narrowing] = node.types.map(unwrap) as [ts.TypeNode, ts.TypeNode];
  if (base.getText() !== old || !ts.isTypeLiteralNode(narrowing)) return false;
  return narrowing.members.every(
    (member) =>
      ts.isPropertySignature(member) &&
      member.questionToken !== undefined &&
      !(member.name.getText() in members),
  );
}

function optionsBreak(before: MethodApi, after: MethodApi): boolean {
  return Object.entries(before.options).some(([name, members]) => {
    const now = after.options[name];
    // A renamed options type shows up in the signature text, which extendsOverload compares.
    if (now === undefined) return false;
    return membersBreak(members, now);
  });
}

function membersBreak(
  before: Record<string, OptionMemberApi>,
  after: Record<string, OptionMemberApi>,
): boolean {
  const lost = Object.entries(before).some(([key, member]) => {
    const now = after[key];
    return (
      now === undefined || (!now.optional && member.optional) || !widens(member.type, now.type)
    );
  });
  const required = Object.keys(after).some((key) => !(key in before) && !after[key]!.optional);
  return lost || required;
}

// Any change to a reply type changes what the caller receives.
function repliesBreak(before: MethodApi, after: MethodApi): boolean {
  return Object.entries(before.replies).some(
    ([name, text]) => after.replies[name] !== undefined && after.replies[name] !== text,
  );
}

/**
 * `now` accepts every value `old` accepted, judged on the type text: a union gains members (also
 * inside `OneOrMany<…>`, as CLIENT KILL's filters gained `{ maxage }`), an object type gains
 * optional fields. Anything it cannot see through counts as narrowing, so a doubt is "breaking".
 */
export function widens(old: string, now: string): boolean {
  return old === now || nodeWidens(parseType(old), parseType(now));
}

function parseType(text: string): ts.TypeNode {
  const file = ts.createSourceFile('t.ts', `type T = ${text};`, ts.ScriptTarget.Latest, true);
  return (file.statements[0] as ts.TypeAliasDeclaration).type;
}

const unwrap = (node: ts.TypeNode): ts.TypeNode =>
  ts.isParenthesizedTypeNode(node) ? unwrap(node.type) : node;

const members = (node: ts.TypeNode): ts.TypeNode[] =>
  ts.isUnionTypeNode(node) ? node.types.flatMap((type) => members(unwrap(type))) : [node];

function nodeWidens(oldNode: ts.TypeNode, nowNode: ts.TypeNode): boolean {
  const [a, b] = [unwrap(oldNode), unwrap(nowNode)];
  if (a.getText() === b.getText()) return true;
  if (ts.isUnionTypeNode(a) || ts.isUnionTypeNode(b)) {
    return members(a).every((member) => members(b).some((other) => nodeWidens(member, other)));
  }
  if (ts.isTypeReferenceNode(a) && ts.isTypeReferenceNode(b)) {
    const [x, y] = [a.typeArguments ?? [], b.typeArguments ?? []];
    return (
      a.typeName.getText() === b.typeName.getText() &&
      x.length === y.length &&
      x.every((arg, i) => nodeWidens(arg, y[i]!))
    );
  }
  if (ts.isArrayTypeNode(a) && ts.isArrayTypeNode(b))
    return nodeWidens(a.elementType, b.elementType);
  if (ts.isTypeLiteralNode(a) && ts.isTypeLiteralNode(b)) return literalWidens(a, b);
  return false;
}

function literalWidens(a: ts.TypeLiteralNode, b: ts.TypeLiteralNode): boolean {
  const fields = (node: ts.TypeLiteralNode): Map<string, ts.PropertySignature> =>
    new Map(
      node.members.filter(ts.isPropertySignature).map((field) => [field.name.getText(), field]),
    );
  if (a.members.length !== fields(a).size || b.members.length !== fields(b).size) return false;
  const [was, now] = [fields(a), fields(b)];
  const kept = [...was].every(([name, field]) => {
    const other = now.get(name);
    if (other?.type === undefined || field.type === undefined) return false;
    return (
      (other.questionToken !== undefined || field.questionToken === undefined) &&
      nodeWidens(field.type, other.type)
    );
  });
  const added = [...now].filter(([name]) => !was.has(name));
  return kept && added.every(([, field]) => field.questionToken !== undefined);
}
