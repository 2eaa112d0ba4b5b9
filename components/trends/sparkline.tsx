import { percent, type Share } from "@/lib/trends/rank";

const WIDTH = 112;
const HEIGHT = 28;
const PAD = 3;

/**
 * A topic's share at each point of the windows as a small line, drawn as SVG on the server; the
 * last point (the recent window) is marked. Its text alternative lists every point's share,
 * oldest first (the table's caption says which periods they are: 25 rows repeat no dates).
 */
export function Sparkline({ points, subject }: { points: Share[]; subject: string }) {
  const max = Math.max(...points.map((p) => p.share ?? 0), 0.0001);
  const step = points.length > 1 ? (WIDTH - 2 * PAD) / (points.length - 1) : 0;
  const xy = points.map((p, i) =>
    p.share === null ? null : { x: PAD + i * step, y: HEIGHT - PAD - (p.share / max) * (HEIGHT - 2 * PAD) },
  );
  // A point without papers (a week without digests) breaks the line.
  const segments: string[] = [];
  let current: string[] = [];
  for (const point of xy) {
    if (point) current.push(`${point.x.toFixed(1)},${point.y.toFixed(1)}`);
    else if (current.length) {
      segments.push(current.join(" "));
      current = [];
    }
  }
  if (current.length) segments.push(current.join(" "));
  const last = xy[xy.length - 1];
  const description = points.map((p) => percent(p.share)).join(", ");
  return (
    <svg
      role="img"
      aria-label={`${subject}, share of papers: ${description}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      className="h-auto w-16 overflow-visible text-accent-600 sm:w-28 dark:text-accent-500"
    >
      <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} stroke="currentColor" strokeOpacity={0.25} />
      {segments.map((s) =>
        s.includes(" ") ? (
          <polyline key={s} points={s} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" />
        ) : (
          <circle key={s} cx={s.split(",")[0]} cy={s.split(",")[1]} r={1.5} fill="currentColor" />
        ),
      )}
      {last && <circle cx={last.x} cy={last.y} r={2.75} fill="currentColor" />}
    </svg>
  );
}
