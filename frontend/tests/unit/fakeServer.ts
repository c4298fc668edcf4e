// An in-memory stand-in for the Django server's sync and session endpoints, written from
// the protocol in design.md and server/sync/services.py: per-device last_op_seq, per-user
// versions in commit order, patch semantics with `merged`, field errors that reject one op,
// tombstones, 410 after a purge. `install()` routes globalThis.fetch to it.
import { vi } from 'vitest'

type Fields = Record<string, unknown>

interface Row {
  type: string
  id: string
  user: number
  version: number
  deleted: boolean
  fields: Fields
  fieldVersions: Record<string, number>
  updated_at: string
}

interface UserState {
  counter: number
  purged: number
  devices: Map<string, number>
}

interface WireOp {
  op_seq: number
  action: 'upsert' | 'delete'
  type: string
  id: string
  base_version: number
  fields: Fields
}

// Enough of journal/records.py to reject something: required fields, and a few checks.
const REQUIRED: Record<string, string[]> = {
  checklist_item: ['title'],
  efficiency_log: ['date', 'task', 'minutes_spent'],
  learning_session: ['date', 'topic', 'minutes'],
  contact: ['date', 'name'],
  check: ['item', 'date'],
}

function validate(type: string, patch: Fields, isNew: boolean): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(patch)) {
    if (typeof value === 'string' && REQUIRED[type]?.includes(name) && value.trim() === '') {
      errors[name] = ['This field may not be blank.']
    }
    if (name.startsWith('minutes') && (typeof value !== 'number' || value < 0 || value > 1440)) {
      errors[name] = ['Enter a whole number from 0 to 1440.']
    }
  }
  if (isNew) {
    for (const name of REQUIRED[type] ?? []) {
      if (!(name in patch)) errors[name] = ['This field is required.']
    }
  }
  return errors
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export interface Request {
  method: string
  path: string
  query: string
  status: number
  headers: Record<string, string>
  body: unknown
}

export class FakeServer {
  users = new Map<number, UserState>()
  rows = new Map<string, Row>()
  /** The user the session cookie belongs to; null = logged out (401). */
  sessionUser: number | null = 1
  /** No network at all: fetch rejects without reaching the server. */
  offline = false
  /** Commit the next push, then lose its answer (fetch rejects). */
  loseNextPushAnswer = false
  /** The next POST fails the CSRF check (403) until GET /api/auth/session is called. */
  csrfStale = false
  /** The next push takes at most this many new ops (as if the rest came after a gap). */
  nextPushTakes: number | null = null
  /** Statuses to answer with before doing anything, one per request (0: answer normally). */
  forced: number[] = []
  requests: Request[] = []
  private clock = Date.parse('2026-11-24T00:00:00Z')

  state(user: number): UserState {
    let state = this.users.get(user)
    if (!state) {
      state = { counter: 0, purged: 0, devices: new Map() }
      this.users.set(user, state)
    }
    return state
  }

  row(type: string, id: string): Row | undefined {
    return this.rows.get(`${type}:${id}`)
  }

  get pushes(): Request[] {
    return this.requests.filter((r) => r.path === '/api/sync/push' && r.status === 200)
  }

  push(user: number, deviceId: string, ops: WireOp[]) {
    const state = this.state(user)
    let last = state.devices.get(deviceId) ?? 0
    const results: Record<string, unknown>[] = []
    const todo: WireOp[] = []
    const takes = this.nextPushTakes ?? Infinity
    this.nextPushTakes = null
    for (const op of ops) {
      if (op.op_seq > last && todo.length >= takes) break
      if (op.op_seq <= last) results.push({ op_seq: op.op_seq, status: 'duplicate' })
      else if (op.op_seq === last + 1) {
        todo.push(op)
        last += 1
      } else break
    }
    for (const op of todo) results.push(this.apply(user, state, op))
    state.devices.set(deviceId, last)
    results.sort((a, b) => (a.op_seq as number) - (b.op_seq as number))
    return { last_op_seq: last, results, cursor: state.counter }
  }

  private apply(user: number, state: UserState, op: WireOp): Record<string, unknown> {
    const key = `${op.type}:${op.id}`
    const row = this.rows.get(key)
    const reject = (errors: Record<string, string[]>) => ({ op_seq: op.op_seq, status: 'rejected', errors })
    if (row && row.user !== user) return reject({ id: ['There is no such record of yours.'] })
    const now = new Date((this.clock += 1000)).toISOString()
    if (op.action === 'delete') {
      if (!row) return { op_seq: op.op_seq, status: 'applied', version: null }
      if (row.deleted) return { op_seq: op.op_seq, status: 'applied', version: row.version }
      state.counter += 1
      Object.assign(row, { version: state.counter, deleted: true, updated_at: now })
      return { op_seq: op.op_seq, status: 'applied', version: state.counter }
    }
    const errors = validate(op.type, op.fields, !row)
    if (Object.keys(errors).length > 0) return reject(errors)
    const current = row?.fields ?? {}
    const replaced =
      row && op.base_version < row.version
        ? Object.keys(op.fields).filter(
            (f) => (row.fieldVersions[f] ?? 0) > op.base_version && !same(current[f], op.fields[f]),
          )
        : []
    state.counter += 1
    const version = state.counter
    const next: Row = row ?? {
      type: op.type,
      id: op.id,
      user,
      version,
      deleted: false,
      fields: {},
      fieldVersions: {},
      updated_at: now,
    }
    next.fields = { ...current, ...op.fields }
    for (const f of Object.keys(op.fields)) next.fieldVersions[f] = version
    Object.assign(next, { version, deleted: false, updated_at: now })
    this.rows.set(key, next)
    if (replaced.length > 0) {
      return { op_seq: op.op_seq, status: 'merged', version, fields: replaced.sort() }
    }
    return { op_seq: op.op_seq, status: 'applied', version }
  }

