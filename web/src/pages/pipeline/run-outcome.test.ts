import { describe, expect, it } from 'vitest';
import { formatDuration, formatRecords, runOutcome } from './run-outcome';

describe('runOutcome', () => {
  it('is running until the run is terminal, whatever its result so far', () => {
    expect(runOutcome({ isTerminal: false, resultState: null })).toBe('running');
  });

  it('maps Databricks result states to succeeded, canceled or failed', () => {
    expect(runOutcome({ isTerminal: true, resultState: 'SUCCESS' })).toBe('succeeded');
    expect(runOutcome({ isTerminal: true, resultState: 'CANCELED' })).toBe('canceled');
    expect(runOutcome({ isTerminal: true, resultState: 'FAILED' })).toBe('failed');
    expect(runOutcome({ isTerminal: true, resultState: 'TIMEDOUT' })).toBe('failed');
    expect(runOutcome({ isTerminal: true, resultState: null })).toBe('failed');
  });
});

describe('formatDuration', () => {
  it('says durations in seconds, minutes and hours', () => {
    expect(formatDuration(400)).toBe('<1 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(65_000)).toBe('1 min 5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
  });
});

describe('formatRecords', () => {
  it('groups thousands and agrees in number', () => {
    expect(formatRecords(12345)).toBe('12,345 records');
    expect(formatRecords(1)).toBe('1 record');
  });
});
