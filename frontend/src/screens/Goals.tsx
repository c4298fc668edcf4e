// Her goals ("by when, what") in four lists: past their date, due within two weeks, the
// other open ones, and the done or dropped ones folded away. Works on the local records,
// so it opens and saves with no signal.
import '../tools/tools.css'
import '../tools/goals.css'

import { useEffect, useState } from 'preact/hooks'

import { useToday, useUser } from '../components/context'
import { useRecords } from '../components/hooks'
import { showToast } from '../components/toast'
import { formatDay } from '../i18n'
import { t, tCount, type GoalsKey } from '../i18n/goals'
import { saveRecord } from '../store/records'
import { bucketGoals, daysLeft, type Bucket, type Goal, type GoalFields } from '../tools/goals'
import { ProgressBar, ToolHead } from '../tools/goals-fields'
import type { ScreenProps } from './props'

const HEADINGS: Record<Exclude<Bucket, 'closed'>, GoalsKey> = {
  overdue: 'goals.overdue',
  soon: 'goals.soon',
  open: 'goals.open',
}

export default function Goals({ query }: ScreenProps) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const goals = useRecords<GoalFields>('goal')
  const focus = query.get('focus')
  const [moved, setMoved] = useState<Moved | null>(null)

  // After a save she lands back here on the goal she just wrote.
  useEffect(() => {
    if (!focus || !goals) return
    const link = document.querySelector<HTMLElement>(`[data-testid="goal-item"][data-id="${CSS.escape(focus)}"] a`)
    link?.focus()
    link?.scrollIntoView({ block: 'center' })
  }, [focus, goals === null])

  // A goal marked done (or reopened) moves lists: once it has, keep focus with it — its
  // title, or the folded list of closed goals it went into.
  useEffect(() => {
    if (!moved || !goals) return
    const goal = goals.find((g) => g.id === moved.id)
    if (goal && goal.fields.status !== moved.status) return
    setMoved(null)
    const link = document.querySelector<HTMLElement>(`[data-testid="goal-item"][data-id="${CSS.escape(moved.id)}"] h3 a`)
    if (link && !link.closest('details:not([open])')) link.focus()
    else document.querySelector<HTMLElement>('.goals-closed summary')?.focus()
  }, [moved, goals])

  const head = <ToolHead title="goals.title" lead="goals.lead" />

  if (!goals) {
    return (
      <div class="goals">
        {head}
        <p class="loading">{t('app.loading')}</p>
      </div>
    )
  }

  if (goals.length === 0) {
    return (
      <div class="goals">
        {head}
        <section class="card goals-empty" data-testid="goals-empty" aria-labelledby="goals-empty-title">
          <h2 id="goals-empty-title">{t('goals.empty_title')}</h2>
          <p>{t('goals.empty_body')}</p>
          <figure class="goals-example">
            <figcaption class="muted small">{t('goals.empty_example_label')}</figcaption>
            <blockquote>{t('goals.empty_example')}</blockquote>
          </figure>
          <div class="actions">
            <a class="btn primary" href="/goals/new?example=1" data-testid="goals-example">
              {t('goals.empty_use_example')}
            </a>
            <a class="btn" href="/goals/new" data-testid="goals-new">
              {t('goals.new')}
            </a>
          </div>
        </section>
      </div>
    )
  }

  const lists = bucketGoals(goals, day)
  const openCount = lists.overdue.length + lists.soon.length + lists.open.length

  return (
    <div class="goals">
      {head}
      <a class="btn primary wide" href="/goals/new" data-testid="goals-new">
        {t('goals.new')}
      </a>
      {openCount === 0 && <p class="empty">{t('goals.none_open')}</p>}
      {(['overdue', 'soon', 'open'] as const).map(
        (bucket) =>
          lists[bucket].length > 0 && (
            <section key={bucket} class={`goals-section ${bucket}`} aria-labelledby={`goals-${bucket}`}>
              <h2 id={`goals-${bucket}`}>
                {t(HEADINGS[bucket])} <span class="muted small">({lists[bucket].length})</span>
              </h2>
              <ul class="plain goals-list">
                {lists[bucket].map((goal) => (
                  <GoalItem key={goal.id} goal={goal} bucket={bucket} day={day} onMoved={setMoved} />
                ))}
              </ul>
            </section>
          ),
      )}
      {lists.closed.length > 0 && (
        <details class="goals-closed" open={lists.closed.some((g) => g.id === focus)}>
          <summary>
            <h2>{t('goals.closed', { n: lists.closed.length })}</h2>
          </summary>
          <ul class="plain goals-list">
            {lists.closed.map((goal) => (
              <GoalItem key={goal.id} goal={goal} bucket="closed" day={day} onMoved={setMoved} />
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}

function dueText(goal: GoalFields, day: string): string {
  const left = daysLeft(goal.due, day)
  const on = t('goals.due_on', { date: formatDay(goal.due, goal.due.slice(0, 4) !== day.slice(0, 4)) })
  if (goal.status !== 'open') return on
  if (left < 0) return `${on} · ${tCount('goals.due_late', -left)}`
  if (left === 0) return `${on} · ${t('goals.due_today')}`
  return `${on} · ${tCount('goals.due_in', left)}`
}

interface Moved {
  id: string
  status: GoalFields['status']
}

function GoalItem({ goal, bucket, day, onMoved }: { goal: Goal; bucket: Bucket; day: string; onMoved(m: Moved): void }) {
  const f = goal.fields
  const titleId = `goal-${goal.id}-title`

  const setStatus = async (status: GoalFields['status']) => {
    const before = { status: f.status, progress: f.progress }
    const patch: Partial<GoalFields> = status === 'done' ? { status, progress: 100 } : { status }
    try {
      await saveRecord<GoalFields>('goal', goal.id, patch)
      showToast(t(status === 'done' ? 'goals.marked_done' : 'goals.reopened', { title: f.title }), {
        undo: () => saveRecord<GoalFields>('goal', goal.id, before),
      })
      onMoved({ id: goal.id, status })
    } catch (err) {
      console.error('ippo: goal status', err)
      showToast(t('form.save_failed'))
    }
  }

  return (
    <li class={`card goals-item ${bucket}`} data-testid="goal-item" data-id={goal.id} data-bucket={bucket} aria-labelledby={titleId}>
      <div class="goals-item-head">
        <span class="badge">{t(`goals.category.${f.category}` as GoalsKey)}</span>
        {f.status !== 'open' && <span class={`badge goals-status ${f.status}`}>{t(`goals.status.${f.status}` as GoalsKey)}</span>}
        {goal.pending && <span class="unsynced small">{t('tools.pending')}</span>}
      </div>
      <h3 class="goals-item-title" id={titleId}>
        <a href={`/goals/${goal.id}`}>{f.title}</a>
      </h3>
      <p class={`small goals-due ${bucket}`}>{dueText(f, day)}</p>
      <ProgressBar value={f.progress} label={t('goals.progress_label', { n: f.progress ?? 0 })} />
      <p class="small muted">{t('goals.progress_label', { n: f.progress ?? 0 })}</p>
      {f.next_step && f.status === 'open' && <p class="small">{t('goals.next_label', { text: f.next_step })}</p>}
      <div class="actions">
        {f.status === 'open' ? (
          <button type="button" class="btn small" data-testid="goal-done" onClick={() => setStatus('done')}>
            {t('goals.mark_done')}
            <span class="sr-only">: {f.title}</span>
          </button>
        ) : (
          <button type="button" class="btn small" data-testid="goal-reopen" onClick={() => setStatus('open')}>
            {t('goals.reopen')}
            <span class="sr-only">: {f.title}</span>
          </button>
        )}
        <a class="btn small" href={`/goals/${goal.id}`} data-testid="goal-edit">
          {t('tools.edit')}
          <span class="sr-only">: {f.title}</span>
        </a>
      </div>
    </li>
  )
}
