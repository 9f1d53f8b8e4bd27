/**
 * Checks the suite knows to fail today, because the client, the generated table or the spec is
 * wrong for them. Each names the case (a reply case id, or `unsupported <method or argument>` in
 * unsupported-commands.test.ts), the checks it fails and what goes wrong. A listed check still
 * runs, as an expected failure (`it.fails`): it turns red the day the issue is fixed, so the
 * entry gets removed then. Commands with a known issue stay out of the validated count.
 */
export interface KnownIssue {
  readonly case: string;
  /** `2`, `3`: its reply fails its schema on that protocol; `same-value`: RESP2 ≠ RESP3. */
  readonly checks: readonly KnownIssueCheck[];
  readonly issue: string;
}

export type KnownIssueCheck = 2 | 3 | 'same-value';

/**
 * None today: the last ones (COMMAND, COMMAND INFO and COMMAND DOCS leaving subcommands' key
 * specs and nested arguments flat over RESP2) were fixed by reply definitions in
 * specs/overlay/reply-errata.json (issue 15).
 */
export const knownIssues: readonly KnownIssue[] = [];

/** The known issue that makes `caseId` fail `check`, if any. */
export const knownIssueFor = (caseId: string, check: KnownIssueCheck): KnownIssue | undefined =>
  knownIssues.find((known) => known.case === caseId && known.checks.includes(check));
