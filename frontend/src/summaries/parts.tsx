// Building blocks of the summaries' screens: figures with their comparison, bars that
// carry their numbers as text, and the notes about saved copies and failed loads.
import { formatDay, formatMinutes, formatTime, getLang } from '../i18n'
import { t, type SummariesKey } from '../i18n/summaries'
import { today } from '../time'
import { barPercents, compare, formatNumber, isCompared, wholeMinutes, type Better, type Change } from './compare'
import type { Compared } from './types'
import type { SavedState } from './useLoaded'

/** How a figure's number reads: "3件", "1時間30分", "72.5%", "2.5時間"… */
export type Kind = 'count' | 'times' | 'people' | 'days' | 'percent' | 'minutes' | 'hours'

export function show(kind: Kind, value: number): string {
  const n = formatNumber(value, getLang(), 1)
  switch (kind) {
    case 'count':
      return t('summary.unit.count', { n })
    case 'times':
      return t('summary.unit.times', { n })
    case 'people':
      return t('summary.unit.people', { n })
    case 'days':
      return t(value === 1 ? 'summary.unit.day' : 'summary.unit.days', { n })
    case 'percent':
      return t('summary.unit.percent', { n })
    case 'hours':
      return t('summary.unit.hours', { n })
    case 'minutes':
      return formatMinutes(wholeMinutes(value))
  }
}

/** The size of a change: a percentage moves by points, everything else in its own unit. */
function showAmount(kind: Kind, amount: number): string {
  return kind === 'percent' ? t('summary.unit.points', { n: formatNumber(amount, getLang(), 1) }) : show(kind, amount)
}

const ARROWS = { up: '↑', down: '↓', same: '→' } as const

/** "↑ 先月より15分増", coloured by whether the change is good for her (the words carry it too). */
export function ChangeText({ change, kind }: { change: Change | null; kind: Kind }) {
  if (!change) return <span class="fig-change none">{t('summary.change_none')}</span>
  const words =
    change.direction === 'same'
      ? t('summary.change_same')
      : t(change.direction === 'up' ? 'summary.change_up' : 'summary.change_down', { amount: showAmount(kind, change.amount) })
  return (
    <span class={`fig-change ${change.verdict}`} data-testid="summary-change" data-direction={change.direction}>
      <span aria-hidden="true">{ARROWS[change.direction]} </span>
      {words}
    </span>
  )
}

function orNone(kind: Kind, value: number | null): string {
  return value === null ? t('summary.no_data') : show(kind, value)
}

interface FigureProps {
  /** The figure's path in the JSON, e.g. "efficiency.minutes_saved" (also for tests). */
  id: string
  label: string
  figure: Compared | undefined
  kind: Kind
  better?: Better
  gentle: boolean
}

/** One compared figure in a <dl class="figs">: this month, the change, last month and the 3-month average. */
export function FigureRow({ id, label, figure, kind, better = 'higher', gentle }: FigureProps) {
  if (!isCompared(figure)) return null
  const { prev } = compare(figure, { better, gentle, digits: 1 })
  return (
    <div
      class="fig"
      data-testid="summary-figure"
      data-key={id}
      data-value={String(figure.value)}
      data-prev={figure.prev === null ? '' : String(figure.prev)}
      data-avg3={figure.avg3 === null ? '' : String(figure.avg3)}
    >
      <dt>{label}</dt>
      <dd>
        <span class="fig-value">{show(kind, figure.value)}</span>
        <ChangeText change={prev} kind={kind} />
        <span class="fig-context">{t('summary.context', { prev: orNone(kind, figure.prev), avg: orNone(kind, figure.avg3) })}</span>
      </dd>
    </div>
  )
}

/** A plain fact in a <dl class="figs"> (a count with no comparison). */
export function FactRow({ id, label, value, kind }: { id: string; label: string; value: number | undefined; kind: Kind }) {
  if (typeof value !== 'number') return null
  return (
    <div class="fig" data-testid="summary-figure" data-key={id} data-value={String(value)}>
      <dt>{label}</dt>
      <dd>
        <span class="fig-value">{show(kind, value)}</span>
      </dd>
    </div>
  )
}

export interface Bar {
  key: string
  label: string
  value: number | null
  /** The value as she reads it; the bar itself is only a picture of it. */
  text: string
  tone?: 'main' | 'prev' | 'avg'
}

/** Horizontal bars scaled to the largest value, each with its label and number as text. */
export function Bars({ label, bars, testid }: { label: string; bars: Bar[]; testid?: string }) {
  const widths = barPercents(bars.map((b) => b.value))
  return (
    <ul class="bars" aria-label={label} data-testid={testid}>
      {bars.map((bar, i) => (
        <li key={bar.key} class="bar-row" data-key={bar.key} data-value={bar.value === null ? '' : String(bar.value)}>
          <span class="bar-label">{bar.label}</span>
          <span class="bar-track" aria-hidden="true">
            <span class={`bar-fill ${bar.tone ?? 'main'}`} style={{ width: `${widths[i]}%` }} />
          </span>
          <span class="bar-value">{bar.text}</span>
        </li>
      ))}
    </ul>
  )
}

/** The three bars of a compared figure: this month, last month, the 3-month average. */
export function CompareBars({ label, figure, kind }: { label: string; figure: Compared; kind: Kind }) {
  return (
    <Bars
      label={t('summary.compare_label', { label })}
      testid="summary-compare-bars"
      bars={[
        { key: 'value', label: t('summary.this_month'), value: figure.value, text: show(kind, figure.value), tone: 'main' },
        { key: 'prev', label: t('summary.last_month'), value: figure.prev, text: orNone(kind, figure.prev), tone: 'prev' },
        { key: 'avg3', label: t('summary.avg3'), value: figure.avg3, text: orNone(kind, figure.avg3), tone: 'avg' },
      ]}
    />
  )
}

/** "11月24日(月) 08:15" for when a copy was saved, in her zone. */
function savedWhen(iso: string, timeZone: string): string {
  try {
    return `${formatDay(today(timeZone, new Date(iso)))} ${formatTime(iso, timeZone)}`
  } catch {
    return iso
  }
}

/** Says that what she reads is the copy saved on this phone (and why). */
export function SavedNote({ copy, savedAt, timeZone }: { copy: SavedState; savedAt: string; timeZone: string }) {
  if (copy.checking) {
    return (
      <p class="muted small" role="status">
        {t('summaries.refreshing')}
      </p>
    )
  }
  const when = savedWhen(savedAt, timeZone)
  return (
    <p class="note warn" role="status" data-testid="summary-saved-copy">
      {t(copy.offline ? 'summaries.saved_copy' : copy.status === 401 ? 'summaries.saved_copy_login' : 'summaries.saved_copy_error', { when })}
    </p>
  )
}

/** A load that failed with nothing saved: why, and a way to try again. */
export function LoadProblem({ offline, status, here, onRetry }: { offline: boolean; status: number; here: string; onRetry: () => void }) {
  const key: SummariesKey = status === 401 ? 'summaries.error_login' : offline ? 'summaries.error_offline' : 'summaries.error'
  return (
    <div class="card" role="alert" data-testid="summaries-error">
      <p>{t(key)}</p>
      <div class="actions">
        {status === 401 ? (
          <a class="btn primary" href={`/login?next=${encodeURIComponent(here)}`}>
            {t('summaries.login')}
          </a>
        ) : (
          <button type="button" class="btn" data-testid="summaries-retry" onClick={onRetry}>
            {t('summaries.retry')}
          </button>
        )}
      </div>
    </div>
  )
}
