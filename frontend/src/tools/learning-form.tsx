// The study-session form: the learning log's quick add and the in-place edit of a past
// session. The linked goal is picked from her open goals (plus the one already linked).
import { useState } from 'preact/hooks'

import { changedFields } from '../components/EntryEditor'
import { useForm } from '../components/Fields'
import { choiceLabel, field, toFormValues, type FieldSpec } from '../records/schema'
import { showToast } from '../components/toast'
import { formatMinutes } from '../i18n'
import { t } from '../i18n/goals'
import { newId, saveRecord } from '../store/records'
import type { Goal } from './goals'
import { ToolField } from './goals-fields'
import type { LearningSessionFields, Session } from './learning'

const SPECS: Record<string, FieldSpec> = {
  topic: field('learning_session', 'topic'),
  minutes: field('learning_session', 'minutes'),
  place: field('learning_session', 'place', { required: true }),
  date: field('learning_session', 'date'),
  note: field('learning_session', 'note', { kind: 'textarea' }),
}
const ADD_SPECS = [SPECS.topic, SPECS.minutes, SPECS.place, SPECS.date]
const EDIT_SPECS = [...ADD_SPECS, SPECS.note]
const QUICK_MINUTES = [15, 30, 60]

interface Props {
  day: string
  /** Goals she can link: her open ones (the edit form adds the one already linked). */
  goals: Goal[]
  /** Titles of all her goals, for a linked goal that is no longer open. */
  titles?: Map<string, string>
  /** Editing this session; without it the form adds a new one. */
  session?: Session
  onDone?(saved: Session | null): void
}

export function SessionForm({ day, goals, titles, session, onDone }: Props) {
  const specs = session ? EDIT_SPECS : ADD_SPECS
  const prefix = session ? `learning-edit-${session.id}` : 'learning'
  const blank = () => ({ ...toFormValues(specs, {}), place: 'commute', date: day, goal: '' })
  const form = useForm(
    specs,
    () => (session ? { ...toFormValues(specs, session.fields as unknown as Record<string, unknown>), goal: session.fields.goal ?? '' } : blank()),
    prefix,
  )
  const [busy, setBusy] = useState(false)
  const tid = (name: string) => (session ? undefined : `learning-${name}`)

  const linkable = [...goals]
  if (session?.fields.goal && !linkable.some((g) => g.id === session.fields.goal)) {
    const missing = { id: session.fields.goal, fields: { title: titles?.get(session.fields.goal) ?? t('learn.goal_gone') } } as Goal
    linkable.push(missing)
  }
  const goalTitles = new Map(linkable.map((g) => [g.id, g.fields.title]))
  const goalSpec: FieldSpec = { name: 'goal', kind: 'choice', choices: linkable.map((g) => g.id) }

  const save = async (e: Event) => {
    e.preventDefault()
    const { fields, errors } = form.validate()
    if (Object.keys(errors).length) return
    // A goal closed meanwhile is no longer offered: the select shows "none", so save none.
    const goal = goalTitles.has(form.values.goal as string) ? (form.values.goal as string) : null
    const parsed = { ...fields, goal } as LearningSessionFields
    setBusy(true)
    try {
      if (session) {
        const patch = changedFields(session.fields as unknown as Record<string, unknown>, parsed as unknown as Record<string, unknown>)
        const saved = Object.keys(patch).length ? await saveRecord<LearningSessionFields>('learning_session', session.id, patch) : null
        showToast(t('tools.saved'))
        onDone?.(saved)
      } else {
        const saved = await saveRecord<LearningSessionFields>('learning_session', newId(), parsed)
        // The next session is often the same place and goal: keep those, clear the rest.
        form.reset({ ...blank(), place: form.values.place, goal: form.values.goal })
        showToast(t('learn.saved', { minutes: formatMinutes(parsed.minutes) }))
        document.getElementById('learning-topic')?.focus()
        onDone?.(saved)
      }
    } catch (err) {
      console.error('ippo: learning', err)
      showToast(t('form.save_failed'))
    } finally {
      setBusy(false)
    }
  }


  return (
    <form class={session ? 'editor' : undefined} noValidate onSubmit={save}>
      <div class="fields">
        <ToolField form={form} spec={SPECS.topic} label={t('learn.field_topic')} placeholder={t('learn.ph_topic')} testid={tid('topic')} />
        <ToolField form={form} spec={SPECS.minutes} label={t('learn.field_minutes')} testid={tid('minutes')} inline>
          <div class="suggestions" role="group" aria-label={t('learn.quick_minutes')}>
            {QUICK_MINUTES.map((m) => (
              <button
                type="button"
                key={m}
                class="chip"
                aria-pressed={form.values.minutes === String(m)}
                onClick={() => form.set('minutes', String(m))}
              >
                {t('tools.minutes_value', { m })}
              </button>
            ))}
          </div>
        </ToolField>
        <ToolField
          form={form}
          spec={SPECS.place}
          label={t('learn.field_place')}
          choiceLabel={(v) => choiceLabel('place', v)}
          testid={tid('place')}
        />
        <ToolField
          form={form}
          spec={goalSpec}
          label={t('learn.field_goal')}
          choiceLabel={(id) => goalTitles.get(id) ?? id}
          options={[{ value: '', label: t('learn.no_goal') }]}
          testid={tid('goal')}
        />
        <ToolField form={form} spec={SPECS.date} label={t('learn.field_date')} testid={tid('date')} half />
        {session && <ToolField form={form} spec={SPECS.note} label={t('learn.field_note')} />}
      </div>
      <div class="actions">
        <button type="submit" class={session ? 'btn primary' : 'btn primary wide'} data-testid={session ? 'learning-edit-save' : 'learning-save'} disabled={busy}>
          {session ? t('form.save') : t('learn.save')}
        </button>
        {session && (
          <button type="button" class="btn" onClick={() => onDone?.(null)}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
