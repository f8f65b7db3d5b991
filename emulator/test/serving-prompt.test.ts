import { describe, expect, it } from 'vitest';
import { extractJson, keyValueLines, listOf, numberOf } from '../src/serving/prompt.js';

describe('prompt reading for the rule-based endpoints', () => {
  it('finds the first complete JSON object even when braces appear in strings or text around it', () => {
    const text = 'Signals {not json} follow: {"title": "a } b", "nested": {"x": [1, 2]}} and {"second": true}';
    expect(extractJson(text)).toEqual({ title: 'a } b', nested: { x: [1, 2] } });
  });

  it('prefers a fenced json block', () => {
    expect(extractJson('{"a": 1}\n```json\n{"b": 2}\n```')).toEqual({ b: 2 });
  });

  it('normalises keys of key: value lines, bullets included', () => {
    expect(keyValueLines('- Member count: 40\nNPS = 35\nno colon here')).toEqual({ member_count: '40', nps: '35' });
  });

  it('reads numbers from percentages and words', () => {
    expect(numberOf('-12%')).toBe(-12);
    expect(numberOf('NPS 35')).toBe(35);
    expect(numberOf('none')).toBeUndefined();
  });

  it('reads list items with counts and notes', () => {
    expect(listOf('Claims model (production); Photon tips (55 views); Plain')).toEqual([
      { label: 'Claims model', note: 'production' },
      { label: 'Photon tips', count: 55 },
      { label: 'Plain' },
    ]);
  });
});
