import type { LoginResult, User } from '@contract/auth';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { taroJSONStorage } from './taroStorage';

export interface SessionState {
  token: string | null;
  expiresAt: string | null;
  user: User | null;
  signIn: (result: LoginResult) => void;
  setUser: (user: User) => void;
  /** Forget the session locally (the server side is revoked by POST /api/auth/logout before this, when possible). */
  clear: () => void;
}

export const SESSION_STORAGE_KEY = 'lj-session';

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      token: null,
      expiresAt: null,
      user: null,
      signIn: ({ token, expiresAt, user }) => set({ token, expiresAt, user }),
      setUser: (user) => set({ user }),
      clear: () => set({ token: null, expiresAt: null, user: null }),
    }),
    {
      name: SESSION_STORAGE_KEY,
      storage: taroJSONStorage,
      partialize: ({ token, expiresAt, user }) => ({ token, expiresAt, user }),
    },
  ),
);
