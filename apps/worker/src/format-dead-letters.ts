import type { DeadLetter } from '@contextflow/runtime/operations';

/** How long ago, in the largest whole unit (`42s`, `5m`, `3h`, `12d`); `-` when unknown. */
export function formatAge(since: Date | undefined, now: Date = new Date()): string {
  if (since === undefined) return '-';
  const seconds = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

/** Lines of a left-aligned table (two spaces between columns), header first. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The table of `dead-letters list`: id, type, queue it died in, reason, times it died there, age. */
export function formatDeadLetters(letters: readonly DeadLetter[], now: Date = new Date()): string[] {
  return formatTable(
    ['ID', 'TYPE', 'DIED IN', 'REASON', 'COUNT', 'AGE'],
    letters.map((letter) => [
      letter.messageId ?? '-',
      letter.type ?? '-',
      letter.death?.queue ?? letter.deadLetterQueue,
      letter.death?.reason ?? '-',
      String(letter.death?.count ?? '-'),
      formatAge(letter.death?.time, now),
    ]),
  );
}

/** `dead-letters show`: where it rests, its properties, headers and body, as indented JSON. */
export function formatDeadLetter(letter: DeadLetter): string {
  return JSON.stringify(
    {
      messageId: letter.messageId ?? null,
      type: letter.type ?? null,
      correlationId: letter.correlationId ?? null,
      deadLetterQueue: letter.deadLetterQueue,
      death: letter.death ?? null,
      headers: letter.headers,
      body: letter.body,
    },
    null,
    2,
  );
}