  pull(user: number, cursor: number, limit: number) {
    const state = this.state(user)
    if (cursor > 0 && cursor < state.purged) return null
    const rows = [...this.rows.values()]
      .filter((r) => r.user === user && r.version > cursor)
      .sort((a, b) => a.version - b.version)
    const page = rows.slice(0, limit)
    return {
      changes: page.map((r) => ({
        type: r.type,
        id: r.id,
        version: r.version,
        deleted: r.deleted,
        created_at: r.updated_at,
        updated_at: r.updated_at,
        fields: { ...r.fields },
      })),
      cursor: page.length > 0 ? page[page.length - 1].version : cursor,
      has_more: rows.length > limit,
    }
  }

  /** Another device of the same user writes (through the same push code). */
  otherDevice(user = 1, deviceId = '99999999-9999-4999-8999-999999999999') {
    let seq = this.state(user).devices.get(deviceId) ?? 0
    return {
      upsert: (type: string, id: string, fields: Fields, base_version = 0) =>
        this.push(user, deviceId, [{ op_seq: ++seq, action: 'upsert', type, id, base_version, fields }]),
      remove: (type: string, id: string) =>
        this.push(user, deviceId, [{ op_seq: ++seq, action: 'delete', type, id, base_version: 0, fields: {} }]),
    }
  }

  /** Purge every tombstone of a user (cursors older than now then get 410). */
  purgeTombstones(user = 1): void {
    for (const [key, row] of this.rows) if (row.user === user && row.deleted) this.rows.delete(key)
    this.state(user).purged = this.state(user).counter
  }

  /** Every live record of a user: what the server "has". */
  live(user = 1, type?: string): Row[] {
    return [...this.rows.values()].filter((r) => r.user === user && !r.deleted && (!type || r.type === type))
  }

  install(): void {
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => this.handle(String(input), init ?? {}))
  }

  private async handle(url: string, init: RequestInit): Promise<Response> {
    await Promise.resolve()
    if (this.offline) throw new TypeError('fetch failed')
    const parsed = new URL(url, 'http://ippo.test')
    const method = (init.method ?? 'GET').toUpperCase()
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>))
    const text = typeof init.body === 'string' ? init.body : ''
    const body = text ? JSON.parse(text) : undefined
    const answer = (status: number, data?: unknown) => {
      this.requests.push({ method, path: parsed.pathname, query: parsed.search, status, headers, body })
      return new Response(data === undefined ? null : JSON.stringify(data), {
        status,
        headers: { 'content-type': 'application/json' },
      })
    }
    const forced = this.forced.shift()
    if (forced) return answer(forced, { detail: `forced ${forced}` })
    if (parsed.pathname === '/api/auth/session') {
      this.csrfStale = false
      const user = this.sessionUser
      return answer(200, { authenticated: user !== null, user: user === null ? null : { id: user } })
    }
    if (method !== 'GET' && (this.csrfStale || !headers['X-CSRFToken'])) {
      return answer(403, { detail: 'CSRF Failed: CSRF token missing.' })
    }
    const user = this.sessionUser
    if (user === null) return answer(401, { detail: 'Authentication credentials were not provided.' })
    if (parsed.pathname === '/api/sync/push' && method === 'POST') {
      if (text.length > 512 * 1024 || body.ops.length > 200) return answer(413, { detail: 'too large' })
      const result = this.push(user, body.device_id, body.ops)
      if (this.loseNextPushAnswer) {
        this.loseNextPushAnswer = false
        this.requests.push({ method, path: parsed.pathname, query: parsed.search, status: 200, headers, body })
        throw new TypeError('fetch failed') // committed, but the answer never arrives
      }
      return answer(200, result)
    }
    if (parsed.pathname === '/api/sync/pull' && method === 'GET') {
      const cursor = Number(parsed.searchParams.get('cursor') ?? 0)
      const limit = Number(parsed.searchParams.get('limit') ?? 500)
      const page = this.pull(user, cursor, limit)
      if (page === null) return answer(410, { detail: 'reload everything', code: 'cursor_expired' })
      return answer(200, page)
    }
    return answer(404, { detail: 'Not found.' })
  }
}
