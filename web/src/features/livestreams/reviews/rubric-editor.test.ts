import { describe, expect, it } from 'vitest';
import { keyFromLabel, rubricProblem, toEditable, weightSum } from './rubric-editor';

const anchors = { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' };

describe('rubric editor checks', () => {
  it('makes keys from labels', () => {
    expect(keyFromLabel('Calls to action & interaction!')).toBe('calls_to_action_interaction');
    expect(keyFromLabel('2 Hosts')).toBe('hosts');
    expect(keyFromLabel('***')).toBe('criterion');
  });

  it('names the first problem: weights, empty anchors, duplicate keys', () => {
    const ok = toEditable([
      { key: 'a', label: 'A', weight: 0.6, anchors },
      { key: 'b', label: 'B', weight: 0.4, anchors },
    ]);
    expect(rubricProblem(ok)).toBeNull();
    expect(weightSum(ok)).toBe(1);
    expect(rubricProblem([{ ...ok[0]!, weight: 0.5 }, ok[1]!])).toBe('The weights add up to 90%, not 100%.');
    expect(rubricProblem([ok[0]!, { ...ok[1]!, anchors: { ...anchors, '4': ' ' } }])).toBe('B needs a description for level 4.');
    expect(rubricProblem([ok[0]!, { ...ok[1]!, key: 'a' }])).toBe('Two criteria have the key a; rename one.');
    expect(rubricProblem([])).toBe('Add at least one criterion.');
  });
});
