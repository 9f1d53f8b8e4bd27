/**
 * Cases the suite does not run, because the client, the generated table or a reply schema is
 * wrong for them today. Each names the case, the protocols it fails on and what goes wrong; the
 * commands they cover stay out of the validated count. Remove an entry once its fix lands.
 */
export interface KnownIssue {
  /** A case id: `method` or `method label`. */
  readonly case: string;
  readonly protocols: readonly (2 | 3)[];
  readonly issue: string;
}

export const knownIssues: readonly KnownIssue[] = [];

/** The known issue that keeps `caseId` from running over `protocol`, if any. */
export const knownIssueFor = (caseId: string, protocol: 2 | 3): KnownIssue | undefined =>
  knownIssues.find((known) => known.case === caseId && known.protocols.includes(protocol));
