import type { DigestVolume } from "@/lib/papers/topic-stats";

const BAR_WIDTH = 36;
const GAP = 14;
const HEIGHT = 120;
const PAD = 8;

/** A small bar chart of a topic's share of each digest, drawn as SVG on the server. */
export function VolumeChart({ volume, topicName }: { volume: DigestVolume[]; topicName: string }) {
  if (volume.length === 0) return null;
  const share = (v: DigestVolume) => (v.total === 0 ? 0 : v.papers / v.total);
  const max = Math.max(...volume.map(share), 0.01);
  const width = volume.length * (BAR_WIDTH + GAP) + 2 * PAD;
  const summary = volume.map((v) => `${v.label}: ${v.papers} of ${v.total}`).join("; ");
  return (
    <figure className="overflow-x-auto">
      <svg
        role="img"
        aria-label={`${topicName} papers per digest — ${summary}`}
        viewBox={`0 0 ${width} ${HEIGHT + 36}`}
        width={width}
        height={HEIGHT + 36}
        className="text-accent-600 dark:text-accent-500"
      >
        {volume.map((v, i) => {
          const h = Math.round((share(v) / max) * HEIGHT);
          const x = PAD + i * (BAR_WIDTH + GAP);
          return (
            <g key={v.digestId}>
              <rect x={x} y={HEIGHT - h} width={BAR_WIDTH} height={Math.max(h, 1)} rx={3} fill="currentColor" opacity={0.85} />
              <text
                x={x + BAR_WIDTH / 2}
                y={HEIGHT - h - 4}
                textAnchor="middle"
                className="fill-stone-600 text-[10px] dark:fill-stone-300"
              >
                {v.papers}
              </text>
              <text x={x + BAR_WIDTH / 2} y={HEIGHT + 14} textAnchor="middle" className="fill-stone-500 text-[10px]">
                {v.label.length > 7 ? `${v.label.slice(0, 6)}…` : v.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-xs text-stone-500">
        Papers per digest (bar height: share of the digest), oldest first; undated digests come first.
      </figcaption>
    </figure>
  );
}
