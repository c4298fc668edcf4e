// The guided form: the guide's three things to say (satisfaction, the work she wants, her
// time plan), "what, by when", the company's gain, her asks and optional figures, one
// numbered step after another on one page. Every change is saved as she goes.
import { useRef, useState } from 'preact/hooks'

import { useToday, useUser } from '../components/context'
import { useRecords } from '../components/hooks'
import { readLatestEarnings } from './earnings-latest'
import { getLang } from '../i18n'
import { t, type BriefKey } from '../i18n/brief'
import { navigate } from '../router'
import { isDate } from '../time'
import {
  earningsEvidence,
  evidenceMonth,
  monthLabel,
  readEvidence,
  SATISFACTION,
  savedEvidence,
  savedInMonth,
  TEXT_MAX,
  writeEvidence,
  type BriefFields,
  type BriefText,
  type EvidenceChoice,
} from './brief'
import { BriefGoals } from './brief-goals'
import { useBriefSaver } from './brief-save'

interface Props {
  id: string
  initial: Partial<BriefFields>
  exists: boolean
}

interface TextStep {
  field: BriefText
  testid: string
  title: BriefKey
  hint?: BriefKey
  placeholder: BriefKey
}

const WANTED: TextStep = { field: 'wanted_work', testid: 'brief-wanted', title: 'brief.step_wanted', hint: 'brief.wanted_hint', placeholder: 'brief.wanted_ph' }
const TIME: TextStep = { field: 'time_plan', testid: 'brief-time-plan', title: 'brief.step_time', hint: 'brief.time_hint', placeholder: 'brief.time_ph' }
const BENEFIT: TextStep = { field: 'company_benefit', testid: 'brief-benefit', title: 'brief.step_benefit', hint: 'brief.benefit_hint', placeholder: 'brief.benefit_ph' }
const ASKS: TextStep = { field: 'asks', testid: 'brief-asks', title: 'brief.step_asks', placeholder: 'brief.asks_ph' }

