import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionTokens } from './jwt.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('SessionTokens', () => {
  it('stops accepting a token it verified before once the token expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const sessions = new SessionTokens('a-test-secret-of-some-length', '1h');
    const token = await sessions.sign('user-1');
    expect(await sessions.verify(token)).toBe('user-1');
    expect(await sessions.verify(token)).toBe('user-1');
    vi.setSystemTime(Date.now() + 2 * 3_600_000);
    expect(await sessions.verify(token)).toBeNull();
  });

  it('rejects a token signed with another secret or altered', async () => {
    const sessions = new SessionTokens('a-test-secret-of-some-length', '1h');
    const token = await sessions.sign('user-1');
    expect(await sessions.verify(token)).toBe('user-1');
    expect(await new SessionTokens('another-secret-of-some-length', '1h').verify(token)).toBeNull();
    expect(await sessions.verify(`${token.slice(0, -2)}xx`)).toBeNull();
  });
});
