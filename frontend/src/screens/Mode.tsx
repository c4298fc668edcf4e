// Career mode (the guide's mindset chapter): attack or defence, with a period, a purpose
// and a focus she chose herself; the current one, a nudge to look back as it ends, and the
// periods before. Edits the same career_mode records onboarding makes (focus may be missing).
import '../tools/mode.css'

import { useState } from 'preact/hooks'

import { useToday, useUser } from '../components/context'
import { useRecords } from '../components/hooks'
import { focusFirst, removeWithUndo } from '../components/remove'
import { formatDay } from '../i18n'
import { t } from '../i18n/employers'
import { currentMode, modeHistory, modeReminder, nextStart, type CareerModeFields } from '../tools/mode'
import { ModeForm } from '../tools/mode-form'
import { daysBetween } from '../time'
import type { LocalRecord } from '../types'
import type { ScreenProps } from './props'

type ModeRecord = LocalRecord<CareerModeFields>

function modeName(mode: string): string {
  return t(mode === 'attack' ? 'mode.attack' : 'mode.defence')
}

export default function Mode(_props: ScreenProps) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const modes = useRecords<CareerModeFields>('career_mode')
  /** The id being edited, 'new' for a new period. */
  const [editing, setEditing] = useState<string>('new')
  /** Bumped after each save, so the form starts afresh from the records as they now are. */
  const [round, setRound] = useState(0)

  if (modes === null) return <p class="loading">{t('app.loading')}</p>

  const current = currentMode(modes, day)
  const reminder = modeReminder(modes, day)
  const history = modeHistory(modes).filter((m) => m !== current)
  const target = editing === 'new' ? undefined : modes.find((m) => m.id === editing)

  const edit = (id: string) => {
    setEditing(id)
    requestAnimationFrame(() => document.getElementById('mode-form-title')?.focus())
  }

  const remove = async (record: ModeRecord) => {
    // Its buttons are gone with it: focus stays on the screen, at the current period.
    await removeWithUndo('career_mode', record.id, t('modes.deleted'), () => {
      if (editing === record.id) setEditing('new')
      focusFirst('mode-current-title')
    })
  }

  return (
    <div class="mode-screen">
      <h1 tabIndex={-1}>{t('modes.title')}</h1>
      <p class="lead">{t('modes.lead')}</p>
      <p>
        <a href="/guide/attack-and-defence">{t('modes.guide_link')}</a>
      </p>

      <section class={`card mode-current ${current?.fields.mode ?? 'neutral'}`} aria-labelledby="mode-current-title"
        data-testid="mode-current" data-mode={current?.fields.mode ?? ''}>
        <h2 id="mode-current-title" tabIndex={-1}>{t('modes.current_title')}</h2>
        {current ? (
          <>
            <p class="mode-label">{modeName(current.fields.mode)}</p>
            {current.fields.purpose && <p class="purpose">{t('mode.purpose_quote', { purpose: current.fields.purpose })}</p>}
            {current.fields.focus && (
              <p>
                <span class="muted">{t('modes.focus_label')}</span>
                {current.fields.focus}
              </p>
            )}
            <p class="muted small">
              {t('modes.period', { from: formatDay(current.fields.starts, true), to: formatDay(current.fields.ends, true) })} ·{' '}
              {current.fields.ends === day ? t('modes.last_day') : t('modes.days_left', { n: daysBetween(day, current.fields.ends) })}
            </p>
            <div class="actions">
              <button type="button" class="btn small" data-testid="mode-edit" onClick={() => edit(current.id)}
                aria-label={t('modes.edit_label', { from: formatDay(current.fields.starts, true) })}>
                {t('modes.edit')}
              </button>
              <button type="button" class="btn small danger" data-testid="mode-delete" onClick={() => remove(current)}
                aria-label={t('modes.delete_label', { from: formatDay(current.fields.starts, true) })}>
                {t('modes.delete')}
              </button>
            </div>
          </>
        ) : (
          <p>{t('modes.none')}</p>
        )}
        {reminder && (
          <p class="note warn look-back" data-testid="mode-look-back" data-days-left={String(reminder.daysLeft)}>
            {reminder.record.fields.purpose
              ? t('modes.look_back', { purpose: reminder.record.fields.purpose })
              : t('modes.look_back_plain')}
          </p>
        )}
      </section>

      <ModeForm key={`${target?.id ?? 'new'}-${round}`} record={target}
        defaultStart={nextStart(modes, day)} defaultKind={current?.fields.mode === 'defence' ? 'attack' : 'defence'}
        onDone={() => {
          setEditing('new')
          setRound((n) => n + 1)
          // The form starts afresh: focus goes to the period as it now stands.
          requestAnimationFrame(() => document.getElementById('mode-current-title')?.focus())
        }} />

      <section class="card" aria-labelledby="mode-history-title">
        <h2 id="mode-history-title">{t('modes.history_title')}</h2>
        {history.length === 0 ? (
          <p class="muted">{t('modes.history_empty')}</p>
        ) : (
          <ul class="plain mode-history">
            {history.map((m) => {
              const f = m.fields
              const from = formatDay(f.starts, true)
              return (
                <li key={m.id} class={`mode-history-item ${f.mode}`} data-testid="mode-history-item" data-id={m.id} data-mode={f.mode}>
                  <p class="mode-label">
                    {modeName(f.mode)}{' '}
                    <span class="muted small">{f.starts > day ? t('modes.upcoming') : t('modes.ended')}</span>
                  </p>
                  <p class="small">{t('modes.period', { from, to: formatDay(f.ends, true) })}</p>
                  {f.purpose && <p class="history-purpose">{t('mode.purpose_quote', { purpose: f.purpose })}</p>}
                  {f.focus && (
                    <p class="small">
                      <span class="muted">{t('modes.focus_label')}</span>
                      {f.focus}
                    </p>
                  )}
                  <div class="actions">
                    <button type="button" class="btn small" data-testid="mode-edit" onClick={() => edit(m.id)} aria-label={t('modes.edit_label', { from })}>
                      {t('modes.edit')}
                    </button>
                    <button type="button" class="btn small danger" data-testid="mode-delete" onClick={() => remove(m)}
                      aria-label={t('modes.delete_label', { from })}>
                      {t('modes.delete')}
                    </button>
                  </div>
                </li>
              )
            })}
          </ul>
        )}
      </section>
    </div>
  )
}
