import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { closeApp, freshApp, ids, type App } from './harness'

let app: App

beforeEach(async () => {
  app = await freshApp()
})

afterEach(() => closeApp(app))

const pushCount = () => app.server.requests.filter((r) => r.path === '/api/sync/push').length
const requestCount = () => app.server.requests.length
const entry = { date: '2026-11-24', topic: 'AWS', minutes: 20 }

describe('startSync', () => {
  it('syncs on start, and again shortly after a local write', async () => {
    app.server.otherDevice().upsert('goal', ids.a, { title: 'x' })
    app.client.startSync()
    await vi.waitFor(() => expect(app.client.getSyncStatus().lastSyncedAt).not.toBeNull())
    expect(await app.records.getRecord('goal', ids.a)).toBeDefined()

    await app.records.saveRecord('learning_session', ids.b, entry)
    await app.records.saveRecord('learning_session', ids.b, { minutes: 25 })
    await vi.waitFor(() => expect(app.server.live(1, 'learning_session')).toHaveLength(1), { timeout: 2000 })
    // The two quick writes went out together, in one push.
    expect(pushCount()).toBe(1)
    await vi.waitFor(() => expect(app.client.getSyncStatus()).toMatchObject({ pending: 0, syncing: false }))
  })

  it('syncs when the network comes back and when the app becomes visible', async () => {
    const win = new EventTarget()
    vi.stubGlobal('window', win)
    app.client.startSync()
    await vi.waitFor(() => expect(requestCount()).toBe(1)) // the start-up pull
    win.dispatchEvent(new Event('online'))
    await vi.waitFor(() => expect(requestCount()).toBe(2))
    document.dispatchEvent(new Event('visibilitychange'))
    await vi.waitFor(() => expect(requestCount()).toBe(3))
  })

  it('syncs on a 60 s timer', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      app.client.startSync()
      await vi.waitFor(() => expect(requestCount()).toBe(1))
      vi.advanceTimersByTime(60_000)
      await vi.waitFor(() => expect(requestCount()).toBe(2))
    } finally {
      vi.useRealTimers()
    }
  })

  it('leaves the server alone after a 401 until syncNow() is called', async () => {
    app.server.sessionUser = null
    app.client.startSync()
    await vi.waitFor(() => expect(app.client.getSyncStatus().needsLogin).toBe(true))
    await app.records.saveRecord('learning_session', ids.b, entry)
    document.dispatchEvent(new Event('visibilitychange'))
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(requestCount()).toBe(1)
    expect(app.client.getSyncStatus()).toMatchObject({ pending: 1, needsLogin: true })

    app.server.sessionUser = 1
    await app.client.syncNow()
    expect(app.client.getSyncStatus()).toMatchObject({ pending: 0, needsLogin: false })
  })
})

describe('syncNow', () => {
  it('runs one sync at a time; calls during a run share one more run', async () => {
    await app.records.saveRecord('learning_session', ids.b, entry)
    const first = app.client.syncNow()
    const second = app.client.syncNow()
    const third = app.client.syncNow()
    await Promise.all([first, second, third])
    // Run 1 pushes and pulls; run 2 (for both later calls) only pulls.
    expect(app.server.requests.map((r) => r.path)).toEqual([
      '/api/sync/push',
      '/api/sync/pull',
      '/api/sync/pull',
    ])
  })

  it('takes the Web Lock "ippo-sync" where the browser has one', async () => {
    const request = vi.fn((_name: string, run: () => Promise<unknown>) => run())
    vi.stubGlobal('navigator', { onLine: true, locks: { request } })
    await app.client.syncNow()
    expect(request).toHaveBeenCalledWith('ippo-sync', expect.any(Function))
  })

  it('does not sync automatically while offline', async () => {
    vi.stubGlobal('navigator', { onLine: false })
    app.client.startSync()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(requestCount()).toBe(0)
    expect(app.client.getSyncStatus().online).toBe(false)
  })
})

describe('status', () => {
  it('tells listeners at once and on every change', async () => {
    const seen: boolean[] = []
    const stop = app.client.onSyncStatus((s) => seen.push(s.syncing))
    await app.client.syncNow()
    stop()
    expect(seen[0]).toBe(false)
    expect(seen).toContain(true)
    expect(seen.at(-1)).toBe(false)
  })
})

describe('two devices', () => {
  it('converge, and both win when they change different fields', async () => {
    const phone = app
    await phone.records.saveRecord('goal', ids.a, { title: 'リーダー', due: '2027-06-30', progress: 0 })
    await phone.client.syncNow()

    const tablet = await freshApp({ server: phone.server })
    try {
      await tablet.client.syncNow()
      expect((await tablet.records.getRecord('goal', ids.a))?.fields).toMatchObject({ title: 'リーダー' })

      await phone.records.saveRecord('goal', ids.a, { progress: 30 })
      await tablet.records.saveRecord('goal', ids.a, { next_step: '上司と1on1' })
      await phone.client.syncNow()
      await tablet.client.syncNow()
      await phone.client.syncNow()

      const expected = { title: 'リーダー', due: '2027-06-30', progress: 30, next_step: '上司と1on1' }
      expect((await phone.records.getRecord('goal', ids.a))?.fields).toEqual(expected)
      expect((await tablet.records.getRecord('goal', ids.a))?.fields).toEqual(expected)
      expect(phone.server.row('goal', ids.a)?.fields).toEqual(expected)
      expect(phone.client.getSyncStatus().merged).toBe(0)
      expect(tablet.client.getSyncStatus().merged).toBe(0)
    } finally {
      closeApp(tablet)
    }
  })
})

describe('requestPersistence', () => {
  it('asks navigator.storage.persist() where it exists', async () => {
    expect(await app.client.requestPersistence()).toBe(false) // Node has no navigator.storage
    const persist = vi.fn(async () => true)
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } })
    expect(await app.client.requestPersistence()).toBe(true)
    expect(persist).toHaveBeenCalledOnce()
  })
})
