// One goal: /goals/new sets one up (?category=certification or ?example=1 fill it in),
// /goals/<id> edits or deletes it. Saved on the phone at once; the list takes her back
// to the goal she just wrote.
import '../tools/tools.css'
import '../tools/goals.css'

import { useState } from 'preact/hooks'

import { useToday, useUser } from '../components/context'
import { changedFields } from '../components/EntryEditor'
import { useForm } from '../components/Fields'
import { useRecords } from '../components/hooks'
import { removeWithUndo } from '../components/remove'
import { toFormValues } from '../records/schema'
import { showToast } from '../components/toast'
import { formatMinutes } from '../i18n'
import { t, type GoalsKey } from '../i18n/goals'
import { navigate } from '../router'
import { newId, saveRecord } from '../store/records'
import { addDays } from '../time'
import { GOAL_CATEGORIES, GOAL_SPECS, clampProgress, type Goal as GoalRecord, type GoalFields } from '../tools/goals'
import { ProgressInput, ToolField } from '../tools/goals-fields'
import { linkedMinutes, type LearningSessionFields } from '../tools/learning'
import type { ScreenProps } from './props'

const spec = (name: keyof GoalFields) => GOAL_SPECS.find((s) => s.name === name)!

export default function Goal({ params, query }: ScreenProps) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const goals = useRecords<GoalFields>('goal')
  const isNew = params.id === 'new'

  const back = (
    <p>
      <a href="/goals" class="muted small goals-back">
        ← {t('goal.cancel')}
      </a>
    </p>
  )

  if (!goals) {
    return (
      <div class="goals">
        {back}
        <h1 tabIndex={-1}>{t(isNew ? 'goal.new_title' : 'goal.edit_title')}</h1>
        <p class="loading">{t('app.loading')}</p>
      </div>
    )
  }

  const goal = isNew ? undefined : goals.find((g) => g.id === params.id)
  if (!isNew && !goal) {
    return (
      <div class="goals">
        {back}
        <h1 tabIndex={-1}>{t('goal.missing_title')}</h1>
        <p class="empty" data-testid="goal-missing">
          {t('goal.missing_body')}
        </p>
      </div>
    )
  }

  const initial: Partial<GoalFields> = goal
    ? goal.fields
    : query.get('example')
      ? {
          title: t('goals.empty_example'),
          category: 'role',
          due: addDays(day, 182),
          company_benefit: t('goal.example_benefit'),
          next_step: t('goal.example_next'),
        }
      : {
          category: GOAL_CATEGORIES.includes(query.get('category') as GoalFields['category'])
            ? (query.get('category') as GoalFields['category'])
            : 'skill',
          due: addDays(day, 90),
        }

  return (
    <div class="goals">
      {back}
      <h1 tabIndex={-1}>{t(isNew ? 'goal.new_title' : 'goal.edit_title')}</h1>
      {/* keyed by id: a pull that changes the goal while she edits does not mix two forms */}
      <GoalForm key={params.id} goal={goal} initial={initial} />
    </div>
  )
}

function GoalForm({ goal, initial }: { goal?: GoalRecord; initial: Partial<GoalFields> }) {
  const [id] = useState(() => goal?.id ?? newId())
  const form = useForm(
    GOAL_SPECS,
    () => toFormValues(GOAL_SPECS, { status: 'open', progress: 0, ...initial }),
    'goal',
  )
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState('')

  const save = async (e: Event) => {
    e.preventDefault()
    const { fields, errors } = form.validate()
    if (Object.keys(errors).length) return
    const parsed = { ...fields, progress: clampProgress(fields.progress ?? 0) } as GoalFields
    setBusy(true)
    setFailed('')
    try {
      const patch = goal ? changedFields(goal.fields as unknown as Record<string, unknown>, parsed as unknown as Record<string, unknown>) : parsed
      if (!goal || Object.keys(patch).length) await saveRecord<GoalFields>('goal', id, patch as Partial<GoalFields>)
      showToast(t('tools.saved'))
      navigate(`/goals?focus=${id}`)
    } catch (err) {
      console.error('ippo: goal', err)
      setFailed(t('form.save_failed'))
      setBusy(false)
    }
  }

  const remove = async () => {
    if (!goal) return
    await removeWithUndo('goal', goal.id, t('goals.deleted', { title: goal.fields.title }), () => navigate('/goals'))
  }

  const choice = (field: 'category' | 'status') => (value: string) => t(`goals.${field}.${value}` as GoalsKey)

  return (
    <form class="card goals-form" noValidate onSubmit={save}>
      <div class="fields">
        <ToolField form={form} spec={spec('title')} label={t('goal.field_title')} placeholder={t('goal.ph_title')} testid="goal-title" />
        <ToolField form={form} spec={spec('category')} label={t('goal.field_category')} choiceLabel={choice('category')} testid="goal-category" half />
        <ToolField form={form} spec={spec('due')} label={t('goal.field_due')} testid="goal-due" half />
        <ProgressInput
          id="goal-progress"
          value={String(form.values.progress ?? '')}
          onChange={(v) => form.set('progress', v)}
          label={t('goal.field_progress')}
          sliderLabel={t('goal.field_progress_slider')}
          testid="goal-progress"
          error={form.errors.progress}
        />
        {/* A new goal starts open; done or dropped is decided later, on its page. */}
        {goal && <ToolField form={form} spec={spec('status')} label={t('goal.field_status')} choiceLabel={choice('status')} testid="goal-status" />}
        <ToolField
          form={form}
          spec={spec('company_benefit')}
          label={t('goal.field_benefit')}
          hint={t('goal.hint_benefit')}
          placeholder={t('goal.ph_benefit')}
          testid="goal-benefit"
        />
        <ToolField form={form} spec={spec('next_step')} label={t('goal.field_next')} placeholder={t('goal.ph_next')} testid="goal-next" />
      </div>
      {goal && <LinkedLearning goalId={goal.id} />}
      {failed && (
        <p class="field-error" role="alert">
          {failed}
        </p>
      )}
      <button type="submit" class="btn primary wide" data-testid="goal-save" disabled={busy}>
        {t(goal ? 'goal.save' : 'goal.save_new')}
      </button>
      <div class="actions goals-form-actions">
        <a class="btn" href="/goals">
          {t('goal.cancel')}
        </a>
        {goal && (
          <button type="button" class="btn danger" data-testid="goal-delete" onClick={remove}>
            {t('goal.delete')}
          </button>
        )}
      </div>
    </form>
  )
}

/** The study minutes linked to this goal, so the progress she enters has a figure beside it. */
function LinkedLearning({ goalId }: { goalId: string }) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const sessions = useRecords<LearningSessionFields>('learning_session')
  if (!sessions) return null
  const row = linkedMinutes(sessions, goalId, day)
  if (!row.sessions) return null
  return (
    <p class="note small" data-testid="goal-learning">
      {t('goal.learning_minutes', { total: formatMinutes(row.total), month: formatMinutes(row.month) })}
    </p>
  )
}
