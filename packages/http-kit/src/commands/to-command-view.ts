import type { CommandRecord, ProblemDetails } from '@contextflow/core-infra';
import type { CommandView } from '../openapi/openapi-schemas.js';

function problemJson({ errors, ...rest }: ProblemDetails): NonNullable<CommandView['error']> {
  return errors === undefined ? rest : { ...rest, errors: errors.map((issue) => ({ ...issue })) };
}

/** The public view of a command record: the issuer stays internal, `result`/`error` appear only when set. */
export function toCommandView(record: CommandRecord): CommandView {
  return {
    id: record.id,
    type: record.type,
    status: record.status,
    ...(record.result === null || record.result === undefined ? {} : { result: record.result }),
    ...(record.error === null ? {} : { error: problemJson(record.error) }),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
