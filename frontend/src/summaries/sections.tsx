// The sections of one month's summary, each drawn from the stored figures (version 1, see
// server/summaries/README.md). `gentle` is her defence period: drops are not painted as
// failures and the suggestions are softer.
import { formatDay, formatMinutes, getLang, t as tShell } from '../i18n'
import { t, type SummariesKey } from '../i18n/summaries'
import { changeFrom, formatNumber } from './compare'
import { Bars, ChangeText, CompareBars, FactRow, FigureRow, show } from './parts'
import { PLACES } from '../records/schema'
import type { Figures, Place, SummaryDetail } from './types'

interface SectionProps {
  f: Figures
  gentle: boolean
}

/** Nothing at all was logged in the month. */
export function isQuiet(f: Figures): boolean {
  return ![
    f.efficiency?.entries?.value,
    f.learning?.sessions?.value,
    f.network?.contacts?.value,
    f.checklist?.checks_done?.value,
  ].some((n) => typeof n === 'number' && n > 0)
}

export function QuietNote({ gentle }: { gentle: boolean }) {
  return (
    <div class="note" data-testid="summary-quiet">
      <p>{t('summary.quiet')}</p>
      <p>{t(gentle ? 'summary.quiet_gentle' : 'summary.quiet_push')}</p>
    </div>
  )
}

/** Hours saved, large, with last month and the 3-month average as bars. */
export function SavedSection({ f, gentle }: SectionProps) {
  const hours = f.efficiency?.hours_saved
  const minutes = f.efficiency?.minutes_saved
  if (!hours || !minutes) return null
  return (
    <section class="card summary-hero" aria-labelledby="sum-saved" data-testid="summary-saved">
      <h2 id="sum-saved">{t('summary.section.saved')}</h2>
      <p class="hero-figure">
        <span class="hero-value" data-testid="summary-hours-saved" data-value={String(hours.value)}>
          {show('hours', hours.value)}
        </span>{' '}
        <span class="muted" data-testid="summary-minutes-saved" data-value={String(minutes.value)}>
          ({formatMinutes(minutes.value)})
        </span>
      </p>
      <p>
        <ChangeText change={changeFrom(hours.value, hours.prev, { gentle, digits: 1 })} kind="hours" />
      </p>
      <CompareBars label={t('summary.section.saved')} figure={hours} kind="hours" />
      <p class="muted small">{t('summary.saved_lead')}</p>
    </section>
  )
}

function signed(amount: number | null, digits: number): string {
  if (amount === null) return t('summary.no_data')
  const text = formatNumber(Math.abs(amount), getLang(), digits)
  return amount > 0 ? `+${text}` : amount < 0 ? `−${text}` : '±0'
}

