import { describe, expect, it } from 'vitest';
import { hashPassword, validatePassword, verifyPassword } from './passwords.ts';
import { isCommonPassword } from './common-passwords.ts';

describe('passwords', () => {
  it('hash with argon2id and verify only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same password twice')).not.toBe(await hashPassword('same password twice'));
  });

  it('refuse short, common and e-mail based passwords with a reason', () => {
    expect(() => validatePassword('short')).toThrow(/at least 12/);
    expect(() => validatePassword('Password1234!')).toThrow(/too easy/);
    expect(() => validatePassword('123456789012')).toThrow(/too easy/);
    expect(() => validatePassword('aaaaaaaaaaaaaaaa')).toThrow(/too easy/);
    expect(() => validatePassword('rina.wijaya-2026!', 'rina.wijaya@shop.test')).toThrow(/too easy/);
    expect(() => validatePassword('lantern orbit cashew tide', 'rina@shop.test')).not.toThrow();
  });

  it('recognise common passwords behind digits and symbols', () => {
    for (const p of ['qwerty', 'Qwerty123', '!!password!!', 'letmein2026', '1q2w3e4r']) expect(isCommonPassword(p), p).toBe(true);
    for (const p of ['lantern orbit cashew tide', 'm4ngo-sunrise-kettle']) expect(isCommonPassword(p), p).toBe(false);
  });
});
