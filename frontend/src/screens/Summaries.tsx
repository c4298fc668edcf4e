// Her monthly summaries, newest first, each with its headline figures. The list is kept on
// the phone once loaded, so it opens offline too (with a note that it is the saved copy).
import '../summaries/summaries.css'

import { useUser } from '../components/context'
import { formatDay, formatMinutes, getLang } from '../i18n'
import { t } from '../i18n/summaries'
import { today } from '../time'
import { formatMonth, formatNumber } from '../summaries/compare'
import { loadSummaryList } from '../summaries/load'
import { LoadProblem, SavedNote, show } from '../summaries/parts'
import type { SummaryListItem } from '../summaries/types'
import { useLoaded } from '../summaries/useLoaded'
import type { ScreenProps } from './props'

export default function Summaries(_props: ScreenProps) {
  const user = useUser()
  const [state, retry] = useLoaded<SummaryListItem[]>((onCopy) => loadSummaryList(user.id, onCopy), [user.id])

  return (
    <div class="summaries">
      <h1 tabIndex={-1}>{t('summaries.title')}</h1>
      <p class="lead">{t('summaries.lead')}</p>

      {state.phase === 'loading' && <p class="loading">{t('app.loading')}</p>}

      {state.phase === 'failed' && (
        <LoadProblem offline={state.offline} status={state.status} here="/summaries" onRetry={retry} />
      )}

      {state.phase === 'ready' && (
        <>
          {state.copy && <SavedNote copy={state.copy} savedAt={state.savedAt} timeZone={user.time_zone} />}
          {state.data.length === 0 ? (
            <div class="card empty-summaries" data-testid="summaries-empty">
              <h2>{t('summaries.empty_title')}</h2>
              <p>{t('summaries.empty_body')}</p>
              <a href="/today">{t('summaries.empty_link')}</a>
            </div>
          ) : (
            <ul class="plain summary-list" aria-label={t('summaries.list_label')}>
              {state.data.map((item) => (
                <li key={item.month}>
                  <MonthCard item={item} timeZone={user.time_zone} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}

function statusLine(item: SummaryListItem, timeZone: string): string {
  switch (item.status) {
    case 'sent':
      return item.sent_at
        ? t('summaries.status_sent', { date: formatDay(today(timeZone, new Date(item.sent_at)), true) })
        : t('summaries.status_pending')
    case 'skipped':
      return t('summaries.status_skipped')
    case 'failed':
      return t('summaries.status_failed')
    default:
      return t('summaries.status_pending')
  }
}

function MonthCard({ item, timeZone }: { item: SummaryListItem; timeZone: string }) {
  const lang = getLang()
  const month = formatMonth(item.month, lang)
  const h = item.headline
  // One link per month; its name says where it goes, the figures follow as its description.
  return (
    <a
      class="card summary-card"
      href={`/summaries/${item.month}`}
      data-testid="summary-month"
      data-month={item.month}
      aria-label={t('summaries.open', { month })}
      aria-describedby={`sum-${item.month}-figs`}
    >
      <span class="summary-card-head">
        <strong class="summary-card-month">{month}</strong>
        <span class="summary-card-hours" data-testid="summary-month-hours" data-value={String(h.hours_saved)}>
          {t('summaries.hours_saved', { h: formatNumber(h.hours_saved, lang, 1) })}
        </span>
      </span>
      <span class="summary-card-figs" id={`sum-${item.month}-figs`}>
        <span data-testid="summary-month-entries" data-value={String(h.entries)}>
          {t('summary.fig.entries')} <b>{show('count', h.entries)}</b>
        </span>
        <span>
          {t('summary.fig.learning_minutes')} <b>{formatMinutes(h.learning_minutes)}</b>
        </span>
        <span>
          {t('summary.fig.contacts')} <b>{show('people', h.contacts)}</b>
        </span>
        <span>
          {t('summary.fig.completion')} <b>{show('percent', h.completion_percent)}</b>
        </span>
        <span class="muted small">{statusLine(item, timeZone)}</span>
      </span>
      <span class="summary-card-go" aria-hidden="true">
        ›
      </span>
    </a>
  )
}
