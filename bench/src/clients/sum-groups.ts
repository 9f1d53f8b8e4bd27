/** Splits a flat list of INCR replies back into `groups` and sums each. */
export function sumGroups(
  groups: readonly (readonly string[])[],
  counts: readonly unknown[],
): number[] {
  let offset = 0;
  return groups.map((group) => {
    let sum = 0;
    for (let i = 0; i < group.length; i++) sum += Number(counts[offset + i]);
    offset += group.length;
    return sum;
  });
}
