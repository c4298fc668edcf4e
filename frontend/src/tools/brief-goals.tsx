// Step 4, "what, by when": pick from her goals (open ones, and any the brief already
// names), or write a new one here; a new goal is saved as its own record and picked.
import { useState } from 'preact/hooks'

import { useRecords } from '../components/hooks'
import { showToast } from '../components/toast'
import { getLang } from '../i18n'
import { t, type BriefKey } from '../i18n/brief'
import { newId, saveRecord } from '../store/records'
import { dayLabel, GOAL_CATEGORIES, GOAL_TITLE_MAX, goalDraftErrors, GOALS_MAX, type GoalFields } from './brief'

interface Props {
  selected: readonly string[]
  onChange(ids: string[]): void
}

export function BriefGoals({ selected, onChange }: Props) {
  const goals = useRecords<GoalFields>('goal')
  const lang = getLang()
  const [title, setTitle] = useState('')
  const [due, setDue] = useState('')
  const [category, setCategory] = useState<GoalFields['category']>('role')
  const [errors, setErrors] = useState<{ title?: string; due?: string }>({})
  const [busy, setBusy] = useState(false)

  const picked = new Set(selected)
  const shown = (goals ?? [])
    .filter((g) => g.fields.status === 'open' || picked.has(g.id))
    .sort((a, b) => (a.fields.due || '').localeCompare(b.fields.due || '') || a.fields.title.localeCompare(b.fields.title))
  const full = selected.length >= GOALS_MAX

  const toggle = (id: string, on: boolean) => {
    onChange(on ? [...selected.filter((g) => g !== id), id] : selected.filter((g) => g !== id))
  }

  const add = async () => {
    const problems = goalDraftErrors(title, due)
    const shownErrors = {
      title: problems.title === 'required' ? t('err.required') : problems.title ? t('err.max_length', { max: GOAL_TITLE_MAX }) : undefined,
      due: problems.due ? t('err.date') : undefined,
    }
    setErrors(shownErrors)
    if (shownErrors.title || shownErrors.due) {
      document.getElementById(shownErrors.title ? 'brief-goal-title' : 'brief-goal-due')?.focus()
      return
    }
    setBusy(true)
    try {
      const id = newId()
      const clean = title.trim()
      await saveRecord<GoalFields>('goal', id, { title: clean, due, category, status: 'open', progress: 0 })
      if (!full) onChange([...selected, id])
      setTitle('')
      setDue('')
      showToast(t('brief.goal_added', { title: clean }))
    } catch (err) {
      console.error('ippo: adding a goal', err)
      showToast(t('brief.save_failed'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="brief-goals">
      <p class="hint">{t('brief.goals_hint')}</p>
      {!goals ? (
        <p class="loading">{t('app.loading')}</p>
      ) : shown.length === 0 ? (
        <p class="muted small">{t('brief.goals_none')}</p>
      ) : (
        <ul class="plain brief-goal-list" aria-labelledby="brief-goals-title">
          {shown.map((goal) => (
            <li key={goal.id} class="check-field">
              <input
                type="checkbox"
                id={`brief-goal-${goal.id}`}
                data-testid="brief-goal"
                data-id={goal.id}
                checked={picked.has(goal.id)}
                disabled={full && !picked.has(goal.id)}
                onChange={(e) => toggle(goal.id, e.currentTarget.checked)}
              />
              <label for={`brief-goal-${goal.id}`}>{t('brief.goal_pick', { due: dayLabel(lang, goal.fields.due), title: goal.fields.title })}</label>
            </li>
          ))}
        </ul>
      )}
      {full && <p class="hint">{t('brief.goals_max', { n: GOALS_MAX })}</p>}
      <fieldset class="brief-goal-new">
        <legend>{t('brief.goal_new')}</legend>
        <div class="field">
          <label for="brief-goal-title">{t('brief.goal_title')}</label>
          <input
            type="text"
            id="brief-goal-title"
            data-testid="brief-goal-new-title"
            maxLength={GOAL_TITLE_MAX}
            autoComplete="off"
            placeholder={t('brief.goal_title_ph')}
            aria-invalid={errors.title ? 'true' : undefined}
            aria-describedby={errors.title ? 'brief-goal-title-err' : undefined}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                void add()
              }
            }}
          />
          {errors.title && (
            <p class="field-error" id="brief-goal-title-err">
              {errors.title}
            </p>
          )}
        </div>
        <div class="brief-goal-row">
          <div class="field">
            <label for="brief-goal-due">{t('brief.goal_due')}</label>
            <input
              type="date"
              id="brief-goal-due"
              data-testid="brief-goal-new-due"
              aria-invalid={errors.due ? 'true' : undefined}
              aria-describedby={errors.due ? 'brief-goal-due-err' : undefined}
              value={due}
              onInput={(e) => setDue(e.currentTarget.value)}
            />
            {errors.due && (
              <p class="field-error" id="brief-goal-due-err">
                {errors.due}
              </p>
            )}
          </div>
          <div class="field">
            <label for="brief-goal-category">{t('brief.goal_category')}</label>
            <select id="brief-goal-category" data-testid="brief-goal-new-category" value={category} onChange={(e) => setCategory(e.currentTarget.value as GoalFields['category'])}>
              {GOAL_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`brief.cat_${c}` as BriefKey)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="button" class="btn" data-testid="brief-goal-add" disabled={busy} onClick={add}>
          {t('brief.goal_add')}
        </button>
      </fieldset>
    </div>
  )
}
