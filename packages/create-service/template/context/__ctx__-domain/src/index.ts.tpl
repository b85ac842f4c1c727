export { __Agg__, type __Agg__Event, type __Agg__Snapshot } from './__agg__.js';
export { __Agg__CreatedEvent } from './__agg__-created-event.js';
export { __Agg__Repository } from './__agg__-repository.js';
export { __Agg__Title } from './__agg__-title.js';
export { __Ctx__Errors } from './errors.js';
export { newStamp } from './stamp.js';
