// One month's summary (/summaries/2026-11, also the address in the email): every stored
// figure with last month and the 3-month average, in her language and in the voice of her
// career mode. A month she has opened once is kept on the phone and reads offline.
import '../summaries/summaries.css'

import { useEffect } from 'preact/hooks'

import { useUser } from '../components/context'
import { formatDay, getLang } from '../i18n'
import { t } from '../i18n/summaries'
import { formatMonth, isMonthKey } from '../summaries/compare'
import { loadSummary } from '../summaries/load'
import { LoadProblem, SavedNote } from '../summaries/parts'
import { markSeen } from '../summaries/seen'
import {
  CareerModeSection,
  ChecklistSection,
  EfficiencySection,
  GoalsSection,
  isQuiet,
  LearningSection,
  NetworkSection,
  NextStepSection,
  QuietNote,
  SavedSection,
  SelfCheckSection,
} from '../summaries/sections'
import { FIGURES_VERSION, type SummaryDetail } from '../summaries/types'
import { useLoaded } from '../summaries/useLoaded'
import type { ScreenProps } from './props'

export default function Summary({ params }: ScreenProps) {
  const user = useUser()
  const month = params.month ?? ''
  const valid = isMonthKey(month)
  const [state, retry] = useLoaded<SummaryDetail>(
    (onCopy) =>
      valid ? loadSummary(user.id, month, onCopy) : Promise.resolve({ kind: 'missing' as const }),
    [user.id, month],
  )
  const name = valid ? formatMonth(month, getLang()) : month

  useEffect(() => {
    if (state.phase === 'ready') markSeen(user.id, month)
  }, [state.phase, user.id, month])

  // One frame for every state, so the heading the shell focused stays the same element
  // when the figures arrive.
  let title = t('summary.title', { month: name })
  let body
  let frame: { class: string; testid?: string } = { class: 'summaries' }
  if (state.phase === 'missing') {
    title = t('summary.missing_title')
    frame = { class: 'summaries', testid: 'summary-missing' }
    body = <p>{t('summary.missing_body')}</p>
  } else if (state.phase === 'loading') {
    body = <p class="loading">{t('app.loading')}</p>
  } else if (state.phase === 'failed') {
    body = <LoadProblem offline={state.offline} status={state.status} here={`/summaries/${month}`} onRetry={retry} />
  } else {
    const detail = state.data
    const f = detail.figures
    const gentle = f.career_mode?.mode === 'defence' || Boolean(f.next_step?.gentle)
    const props = { f, gentle }
    frame = { class: `summaries summary tone-${gentle ? 'defence' : f.career_mode ? 'attack' : 'neutral'}`, testid: 'summary' }
    body = (
      <>
        {f.period && (
          <p class="muted small">
            {t('summary.period', {
              start: formatDay(f.period.start),
              end: formatDay(f.period.end),
              days: f.period.days,
              date: formatDay(f.computed_on, true),
            })}
          </p>
        )}
        {state.copy && <SavedNote copy={state.copy} savedAt={state.savedAt} timeZone={user.time_zone} />}
        {f.version > FIGURES_VERSION && <p class="note">{t('summary.newer')}</p>}
        {isQuiet(f) && <QuietNote gentle={gentle} />}

        <SavedSection {...props} />
        <EfficiencySection {...props} />
        <LearningSection {...props} />
        <NetworkSection {...props} />
        <ChecklistSection {...props} />
        <SelfCheckSection {...props} />
        <GoalsSection {...props} />
        <CareerModeSection f={f} />
        <NextStepSection {...props} step={detail.next_step} />
      </>
    )
  }

  return (
    <div class={frame.class} data-testid={frame.testid} data-month={month}>
      <p class="crumb">
        <a href="/summaries" data-testid="summaries-back">
          {t('summaries.back')}
        </a>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      {body}
    </div>
  )
}
