import { describe, expect, it } from 'vitest';
import { camelCase, methodName, parameterName, pascalCase, propertyKey } from './naming.js';

describe('naming', () => {
  it('derives method names from command names', () => {
    expect(methodName('INCR')).toBe('incr');
    expect(methodName('CLIENT KILL')).toBe('clientKill');
    expect(methodName('XINFO STREAM')).toBe('xinfoStream');
    expect(methodName('CLUSTER COUNT-FAILURE-REPORTS')).toBe('clusterCountFailureReports');
    expect(methodName('BITFIELD_RO')).toBe('bitfieldRo');
    expect(methodName('CLIENT NO-EVICT')).toBe('clientNoEvict');
  });

  it('makes safe parameter names', () => {
    expect(parameterName('function')).toBe('functionName');
    expect(parameterName('unix-time-seconds')).toBe('unixTimeSeconds');
    expect(parameterName('2nd')).toBe('_2nd');
  });

  it('quotes property keys that are not identifiers', () => {
    expect(propertyKey('withscores')).toBe('withscores');
    expect(propertyKey('peak.allocated')).toBe("'peak.allocated'");
    expect(pascalCase('clientKill')).toBe('ClientKill');
    expect(camelCase('')).toBe('');
  });
});
