// Shared bits of the signed-out screens: reading the API's error body into messages.
import { ApiError } from '../api'
import { t } from '../i18n'

export interface AuthErrors {
  fields: Record<string, string>
  general: string
}

/** Field errors from a 400 body, the throttle/other detail, or "you are offline". */
export function authErrors(err: unknown): AuthErrors {
  if (err instanceof ApiError && err.status !== 0) {
    const body = (err.body ?? {}) as Record<string, unknown>
    const fields: Record<string, string> = {}
    let general = ''
    for (const [name, value] of Object.entries(body)) {
      const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : ''
      if (!text) continue
      if (name === 'non_field_errors' || name === 'detail') general = text
      else fields[name] = text
    }
    if (!general && !Object.keys(fields).length) general = t('auth.server_error', { status: err.status })
    return { fields, general }
  }
  return { fields: {}, general: navigator.onLine ? t('auth.network_error') : t('auth.offline') }
}

export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
}
