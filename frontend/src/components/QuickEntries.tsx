// The Today screen's one-tap entries: efficiency (with her recent tasks as suggestions),
// a study session, and a contact. Each saves on the phone at once and clears itself.
import { useState } from 'preact/hooks'

import { t } from '../i18n'
import { recentTasks } from '../rules/today'
import { newId, saveRecord } from '../store/records'
import { addDays } from '../time'
import type { LocalRecord, RecordType } from '../types'
import { Fields, useForm } from './Fields'
import { SCHEMAS, toFormValues, type EfficiencyFields, type FieldSpec } from '../records/schema'
import { showToast } from './toast'
import { toneKey, type Tone } from './tone'

function pick(type: RecordType, names: string[]): FieldSpec[] {
  const all = SCHEMAS[type] ?? []
  return names.map((n) => all.find((s) => s.name === n)).filter((s): s is FieldSpec => Boolean(s))
}

const EFFORT_SPECS = pick('efficiency_log', ['task', 'minutes_spent', 'minutes_saved', 'improvement', 'outcome_value', 'outcome_unit'])
const LEARNING_SPECS = pick('learning_session', ['topic', 'minutes', 'place'])
const CONTACT_SPECS = pick('contact', ['name', 'kind'])

const blank = (specs: FieldSpec[]) => () => toFormValues(specs, {})

export function EfficiencyQuick({ logs, day, tone }: { logs: LocalRecord<EfficiencyFields>[]; day: string; tone: Tone }) {
  const form = useForm(EFFORT_SPECS, blank(EFFORT_SPECS), 'effort')
  const [when, setWhen] = useState<'today' | 'yesterday'>('today')
  const [busy, setBusy] = useState(false)
  const suggestions = recentTasks(logs)

  const suggest = (log: LocalRecord<EfficiencyFields>) => {
    form.set('task', log.fields.task)
    if (!form.values.outcome_unit && log.fields.outcome_unit) form.set('outcome_unit', log.fields.outcome_unit)
    document.getElementById('effort-minutes_spent')?.focus()
  }

  const save = async (e: Event) => {
    e.preventDefault()
    const { fields, errors } = form.validate()
    if (Object.keys(errors).length) return
    setBusy(true)
    try {
      const date = when === 'today' ? day : addDays(day, -1)
      await saveRecord<EfficiencyFields>('efficiency_log', newId(), { ...(fields as Partial<EfficiencyFields>), date })
      form.reset(blank(EFFORT_SPECS)())
      showToast(t(toneKey(tone, 'saved')))
      document.getElementById('effort-task')?.focus()
    } catch (err) {
      console.error('ippo: efficiency', err)
      showToast(t('form.save_failed'))
    } finally {
      setBusy(false)
    }
  }

  const suggestionList = suggestions.length > 0 && (
    <div class="suggestions" role="group" aria-label={t('effort.suggestions')}>
      {suggestions.map((log) => (
        <button type="button" key={log.id} class="chip" data-testid="effort-suggestion" onClick={() => suggest(log)}>
          {log.fields.task}
        </button>
      ))}
    </div>
  )

  return (
    <section class="card" aria-labelledby="effort-title" id="efficiency">
      <h2 id="effort-title">{t('effort.title')}</h2>
      <p class="muted small">{t('effort.lead')}</p>
      <form noValidate onSubmit={save}>
        <fieldset class="segmented">
          <legend>{t('effort.when')}</legend>
          {(['today', 'yesterday'] as const).map((w) => (
            <label key={w} class={when === w ? 'seg on' : 'seg'}>
              <input type="radio" name="effort-when" value={w} checked={when === w} onChange={() => setWhen(w)} />
              {t(w === 'today' ? 'effort.today' : 'effort.yesterday')}
            </label>
          ))}
        </fieldset>
        <Fields specs={EFFORT_SPECS} form={form} testidPrefix="effort" after={{ task: suggestionList }} />
        <button type="submit" class="btn primary wide" data-testid="effort-save" disabled={busy}>
          {t('effort.save')}
        </button>
      </form>
    </section>
  )
}

export function LearningQuick({ day, tone }: { day: string; tone: Tone }) {
  const form = useForm(LEARNING_SPECS, () => ({ ...blank(LEARNING_SPECS)(), place: 'commute' }), 'learning')
  const save = async (e: Event) => {
    e.preventDefault()
    const { fields, errors } = form.validate()
    if (Object.keys(errors).length) return
    try {
      await saveRecord('learning_session', newId(), { ...fields, date: day })
      form.reset({ ...blank(LEARNING_SPECS)(), place: form.values.place })
      showToast(t(toneKey(tone, 'saved')))
    } catch (err) {
      console.error('ippo: learning', err)
      showToast(t('form.save_failed'))
    }
  }
  return (
    <section class="card" aria-labelledby="learning-title">
      <h2 id="learning-title">{t('learning.title')}</h2>
      <form noValidate onSubmit={save}>
        <Fields specs={LEARNING_SPECS} form={form} testidPrefix="learning" />
        <button type="submit" class="btn primary wide" data-testid="learning-save">
          {t('learning.save')}
        </button>
      </form>
    </section>
  )
}

export function ContactQuick({ day, tone }: { day: string; tone: Tone }) {
  const form = useForm(CONTACT_SPECS, () => ({ ...blank(CONTACT_SPECS)(), kind: 'peer' }), 'contact')
  const save = async (e: Event) => {
    e.preventDefault()
    const { fields, errors } = form.validate()
    if (Object.keys(errors).length) return
    try {
      await saveRecord('contact', newId(), { ...fields, date: day })
      form.reset({ ...blank(CONTACT_SPECS)(), kind: form.values.kind })
      showToast(t(toneKey(tone, 'saved')))
    } catch (err) {
      console.error('ippo: contact', err)
      showToast(t('form.save_failed'))
    }
  }
  return (
    <section class="card" aria-labelledby="contact-title">
      <h2 id="contact-title">{t('contact.title')}</h2>
      <p class="muted small">{t('contact.lead')}</p>
      <form noValidate onSubmit={save}>
        <Fields specs={CONTACT_SPECS} form={form} testidPrefix="contact" />
        <button type="submit" class="btn primary wide" data-testid="contact-save">
          {t('contact.save')}
        </button>
      </form>
    </section>
  )
}
