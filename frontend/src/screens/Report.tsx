// The weekly report for her manager: the week's figures drawn from the records on this phone
// (offline, unsynced entries included; the server's GET /api/reports/weekly gives the same
// figures), the report text in her language, a "next week" line she writes, and ways to send it.
import '../tools/report.css'

import { useMemo, useRef, useState } from 'preact/hooks'

import { useToday, useUser } from '../components/context'
import { useRecords } from '../components/hooks'
import type { CareerModeFields } from '../records/schema'
import { showToast } from '../components/toast'
import type { Tone } from '../components/tone'
import { formatDay, formatMinutes, locale } from '../i18n'
import { t, type ReportKey } from '../i18n/report'
import { navigate } from '../router'
import { toneOn } from '../tools/mode'
import {
  FIGURE_KEYS,
  isEmptyWeek,
  lastFullWeek,
  mailtoHref,
  parseWeek,
  reportText,
  shiftWeek,
  taskTotals,
  weekOf,
  weeklyFigures,
  type FigureKey,
  type ReportRecords,
  type Week,
  type WeeklyFigures,
} from '../tools/report'
import type { ScreenProps } from './props'

type Records = { [K in keyof ReportRecords]: ReportRecords[K] | null }

/** The records the figures read; null until every type has been read once. */
function useReportRecords(): ReportRecords | null {
  const lists: Records = {
    efficiency_log: useRecords('efficiency_log'),
    learning_session: useRecords('learning_session'),
    contact: useRecords('contact'),
    checklist_item: useRecords('checklist_item'),
    check: useRecords('check'),
    goal: useRecords('goal'),
  }
  const all = Object.values(lists)
  // One object per change of any list, so the figures are only computed again when needed.
  return useMemo(
    () => (all.some((list) => list === null) ? null : ({ ...lists } as ReportRecords)),
    all,
  )
}

const draftKey = (userId: number, week: string) => `ippo.report.next.${userId}.${week}`

function readDraft(key: string): string {
  try {
    return localStorage.getItem(key) ?? ''
  } catch {
    return ''
  }
}

function writeDraft(key: string, value: string): void {
  try {
    if (value.trim()) localStorage.setItem(key, value)
    else localStorage.removeItem(key)
  } catch {
    // Private mode or a full quota: the draft simply is not kept.
  }
}

function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(n)
}

function figureText(key: FigureKey, value: number): string {
  switch (key) {
    case 'minutes_spent':
    case 'minutes_saved':
    case 'learning_minutes':
      return formatMinutes(value)
    case 'completion_rate':
      return t('report.percent', { n: formatNumber(Math.round(value * 1000) / 10) })
    case 'contacts':
      return t('report.n_people', { n: value })
    case 'learning_sessions':
    case 'checks_done':
      return t('report.n_times', { n: value })
    default:
      return t('report.n_items', { n: value })
  }
}

export default function Report({ query }: ScreenProps) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const asked = query.get('week')
  const parsed = parseWeek(asked)
  const week: Week = parsed ?? lastFullWeek(user.time_zone)
  const current = weekOf(day)
  const records = useReportRecords()
  const modes = useRecords<CareerModeFields>('career_mode')

  const go = (to: Week) => navigate(`/report?week=${to.key}`)

  return (
    <div class="report">
      <h1 tabIndex={-1}>{t('report.title')}</h1>
      <p class="lead">{t('report.lead')}</p>
      {asked && !parsed && (
        <p class="report-note" role="status">
          {t('report.week_unknown', { week: asked })}
        </p>
      )}
      <nav class="report-week" aria-label={t('report.week_nav')}>
        <button type="button" class="btn small report-step" data-testid="report-prev" onClick={() => go(shiftWeek(week, -1))}>
          <span aria-hidden="true">‹</span> {t('report.prev')}
        </button>
        <p class="report-range" data-testid="report-week" data-week={week.key} aria-live="polite">
          <strong>{t('report.range', { start: formatDay(week.start), end: formatDay(week.end) })}</strong>
          <span class="muted small">
            {week.key}
            {week.key === current.key ? ` · ${t('report.this_week')}` : ''}
          </span>
        </p>
        <button
          type="button"
          class="btn small report-step"
          data-testid="report-next"
          disabled={week.start >= current.start}
          onClick={() => go(shiftWeek(week, 1))}
        >
          {t('report.next')} <span aria-hidden="true">›</span>
        </button>
      </nav>
      {records === null || modes === null ? (
        <p class="loading">{t('app.loading')}</p>
      ) : (
        <WeekReport
          key={week.key}
          week={week}
          records={records}
          tone={toneOn(modes, day)}
          timeZone={user.time_zone}
          draftKey={draftKey(user.id, week.key)}
        />
      )}
    </div>
  )
}

