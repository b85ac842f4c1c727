import { type Account, login, signUp } from './accounts.js';
import { client } from './http-client.js';
import { startSystem, type System } from './system.js';

/** A started system, its bootstrap administrator signed in, and two signed-up users, Alice and Bob. */
export interface SystemWithUsers {
  readonly system: System;
  readonly alice: Account;
  readonly bob: Account;
  readonly adminToken: string;
}

/**
 * Starts the system with `admin` as its bootstrap administrator, signs up Alice and Bob and signs the
 * administrator in. The system is closed again when any of that fails.
 */
export async function startSystemWithUsers(admin: {
  readonly email: string;
  readonly password: string;
}): Promise<SystemWithUsers> {
  const system = await startSystem({
    env: { BOOTSTRAP_ADMIN_EMAIL: admin.email, BOOTSTRAP_ADMIN_PASSWORD: admin.password },
  });
  try {
    const call = client(system.baseUrl);
    const alice = await signUp(call, 'alice@example.com', 'Alice');
    const bob = await signUp(call, 'bob@example.com', 'Bob');
    const adminToken = (await login(call, admin.email, admin.password)).accessToken;
    return { system, alice, bob, adminToken };
  } catch (error) {
    await system.close();
    throw error;
  }
}
