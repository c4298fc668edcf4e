// The career mode she chose, its purpose and period, in the voice that goes with it — and,
// near the end of the period, a nudge to look back and choose the next one.
import type { CareerModeFields } from '../records/schema'
import { toneKey, type Tone } from '../components/tone'
import { formatDay, t } from '../i18n'
import { daysBetween } from '../time'
import type { LocalRecord } from '../types'
import { modeReminder } from './mode'

type ModeRecord = LocalRecord<CareerModeFields>

interface Props {
  mode: ModeRecord | undefined
  /** Every career_mode record, for the end-of-period reminder (null while loading). */
  modes?: ModeRecord[] | null
  day: string
  tone: Tone
}

function Reminder({ modes, day }: { modes: ModeRecord[] | null | undefined; day: string }) {
  const due = modeReminder(modes, day)
  if (!due) return null
  const f = due.record.fields
  const vars = {
    mode: t(f.mode === 'attack' ? 'mode.attack' : 'mode.defence').toLowerCase(),
    date: formatDay(f.ends, true),
  }
  return (
    <div class="note warn mode-reminder" role="note" data-testid="mode-reminder" data-days-left={String(due.daysLeft)}>
      <p style={{ margin: '0 0 0.5rem' }}>{t(due.kind === 'ending' ? 'mode.reminder_ending' : 'mode.reminder_ended', vars)}</p>
      <a class="btn small" href="/mode">{t('mode.reminder_action')}</a>
    </div>
  )
}

export function ModeCard({ mode, modes, day, tone }: Props) {
  if (!mode) {
    return (
      <section class="card mode-card neutral" aria-labelledby="mode-title">
        <h2 id="mode-title">{t('mode.none_title')}</h2>
        <p>{t(toneKey(tone, 'greeting'))}</p>
        <Reminder modes={modes} day={day} />
        <a href="/mode" data-testid="mode-link">{t('mode.choose_link')}</a>
      </section>
    )
  }
  const f = mode.fields
  const left = daysBetween(day, f.ends)
  return (
    <section class={`card mode-card ${f.mode}`} aria-labelledby="mode-title" data-testid="career-mode" data-mode={f.mode}>
      <p class="mode-label" id="mode-title">{t(f.mode === 'attack' ? 'mode.attack' : 'mode.defence')}</p>
      {f.purpose && <p class="purpose">{t('mode.purpose_quote', { purpose: f.purpose })}</p>}
      {f.focus && <p class="small">{f.focus}</p>}
      <p class="greeting">{t(toneKey(tone, 'greeting'))}</p>
      <p class="muted small">
        {t('mode.period', { from: formatDay(f.starts, true), to: formatDay(f.ends, true) })} ·{' '}
        {left === 0 ? t('mode.last_day') : t('mode.days_left', { n: left })}
      </p>
      <Reminder modes={modes} day={day} />
      <a href="/mode" data-testid="mode-link">{t('mode.link')}</a>
    </section>
  )
}
