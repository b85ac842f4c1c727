import type { BenchResults } from '../common/results.js';

interface Pair {
  readonly label: string;
  readonly unit: string;
  readonly full: number;
  readonly raw: number;
  /** The full stack's bar should reach at least (higher is better) or stay under (lower) this share of raw. */
  readonly goal?: { ratio: number; better: 'higher' | 'lower' };
}

const escape = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * A hand-written SVG of a run: for each measured pair, the full stack's bar next to the raw baseline's, with a
 * dashed mark where the target puts the full stack, then the list of targets met and missed.
 */
export function chartSvg(r: BenchResults): string {
  const pairs: Pair[] = [
    {
      label: 'GET /users/{id} req/s',
      unit: '/s',
      full: r.getUser.full.rps,
      raw: r.getUser.raw.rps,
      goal: { ratio: 0.85, better: 'higher' },
    },
    {
      label: 'GET /users/{id} p99',
      unit: ' ms',
      full: r.getUser.full.p99,
      raw: r.getUser.raw.p99,
      goal: { ratio: 1.5, better: 'lower' },
    },
    {
      label: 'GET /users?limit=20 req/s',
      unit: '/s',
      full: r.listUsers.full.rps,
      raw: r.listUsers.raw.rps,
      goal: { ratio: 0.85, better: 'higher' },
    },
    {
      label: 'GET /users?limit=20 p99',
      unit: ' ms',
      full: r.listUsers.full.p99,
      raw: r.listUsers.raw.p99,
      goal: { ratio: 1.5, better: 'lower' },
    },
    {
      label: 'PATCH accept (202) /s',
      unit: '/s',
      full: r.accept.full.rps,
      raw: r.accept.raw.rps,
      goal: { ratio: 0.6, better: 'higher' },
    },
    {
      label: 'command end to end /s',
      unit: '/s',
      full: r.endToEnd.full.perSecond,
      raw: r.endToEnd.raw.perSecond,
      goal: { ratio: 0.5, better: 'higher' },
    },
  ];
  const width = 820;
  const labelWidth = 210;
  const barMax = width - labelWidth - 150;
  const rowHeight = 54;
  const top = 64;
  const parts: string[] = [];
  pairs.forEach((pair, i) => {
    const y = top + i * rowHeight;
    const scale = Math.max(pair.full, pair.raw, pair.goal === undefined ? 0 : pair.raw * pair.goal.ratio);
    const w = (value: number) => Math.max(1, (value / scale) * barMax);
    const ok =
      pair.goal === undefined ||
      (pair.goal.better === 'higher'
        ? pair.full >= pair.raw * pair.goal.ratio
        : pair.full <= pair.raw * pair.goal.ratio);
    parts.push(
      `<text x="10" y="${y + 22}" class="label">${escape(pair.label)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${w(pair.full).toFixed(1)}" height="18" class="${ok ? 'full' : 'miss'}"/>`,
      `<text x="${labelWidth + w(pair.full) + 6}" y="${y + 14}" class="value">contextflow ${pair.full.toFixed(pair.unit === '/s' ? 0 : 1)}${pair.unit}</text>`,
      `<rect x="${labelWidth}" y="${y + 22}" width="${w(pair.raw).toFixed(1)}" height="18" class="raw"/>`,
      `<text x="${labelWidth + w(pair.raw) + 6}" y="${y + 36}" class="value">raw ${pair.raw.toFixed(pair.unit === '/s' ? 0 : 1)}${pair.unit}</text>`,
    );
    if (pair.goal !== undefined) {
      const x = labelWidth + w(pair.raw * pair.goal.ratio);
      parts.push(
        `<line x1="${x.toFixed(1)}" y1="${y - 3}" x2="${x.toFixed(1)}" y2="${y + 21}" class="goal"/>`,
      );
    }
  });
  const listTop = top + pairs.length * rowHeight + 24;
  parts.push(`<text x="10" y="${listTop}" class="heading">Targets</text>`);
  r.targets.forEach((t, i) => {
    const y = listTop + 22 + i * 20;
    parts.push(
      `<text x="10" y="${y}" class="${t.met ? 'met' : 'missed'}">${t.met ? '✔' : '✘'}</text>`,
      `<text x="30" y="${y}" class="label">${escape(`${t.name}: ${t.actual} (goal ${t.target})`)}</text>`,
    );
  });
  const height = listTop + 22 + r.targets.length * 20 + 16;
  const subtitle = `${r.startedAt.slice(0, 16).replace('T', ' ')} UTC · ${r.machine.cpus} cores · ${r.machine.memoryGiB.toFixed(0)} GiB · Node ${r.machine.node} · load average ${r.machine.loadAverage[0]?.toFixed(1) ?? '?'} at start · load generator on the same box · dashed mark = target`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">`,
    '<style>.label{fill:#222}.value{fill:#444;font-size:12px}.heading{font-weight:600;font-size:15px;fill:#111}.full{fill:#2f6fdb}.miss{fill:#d9534f}.raw{fill:#9aa5b1}.goal{stroke:#111;stroke-width:2;stroke-dasharray:3 2}.met{fill:#2e7d32}.missed{fill:#c62828}</style>',
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    '<text x="10" y="24" class="heading">contextflow vs the raw stack, one run</text>',
    `<text x="10" y="44" class="value">${escape(subtitle)}</text>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
