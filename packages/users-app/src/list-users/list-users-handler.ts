import { isAdmin, type Page, type QueryHandler } from '@contextflow/core';
import { UsersErrors } from '@contextflow/users-domain';
import type { UserView } from '../contracts/user-view.js';
import type { UserReadModel } from '../ports/user-read-model.js';
import type { ListUsersQuery } from './list-users-query.js';

/** Answers a page of users for an admin; anyone else gets forbidden (`users.admin_only`). */
export class ListUsersHandler implements QueryHandler<ListUsersQuery, Page<UserView>> {
  constructor(readonly readModel: UserReadModel) {}

  async handle({ params, actor }: ListUsersQuery): Promise<Page<UserView>> {
    if (!isAdmin(actor)) throw UsersErrors.adminOnly();
    // A blank search means no search, not "names containing a space".
    const q = params.q?.trim() || undefined;
    return this.readModel.list({ limit: params.limit, cursor: params.cursor, status: params.status, q });
  }
}
