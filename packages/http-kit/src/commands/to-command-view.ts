import type { CommandRecord, ProblemDetails } from '@contextflow/core-infra';
import type { CommandView } from '../openapi/openapi-schemas.js';

function problemJson({ errors, ...rest }: ProblemDetails): NonNullable<CommandView['error']> {
  return errors === undefined ? rest : { ...rest, errors: errors.map((issue) => ({ ...issue })) };
}

/**
 * The public view of a command record: `result`/`error` appear only when set; the issuer stays internal except
 * on an operator action (one with progress), where who asked is part of its audit trail.
 */
export function toCommandView(record: CommandRecord): CommandView {
  return {
    id: record.id,
    type: record.type,
    status: record.status,
    ...(record.result === null || record.result === undefined ? {} : { result: record.result }),
    ...(record.error === null ? {} : { error: problemJson(record.error) }),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    // Who asked is shown with the progress of an operator action, the audit trail's question.
    ...(record.progress === undefined
      ? {}
      : { progress: record.progress, ...(record.issuedBy === null ? {} : { issuedBy: record.issuedBy }) }),
  };
}