interface WeekReportProps {
  week: Week
  records: ReportRecords
  tone: Tone
  timeZone: string
  draftKey: string
}

function WeekReport({ week, records, tone, timeZone, draftKey }: WeekReportProps) {
  const figures = useMemo(() => weeklyFigures(records, week, timeZone), [records, week.key, timeZone])
  const tasks = useMemo(() => taskTotals(records.efficiency_log, week), [records, week.key])
  // The screen keys this component by week, so each week starts from its own draft.
  const [draft, setDraft] = useState(() => readDraft(draftKey))

  if (isEmptyWeek(figures)) {
    return (
      <div class="card report-empty" data-testid="report-empty">
        <h2>{t('report.empty_title')}</h2>
        <p>{t('report.empty_body')}</p>
        <a href="/today">{t('report.empty_link')}</a>
      </div>
    )
  }

  const text = reportText(figures, {
    tone,
    nextWeek: draft,
    tasks,
    say: (key: ReportKey, vars) => t(key, vars),
    minutes: formatMinutes,
    number: formatNumber,
    day: (date) => formatDay(date),
  })
  const subject = t('report.subject', { start: formatDay(week.start), end: formatDay(week.end) })

  return (
    <>
      <Figures figures={figures} />
      <div class="field report-next-week">
        <label for="report-next-week">{t('report.next_label')}</label>
        <textarea
          id="report-next-week"
          data-testid="report-next-week"
          rows={3}
          maxLength={1000}
          placeholder={t('report.next_placeholder')}
          aria-describedby="report-next-hint"
          value={draft}
          onInput={(e) => {
            const value = (e.currentTarget as HTMLTextAreaElement).value
            setDraft(value)
            writeDraft(draftKey, value)
          }}
        />
        <p id="report-next-hint" class="muted small">
          {t('report.next_hint')}
        </p>
      </div>
      <ReportText text={text} subject={subject} />
    </>
  )
}

function Figures({ figures }: { figures: WeeklyFigures }) {
  return (
    <section aria-labelledby="report-figures-title">
      <h2 id="report-figures-title" class="sr-only">
        {t('report.figures')}
      </h2>
      <dl class="report-figures">
        {FIGURE_KEYS.map((key) => (
          <div class="report-figure" key={key} data-testid="report-figure" data-key={key} data-value={String(figures[key])}>
            <dt>{t(`report.fig.${key}`)}</dt>
            <dd>{figureText(key, figures[key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function ReportText({ text, subject }: { text: string; subject: string }) {
  const textRef = useRef<HTMLPreElement>(null)
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function'

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      showToast(t('report.copied'))
    } catch {
      // No clipboard permission (or an old browser): select it so one more tap copies it.
      const node = textRef.current
      if (node) window.getSelection()?.selectAllChildren(node)
      showToast(t('report.copy_failed'))
    }
  }

  const share = async () => {
    try {
      await navigator.share({ title: subject, text })
    } catch {
      // She closed the share sheet: nothing to say.
    }
  }

  return (
    <section class="report-output">
      <h2 id="report-text-title" class="report-text-title">
        {t('report.text_label')}
      </h2>
      <pre class="report-text" data-testid="report-text" ref={textRef} tabIndex={0} role="region" aria-labelledby="report-text-title">
        {text}
      </pre>
      <div class="actions report-actions">
        <button type="button" class="btn primary" data-testid="report-copy" onClick={() => void copy()}>
          {t('report.copy')}
        </button>
        {canShare && (
          <button type="button" class="btn" data-testid="report-share" onClick={() => void share()}>
            {t('report.share')}
          </button>
        )}
        <a class="btn" data-testid="report-mailto" data-native href={mailtoHref(subject, text)}>
          {t('report.mailto')}
        </a>
      </div>
    </section>
  )
}
