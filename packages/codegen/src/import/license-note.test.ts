import { describe, expect, it } from 'vitest';
import { parseLicenseNote } from './license-note.js';

const NOTE = `
Intro text | with a pipe that is not a table.

| folder | repository | ref (commit, commit date) | files | license at that ref |
|---|---|---|---|---|
| \`redis-7.2.6/\` | https://github.com/redis/redis | tag \`7.2.6\` (\`ae6a2aa95cd094b032e7a69b8b59f64dd1ed085f\`, 2024-10-02) | 392 | BSD-3-Clause (\`COPYING\`, same text) |
| \`redis-7.4.1/\` | https://github.com/redis/redis | tag \`7.4.1\` | 401 | Dual license, RSALv2 or SSPLv1 (\`LICENSE.txt\`: "…") |
`;

describe('parseLicenseNote', () => {
  it('keys rows by folder name and keeps the facts of each column', () => {
    const notes = parseLicenseNote(NOTE);
    expect([...notes.keys()]).toEqual(['redis-7.2.6', 'redis-7.4.1']);
    expect(notes.get('redis-7.2.6')).toEqual({
      repository: 'https://github.com/redis/redis',
      ref: 'ae6a2aa95cd094b032e7a69b8b59f64dd1ed085f',
      license: 'BSD-3-Clause',
    });
  });

  it('falls back to the tag without a commit and writes dual licenses the SPDX way', () => {
    expect(parseLicenseNote(NOTE).get('redis-7.4.1')).toMatchObject({
      ref: '7.4.1',
      license: 'RSALv2 OR SSPLv1',
    });
  });

  it('finds nothing in a note without a folder table', () => {
    expect(parseLicenseNote('# no table here').size).toBe(0);
  });
});
