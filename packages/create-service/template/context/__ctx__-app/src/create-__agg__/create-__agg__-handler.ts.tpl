import type { Clock, CommandHandler, IdGenerator } from '@contextflow/core';
import { __Agg__, __Agg__Title, type __Agg__Repository, newStamp } from '@__scope__/__ctx__-domain';
import type { Create__Agg__Command } from './create-__agg__-command.js';

/** Creates a __agg__. A second delivery of the same command finds the id taken and fails as a concurrency conflict. */
export class Create__Agg__Handler
  implements CommandHandler<Create__Agg__Command, { readonly __agg__Id: string }>
{
  constructor(
    readonly repository: __Agg__Repository,
    readonly clock: Clock,
    readonly ids: IdGenerator,
  ) {}

  async handle({ payload }: Create__Agg__Command): Promise<{ readonly __agg__Id: string }> {
    const title = __Agg__Title.of(payload.title);
    const __agg__ = __Agg__.create({ id: payload.__agg__Id, title }, newStamp(this.ids, this.clock));
    await this.repository.save(__agg__);
    return { __agg__Id: __agg__.id };
  }
}
