// The server's JSON API: session cookie + Django's CSRF token, same origin.
import type { User } from './types'

/** A failed call. `status` 0 means the request never got an answer (offline, timeout). */
export class ApiError extends Error {
  status: number
  /** The parsed JSON answer: field errors `{field: [msg]}`, or `{detail}`; null when none. */
  body: any

  constructor(status: number, body: unknown, message?: string) {
    super(message ?? `API error ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.body = body
  }

  /** No answer at all: the caller keeps its data and tries again later. */
  get offline(): boolean {
    return this.status === 0
  }
}

// A stalled connection (a train between two tunnels) must not hold the sync lock forever.
const TIMEOUT_MS = 30_000
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

function csrfToken(): string {
  if (typeof document === 'undefined') return ''
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === 'csrftoken') return decodeURIComponent(rest.join('='))
  }
  return ''
}

async function parseBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const text = await response.text()
  if (!text) return undefined
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      return JSON.parse(text)
    } catch {
      // fall through: treat it as text
    }
  }
  // Not JSON (a proxy's error page): keep a short excerpt for the error message.
  return { detail: text.slice(0, 200) }
}

async function send(method: string, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (!SAFE.has(method)) headers['X-CSRFToken'] = csrfToken()
  const controller = typeof AbortController === 'undefined' ? null : new AbortController()
  const timer = controller ? setTimeout(() => controller.abort(), TIMEOUT_MS) : null
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: controller?.signal,
    })
  } catch (err) {
    // fetch rejects (TypeError, AbortError) only when no answer arrived.
    throw new ApiError(0, null, `network: ${err instanceof Error ? err.message : String(err)}`)
  } finally {
    if (timer !== null) clearTimeout(timer)
  }
}

/** Call the API; resolves with the parsed JSON body, throws ApiError for any non-2xx answer. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  method = method.toUpperCase()
  let response = await send(method, path, body)
  if (response.status === 403 && !SAFE.has(method)) {
    // Most likely a missing or rotated CSRF cookie: the session view sets a fresh one.
    // Once only, so a real "forbidden" is not retried in a loop.
    await send('GET', '/api/auth/session', undefined).catch(() => undefined)
    response = await send(method, path, body)
  }
  const parsed = await parseBody(response)
  if (!response.ok) {
    const detail =
      parsed && typeof parsed === 'object' && 'detail' in parsed
        ? String((parsed as { detail: unknown }).detail)
        : `HTTP ${response.status}`
    throw new ApiError(response.status, parsed ?? null, detail)
  }
  return parsed as T
}

interface SessionBody {
  authenticated: boolean
  user: User | null
}

export async function getSession(): Promise<SessionBody> {
  return api<SessionBody>('GET', '/api/auth/session')
}

export async function login(email: string, password: string): Promise<User> {
  const session = await api<SessionBody>('POST', '/api/auth/login', { email, password })
  return session.user as User
}

export async function signup(data: {
  email: string
  password: string
  display_name?: string
  language?: 'ja' | 'en'
  time_zone?: string
}): Promise<User> {
  const session = await api<SessionBody>('POST', '/api/auth/signup', data)
  return session.user as User
}

export async function logout(): Promise<void> {
  await api<void>('POST', '/api/auth/logout')
}

export async function updateProfile(
  patch: Partial<Pick<User, 'display_name' | 'time_zone' | 'language' | 'monthly_email'>>,
): Promise<User> {
  return api<User>('PATCH', '/api/auth/profile', patch)
}

export async function changePassword(current_password: string, new_password: string): Promise<void> {
  await api<void>('POST', '/api/auth/password', { current_password, new_password })
}

export async function requestPasswordReset(email: string): Promise<void> {
  await api<unknown>('POST', '/api/auth/password-reset', { email })
}
