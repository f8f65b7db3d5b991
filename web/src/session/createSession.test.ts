// @vitest-environment jsdom
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, TOKEN_KEY } from './createSession';

afterEach(() => localStorage.clear());

describe('createSession', () => {
  it('restores the token a previous page load stored', () => {
    localStorage.setItem(TOKEN_KEY, 'stored-token');
    createRoot((dispose) => {
      expect(createSession().token()).toBe('stored-token');
      dispose();
    });
  });

  it('persists the token on sign-in and removes it on sign-out', () => {
    createRoot((dispose) => {
      const session = createSession();
      session.signIn('fresh-token');
      expect(session.token()).toBe('fresh-token');
      expect(localStorage.getItem(TOKEN_KEY)).toBe('fresh-token');
      session.signOut();
      expect(session.token()).toBeNull();
      expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
      dispose();
    });
  });

  it('follows a sign-out made in another tab', () => {
    createRoot((dispose) => {
      const session = createSession();
      session.signIn('shared-token');
      // Another tab removed the token: the browser fires a storage event in this one.
      localStorage.removeItem(TOKEN_KEY);
      window.dispatchEvent(new StorageEvent('storage', { key: TOKEN_KEY }));
      expect(session.token()).toBeNull();
      dispose();
    });
  });
});
