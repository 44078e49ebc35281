// Who may do what. Four roles on a ladder for changes (an admin may do what an operator may, an
// operator what an agent may), and every role may read; the auditor only reads, and sees phone
// numbers and birth years masked.

export const roles = ['auditor', 'agent', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

/** What a route asks of its caller: nothing (Twilio, the payment provider, a payer's link), any role, or a rung of the ladder. */
export type Access = 'public' | 'read' | 'agent' | 'operator' | 'admin';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function allows(role: Role, access: Access): boolean {
  if (access === 'public' || access === 'read') return true;
  return roles.indexOf(role) >= roles.indexOf(access);
}

/** Who made a request: shown in audit events and workflow updates as `actor`. */
export interface Principal {
  role: Role;
  /** `key:<name>` for an API key, `oidc:<subject>` for a bearer token. */
  actor: string;
  /** What rate limits count against: the key's id or the token's subject. */
  limitKey: string;
}
