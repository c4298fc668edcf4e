// The learning log (remedy 3): a quick add for a study session, this week's and this
// month's minutes, the certification goals with the time put into them, and the recent
// sessions to fix or delete. All on the local records, so it works in a tunnel.
import '../tools/tools.css'
import '../tools/goals.css'

import { useState } from 'preact/hooks'

import { useToday, useUser } from '../components/context'
import { useRecords } from '../components/hooks'
import { removeWithUndo } from '../components/remove'
import { choiceLabel } from '../records/schema'
import { formatDay, formatMinutes } from '../i18n'
import { t, tCount } from '../i18n/goals'
import { openGoals, type Goal, type GoalFields } from '../tools/goals'
import { CertificationGoals } from '../tools/learning-certs'
import { SessionForm } from '../tools/learning-form'
import { ToolHead } from '../tools/goals-fields'
import { certificationProgress, learningTotals, newestSessions, type LearningSessionFields, type Session } from '../tools/learning'
import type { ScreenProps } from './props'

const PAGE = 20

export default function Learning(_props: ScreenProps) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const sessions = useRecords<LearningSessionFields>('learning_session')
  const goals = useRecords<GoalFields>('goal')

  const head = <ToolHead title="learn.title" lead="learn.lead" />
  if (!sessions || !goals) {
    return (
      <div class="learning">
        {head}
        <p class="loading">{t('app.loading')}</p>
      </div>
    )
  }

  const totals = learningTotals(sessions, day)
  const open = openGoals(goals)

  return (
    <div class="learning">
      {head}
      <section class="card totals" aria-labelledby="learning-totals-title">
        <h2 id="learning-totals-title">{t('learn.totals')}</h2>
        <dl>
          <div>
            <dt>{t('learn.week')}</dt>
            <dd data-testid="learning-week-total" data-minutes={totals.week}>
              {formatMinutes(totals.week)} <span class="muted small">{tCount('learn.sessions', totals.weekSessions)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('learn.month')}</dt>
            <dd data-testid="learning-month-total" data-minutes={totals.month}>
              {formatMinutes(totals.month)} <span class="muted small">{tCount('learn.sessions', totals.monthSessions)}</span>
            </dd>
          </div>
        </dl>
      </section>

      <section class="card" aria-labelledby="learning-add-title">
        <h2 id="learning-add-title">{t('learn.add')}</h2>
        <SessionForm day={day} goals={open} />
      </section>

      <CertificationGoals rows={certificationProgress(goals, sessions, day)} />

      <RecentSessions sessions={sessions} goals={goals} openGoals={open} day={day} />
    </div>
  )
}

interface RecentProps {
  sessions: Session[]
  goals: Goal[]
  openGoals: Goal[]
  day: string
}

function RecentSessions({ sessions, goals, openGoals: open, day }: RecentProps) {
  const [editing, setEditing] = useState<string | null>(null)
  const [shown, setShown] = useState(PAGE)
  const titles = new Map(goals.map((g) => [g.id, g.fields.title]))
  const rows = newestSessions(sessions)

  const remove = async (s: Session) => {
    if (editing === s.id) setEditing(null)
    await removeWithUndo('learning_session', s.id, t('learn.deleted', { topic: s.fields.topic }), () =>
      document.getElementById('learning-recent-title')?.focus(),
    )
  }

  const closeEditor = (id: string) => {
    setEditing(null)
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="learning-entry"][data-id="${CSS.escape(id)}"] [data-testid="learning-edit"]`)?.focus())
  }

  return (
    <section class="card" aria-labelledby="learning-recent-title">
      <h2 id="learning-recent-title" tabIndex={-1}>
        {t('learn.recent')}
      </h2>
      {rows.length === 0 ? (
        <p class="empty">{t('learn.empty')}</p>
      ) : (
        <ul class="plain">
          {rows.slice(0, shown).map((s) => {
            const f = s.fields
            return (
              <li key={s.id} class="entry" data-testid="learning-entry" data-id={s.id}>
                {editing === s.id ? (
                  <SessionForm day={day} goals={open} titles={titles} session={s} onDone={() => closeEditor(s.id)} />
                ) : (
                  <div class="entry-row">
                    <div class="entry-text">
                      <span class="entry-title">{f.topic}</span>
                      <p class="muted small">
                        {formatDay(f.date, f.date.slice(0, 4) !== day.slice(0, 4))} · {formatMinutes(Number(f.minutes) || 0)} · {choiceLabel('place', f.place)}
                      </p>
                      {f.goal && <p class="small">{t('learn.for_goal', { title: titles.get(f.goal) ?? t('learn.goal_gone') })}</p>}
                      {s.pending && <p class="unsynced small">{t('tools.pending')}</p>}
                    </div>
                    <div class="entry-actions">
                      <button type="button" class="btn small" data-testid="learning-edit" onClick={() => setEditing(s.id)}>
                        {t('tools.edit')}
                        <span class="sr-only">: {f.topic}</span>
                      </button>
                      <button type="button" class="btn small danger" data-testid="learning-delete" onClick={() => remove(s)}>
                        {t('tools.delete')}
                        <span class="sr-only">: {f.topic}</span>
                      </button>
                    </div>
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {rows.length > shown && (
        <button type="button" class="btn wide" onClick={() => setShown(shown + PAGE)}>
          {t('tools.more')}
        </button>
      )}
    </section>
  )
}
