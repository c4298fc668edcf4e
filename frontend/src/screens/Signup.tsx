import { useState } from 'preact/hooks'

import { signup } from '../api'
import { useSession } from '../components/context'
import { getLang, t } from '../i18n'
import { navigate } from '../router'
import type { ScreenProps } from './props'
import { authErrors, isEmail, type AuthErrors } from './auth'

export function Signup({ query }: ScreenProps) {
  const session = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<AuthErrors>({ fields: {}, general: '' })
  const [busy, setBusy] = useState(false)

  const submit = async (e: Event) => {
    e.preventDefault()
    const fields: Record<string, string> = {}
    if (!isEmail(email)) fields.email = t('err.email')
    if (password.length < 8) fields.password = t('err.password_short')
    setErrors({ fields, general: '' })
    const first = ['email', 'password'].find((f) => fields[f])
    if (first) {
      document.getElementById(`signup-${first}`)?.focus()
      return
    }
    setBusy(true)
    try {
      const user = await signup({
        email: email.trim(),
        password,
        display_name: name.trim() || undefined,
        // The time zone is chosen on the next screen (Asia/Tokyo unless she picks another).
        language: getLang(),
      })
      await session.signedIn(user)
      if (window.location.pathname === '/signup') navigate('/welcome', { replace: true })
    } catch (err) {
      setErrors(authErrors(err))
      setBusy(false)
    }
  }

  const fieldError = (name: string) =>
    errors.fields[name] && (
      <p class="field-error" id={`signup-${name}-err`}>
        {errors.fields[name]}
      </p>
    )
  const aria = (name: string) => ({
    'aria-invalid': errors.fields[name] ? ('true' as const) : undefined,
    'aria-describedby': errors.fields[name] ? `signup-${name}-err` : name === 'password' ? 'signup-password-hint' : undefined,
  })

  return (
    <div class="auth">
      <h1 tabIndex={-1}>{t('signup.title')}</h1>
      {/* Opened right after her account was deleted: said once more, and it stays. */}
      {query.get('deleted') === '1' && (
        <p class="note" role="status" data-testid="signup-deleted">{t('signup.deleted')}</p>
      )}
      <p class="lead">{t('signup.lead')}</p>
      <form class="card" noValidate onSubmit={submit}>
        <div class="field">
          <label for="signup-name">{t('auth.name')} <span class="muted small">{t('form.optional')}</span></label>
          <input id="signup-name" data-testid="signup-name" type="text" autoComplete="nickname" maxLength={80}
            value={name} onInput={(e) => setName(e.currentTarget.value)} {...aria('display_name')} />
          {fieldError('display_name')}
        </div>
        <div class="field">
          <label for="signup-email">{t('auth.email')}</label>
          <input id="signup-email" data-testid="signup-email" type="email" inputMode="email" autoComplete="email" maxLength={254}
            value={email} onInput={(e) => setEmail(e.currentTarget.value)} {...aria('email')} />
          {fieldError('email')}
        </div>
        <div class="field">
          <label for="signup-password">{t('auth.password')}</label>
          <input id="signup-password" data-testid="signup-password" type="password" autoComplete="new-password" maxLength={128}
            value={password} onInput={(e) => setPassword(e.currentTarget.value)} {...aria('password')} />
          <p class="hint" id="signup-password-hint">{t('signup.password_hint')}</p>
          {fieldError('password')}
        </div>
        {(errors.general || errors.fields.language || errors.fields.time_zone) && (
          <p class="field-error" role="alert">
            {[errors.general, errors.fields.language, errors.fields.time_zone].filter(Boolean).join(' ')}
          </p>
        )}
        <button type="submit" class="btn primary wide" data-testid="signup-submit" disabled={busy}>
          {busy ? t('signup.busy') : t('signup.submit')}
        </button>
      </form>
      <p class="auth-links">
        <a href="/login" data-testid="go-login">{t('signup.to_login')}</a>
      </p>
    </div>
  )
}
