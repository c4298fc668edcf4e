import { useEffect, useState } from 'preact/hooks'

import { login } from '../api'
import { useSession } from '../components/context'
import { t } from '../i18n'
import { navigate } from '../router'
import { rememberedUser } from '../store/remember'
import { getSyncStatus } from '../sync/client'
import type { ScreenProps } from './props'
import { authErrors, isEmail, type AuthErrors } from './auth'

export function Login({ query }: ScreenProps) {
  const session = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<AuthErrors>({ fields: {}, general: '' })
  const [busy, setBusy] = useState(false)
  // Entries on this phone that never reached the server are cleared if a different
  // account logs in: say so before it happens.
  const [pending, setPending] = useState(0)
  useEffect(() => setPending(getSyncStatus().pending), [])
  const previous = rememberedUser()

  const submit = async (e: Event) => {
    e.preventDefault()
    const fields: Record<string, string> = {}
    if (!isEmail(email)) fields.email = t('err.email')
    if (!password) fields.password = t('err.required')
    setErrors({ fields, general: '' })
    if (Object.keys(fields).length) {
      document.getElementById(fields.email ? 'login-email' : 'login-password')?.focus()
      return
    }
    setBusy(true)
    try {
      const user = await login(email.trim(), password)
      await session.signedIn(user)
      const next = query.get('next')
      // Only if she is still here (the shell may already have moved on).
      if (window.location.pathname === '/login')
        navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true })
    } catch (err) {
      setErrors(authErrors(err))
      setBusy(false)
    }
  }

  const warnOther = pending > 0 && !(previous && previous.email.toLowerCase() === email.trim().toLowerCase())

  return (
    <div class="auth">
      <h1 tabIndex={-1}>{t('login.title')}</h1>
      <p class="lead">{t('app.tagline')}</p>
      <form class="card" noValidate onSubmit={submit}>
        <div class="field">
          <label for="login-email">{t('auth.email')}</label>
          <input id="login-email" data-testid="login-email" type="email" inputMode="email" autoComplete="username" maxLength={254}
            value={email} onInput={(e) => setEmail(e.currentTarget.value)}
            aria-invalid={errors.fields.email ? 'true' : undefined} aria-describedby={errors.fields.email ? 'login-email-err' : undefined} />
          {errors.fields.email && <p class="field-error" id="login-email-err">{errors.fields.email}</p>}
        </div>
        <div class="field">
          <label for="login-password">{t('auth.password')}</label>
          <input id="login-password" data-testid="login-password" type="password" autoComplete="current-password" maxLength={128}
            value={password} onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={errors.fields.password ? 'true' : undefined} aria-describedby={errors.fields.password ? 'login-password-err' : undefined} />
          {errors.fields.password && <p class="field-error" id="login-password-err">{errors.fields.password}</p>}
        </div>
        {warnOther && <p class="note warn">{t('login.other_pending', { n: pending })}</p>}
        {errors.general && <p class="field-error" role="alert">{errors.general}</p>}
        <button type="submit" class="btn primary wide" data-testid="login-submit" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
      <p class="auth-links">
        <a href="/forgot" data-testid="go-forgot">{t('login.forgot')}</a>
        <a href="/signup" data-testid="go-signup">{t('login.to_signup')}</a>
      </p>
    </div>
  )
}
