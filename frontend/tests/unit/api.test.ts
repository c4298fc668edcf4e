import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { api, ApiError, changePassword, getSession, login, logout, updateProfile } from '../../src/api'

interface Call {
  url: string
  init: RequestInit
}

let calls: Call[]
let answers: (Response | Error)[]

/** The ApiError a call fails with. */
async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

beforeEach(() => {
  calls = []
  answers = []
  vi.stubGlobal('document', { cookie: 'sessionid=x; csrftoken=abc%3D1' })
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    const next = answers.shift()
    if (!next) throw new Error('no answer queued')
    if (next instanceof Error) throw next
    return next
  })
})

afterEach(() => vi.unstubAllGlobals())

describe('api', () => {
  it('sends JSON with the CSRF token from the cookie and same-origin credentials', async () => {
    answers.push(json(200, { ok: 1 }))
    expect(await api('post', '/api/x', { a: 1 })).toEqual({ ok: 1 })
    const [{ url, init }] = calls
    expect(url).toBe('/api/x')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(init.body).toBe('{"a":1}')
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-CSRFToken': 'abc=1' })
  })

  it('sends no CSRF header on a GET', async () => {
    answers.push(json(200, {}))
    await api('GET', '/api/y')
    expect(calls[0].init.headers).not.toHaveProperty('X-CSRFToken')
  })

  it('throws ApiError with the status and the parsed field errors', async () => {
    answers.push(json(400, { email: ['Enter a valid email address.'] }))
    const error = await failure(api('POST', '/api/auth/signup', {}))
    expect(error.status).toBe(400)
    expect(error.body).toEqual({ email: ['Enter a valid email address.'] })
  })

  it('tells "no answer at all" apart: status 0', async () => {
    answers.push(new TypeError('Failed to fetch'))
    const error = await failure(api('GET', '/api/sync/pull'))
    expect(error.status).toBe(0)
    expect(error.offline).toBe(true)
  })

  it('keeps a non-JSON error page as a detail', async () => {
    answers.push(new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }))
    const error = await failure(api('GET', '/api/sync/pull'))
    expect(error.status).toBe(502)
    expect(error.body).toEqual({ detail: '<h1>Bad gateway</h1>' })
  })

  it('on a 403 refreshes the CSRF cookie once and sends again', async () => {
    answers.push(json(403, { detail: 'CSRF Failed' }), json(200, { authenticated: true }), json(200, { done: true }))
    expect(await api('POST', '/api/sync/push', {})).toEqual({ done: true })
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'POST /api/sync/push',
      'GET /api/auth/session',
      'POST /api/sync/push',
    ])
  })

  it('gives up after one refresh when the answer stays 403', async () => {
    answers.push(json(403, { detail: 'no' }), json(200, {}), json(403, { detail: 'no' }))
    const error = await failure(api('POST', '/api/x', {}))
    expect(error.status).toBe(403)
    expect(calls).toHaveLength(3)
  })
})

describe('the auth calls', () => {
  const user = {
    id: 3,
    email: 'a@example.com',
    display_name: 'A',
    time_zone: 'Asia/Tokyo',
    language: 'ja',
    monthly_email: true,
    created_at: '2026-11-24T00:00:00Z',
  }

  it('use the server URLs and unwrap the session body', async () => {
    answers.push(
      json(200, { authenticated: false, user: null }),
      json(200, { authenticated: true, user }),
      json(200, user),
      new Response(null, { status: 204 }),
      new Response(null, { status: 204 }),
    )
    expect(await getSession()).toEqual({ authenticated: false, user: null })
    expect(await login('a@example.com', 'pw')).toEqual(user)
    expect(await updateProfile({ language: 'en' })).toEqual(user)
    await changePassword('old', 'new')
    await logout()
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/auth/session',
      'POST /api/auth/login',
      'PATCH /api/auth/profile',
      'POST /api/auth/password',
      'POST /api/auth/logout',
    ])
    expect(JSON.parse(calls[3].init.body as string)).toEqual({ current_password: 'old', new_password: 'new' })
  })
})
