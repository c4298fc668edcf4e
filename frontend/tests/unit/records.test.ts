import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { closeApp, dump, freshApp, ids, type App } from './harness'

let app: App

beforeEach(async () => {
  app = await freshApp()
})

afterEach(() => closeApp(app))

describe('saveRecord', () => {
  it('writes the record and its outbox op together, with the next op_seq', async () => {
    const saved = await app.records.saveRecord('efficiency_log', ids.a, {
      date: '2026-11-24',
      task: '月次レポート',
      minutes_spent: 60,
    })
    expect(saved).toMatchObject({ type: 'efficiency_log', id: ids.a, version: 0, deleted: false, pending: true })
    expect(saved.fields).toEqual({ date: '2026-11-24', task: '月次レポート', minutes_spent: 60 })
    expect(await dump(app, 'outbox')).toEqual([
      {
        op_seq: 1,
        action: 'upsert',
        type: 'efficiency_log',
        id: ids.a,
        base_version: 0,
        fields: { date: '2026-11-24', task: '月次レポート', minutes_spent: 60 },
      },
    ])
  })

  it('patches: fields not named keep their value, and the op carries only the patch', async () => {
    await app.records.saveRecord('goal', ids.a, { title: 'リーダー', progress: 10 })
    const saved = await app.records.saveRecord('goal', ids.a, { progress: 40, note: undefined })
    expect(saved.fields).toEqual({ title: 'リーダー', progress: 40 })
    const ops = await dump(app, 'outbox')
    expect(ops.map((op) => [op.op_seq, op.fields])).toEqual([
      [1, { title: 'リーダー', progress: 10 }],
      [2, { progress: 40 }],
    ])
  })

  it('keeps neither the record nor the op when the transaction fails half way', async () => {
    // The op (and the op_seq counter) are written first; the record write then fails.
    const put = IDBObjectStore.prototype.put
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'records') throw new DOMException('disk full', 'QuotaExceededError')
      return put.apply(this, args as Parameters<typeof put>)
    })
    await expect(app.records.saveRecord('contact', ids.a, { name: 'Aさん', date: '2026-11-24' })).rejects.toThrow(
      'disk full',
    )
    vi.restoreAllMocks()
    expect(await app.records.getRecord('contact', ids.a)).toBeUndefined()
    expect(await dump(app, 'outbox')).toEqual([])
    // The op_seq it would have taken was not used up either.
    await app.records.saveRecord('contact', ids.b, { name: 'Bさん', date: '2026-11-24' })
    expect((await dump(app, 'outbox')).map((op) => op.op_seq)).toEqual([1])
  })

  it('counts op_seq up across writes and across reopening the database', async () => {
    await app.records.saveRecord('contact', ids.a, { name: 'A', date: '2026-11-24' })
    await app.records.deleteRecord('contact', ids.a)
    const deviceId = await app.db.readMeta('device_id')
    expect(deviceId).toMatch(/^[0-9a-f-]{36}$/)
    closeApp(app)
    // A new page load: fresh modules, same IndexedDB.
    app = await freshApp({ factory: app.factory })
    await app.records.saveRecord('contact', ids.b, { name: 'B', date: '2026-11-24' })
    expect((await dump(app, 'outbox')).map((op) => op.op_seq)).toEqual([1, 2, 3])
    expect(await app.db.readMeta('device_id')).toBe(deviceId)
  })

  it('refuses a type or id the server would refuse for the whole push', async () => {
    await expect(app.records.saveRecord('nope' as never, ids.a, {})).rejects.toThrow(TypeError)
    await expect(app.records.saveRecord('goal', 'not-a-uuid', {})).rejects.toThrow(TypeError)
    await expect(app.records.saveRecord('goal', ids.a, { note: 'x'.repeat(300 * 1024) })).rejects.toThrow(RangeError)
    expect(await dump(app, 'outbox')).toEqual([])
  })

  it('writes nothing for an empty patch of a live record', async () => {
    await app.records.saveRecord('goal', ids.a, { title: 'x' })
    const again = await app.records.saveRecord('goal', ids.a, {})
    expect(again.fields).toEqual({ title: 'x' })
    expect(await dump(app, 'outbox')).toHaveLength(1)
  })
})

describe('deleteRecord and restoreRecord', () => {
  it('tombstones locally with a delete op, and restores with an upsert of its fields', async () => {
    await app.records.saveRecord('learning_session', ids.a, { topic: 'Python', minutes: 30, date: '2026-11-24' })
    await app.records.deleteRecord('learning_session', ids.a)
    expect(await app.records.listRecords('learning_session')).toEqual([])
    const [tomb] = await app.records.listRecords('learning_session', { includeDeleted: true })
    expect(tomb).toMatchObject({ id: ids.a, deleted: true, pending: true })

    await app.records.restoreRecord('learning_session', ids.a)
    const restored = await app.records.getRecord('learning_session', ids.a)
    expect(restored).toMatchObject({ deleted: false, fields: { topic: 'Python', minutes: 30, date: '2026-11-24' } })
    const ops = await dump(app, 'outbox')
    expect(ops.map((op) => op.action)).toEqual(['upsert', 'delete', 'upsert'])
    expect(ops[2].fields).toEqual({ topic: 'Python', minutes: 30, date: '2026-11-24' })
  })

  it('does nothing for a missing record or one already in that state', async () => {
    await app.records.deleteRecord('goal', ids.a)
    await app.records.restoreRecord('goal', ids.a)
    await app.records.saveRecord('goal', ids.b, { title: 'x' })
    await app.records.restoreRecord('goal', ids.b)
    expect(await dump(app, 'outbox')).toHaveLength(1)
  })
})

describe('listRecords', () => {
  it('lists one type only', async () => {
    await app.records.saveRecord('goal', ids.a, { title: 'g' })
    await app.records.saveRecord('contact', ids.b, { name: 'c', date: '2026-11-24' })
    const goals = await app.records.listRecords('goal')
    expect(goals.map((r) => r.id)).toEqual([ids.a])
  })
})

describe('subscribe', () => {
  it('tells this tab and other tabs about a write', async () => {
    const here = vi.fn()
    const stop = app.records.subscribe(here)
    const otherTab = new BroadcastChannel('ippo-store')
    const heard = new Promise((resolve) => (otherTab.onmessage = resolve))
    await app.records.saveRecord('goal', ids.a, { title: 'x' })
    expect(here).toHaveBeenCalledTimes(1)
    await heard
    stop()
    await app.records.saveRecord('goal', ids.a, { title: 'y' })
    expect(here).toHaveBeenCalledTimes(1)
    otherTab.close()
  })

  it('hears a write made in another tab', async () => {
    const here = vi.fn()
    const stop = app.records.subscribe(here)
    const otherTab = new BroadcastChannel('ippo-store')
    otherTab.postMessage({ changed: true })
    await vi.waitFor(() => expect(here).toHaveBeenCalled())
    stop()
    otherTab.close()
  })
})

describe('the local user id', () => {
  it('is remembered', async () => {
    expect(await app.records.getLocalUserId()).toBeNull()
    await app.records.setLocalUserId(7)
    expect(await app.records.getLocalUserId()).toBe(7)
  })
})
