import type { QueryHandler } from '@contextflow/core';
import { __Ctx__Errors } from '@__scope__/__ctx__-domain';
import type { __Agg__View } from '../contracts/__agg__-view.js';
import type { __Agg__ReadModel } from '../ports/__agg__-read-model.js';
import type { Get__Agg__Query } from './get-__agg__-query.js';

/** Answers a __agg__'s view to any signed-in caller (the route requires one); not found is `__ctx__.not_found`. */
export class Get__Agg__Handler implements QueryHandler<Get__Agg__Query, __Agg__View> {
  constructor(readonly readModel: __Agg__ReadModel) {}

  async handle({ params }: Get__Agg__Query): Promise<__Agg__View> {
    const view = await this.readModel.get(params.__agg__Id);
    if (view === null) throw __Ctx__Errors.notFound();
    return view;
  }
}
