// The learning log's certification goals: each with its study minutes (this month and in
// all) and a slider to move its progress on the spot.
import { useEffect, useState } from 'preact/hooks'

import { showToast } from '../components/toast'
import { formatDay, formatMinutes } from '../i18n'
import { t, type GoalsKey } from '../i18n/goals'
import { saveRecord } from '../store/records'
import { clampProgress, type Goal, type GoalFields } from './goals'
import { ProgressBar, ProgressInput } from './goals-fields'
import type { CertificationProgress } from './learning'

export function CertificationGoals({ rows }: { rows: CertificationProgress<Goal>[] }) {
  return (
    <section class="card" aria-labelledby="learning-certs-title">
      <h2 id="learning-certs-title">{t('learn.certs')}</h2>
      {rows.length === 0 ? (
        <>
          <p class="muted">{t('learn.certs_empty')}</p>
          <a class="btn" href="/goals/new?category=certification" data-testid="cert-goal-new">
            {t('learn.certs_add')}
          </a>
        </>
      ) : (
        <>
          <p class="muted small">{t('learn.certs_lead')}</p>
          <ul class="plain goals-cert-list">
            {rows.map((row) => (
              <CertGoal key={row.goal.id} row={row} />
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function CertGoal({ row }: { row: CertificationProgress<Goal> }) {
  const { goal } = row
  const f = goal.fields
  const [value, setValue] = useState(String(f.progress ?? 0))
  const [error, setError] = useState('')
  // A sync, an undo or another screen moved the progress: show the stored figure.
  useEffect(() => setValue(String(f.progress ?? 0)), [f.progress])
  const titleId = `cert-${goal.id}-title`
  const inputId = `cert-${goal.id}-progress`

  const update = async (e: Event) => {
    e.preventDefault()
    const text = value.trim()
    if (!/^\d+$/.test(text) || Number(text) > 100) {
      setError(t('err.int_range', { min: 0, max: 100 }))
      document.getElementById(inputId)?.focus()
      return
    }
    setError('')
    const n = clampProgress(text)
    const before = f.progress
    try {
      await saveRecord<GoalFields>('goal', goal.id, { progress: n })
      showToast(t('learn.cert_saved', { title: f.title, n }), {
        undo: () => saveRecord<GoalFields>('goal', goal.id, { progress: before }),
      })
    } catch (err) {
      console.error('ippo: cert progress', err)
      showToast(t('form.save_failed'))
    }
  }

  return (
    <li class="goals-cert" data-testid="cert-goal" data-id={goal.id} data-minutes={row.total} data-month-minutes={row.month} data-progress={f.progress} aria-labelledby={titleId}>
      <h3 id={titleId} class="goals-item-title">
        <a href={`/goals/${goal.id}`}>{f.title}</a>
        {f.status !== 'open' && <span class="muted small"> {t('learn.cert_closed', { status: t(`goals.status.${f.status}` as GoalsKey) })}</span>}
      </h3>
      <p class="small muted">{t('goals.due_on', { date: formatDay(f.due, true) })}</p>
      <ProgressBar value={f.progress} label={t('goals.progress_label', { n: f.progress ?? 0 })} />
      <p class="small">
        <strong>{t('goals.progress_label', { n: f.progress ?? 0 })}</strong>
        {' · '}
        <span data-testid="cert-goal-minutes">{t('learn.cert_minutes', { month: formatMinutes(row.month), total: formatMinutes(row.total) })}</span>
      </p>
      <form class="goals-cert-form" noValidate onSubmit={update}>
        <ProgressInput
          id={inputId}
          value={value}
          onChange={setValue}
          label={t('learn.cert_progress', { title: f.title })}
          sliderLabel={t('learn.cert_slider', { title: f.title })}
          testid="cert-progress"
          error={error}
        />
        <button type="submit" class="btn small" data-testid="cert-progress-save">
          {t('learn.cert_update')}
          <span class="sr-only">: {f.title}</span>
        </button>
      </form>
    </li>
  )
}
