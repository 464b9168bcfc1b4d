import { describe, expect, it } from 'vitest';
import { confirmationProblem, emailProblem, passwordProblem } from './password-rules';

describe('passwordProblem', () => {
  it('asks for 12 characters', () => {
    expect(passwordProblem('short')).toBe('Use at least 12 characters (5 so far).');
    expect(passwordProblem('long enough!')).toBeNull();
  });
});

describe('confirmationProblem', () => {
  it('wants both entries identical, case included', () => {
    expect(confirmationProblem('long enough pw', 'long enough pW')).toBe('The two passwords differ.');
    expect(confirmationProblem('long enough pw', 'long enough pw')).toBeNull();
  });
});

describe('emailProblem', () => {
  it('catches a missing @ or a blank, and accepts ordinary addresses', () => {
    expect(emailProblem('ana.example.com')).not.toBeNull();
    expect(emailProblem('  ')).not.toBeNull();
    expect(emailProblem(' ana@example.com ')).toBeNull();
  });
});
