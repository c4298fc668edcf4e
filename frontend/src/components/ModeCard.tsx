// The career mode she chose, its purpose and period, in the voice that goes with it.
import { formatDay, t } from '../i18n'
import { daysBetween } from '../time'
import type { LocalRecord } from '../types'
import type { CareerModeFields } from './schema'
import { toneKey, type Tone } from './tone'

export function ModeCard({ mode, day, tone }: { mode: LocalRecord<CareerModeFields> | undefined; day: string; tone: Tone }) {
  if (!mode) {
    return (
      <section class="card mode-card neutral" aria-labelledby="mode-title">
        <h2 id="mode-title">{t('mode.none_title')}</h2>
        <p>{t(toneKey(tone, 'greeting'))}</p>
        <a href="/welcome">{t('mode.choose_link')}</a>
      </section>
    )
  }
  const f = mode.fields
  const left = daysBetween(day, f.ends)
  return (
    <section class={`card mode-card ${f.mode}`} aria-labelledby="mode-title" data-testid="career-mode" data-mode={f.mode}>
      <p class="mode-label" id="mode-title">{t(f.mode === 'attack' ? 'mode.attack' : 'mode.defence')}</p>
      {f.purpose && <p class="purpose">{t('mode.purpose_quote', { purpose: f.purpose })}</p>}
      <p class="greeting">{t(toneKey(tone, 'greeting'))}</p>
      <p class="muted small">
        {t('mode.period', { from: formatDay(f.starts, true), to: formatDay(f.ends, true) })} · {t('mode.days_left', { n: left })}
      </p>
    </section>
  )
}
