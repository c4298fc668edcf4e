// A small line chart in SVG for a phone screen. It is an image with a name and a
// description for screen readers; the screens that use it also show the same numbers as
// a table, which is the chart's full text alternative.

export interface ChartPoint {
  /** Shown under the first and last points (e.g. "1年目", "11/24"). */
  label: string
  value: number
}

interface LineChartProps {
  id: string
  points: ChartPoint[]
  min: number
  max: number
  /** Values with a grid line and a label on the left. */
  ticks: number[]
  formatTick: (value: number) => string
  /** The accessible name and description (also shown on hover as the SVG title). */
  title: string
  desc: string
  /** Fill the area under the line (a growing total). */
  area?: boolean
  testid?: string
}

const WIDTH = 340
const HEIGHT = 190
const PAD = { top: 12, right: 12, bottom: 26, left: 52 }

export function LineChart({ id, points, min, max, ticks, formatTick, title, desc, area, testid }: LineChartProps) {
  const plotW = WIDTH - PAD.left - PAD.right
  const plotH = HEIGHT - PAD.top - PAD.bottom
  const span = max - min || 1
  const x = (i: number) => PAD.left + (points.length > 1 ? (i * plotW) / (points.length - 1) : plotW / 2)
  const y = (v: number) => PAD.top + plotH - ((Math.min(max, Math.max(min, v)) - min) * plotH) / span
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.value).toFixed(1)}`).join(' ')
  const base = y(Math.max(min, Math.min(max, 0)))
  const fill = points.length > 1 ? `${line} L${x(points.length - 1).toFixed(1)} ${base.toFixed(1)} L${x(0).toFixed(1)} ${base.toFixed(1)} Z` : ''
  const few = points.length <= 12

  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid={testid}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <g class="chart-grid" aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick)} dy="0.35em" text-anchor="end">
              {formatTick(tick)}
            </text>
          </g>
        ))}
      </g>
      {area && fill && <path class="chart-area" d={fill} aria-hidden="true" />}
      <path class="chart-line" d={line} aria-hidden="true" />
      <g class="chart-points" aria-hidden="true">
        {points.map((p, i) =>
          few || i === points.length - 1 ? <circle key={i} cx={x(i)} cy={y(p.value)} r={few ? 3.5 : 3} /> : null,
        )}
      </g>
      {points.length > 0 && (
        <g class="chart-labels" aria-hidden="true">
          <text x={x(0)} y={HEIGHT - 6} text-anchor={points.length > 1 ? 'start' : 'middle'}>
            {points[0].label}
          </text>
          {points.length > 1 && (
            <text x={x(points.length - 1)} y={HEIGHT - 6} text-anchor="end">
              {points[points.length - 1].label}
            </text>
          )}
        </g>
      )}
    </svg>
  )
}

/** Round grid values from 0 (or min) to a "nice" top at or above `top`. */
export function niceTicks(top: number, count = 4): { max: number; ticks: number[] } {
  if (!(top > 0)) return { max: 1, ticks: [0, 1] }
  const raw = top / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power
  const max = Math.ceil(top / step) * step
  const ticks: number[] = []
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(v)
  return { max, ticks }
}
