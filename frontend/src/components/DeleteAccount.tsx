// Deleting the account: a dialog that says what goes (everything, for good), suggests an
// export first, and asks for her password. On success this phone forgets her data too.
import { useEffect, useRef, useState } from 'preact/hooks'

import { api, ApiError } from '../api'
import { t } from '../i18n'
import { navigate } from '../router'
import { resetLocalData } from '../sync/client'
import { useSession } from './context'

export function DeleteAccount({ online }: { online: boolean }) {
  const session = useSession()
  const dialog = useRef<HTMLDialogElement>(null)
  const passwordInput = useRef<HTMLInputElement>(null)
  const [open, setOpen] = useState(false)
  const [password, setPassword] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const node = dialog.current
    if (!node) return
    if (open && !node.open) {
      node.showModal?.()
      passwordInput.current?.focus()
    } else if (!open && node.open) node.close()
  }, [open])

  const close = () => {
    if (busy) return
    setOpen(false)
    setPassword('')
    setError('')
  }

  const confirm = async (e: Event) => {
    e.preventDefault()
    if (!password) return setError(t('settings.delete_need_password'))
    if (!online) return setError(t('settings.data_offline'))
    setBusy(true)
    setError('')
    try {
      await api('DELETE', '/api/auth/account', { password })
    } catch (err) {
      setBusy(false)
      if (err instanceof ApiError && err.status === 0) return setError(t('settings.data_offline'))
      const body = err instanceof ApiError ? ((err.body ?? {}) as Record<string, unknown>) : {}
      const reason = body.password ?? body.detail ?? body.non_field_errors
      setError(Array.isArray(reason) ? reason.join(' ') : typeof reason === 'string' ? reason : t('auth.network_error'))
      passwordInput.current?.focus()
      return
    }
    // The account is gone: nothing of hers may stay on this phone, synced or not.
    try {
      await resetLocalData()
    } catch (err) {
      console.error('ippo: clearing local data', err)
    }
    setOpen(false)
    await session.signedOut()
    // The sign-up screen says what happened in a note that stays (a toast is gone too soon).
    navigate('/signup?deleted=1', { replace: true })
  }

  return (
    <section class="card" aria-labelledby="settings-delete">
      <h2 id="settings-delete">{t('settings.delete_title')}</h2>
      <p class="muted small">{t('settings.delete_hint')}</p>
      <button type="button" class="btn danger wide" data-testid="settings-delete-account" onClick={() => setOpen(true)}>
        {t('settings.delete_open')}
      </button>

      <dialog ref={dialog} class="card" aria-labelledby="delete-dialog-title" aria-describedby="delete-dialog-body"
        onCancel={(e) => {
          e.preventDefault()
          close()
        }}>
        {open && (
          <form noValidate onSubmit={confirm}>
            <h2 id="delete-dialog-title">{t('settings.delete_confirm_title')}</h2>
            <div id="delete-dialog-body">
              <p>{t('settings.delete_what')}</p>
              <p class="note warn">{t('settings.delete_export_first')}</p>
            </div>
            <div class="field">
              <label for="delete-password">{t('settings.delete_password')}</label>
              <input ref={passwordInput} id="delete-password" type="password" autoComplete="current-password"
                data-testid="delete-password" value={password} aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'delete-error' : undefined}
                onInput={(e) => setPassword(e.currentTarget.value)} />
            </div>
            {error && <p class="field-error" id="delete-error" role="alert">{error}</p>}
            <div class="actions">
              <button type="button" class="btn" data-testid="delete-cancel" onClick={close} disabled={busy}>
                {t('settings.delete_cancel')}
              </button>
              <button type="submit" class="btn danger" data-testid="delete-confirm" disabled={busy}>
                {busy ? t('settings.delete_busy') : t('settings.delete_confirm')}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </section>
  )
}