export function BriefForm({ id, initial, exists }: Props) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const lang = getLang()
  const [values, setValues] = useState<Partial<BriefFields>>(() => ({ meeting_on: day, goals: [], ...initial }))
  const valuesRef = useRef(values)
  valuesRef.current = values
  const [dateText, setDateText] = useState(values.meeting_on ?? '')
  const [errors, setErrors] = useState<{ meeting_on?: string; satisfaction?: string }>({})
  const saver = useBriefSaver(id, user.id, exists, () => valuesRef.current)
  const [evidence, setEvidence] = useState<EvidenceChoice>(() => readEvidence(id))
  const logs = useRecords<{ date: string; minutes_saved: number }>('efficiency_log')
  const earnings = readLatestEarnings()

  const change = (patch: Partial<BriefFields>, now = false) => {
    const next = { ...valuesRef.current, ...patch }
    valuesRef.current = next
    setValues(next)
    saver.queue(patch, now)
  }

  const setDate = (text: string) => {
    setDateText(text)
    if (isDate(text)) {
      setErrors(({ meeting_on: _gone, ...rest }) => rest)
      change({ meeting_on: text })
    } else setErrors((prev) => ({ ...prev, meeting_on: t('err.date') }))
  }

  const setSatisfaction = (n: number) => {
    setErrors(({ satisfaction: _gone, ...rest }) => rest)
    change({ satisfaction: n }, true)
  }

  const toggleEvidence = (key: keyof EvidenceChoice, on: boolean) => {
    const next = { ...evidence, [key]: on }
    setEvidence(next)
    writeEvidence(id, next)
  }

  const finish = async () => {
    const problems: typeof errors = {}
    if (!isDate(dateText)) problems.meeting_on = t('err.date')
    if (!valuesRef.current.satisfaction) problems.satisfaction = t('brief.satisfaction_needed')
    setErrors(problems)
    if (problems.meeting_on || problems.satisfaction) {
      const first = problems.meeting_on ? 'brief-meeting-on' : 'brief-sat-1'
      requestAnimationFrame(() => document.getElementById(first)?.focus())
      return
    }
    if (await saver.flush()) navigate(`/brief/${id}?view=sheet`)
  }

  const month = evidenceMonth(day, values.meeting_on)
  const saved = logs ? savedInMonth(logs, month) : null

  const textStep = (step: TextStep, n: number) => {
    const value = values[step.field] ?? ''
    const inputId = `brief-${step.field}`
    return (
      <li class={value.trim() ? 'card brief-step filled' : 'card brief-step'}>
        <h2 class="brief-step-title">
          <span class="brief-step-n" aria-hidden="true">{n}</span>
          <label for={inputId}>{t(step.title)}</label>
        </h2>
        {step.hint && (
          <p class="hint" id={`${inputId}-hint`}>
            {t(step.hint)}
          </p>
        )}
        <textarea
          id={inputId}
          rows={3}
          maxLength={TEXT_MAX}
          data-testid={step.testid}
          placeholder={t(step.placeholder)}
          aria-describedby={step.hint ? `${inputId}-hint` : undefined}
          value={value}
          onInput={(e) => change({ [step.field]: e.currentTarget.value })}
          onBlur={() => void saver.flush()}
        />
      </li>
    )
  }

  return (
    <div class="brief brief-form">
      <p class="brief-back">
        <a href="/brief">← {t('brief.back')}</a>
      </p>
      <h1 tabIndex={-1}>{t('brief.form_title')}</h1>
      <p class="muted small">{saver.exists() ? t('brief.autosave') : t('brief.start_hint')}</p>
      {saver.failed && (
        <p class="note warn" role="alert">
          {t('brief.save_failed')}
        </p>
      )}
      <ol class="plain brief-steps">
        <li class={values.satisfaction ? 'card brief-step filled' : 'card brief-step'}>
          <h2 class="brief-step-title">
            <span class="brief-step-n" aria-hidden="true">1</span>
            {t('brief.step_when')}
          </h2>
          <div class="field half-width">
            <label for="brief-meeting-on">{t('brief.meeting_on')}</label>
            <input
              type="date"
              id="brief-meeting-on"
              data-testid="brief-date"
              required
              aria-invalid={errors.meeting_on ? 'true' : undefined}
              aria-describedby={errors.meeting_on ? 'brief-meeting-on-err' : undefined}
              value={dateText}
              onInput={(e) => setDate(e.currentTarget.value)}
              onBlur={() => void saver.flush()}
            />
            {errors.meeting_on && (
              <p class="field-error" id="brief-meeting-on-err">
                {errors.meeting_on}
              </p>
            )}
          </div>
          <fieldset
            class="brief-sat"
            data-testid="brief-satisfaction"
            aria-describedby={errors.satisfaction ? 'brief-sat-err brief-sat-hint' : 'brief-sat-hint'}
            aria-invalid={errors.satisfaction ? 'true' : undefined}
          >
            <legend>{t('brief.satisfaction')}</legend>
            <p class="hint" id="brief-sat-hint">
              {t('brief.satisfaction_hint')}
            </p>
            <div class="brief-sat-options">
              {SATISFACTION.map((n) => (
                <label key={n} class={values.satisfaction === n ? 'brief-sat-option on' : 'brief-sat-option'} for={`brief-sat-${n}`}>
                  <input
                    type="radio"
                    id={`brief-sat-${n}`}
                    name={`brief-sat-${id}`}
                    value={String(n)}
                    checked={values.satisfaction === n}
                    onChange={() => setSatisfaction(n)}
                  />
                  <span class="brief-sat-n">{n}</span>
                  <span class="brief-sat-label">{t(`brief.sat_${n}` as BriefKey)}</span>
                </label>
              ))}
            </div>
            {errors.satisfaction && (
              <p class="field-error" id="brief-sat-err">
                {errors.satisfaction}
              </p>
            )}
          </fieldset>
        </li>
        {textStep(WANTED, 2)}
        {textStep(TIME, 3)}
        <li class={values.goals?.length ? 'card brief-step filled' : 'card brief-step'}>
          <h2 class="brief-step-title" id="brief-goals-title">
            <span class="brief-step-n" aria-hidden="true">4</span>
            {t('brief.step_goals')}
          </h2>
          <BriefGoals selected={values.goals ?? []} onChange={(goals) => change({ goals }, true)} />
        </li>
        {textStep(BENEFIT, 5)}
        {textStep(ASKS, 6)}
        <li class={(earnings && evidence.earnings) || (saved?.minutes && evidence.saved) ? 'card brief-step filled' : 'card brief-step'}>
          <h2 class="brief-step-title">
            <span class="brief-step-n" aria-hidden="true">7</span>
            {t('brief.step_evidence')}
          </h2>
          <p class="hint">{t('brief.evidence_hint')}</p>
          <div class="check-field">
            <input
              type="checkbox"
              id="brief-ev-earnings"
              data-testid="brief-evidence-earnings"
              disabled={!earnings}
              aria-describedby="brief-ev-earnings-what"
              checked={Boolean(earnings) && evidence.earnings}
              onChange={(e) => toggleEvidence('earnings', e.currentTarget.checked)}
            />
            <label for="brief-ev-earnings">{t('brief.ev_earnings')}</label>
            <p class="hint" id="brief-ev-earnings-what">
              {earnings ? (
                earningsEvidence(lang, earnings)
              ) : (
                <>
                  {t('brief.ev_earnings_missing')} <a href="/earnings">{t('brief.ev_earnings_link')}</a>
                </>
              )}
            </p>
          </div>
          <div class="check-field">
            <input
              type="checkbox"
              id="brief-ev-saved"
              data-testid="brief-evidence-saved"
              disabled={!saved?.minutes}
              aria-describedby="brief-ev-saved-what"
              checked={Boolean(saved?.minutes) && evidence.saved}
              onChange={(e) => toggleEvidence('saved', e.currentTarget.checked)}
            />
            <label for="brief-ev-saved">{t('brief.ev_saved')}</label>
            <p class="hint" id="brief-ev-saved-what">
              {!saved
                ? t('app.loading')
                : saved.minutes
                  ? savedEvidence(lang, month, saved)
                  : t('brief.ev_saved_none', { month: monthLabel(lang, month) })}
            </p>
          </div>
        </li>
      </ol>
      <button type="button" class="btn primary wide" data-testid="brief-save" onClick={finish}>
        {t('brief.done')}
      </button>
    </div>
  )
}
