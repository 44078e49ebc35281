// Who may do what. Four roles on a ladder for changes (an admin may do what an operator may, an
// operator what an agent may), and every role may read; the auditor only reads, and sees phone
// numbers and birth years masked.

export const roles = ['auditor', 'agent', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

/**
 * What a route asks of its caller: nothing (Twilio, the payment provider, a payer's link), any
 * role, a rung of the ladder, or `audit`: an auditor or an admin, off the ladder (decoded Temporal
 * payloads show every person's profile in clear, which agents and operators have no need of).
 */
export type Access = 'public' | 'read' | 'audit' | 'agent' | 'operator' | 'admin';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function allows(role: Role, access: Access): boolean {
  if (access === 'public' || access === 'read') return true;
  if (access === 'audit') return role === 'auditor' || role === 'admin';
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

/** How a refusal names what was needed. */
export function describeAccess(access: Access): string {
  return access === 'audit' ? 'auditor or admin role' : `${access} role or above`;
}
