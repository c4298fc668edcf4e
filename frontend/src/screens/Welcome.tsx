// First run: language, time zone, a few starter steps, and attack or defence mode with
// a purpose. Can be opened again later; items she already has are not added twice.
import { useEffect, useRef, useState } from 'preact/hooks'

import { updateProfile } from '../api'
import { useSession, useUser } from '../components/context'
import { useRecords } from '../components/hooks'
import type { CareerModeFields, ChecklistItemFields } from '../records/schema'
import { showToast } from '../components/toast'
import { setLang, t, type Lang } from '../i18n'
import { navigate } from '../router'
import { STARTER_ITEMS } from '../starter'
import { newId, saveRecord } from '../store/records'
import { markOnboarded } from '../store/remember'
import { isDate, today } from '../time'
import type { User } from '../types'
import type { ScreenProps } from './props'
import { browserTimeZone, zoneOptions } from './zones'

/** The same calendar day a year later (29 Feb → 28 Feb). */
export function oneYearLater(date: string): string {
  const [y, m, d] = date.split('-')
  const next = `${Number(y) + 1}-${m}-${d}`
  return isDate(next) ? next : `${Number(y) + 1}-${m}-28`
}

export function Welcome(_props: ScreenProps) {
  const user = useUser()
  const session = useSession()
  const items = useRecords<ChecklistItemFields>('checklist_item')
  const modes = useRecords<CareerModeFields>('career_mode')

  const [lang, setLangChoice] = useState<Lang>(user.language)
  const [zone, setZone] = useState(user.time_zone || 'Asia/Tokyo')
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const [mode, setMode] = useState<'attack' | 'defence'>('defence')
  const [purpose, setPurpose] = useState('')
  const [ends, setEnds] = useState(() => oneYearLater(today(user.time_zone)))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const day = today(zone)
  const current = (modes ?? [])
    .filter((m) => m.fields.starts <= day && day <= m.fields.ends)
    .sort((a, b) => (a.fields.starts < b.fields.starts ? 1 : -1))[0]

  // Opened again later: start from the mode she already has.
  useEffect(() => {
    if (!current) return
    setMode(current.fields.mode)
    setPurpose(current.fields.purpose ?? '')
    setEnds(current.fields.ends)
  }, [current?.id])

  // The language choice shows at once; if she leaves without finishing, it reverts.
  const finished = useRef(false)
  useEffect(
    () => () => {
      if (!finished.current) setLang(user.language)
    },
    [],
  )

  const existing = new Set((items ?? []).map((i) => i.fields.starter_key).filter(Boolean))

  const chooseLang = (value: Lang) => {
    setLangChoice(value)
    setLang(value)
  }

  const toggle = (key: string, on: boolean) => {
    const next = new Set(picked)
    if (on) next.add(key)
    else next.delete(key)
    setPicked(next)
  }

  const finish = async (e: Event) => {
    e.preventDefault()
    const problems: Record<string, string> = {}
    if ([...purpose.trim()].length > 500) problems.purpose = t('err.max_length', { max: 500 })
    if (!isDate(ends)) problems.ends = t('err.date')
    else if (ends < day) problems.ends = t('welcome.err_ends')
    setErrors(problems)
    if (Object.keys(problems).length) {
      document.getElementById(problems.purpose ? 'welcome-purpose' : 'welcome-ends')?.focus()
      return
    }
    setBusy(true)
    try {
      let updated: User = { ...user, language: lang, time_zone: zone }
      if (lang !== user.language || zone !== user.time_zone) {
        try {
          updated = await updateProfile({ language: lang, time_zone: zone })
        } catch (err) {
          // Offline: use the choice on this phone now; Settings can save it later.
          console.warn('ippo: profile not saved', err)
          showToast(t('welcome.profile_later'))
        }
      }
      let position = Math.max(-1, ...(items ?? []).map((i) => i.fields.position ?? 0)) + 1
      for (const starter of STARTER_ITEMS) {
        if (!picked.has(starter.key) || existing.has(starter.key)) continue
        await saveRecord<ChecklistItemFields>('checklist_item', newId(), {
          title: starter.title[lang],
          position: position++,
          archived: false,
          starter_key: starter.key,
        })
      }
      await saveRecord<CareerModeFields>('career_mode', current?.id ?? newId(), {
        mode,
        starts: current?.fields.starts ?? day,
        ends,
        purpose: purpose.trim(),
      })
      markOnboarded(user.id)
      finished.current = true
      session.userChanged(updated)
      navigate('/today', { replace: true })
    } catch (err) {
      console.error('ippo: onboarding', err)
      setErrors({ form: t('form.save_failed') })
      setBusy(false)
    }
  }

  const here = browserTimeZone()

  return (
    <form class="welcome" noValidate onSubmit={finish}>
      <h1 tabIndex={-1}>{t('welcome.title')}</h1>
      <p class="lead">{t('welcome.lead')}</p>

      <section class="card" aria-labelledby="w-basics">
        <h2 id="w-basics">{t('welcome.basics')}</h2>
        <div class="field">
          <label for="welcome-language">{t('settings.language')}</label>
          <select id="welcome-language" data-testid="onboarding-language" value={lang}
            onChange={(e) => chooseLang(e.currentTarget.value === 'en' ? 'en' : 'ja')}>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        </div>
        <div class="field">
          <label for="welcome-zone">{t('settings.timezone')}</label>
          <select id="welcome-zone" data-testid="onboarding-timezone" value={zone} onChange={(e) => setZone(e.currentTarget.value)}
            aria-describedby="welcome-zone-hint">
            {zoneOptions(here, user.time_zone).map((z) => (
              <option key={z.value} value={z.value}>{z.label}</option>
            ))}
          </select>
          <p class="hint" id="welcome-zone-hint">{t('welcome.zone_hint')}</p>
        </div>
      </section>

      <section class="card" aria-labelledby="w-steps">
        <h2 id="w-steps">{t('welcome.steps')}</h2>
        <p class="muted">{t('welcome.steps_lead')}</p>
        <ul class="plain starters">
          {STARTER_ITEMS.map((s) => {
            const have = existing.has(s.key)
            const id = `starter-${s.key}`
            return (
              <li key={s.key}>
                <input type="checkbox" id={id} data-testid="starter-item" data-key={s.key}
                  checked={have || picked.has(s.key)} disabled={have}
                  onChange={(e) => toggle(s.key, e.currentTarget.checked)} aria-describedby={`${id}-why`} />
                <label for={id}>
                  {s.title[lang]}
                  {have && <span class="muted small"> ({t('welcome.already')})</span>}
                </label>
                <p class="hint" id={`${id}-why`}>{s.why[lang]}</p>
              </li>
            )
          })}
        </ul>
      </section>

      <section class="card" aria-labelledby="w-mode">
        <h2 id="w-mode">{t('welcome.mode')}</h2>
        <p class="muted">{t('welcome.mode_lead')}</p>
        <fieldset class="modes">
          <legend class="sr-only">{t('welcome.mode')}</legend>
          {(['attack', 'defence'] as const).map((m) => (
            <div class={`mode-option ${m}`} key={m}>
              <input type="radio" name="mode" id={`mode-${m}`} data-testid={`mode-${m}`} value={m}
                checked={mode === m} onChange={() => setMode(m)} aria-describedby={`mode-${m}-desc`} />
              <label for={`mode-${m}`}>
                <strong>{t(m === 'attack' ? 'mode.attack' : 'mode.defence')}</strong>
              </label>
              <p class="hint" id={`mode-${m}-desc`}>{t(m === 'attack' ? 'mode.attack_desc' : 'mode.defence_desc')}</p>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label for="welcome-purpose">{t('field.purpose')}</label>
          <input id="welcome-purpose" data-testid="mode-purpose" type="text" maxLength={500} value={purpose}
            placeholder={t('welcome.purpose_ph')} onInput={(e) => setPurpose(e.currentTarget.value)}
            aria-invalid={errors.purpose ? 'true' : undefined} aria-describedby={errors.purpose ? 'welcome-purpose-err' : undefined} />
          {errors.purpose && <p class="field-error" id="welcome-purpose-err">{errors.purpose}</p>}
        </div>
        <div class="field half-width">
          <label for="welcome-ends">{t('welcome.ends')}</label>
          <input id="welcome-ends" type="date" value={ends} min={day} onInput={(e) => setEnds(e.currentTarget.value)}
            aria-invalid={errors.ends ? 'true' : undefined} aria-describedby={errors.ends ? 'welcome-ends-err' : undefined} />
          {errors.ends && <p class="field-error" id="welcome-ends-err">{errors.ends}</p>}
        </div>
      </section>

      {errors.form && <p class="field-error" role="alert">{errors.form}</p>}
      <button type="submit" class="btn primary wide" data-testid="onboarding-finish" disabled={busy}>
        {t('welcome.finish')}
      </button>
      <p class="muted small center">{t('welcome.later')}</p>
    </form>
  )
}
