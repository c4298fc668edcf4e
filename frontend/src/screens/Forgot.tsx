import { useState } from 'preact/hooks'

import { requestPasswordReset } from '../api'
import { t } from '../i18n'
import type { ScreenProps } from './props'
import { authErrors, isEmail } from './auth'

export function Forgot(_props: ScreenProps) {
  const [email, setEmail] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState(false)

  const submit = async (e: Event) => {
    e.preventDefault()
    if (!isEmail(email)) {
      setError(t('err.email'))
      document.getElementById('forgot-email')?.focus()
      return
    }
    setError('')
    setBusy(true)
    try {
      await requestPasswordReset(email.trim())
      setSent(true)
    } catch (err) {
      const { fields, general } = authErrors(err)
      setError(fields.email || general)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="auth">
      <h1 tabIndex={-1}>{t('forgot.title')}</h1>
      {sent ? (
        <div class="card" role="status">
          <p>{t('forgot.sent', { email: email.trim() })}</p>
          <p class="muted">{t('forgot.sent_hint')}</p>
        </div>
      ) : (
        <form class="card" noValidate onSubmit={submit}>
          <p>{t('forgot.lead')}</p>
          <div class="field">
            <label for="forgot-email">{t('auth.email')}</label>
            <input id="forgot-email" data-testid="forgot-email" type="email" inputMode="email" autoComplete="email" maxLength={254}
              value={email} onInput={(e) => setEmail(e.currentTarget.value)}
              aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'forgot-email-err' : undefined} />
            {error && <p class="field-error" id="forgot-email-err" role="alert">{error}</p>}
          </div>
          <button type="submit" class="btn primary wide" data-testid="forgot-submit" disabled={busy}>
            {t('forgot.submit')}
          </button>
        </form>
      )}
      <p class="auth-links">
        <a href="/login">{t('forgot.back')}</a>
      </p>
    </div>
  )
}
