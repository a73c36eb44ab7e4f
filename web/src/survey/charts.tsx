/** Plain SVG charts for the SKM report: no chart library, readable in print and screenshots. */

const MUTU_COLOR: Record<string, string> = { A: '#0b7a3e', B: '#2e75b6', C: '#c77c02', D: '#a4161a' };
export const mutuColor = (m: string | undefined | null) => (m ? (MUTU_COLOR[m] ?? '#777') : '#999');

/** Vertical bars of NRR (1-4) per unsur, with the 2.60 / 3.0644 / 3.5324 grade lines. */
export function UnsurBars({ rows, title }: { rows: { code: string; name: string; nrr: number | null }[]; title: string }) {
  const w = 640;
  const h = 240;
  const pad = { l: 34, r: 10, t: 16, b: 28 };
  const bw = (w - pad.l - pad.r) / rows.length;
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - v / 4);
  return (
    <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={title} className="skm-chart">
      <title>{title}</title>
      {[1, 2, 3, 4].map((v) => (
        <g key={v}>
          <line x1={pad.l} x2={w - pad.r} y1={y(v)} y2={y(v)} stroke="#d3dbe0" />
          <text x={pad.l - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#4d5b66">{v}</text>
        </g>
      ))}
      {[
        [2.6, 'C'],
        [3.0644, 'B'],
        [3.5324, 'A'],
      ].map(([v, m]) => (
        <g key={m as string}>
          <line x1={pad.l} x2={w - pad.r} y1={y(v as number)} y2={y(v as number)} stroke={mutuColor(m as string)} strokeDasharray="4 3" />
          <text x={w - pad.r} y={y(v as number) - 3} textAnchor="end" fontSize="10" fill={mutuColor(m as string)}>{m}</text>
        </g>
      ))}
      {rows.map((r, i) => {
        const x = pad.l + i * bw + bw * 0.18;
        const v = r.nrr ?? 0;
        return (
          <g key={r.code}>
            <rect x={x} y={y(v)} width={bw * 0.64} height={y(0) - y(v)} fill="#0b5d4b" rx="2">
              <title>{`${r.code} ${r.name}: ${r.nrr ?? '-'}`}</title>
            </rect>
            <text x={x + bw * 0.32} y={y(v) - 4} textAnchor="middle" fontSize="11">{r.nrr === null ? '–' : r.nrr.toFixed(2)}</text>
            <text x={x + bw * 0.32} y={h - 10} textAnchor="middle" fontSize="11" fontWeight="600">{r.code}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** IKM (25-100) over periods as a line, with the grade bands behind it. */
export function TrendLine({ points, title }: { points: { label: string; ikm: number | null; mutu: string | null }[]; title: string }) {
  const w = 640;
  const h = 220;
  const pad = { l: 34, r: 12, t: 12, b: 40 };
  const lo = 50;
  const x = (i: number) => pad.l + ((w - pad.l - pad.r) * (i + 0.5)) / Math.max(points.length, 1);
  const y = (v: number) => pad.t + (h - pad.t - pad.b) * (1 - (Math.max(v, lo) - lo) / (100 - lo));
  const bands: [number, number, string][] = [
    [lo, 65, 'D'],
    [65, 76.61, 'C'],
    [76.61, 88.31, 'B'],
    [88.31, 100, 'A'],
  ];
  const pts = points.map((p, i) => (p.ikm === null ? null : [x(i), y(p.ikm)] as const));
  const path = pts.reduce((d, p, i) => (p ? `${d}${d && pts[i - 1] ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}` : d), '');
  return (
    <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={title} className="skm-chart">
      <title>{title}</title>
      {bands.map(([a, b, m]) => (
        <g key={m}>
          <rect x={pad.l} width={w - pad.l - pad.r} y={y(b)} height={y(a) - y(b)} fill={mutuColor(m)} opacity="0.07" />
          <text x={pad.l + 4} y={y(b) + 12} fontSize="10" fill={mutuColor(m)}>{m}</text>
        </g>
      ))}
      {[50, 65, 76.61, 88.31, 100].map((v) => (
        <text key={v} x={pad.l - 4} y={y(v) + 4} textAnchor="end" fontSize="10" fill="#4d5b66">{Math.round(v)}</text>
      ))}
      <path d={path} fill="none" stroke="#0b5d4b" strokeWidth="2.5" />
      {points.map((p, i) => (
        <g key={p.label}>
          {p.ikm !== null && (
            <>
              <circle cx={x(i)} cy={y(p.ikm)} r="4.5" fill={mutuColor(p.mutu)} />
              <text x={x(i)} y={y(p.ikm) - 8} textAnchor="middle" fontSize="10.5">{p.ikm.toFixed(2)}</text>
            </>
          )}
          <text x={x(i)} y={h - 22} textAnchor="middle" fontSize="10" fill="#4d5b66">{p.label}</text>
        </g>
      ))}
    </svg>
  );
}

/** Horizontal bars comparing agencies by IKM, coloured by mutu. */
export function TenantBars({ rows, title }: { rows: { name: string; ikm: number | null; mutu: string | null; respondents: number }[]; title: string }) {
  const w = 640;
  const rowH = 28;
  const labelW = 190;
  const h = rows.length * rowH + 8;
  const x = (v: number) => labelW + ((w - labelW - 70) * v) / 100;
  return (
    <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={title} className="skm-chart">
      <title>{title}</title>
      {rows.map((r, i) => (
        <g key={r.name} transform={`translate(0 ${i * rowH + 4})`}>
          <text x={labelW - 8} y={rowH / 2 + 4} textAnchor="end" fontSize="12">{r.name.length > 28 ? `${r.name.slice(0, 27)}…` : r.name}</text>
          <rect x={labelW} y={4} width={Math.max(0, x(r.ikm ?? 0) - labelW)} height={rowH - 10} fill={mutuColor(r.mutu)} rx="2" />
          <text x={x(r.ikm ?? 0) + 6} y={rowH / 2 + 4} fontSize="12" fontWeight="600">
            {r.ikm === null ? '–' : `${r.ikm.toFixed(2)} ${r.mutu ?? ''}`} <tspan fill="#4d5b66" fontWeight="400">({r.respondents})</tspan>
          </text>
        </g>
      ))}
    </svg>
  );
}
