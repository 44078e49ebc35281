import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { allows, type Access, type Role } from '../src/auth/roles';

/** Who is signed in; the console shows each person what their role may see and do. */
export interface Session {
  actor: string;
  role: Role;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('the console rendered a page before sign-in');
  return session;
}

/** Whether the signed-in person may use a route of this access (the server checks again). */
export function useCan(access: Access): boolean {
  return allows(useSession().role, access);
}
