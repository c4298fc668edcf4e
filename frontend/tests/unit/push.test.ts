import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { closeApp, dump, freshApp, ids, type App } from './harness'

let app: App

beforeEach(async () => {
  app = await freshApp()
})

afterEach(() => closeApp(app))

const log = (task: string, minutes_spent = 30) => ({ date: '2026-11-24', task, minutes_spent })

async function saveLogs(n: number, extra: Record<string, unknown> = {}): Promise<string[]> {
  const made: string[] = []
  for (let i = 0; i < n; i++) {
    const id = app.records.newId()
    await app.records.saveRecord('efficiency_log', id, { ...log(`task ${i}`), ...extra })
    made.push(id)
  }
  return made
}

describe('push', () => {
  it('sends the outbox, then drops each op and notes the version the server gave', async () => {
    await app.records.saveRecord('efficiency_log', ids.a, log('月次レポート', 60))
    await app.records.saveRecord('efficiency_log', ids.a, { minutes_saved: 40 })
    await app.client.syncNow()

    const [push] = app.server.pushes
    expect(push.headers['X-CSRFToken']).toBe('t0ken')
    expect(push.body).toMatchObject({ device_id: await app.db.readMeta('device_id') })
    expect((push.body as { ops: { op_seq: number }[] }).ops.map((op) => op.op_seq)).toEqual([1, 2])
    expect(await dump(app, 'outbox')).toEqual([])
    expect(app.server.row('efficiency_log', ids.a)?.fields).toEqual({ ...log('月次レポート', 60), minutes_saved: 40 })
    const local = await app.records.getRecord('efficiency_log', ids.a)
    expect(local).toMatchObject({ version: 2, pending: false, rejected: false })
    expect(local?.updated_at).toMatch(/^2026-11-24T/)
    const status = app.client.getSyncStatus()
    expect(status).toMatchObject({ pending: 0, rejected: 0, syncing: false, error: null, needsLogin: false, merged: 0 })
    expect(status.lastSyncedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })

  it('keeps a confirmed record as it is when the pull after the push fails', async () => {
    await app.records.saveRecord('efficiency_log', ids.a, log('月次レポート', 60))
    await app.records.saveRecord('efficiency_log', ids.b, log('議事録', 15))
    await app.records.deleteRecord('efficiency_log', ids.b)
    app.server.forced = [0, 503] // the push goes through, the pull does not
    await app.client.syncNow()
    expect(await dump(app, 'outbox')).toEqual([])
    expect(await app.records.getRecord('efficiency_log', ids.a)).toMatchObject({
      version: 1,
      pending: false,
      deleted: false,
      fields: log('月次レポート', 60),
    })
    expect(await app.records.getRecord('efficiency_log', ids.b)).toMatchObject({ version: 3, deleted: true })
  })

  it('drops an op from the outbox only once last_op_seq covers it', async () => {
    await saveLogs(5)
    app.server.nextPushTakes = 2 // the server takes 1–2 and stops …
    app.server.forced = [0, 503] // … and the next push fails
    await app.client.syncNow()
    expect((await dump(app, 'outbox')).map((op) => op.op_seq)).toEqual([3, 4, 5])
    expect(app.server.live()).toHaveLength(2)
    expect(app.client.getSyncStatus()).toMatchObject({ pending: 3, error: expect.stringContaining('503') })

    await app.client.syncNow()
    expect(await dump(app, 'outbox')).toEqual([])
    expect(app.server.live()).toHaveLength(5)
  })

  it('delivers exactly once when the answer is lost after the server committed', async () => {
    const [id] = await saveLogs(1)
    app.server.loseNextPushAnswer = true
    await app.client.syncNow()
    // The server has it, the phone does not know: the op stays queued.
    expect(app.server.live()).toHaveLength(1)
    expect(await dump(app, 'outbox')).toHaveLength(1)
    expect(app.client.getSyncStatus()).toMatchObject({ pending: 1, error: 'offline' })

    await app.client.syncNow()
    const answers = app.server.pushes
    expect(answers).toHaveLength(2)
    expect(await dump(app, 'outbox')).toEqual([])
    expect(app.server.live()).toHaveLength(1)
    expect(app.server.state(1).counter).toBe(1) // applied once, not twice
    expect(await app.records.getRecord('efficiency_log', id)).toMatchObject({ version: 1, pending: false })
  })

  it('pushes at most 200 ops at a time', async () => {
    await saveLogs(450)
    await app.client.syncNow()
    const sizes = app.server.pushes.map((p) => (p.body as { ops: unknown[] }).ops.length)
    expect(sizes).toEqual([200, 200, 50])
    expect(app.server.live()).toHaveLength(450)
    expect(await dump(app, 'outbox')).toEqual([])
  })

  it('keeps each push under 512 KB', async () => {
    await saveLogs(10, { note: 'x'.repeat(100 * 1024) })
    await app.client.syncNow()
    const pushes = app.server.pushes
    expect(pushes.length).toBeGreaterThan(1)
    for (const push of pushes) expect(JSON.stringify(push.body).length).toBeLessThanOrEqual(512 * 1024)
    expect(app.server.live()).toHaveLength(10)
  })

  it('parks a rejected op with its errors, applies the others, keeps what she typed', async () => {
    const [good1] = await saveLogs(1)
    await app.records.saveRecord('efficiency_log', ids.b, log('', 30)) // blank task
    const [good2] = await saveLogs(1)
    await app.client.syncNow()

    expect(app.server.live().map((r) => r.id).sort()).toEqual([good1, good2].sort())
    expect(await dump(app, 'outbox')).toEqual([])
    const rejected = await app.client.listRejected()
    expect(rejected).toEqual([
      {
        op_seq: 2,
        type: 'efficiency_log',
        id: ids.b,
        action: 'upsert',
        fields: log('', 30),
        errors: { task: ['This field may not be blank.'] },
      },
    ])
    expect(await app.records.getRecord('efficiency_log', ids.b)).toMatchObject({
      fields: log('', 30),
      pending: false,
      rejected: true,
      version: 0,
    })
    expect(app.client.getSyncStatus()).toMatchObject({ pending: 0, rejected: 1 })
  })

  it('retries a rejected op as a new, fixed op', async () => {
    await app.records.saveRecord('efficiency_log', ids.b, log('', 30))
    await app.client.syncNow()
    const [rejected] = await app.client.listRejected()
    await app.client.retryRejected(rejected.op_seq, { ...rejected.fields, task: '議事録' })
    expect(await app.client.listRejected()).toEqual([])
    expect((await dump(app, 'outbox')).map((op) => op.op_seq)).toEqual([2])
    expect(await app.records.getRecord('efficiency_log', ids.b)).toMatchObject({ pending: true, rejected: false })

    await app.client.syncNow()
    expect(app.server.row('efficiency_log', ids.b)?.fields).toEqual(log('議事録', 30))
    expect(app.client.getSyncStatus()).toMatchObject({ pending: 0, rejected: 0 })
  })

  it('discards a rejected op: the record goes back to the server version, or away', async () => {
    await app.records.saveRecord('efficiency_log', ids.a, log('ok', 30))
    await app.client.syncNow()
    await app.records.saveRecord('efficiency_log', ids.a, { minutes_spent: 5000 }) // out of range
    await app.records.saveRecord('efficiency_log', ids.b, log('', 30)) // never valid
    await app.client.syncNow()
    const rejected = await app.client.listRejected()
    expect(rejected.map((r) => r.id)).toEqual([ids.a, ids.b])
    expect((await app.records.getRecord('efficiency_log', ids.a))?.fields).toMatchObject({ minutes_spent: 5000 })

    for (const r of rejected) await app.client.discardRejected(r.op_seq)
    expect(await app.records.getRecord('efficiency_log', ids.a)).toMatchObject({
      fields: log('ok', 30),
      rejected: false,
    })
    expect(await app.records.getRecord('efficiency_log', ids.b)).toBeUndefined()
    expect(app.client.getSyncStatus().rejected).toBe(0)
  })

  it('on 401 keeps the outbox and asks for a login; after it, syncNow drains', async () => {
    await saveLogs(2)
    app.server.sessionUser = null
    await app.client.syncNow()
    expect(app.client.getSyncStatus()).toMatchObject({ needsLogin: true, pending: 2, error: null })
    expect(await dump(app, 'outbox')).toHaveLength(2)

    app.server.sessionUser = 1 // she logs in again
    await app.client.syncNow()
    expect(app.client.getSyncStatus()).toMatchObject({ needsLogin: false, pending: 0 })
    expect(app.server.live()).toHaveLength(2)
  })

  it('on 403 refreshes the CSRF cookie once and carries on', async () => {
    await saveLogs(1)
    app.server.csrfStale = true
    await app.client.syncNow()
    expect(app.server.requests.map((r) => `${r.method} ${r.path} ${r.status}`).slice(0, 3)).toEqual([
      'POST /api/sync/push 403',
      'GET /api/auth/session 200',
      'POST /api/sync/push 200',
    ])
    expect(await dump(app, 'outbox')).toEqual([])
  })

  it('keeps everything when offline or on a 5xx, and backs off exponentially up to a cap', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5) // no jitter
    const delays: number[] = []
    const realSetTimeout = globalThis.setTimeout
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((_fn: () => void, ms?: number) => {
      if (ms !== 30_000) delays.push(ms ?? 0) // 30 s is the fetch timeout
      return realSetTimeout(() => undefined, 0) // the retry itself is not run here
    }) as typeof setTimeout)
    await saveLogs(1)
    app.server.offline = true
    for (let i = 0; i < 9; i++) await app.client.syncNow()
    expect(delays).toEqual([2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000])
    expect(await dump(app, 'outbox')).toHaveLength(1)

    app.server.offline = false
    app.server.forced = [500]
    await app.client.syncNow()
    expect(app.client.getSyncStatus().error).toContain('500')
    expect(await dump(app, 'outbox')).toHaveLength(1)
    await app.client.syncNow()
    expect(app.client.getSyncStatus().error).toBeNull()
    expect(await dump(app, 'outbox')).toEqual([])
  })

  it('numbers ops on from where the server stands when it lost this device', async () => {
    await saveLogs(3)
    await app.client.syncNow()
    app.server.state(1).devices.clear() // restored from a backup taken before this device
    await saveLogs(1)
    await app.client.syncNow()
    expect(app.client.getSyncStatus().error).toBeNull()
    expect(app.server.live()).toHaveLength(4)
    const last = app.server.pushes.at(-1)?.body as { ops: { op_seq: number }[] }
    expect(last.ops.map((op) => op.op_seq)).toEqual([1])
  })

  it('reports a real merge but not this device overwriting its own value', async () => {
    const merged = vi.fn()
    app.client.onMerged(merged)
    await app.records.saveRecord('goal', ids.a, { title: 'リーダー', due: '2027-03-31', note: 'a' })
    await app.client.syncNow()
    // Two quick edits of one field in one batch: the second "replaces" only her own first.
    await app.records.saveRecord('goal', ids.a, { note: 'ab' })
    await app.records.saveRecord('goal', ids.a, { note: 'abc' })
    await app.client.syncNow()
    expect(merged).not.toHaveBeenCalled()
    expect(app.client.getSyncStatus().merged).toBe(0)

    // Another device changes the title; this one, not having seen it, changes it too.
    app.server.otherDevice().upsert('goal', ids.a, { title: '課長' }, 3)
    await app.records.saveRecord('goal', ids.a, { title: 'マネージャー' })
    await app.client.syncNow()
    expect(merged).toHaveBeenCalledWith([{ type: 'goal', id: ids.a, fields: ['title'] }])
    expect(app.client.getSyncStatus().merged).toBe(1)
    expect(app.server.row('goal', ids.a)?.fields).toMatchObject({ title: 'マネージャー', note: 'abc' })
  })

  it('bases ops queued during a push on the version that push got', async () => {
    await app.records.saveRecord('goal', ids.a, { title: 'A', due: '2027-03-31' })
    app.server.nextPushTakes = 1
    await app.records.saveRecord('goal', ids.a, { title: 'AB' })
    app.server.forced = [0, 503]
    // First push takes only op 1, then the next push fails: op 2 is still queued.
    await app.client.syncNow()
    const [queued] = await dump(app, 'outbox')
    expect(queued).toMatchObject({ op_seq: 2, base_version: 1 })
    await app.client.syncNow()
    expect(app.client.getSyncStatus().merged).toBe(0)
  })
})

describe('resetLocalData', () => {
  it('wipes her data, starts a new device at op_seq 1 and never reuses a local op_seq', async () => {
    await saveLogs(3)
    await app.client.syncNow()
    await app.records.setLocalUserId(1)
    const oldDevice = await app.db.readMeta('device_id')

    await app.client.resetLocalData()
    expect(await dump(app, 'records')).toEqual([])
    expect(await app.records.getLocalUserId()).toBeNull()
    expect(await app.db.readMeta('cursor')).toBe(0)
    const newDevice = await app.db.readMeta('device_id')
    expect(newDevice).not.toBe(oldDevice)

    app.server.sessionUser = 2 // a different account logs in on this phone
    const [id] = await saveLogs(1)
    expect((await dump(app, 'outbox')).map((op) => op.op_seq)).toEqual([4])
    await app.client.syncNow()
    const push = app.server.pushes.at(-1)?.body as { device_id: string; ops: { op_seq: number }[] }
    expect(push.device_id).toBe(newDevice)
    expect(push.ops.map((op) => op.op_seq)).toEqual([1])
    expect(app.server.live(2).map((r) => r.id)).toEqual([id])
    expect(app.client.getSyncStatus().error).toBeNull()
  })
})
