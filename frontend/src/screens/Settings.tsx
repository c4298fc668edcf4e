// Profile (language, time zone, monthly email), sync details, version, her data (export,
// import), log out, and account deletion.
import { version } from '../../package.json'
import { useEffect, useState } from 'preact/hooks'

import { ApiError, logout, updateProfile } from '../api'
import { useSession, useUser } from '../components/context'
import { DataControls } from '../components/DataControls'
import { DeleteAccount } from '../components/DeleteAccount'
import { useOnline, useSyncStatus } from '../components/hooks'
import { showToast } from '../components/toast'
import { formatDay, formatTime, t, type Lang } from '../i18n'
import { today } from '../time'
import type { User } from '../types'
import type { ScreenProps } from './props'
import { authErrors } from './auth'
import { browserTimeZone, zoneOptions } from './zones'

type Patch = Partial<Pick<User, 'display_name' | 'time_zone' | 'language' | 'monthly_email'>>

export function Settings(_props: ScreenProps) {
  const user = useUser()
  const session = useSession()
  const status = useSyncStatus()
  const online = useOnline() && status.online
  const [lang, setLangChoice] = useState<Lang>(user.language)
  const [zone, setZone] = useState(user.time_zone)
  const [monthly, setMonthly] = useState(user.monthly_email)
  const [name, setName] = useState(user.display_name)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [persisted, setPersisted] = useState<boolean | null>(null)

  useEffect(() => {
    if (online) setError('')
  }, [online])

  useEffect(() => {
    navigator.storage?.persisted?.().then(setPersisted, () => setPersisted(null))
  }, [])

  const patch: Patch = {}
  if (lang !== user.language) patch.language = lang
  if (zone !== user.time_zone) patch.time_zone = zone
  if (monthly !== user.monthly_email) patch.monthly_email = monthly
  if (name.trim() !== user.display_name) patch.display_name = name.trim()
  const dirty = Object.keys(patch).length > 0

  const save = async (e: Event) => {
    e.preventDefault()
    if (!online) return setError(t('settings.offline'))
    if (!dirty) return showToast(t('settings.no_changes'))
    if ([...name.trim()].length > 80) return setError(t('err.max_length', { max: 80 }))
    setBusy(true)
    setError('')
    try {
      const updated = await updateProfile(patch)
      session.userChanged(updated)
      showToast(t('settings.saved'))
    } catch (err) {
      if (err instanceof ApiError && err.status === 0) setError(t('settings.offline'))
      else {
        const { fields, general } = authErrors(err)
        setError([general, ...Object.values(fields)].filter(Boolean).join(' '))
      }
    } finally {
      setBusy(false)
    }
  }

  const signOut = async () => {
    try {
      await logout()
    } catch (err) {
      if (err instanceof ApiError && err.status === 0) {
        showToast(t('settings.logout_offline'))
        return
      }
      // Already signed out on the server (401/403): finish here too.
    }
    await session.signedOut()
  }

  return (
    <div class="settings">
      <h1 tabIndex={-1}>{t('settings.title')}</h1>

      <form class="card" noValidate onSubmit={save} aria-labelledby="settings-profile">
        <h2 id="settings-profile">{t('settings.profile')}</h2>
        <p class="muted small">{t('settings.account', { email: user.email })}</p>
        <div class="field">
          <label for="settings-name">{t('auth.name')}</label>
          <input id="settings-name" type="text" maxLength={80} autoComplete="nickname" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="settings-language">{t('settings.language')}</label>
          <select id="settings-language" data-testid="settings-language" value={lang}
            onChange={(e) => setLangChoice(e.currentTarget.value === 'en' ? 'en' : 'ja')}>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        </div>
        <div class="field">
          <label for="settings-timezone">{t('settings.timezone')}</label>
          <select id="settings-timezone" data-testid="settings-timezone" value={zone} onChange={(e) => setZone(e.currentTarget.value)}>
            {zoneOptions(browserTimeZone(), user.time_zone).map((z) => (
              <option key={z.value} value={z.value}>{z.label}</option>
            ))}
          </select>
          <p class="hint">{t('settings.timezone_hint', { date: formatDay(today(zone)) })}</p>
        </div>
        <div class="field check-field">
          <input id="settings-monthly" type="checkbox" data-testid="settings-monthly-email" checked={monthly}
            onChange={(e) => setMonthly(e.currentTarget.checked)} aria-describedby="settings-monthly-hint" />
          <label for="settings-monthly">{t('settings.monthly_email')}</label>
          <p class="hint" id="settings-monthly-hint">{t('settings.monthly_hint')}</p>
        </div>
        {!online && !error && <p class="note warn">{t('settings.offline')}</p>}
        {error && <p class="field-error" role="alert">{error}</p>}
        <button type="submit" class="btn primary wide" data-testid="settings-save" disabled={busy}>
          {t('form.save')}
        </button>
      </form>

      <a class="card link-row" href="/summaries" data-testid="settings-summaries">
        <span>
          <strong>{t('settings.summaries')}</strong>
          <span class="muted small">{t('settings.summaries_hint')}</span>
        </span>
        <span class="link-row-go" aria-hidden="true">›</span>
      </a>

      <section class="card" aria-labelledby="settings-sync">
        <h2 id="settings-sync">{t('settings.sync')}</h2>
        <dl class="facts">
          <div>
            <dt>{t('settings.sync_pending')}</dt>
            <dd>{status.pending}</dd>
          </div>
          <div>
            <dt>{t('settings.sync_rejected')}</dt>
            <dd>{status.rejected}</dd>
          </div>
          <div>
            <dt>{t('settings.sync_last')}</dt>
            <dd>{status.lastSyncedAt ? `${formatDay(today(user.time_zone, new Date(status.lastSyncedAt)))} ${formatTime(status.lastSyncedAt, user.time_zone)}` : t('sync.never')}</dd>
          </div>
          <div>
            <dt>{t('settings.connection')}</dt>
            <dd>{online ? t('settings.online') : t('settings.offline_short')}</dd>
          </div>
          <div>
            <dt>{t('settings.storage')}</dt>
            <dd>{persisted === null ? '—' : persisted ? t('settings.storage_kept') : t('settings.storage_best_effort')}</dd>
          </div>
          <div>
            <dt>{t('settings.version')}</dt>
            <dd>{version}</dd>
          </div>
        </dl>
      </section>

      <DataControls online={online} />

      <section class="card" aria-labelledby="settings-session">
        <h2 id="settings-session">{t('settings.session')}</h2>
        {status.pending > 0 && <p class="note warn">{t('settings.logout_pending', { n: status.pending })}</p>}
        <button type="button" class="btn wide" data-testid="logout" onClick={signOut}>
          {t('settings.logout')}
        </button>
      </section>

      <DeleteAccount online={online} />
    </div>
  )
}
