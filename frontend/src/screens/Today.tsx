// The commute screen: tick today's steps, log efficiency, study and contacts in a tap,
// and see what today added up to — in the voice of her career mode.
import { useEffect } from 'preact/hooks'

import { Checklist } from '../components/Checklist'
import { useToday, useUser } from '../components/context'
import { useRecords } from '../components/hooks'
import { ContactQuick, EfficiencyQuick, LearningQuick } from '../components/QuickEntries'
import { SummaryCard } from '../components/SummaryCard'
import type {
  CareerModeFields,
  CheckFields,
  ChecklistItemFields,
  ContactFields,
  EfficiencyFields,
  LearningFields,
} from '../records/schema'
import { formatDay, formatMinutes, t } from '../i18n'
import { currentMode, toneOn } from '../tools/mode'
import { ModeCard } from '../tools/mode-card'
import type { ScreenProps } from './props'

function sum<T>(rows: T[], value: (row: T) => unknown): number {
  return rows.reduce((total, row) => total + (Number(value(row)) || 0), 0)
}

export function Today({ query }: ScreenProps) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const items = useRecords<ChecklistItemFields>('checklist_item')
  const checks = useRecords<CheckFields>('check')
  const logs = useRecords<EfficiencyFields>('efficiency_log')
  const learning = useRecords<LearningFields>('learning_session')
  const contacts = useRecords<ContactFields>('contact')
  const modes = useRecords<CareerModeFields>('career_mode')

  const mode = currentMode(modes, day)
  const tone = toneOn(modes, day)
  const focus = query.get('focus')

  // The home-screen shortcut "log efficiency" opens /today?focus=efficiency.
  useEffect(() => {
    if (focus !== 'efficiency') return
    const input = document.getElementById('effort-task')
    if (!input) return
    input.focus()
    input.scrollIntoView({ block: 'center' })
  }, [focus, logs === null])

  const todaysLogs = (logs ?? []).filter((l) => l.fields.date === day)
  const saved = sum(todaysLogs, (l) => l.fields.minutes_saved)
  const spent = sum(todaysLogs, (l) => l.fields.minutes_spent)
  const studied = sum((learning ?? []).filter((l) => l.fields.date === day), (l) => l.fields.minutes)
  const met = (contacts ?? []).filter((c) => c.fields.date === day).length

  return (
    <div class={`today tone-${tone}`}>
      <h1 tabIndex={-1}>
        {t('today.title')} <span class="muted small">{formatDay(day)}</span>
      </h1>
      <ModeCard mode={mode} modes={modes} day={day} tone={tone} />
      <SummaryCard userId={user.id} day={day} />
      <Checklist items={items} checks={checks} day={day} tone={tone} />

      <section class="card totals" aria-labelledby="totals-title">
        <h2 id="totals-title">{t('totals.title')}</h2>
        <dl>
          <div>
            <dt>{t('totals.saved')}</dt>
            <dd data-testid="today-saved" data-minutes={String(saved)}>{formatMinutes(saved)}</dd>
          </div>
          <div>
            <dt>{t('totals.logs')}</dt>
            <dd>{t('totals.logs_value', { n: todaysLogs.length, time: formatMinutes(spent) })}</dd>
          </div>
          <div>
            <dt>{t('totals.studied')}</dt>
            <dd>{formatMinutes(studied)}</dd>
          </div>
          <div>
            <dt>{t('totals.contacts')}</dt>
            <dd>{t('totals.people', { n: met })}</dd>
          </div>
        </dl>
      </section>

      {logs === null ? <p class="loading">{t('app.loading')}</p> : <EfficiencyQuick logs={logs} day={day} tone={tone} />}
      <LearningQuick day={day} tone={tone} />
      <ContactQuick day={day} tone={tone} />
    </div>
  )
}
