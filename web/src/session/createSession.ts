import { type Accessor, createSignal, onCleanup } from 'solid-js';

/** localStorage key of the bearer token returned by `signIn`. */
export const TOKEN_KEY = 'copos.token';

export interface Session {
  /** The bearer token, or null when signed out. */
  token: Accessor<string | null>;
  signIn(token: string): void;
  signOut(): void;
}

/**
 * The signed-in state, persisted in `storage` so a reload keeps the user signed in,
 * and kept in step with other tabs (signing out in one tab signs out all of them).
 */
export function createSession(storage: Storage = localStorage): Session {
  const [token, setToken] = createSignal<string | null>(storage.getItem(TOKEN_KEY));

  const onStorage = (event: StorageEvent) => {
    if (event.key === TOKEN_KEY || event.key === null) setToken(storage.getItem(TOKEN_KEY));
  };
  window.addEventListener('storage', onStorage);
  onCleanup(() => window.removeEventListener('storage', onStorage));

  return {
    token,
    signIn(next) {
      storage.setItem(TOKEN_KEY, next);
      setToken(next);
    },
    signOut() {
      storage.removeItem(TOKEN_KEY);
      setToken(null);
    },
  };
}
