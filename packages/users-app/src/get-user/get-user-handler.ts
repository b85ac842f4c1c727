import { isSelfOrAdmin, type QueryHandler } from '@contextflow/core';
import { UsersErrors } from '@contextflow/users-domain';
import type { UserView } from '../contracts/user-view.js';
import type { UserReadModel } from '../ports/user-read-model.js';
import type { GetUserQuery } from './get-user-query.js';

/** Answers a user's view. Another user's id answers not found (`users.not_found`), exactly like an unknown one. */
export class GetUserHandler implements QueryHandler<GetUserQuery, UserView> {
  constructor(readonly readModel: UserReadModel) {}

  async handle({ params, actor }: GetUserQuery): Promise<UserView> {
    if (!isSelfOrAdmin(actor, params.userId)) throw UsersErrors.notFound();
    const view = await this.readModel.get(params.userId);
    if (view === null) throw UsersErrors.notFound();
    return view;
  }
}
