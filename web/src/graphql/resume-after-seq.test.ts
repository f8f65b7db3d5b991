import { describe, expect, it } from 'vitest';
import { advanceAfterSeq, deliveredSeq } from './resume-after-seq';

const payload = (afterSeq: number | null) => ({ query: 'subscription', variables: { runId: 'r1', afterSeq } });

describe('advanceAfterSeq', () => {
  it('moves afterSeq to the snapshot, then to each event, so a reconnect resumes after the last one', () => {
    const sent = payload(null);
    advanceAfterSeq(sent, { data: { runEvents: { snapshot: { lastSeq: 2 }, event: null } } });
    expect(sent.variables.afterSeq).toBe(2);
    advanceAfterSeq(sent, { data: { runEvents: { snapshot: null, event: { seq: 3 } } } });
    expect(sent.variables.afterSeq).toBe(3);
  });

  it('never moves afterSeq backwards', () => {
    const sent = payload(5);
    advanceAfterSeq(sent, { data: { runEvents: { snapshot: { lastSeq: 4 }, event: null } } });
    expect(sent.variables.afterSeq).toBe(5);
  });

  it('leaves subscriptions without afterSeq alone', () => {
    const sent = { query: 'subscription', variables: { copId: 'c1' } };
    advanceAfterSeq(sent, { data: { runEvents: { event: { seq: 9 } } } });
    expect(sent.variables).toEqual({ copId: 'c1' });
  });
});

describe('deliveredSeq', () => {
  it('is undefined for results that carry no sequence number', () => {
    expect(deliveredSeq({ data: { runsChanged: { id: 'r1' } } })).toBeUndefined();
    expect(deliveredSeq({ data: null })).toBeUndefined();
  });
});