export function EfficiencySection({ f, gentle }: SectionProps) {
  const eff = f.efficiency
  if (!eff) return null
  const outcomes = eff.outcomes ?? []
  const improvements = eff.top_improvements ?? []
  return (
    <section class="card" aria-labelledby="sum-efficiency" data-testid="summary-efficiency">
      <h2 id="sum-efficiency">{t('summary.section.efficiency')}</h2>
      <dl class="figs">
        <FigureRow id="efficiency.entries" label={t('summary.fig.entries')} figure={eff.entries} kind="count" gentle={gentle} />
        <FigureRow id="efficiency.minutes_spent" label={t('summary.fig.minutes_spent')} figure={eff.minutes_spent} kind="minutes" better="neither" gentle={gentle} />
        <FigureRow id="efficiency.minutes_saved" label={t('summary.fig.minutes_saved')} figure={eff.minutes_saved} kind="minutes" gentle={gentle} />
      </dl>

      <h3>{t('summary.outcomes')}</h3>
      {outcomes.length === 0 ? (
        <p class="muted small">{t('summary.outcomes_none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="table" data-testid="summary-outcomes">
            <caption class="sr-only">{t('summary.outcomes_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('summary.outcome_unit')}</th>
                <th scope="col" class="num">{t('summary.outcome_total')}</th>
                <th scope="col" class="num">{t('summary.outcome_entries')}</th>
                <th scope="col" class="num">{t('summary.outcome_prev')}</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((o) => {
                const change = changeFrom(o.value, o.prev, { digits: 2, gentle })
                return (
                  <tr key={o.unit} data-testid="summary-outcome" data-unit={o.unit} data-value={String(o.value)}>
                    <th scope="row">{o.unit}</th>
                    <td class="num">{formatNumber(o.value, getLang(), 2)}</td>
                    <td class="num">{show('count', o.entries)}</td>
                    <td class={`num fig-change ${change?.verdict ?? 'none'}`}>
                      {change && change.direction !== 'same' && <span aria-hidden="true">{change.direction === 'up' ? '↑ ' : '↓ '}</span>}
                      {signed(change ? (change.direction === 'down' ? -change.amount : change.amount) : null, 2)}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('summary.improvements')}</h3>
      {improvements.length === 0 ? (
        <p class="muted small">{t('summary.improvements_none')}</p>
      ) : (
        <ol class="improvements">
          {improvements.map((i) => (
            <li key={`${i.task}\u0000${i.improvement}`} data-testid="summary-improvement" data-minutes={String(i.minutes_saved)}>
              <strong>{i.task}</strong>
              {i.improvement && <span> — {i.improvement}</span>}
              <span class="muted small improvement-meta">
                {t(i.entries === 1 ? 'summary.improvement_meta_one' : 'summary.improvement_meta', {
                  time: formatMinutes(i.minutes_saved),
                  n: formatNumber(i.entries, getLang()),
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

export function LearningSection({ f, gentle }: SectionProps) {
  const learning = f.learning
  if (!learning) return null
  const byPlace = learning.minutes_by_place ?? ({} as Record<Place, number>)
  const total = PLACES.reduce((sum, p) => sum + (byPlace[p] ?? 0), 0)
  return (
    <section class="card" aria-labelledby="sum-learning" data-testid="summary-learning">
      <h2 id="sum-learning">{t('summary.section.learning')}</h2>
      <dl class="figs">
        <FigureRow id="learning.minutes" label={t('summary.fig.learning_minutes')} figure={learning.minutes} kind="minutes" gentle={gentle} />
        <FigureRow id="learning.sessions" label={t('summary.fig.sessions')} figure={learning.sessions} kind="times" gentle={gentle} />
      </dl>
      <h3 id="sum-places">{t('summary.places')}</h3>
      {total === 0 ? (
        <p class="muted small">{t('summary.places_none')}</p>
      ) : (
        <Bars
          label={t('summary.places')}
          testid="summary-places"
          bars={PLACES.map((p) => ({
            key: p,
            label: tShell(`choice.place.${p}`),
            value: byPlace[p] ?? 0,
            text: formatMinutes(byPlace[p] ?? 0),
          }))}
        />
      )}
    </section>
  )
}

export function NetworkSection({ f, gentle }: SectionProps) {
  const net = f.network
  if (!net) return null
  return (
    <section class="card" aria-labelledby="sum-network" data-testid="summary-network">
      <h2 id="sum-network">{t('summary.section.network')}</h2>
      <dl class="figs">
        <FigureRow id="network.contacts" label={t('summary.fig.contacts')} figure={net.contacts} kind="people" gentle={gentle} />
        <FigureRow id="network.follow_ups_due" label={t('summary.fig.follow_ups')} figure={net.follow_ups_due} kind="count" better="neither" gentle={gentle} />
      </dl>
      <p class="muted small">{t('summary.follow_ups_hint')}</p>
    </section>
  )
}

export function ChecklistSection({ f, gentle }: SectionProps) {
  const c = f.checklist
  if (!c) return null
  return (
    <section class="card" aria-labelledby="sum-checklist" data-testid="summary-checklist">
      <h2 id="sum-checklist">{t('summary.section.checklist')}</h2>
      <dl class="figs">
        <FactRow id="checklist.active_items" label={t('summary.fig.active_items')} value={c.active_items} kind="count" />
        <FigureRow id="checklist.completion_percent" label={t('summary.fig.completion')} figure={c.completion_percent} kind="percent" gentle={gentle} />
        <FigureRow id="checklist.checks_done" label={t('summary.fig.checks_done')} figure={c.checks_done} kind="count" gentle={gentle} />
        <FigureRow id="checklist.best_streak" label={t('summary.fig.best_streak')} figure={c.best_streak} kind="days" gentle={gentle} />
      </dl>
    </section>
  )
}

export function SelfCheckSection({ f, gentle }: SectionProps) {
  const check = f.self_check
  let trend: { key: SummariesKey; verdict: string } | null = null
  if (check && check.change !== null) {
    if (check.change < 0) trend = { key: 'summary.selfcheck_down', verdict: 'good' }
    else if (check.change > 0) trend = { key: gentle ? 'summary.selfcheck_up_gentle' : 'summary.selfcheck_up', verdict: gentle ? 'neutral' : 'bad' }
    else trend = { key: 'summary.selfcheck_same', verdict: 'neutral' }
  }
  return (
    <section class="card" aria-labelledby="sum-selfcheck" data-testid="summary-selfcheck">
      <h2 id="sum-selfcheck">{t('summary.section.selfcheck')}</h2>
      {!check ? (
        <>
          <p>{t('summary.selfcheck_none')}</p>
          <a href="/selfcheck">{t('summary.selfcheck_take')}</a>
        </>
      ) : (
        <>
          <p class="hero-figure">
            <span class="hero-value" data-testid="summary-selfcheck-score" data-value={String(check.score)}>
              {t('summary.unit.score', { n: check.score })}
            </span>
            <span class="muted"> / 100</span>
          </p>
          <p class="muted small">
            {check.taken_in_month
              ? t('summary.selfcheck_date', { date: formatDay(check.date, true) })
              : t('summary.selfcheck_earlier', { date: formatDay(check.date, true) })}
          </p>
          {trend ? (
            <p class={`fig-change ${trend.verdict}`} data-testid="summary-selfcheck-change" data-change={String(check.change)}>
              <span aria-hidden="true">{check.change! < 0 ? '↓ ' : check.change! > 0 ? '↑ ' : '→ '}</span>
              {t(trend.key, { n: Math.abs(check.change!) })}
            </p>
          ) : (
            <p>{t('summary.selfcheck_first')}</p>
          )}
          <p class="muted small">{t('summary.selfcheck_meaning')}</p>
        </>
      )}
    </section>
  )
}

export function GoalsSection({ f, gentle }: SectionProps) {
  const goals = f.goals
  if (!goals) return null
  return (
    <section class="card" aria-labelledby="sum-goals" data-testid="summary-goals">
      <h2 id="sum-goals">{t('summary.section.goals')}</h2>
      <dl class="figs">
        <FigureRow id="goals.done" label={t('summary.fig.goals_done')} figure={goals.done} kind="count" gentle={gentle} />
        <FactRow id="goals.open" label={t('summary.fig.goals_open')} value={goals.open} kind="count" />
        <FactRow id="goals.overdue" label={t('summary.fig.goals_overdue')} value={goals.overdue} kind="count" />
        <FactRow id="goals.due_next_month" label={t('summary.fig.goals_next')} value={goals.due_next_month} kind="count" />
      </dl>
      {goals.overdue > 0 && <p class="muted small">{t(gentle ? 'summary.goals_overdue_gentle' : 'summary.goals_overdue_push')}</p>}
    </section>
  )
}

export function CareerModeSection({ f }: { f: Figures }) {
  const mode = f.career_mode
  return (
    <section
      class={`card mode-card ${mode ? mode.mode : 'neutral'}`}
      aria-labelledby="sum-mode"
      data-testid="summary-mode"
      data-mode={mode?.mode ?? ''}
    >
      <h2 id="sum-mode">{t('summary.section.mode')}</h2>
      {!mode ? (
        <>
          <p>{t('summary.mode_none')}</p>
          <a href="/welcome">{t('mode.choose_link')}</a>
        </>
      ) : (
        <>
          <p class="mode-label">{t(mode.mode === 'attack' ? 'mode.attack' : 'mode.defence')}</p>
          {mode.purpose && <p class="purpose">{t('mode.purpose_quote', { purpose: mode.purpose })}</p>}
          {mode.focus && <p>{t('summary.mode_focus', { focus: mode.focus })}</p>}
          <p class="muted small">
            {t('mode.period', { from: formatDay(mode.starts, true), to: formatDay(mode.ends, true) })}
          </p>
          <p data-testid="summary-mode-days" data-value={String(mode.days_left)}>
            {t('summary.mode_days_left', { n: mode.days_left, date: formatDay(f.computed_on) })}
          </p>
        </>
      )}
    </section>
  )
}

const AREAS = ['checklist', 'efficiency', 'goals', 'learning', 'network', 'self_check', 'take_check', 'steady'] as const

/** Her suggested next step in our words, with the guide chapter it points to. */
export function NextStepSection({ f, step, gentle }: SectionProps & { step: SummaryDetail['next_step'] | undefined }) {
  const stored = f.next_step ?? step
  if (!stored) return null
  const area = stored.area === 'self_check' && !f.self_check ? 'take_check' : stored.area
  const known = (AREAS as readonly string[]).includes(area)
  const line = known ? t(`summary.${gentle ? 'gentle' : 'next'}.${area}` as SummariesKey) : step?.line ?? ''
  const slug = stored.chapter
  const title = step?.chapter === slug ? step?.chapter_title : null
  return (
    <section class={`card next-step ${gentle ? 'gentle' : ''}`} aria-labelledby="sum-next" data-testid="summary-next-step" data-area={stored.area} data-gentle={String(gentle)}>
      <h2 id="sum-next">{t('summary.section.next')}</h2>
      <p>{line}</p>
      {slug && (
        <a class="btn wide" href={`/guide/${encodeURIComponent(slug)}/`} data-testid="summary-chapter" data-slug={slug}>
          {title ? t('summary.read_chapter', { title }) : t('summary.read_guide')}
        </a>
      )}
    </section>
  )
}
