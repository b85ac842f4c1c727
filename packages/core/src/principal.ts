/** The roles a principal can hold. */
export type Role = 'user' | 'admin';

/** All roles, for validation. */
export const ROLES: readonly Role[] = ['user', 'admin'];

/** Who is acting: an authenticated user with their roles, or the system itself. */
export interface Principal {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** The session the credentials belong to, when they came from one. */
  readonly sessionId?: string;
}

/** The principal of work the system does on its own (bootstrap, reactions to events). */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({
  userId: 'system',
  roles: Object.freeze(['admin'] as Role[]),
});

/** Whether the principal holds the admin role. */
export function isAdmin(principal: Principal | null | undefined): boolean {
  return principal?.roles.includes('admin') ?? false;
}

/** Whether the principal may see or change what belongs to `ownerId`: itself or an admin. */
export function isSelfOrAdmin(principal: Principal | null | undefined, ownerId: string): boolean {
  return principal != null && (principal.userId === ownerId || isAdmin(principal));
}
