/** Option parsers for commander that turn bad values into usage errors (exit code 2). */
import { InvalidArgumentError } from 'commander';
import { isIsoDate } from '../core/shared/dates.ts';

export function integerOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return n;
  };
}

export function dateOption(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a date YYYY-MM-DD.');
  return value;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
