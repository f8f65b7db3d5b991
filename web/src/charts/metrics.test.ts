import { describe, expect, it } from 'vitest';
import { formatMetric, formatMetricChange, metricLabel } from './metrics';

describe('formatMetric', () => {
  it('signs NPS and rounds it to a whole score', () => {
    expect(formatMetric('NPS', 42.4)).toBe('+42');
    expect(formatMetric('NPS', -7.6)).toBe('-8');
    expect(formatMetric('NPS', 0)).toBe('0');
  });

  it('abbreviates large counts and keeps small ones exact', () => {
    expect(formatMetric('QUERIES_EXECUTED', 123_456)).toBe('123.5K');
    expect(formatMetric('DBU', 1234.56)).toBe('1,234.6');
  });
});

describe('metricLabel', () => {
  it('names known metrics and turns custom UPPER_SNAKE names into words', () => {
    expect(metricLabel('MAP')).toBe('Monthly active participants');
    expect(metricLabel('NOTEBOOKS_SHARED')).toBe('Notebooks shared');
  });
});

describe('formatMetricChange', () => {
  it('gives the size of a change without a sign, since an arrow shows the direction', () => {
    expect(formatMetricChange('NPS', 5.2)).toBe('5');
    expect(formatMetricChange('NPS', -12)).toBe('12');
    expect(formatMetricChange('DBU', -264.71)).toBe('264.7');
  });
});
