import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './safe-next';

describe('safeNextPath', () => {
  it('follows paths inside the app, keeping query and hash', () => {
    expect(safeNextPath('/settings/audit')).toBe('/settings/audit');
    expect(safeNextPath('/settings/audit?user=a%40b.c&entity=note')).toBe(
      '/settings/audit?user=a%40b.c&entity=note',
    );
    expect(safeNextPath('/workspace#notes')).toBe('/workspace#notes');
  });

  it('refuses anything that could leave the app', () => {
    for (const next of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      'settings',
      '',
      null,
    ]) {
      expect(safeNextPath(next), String(next)).toBe('/');
    }
  });

  it('never returns to the sign-in or setup page', () => {
    expect(safeNextPath('/sign-in?next=/x')).toBe('/');
    expect(safeNextPath('/setup')).toBe('/');
  });
});

describe('signInPath', () => {
  it('carries the page to come back to', () => {
    expect(signInPath('/settings/users')).toBe('/sign-in?next=%2Fsettings%2Fusers');
    expect(signInPath('/', 'expired')).toBe('/sign-in?reason=expired');
    expect(signInPath('/')).toBe('/sign-in');
  });
});
