import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { closeApp, dump, freshApp, ids, type App } from './harness'

let app: App

beforeEach(async () => {
  app = await freshApp()
})

afterEach(() => closeApp(app))

const pulls = () =>
  app.server.requests.filter((r) => r.path === '/api/sync/pull').map((r) => `${r.status} ${r.query}`)

describe('pull', () => {
  it('pages through the changes until has_more is false', async () => {
    const tablet = app.server.otherDevice()
    const made: string[] = []
    for (let i = 0; i < 1100; i++) {
      const id = app.records.newId()
      made.push(id)
      tablet.upsert('contact', id, { name: `人 ${i}`, date: '2026-11-24' })
    }
    await app.client.syncNow()
    expect(pulls()).toEqual([
      '200 ?cursor=0&limit=500',
      '200 ?cursor=500&limit=500',
      '200 ?cursor=1000&limit=500',
    ])
    const local = await app.records.listRecords('contact')
    expect(local).toHaveLength(1100)
    expect(local.every((r) => r.version > 0 && !r.pending)).toBe(true)
    expect(await app.db.readMeta('cursor')).toBe(1100)
  })

  it('asks with the cursor and limit 500', async () => {
    app.server.otherDevice().upsert('goal', ids.a, { title: 'x' })
    await app.client.syncNow()
    await app.client.syncNow()
    expect(pulls()).toEqual(['200 ?cursor=0&limit=500', '200 ?cursor=1&limit=500'])
    expect(await app.db.readMeta('cursor')).toBe(1)
  })

  it('rebases: a pending local edit stays on top, other fields take the server value', async () => {
    const tablet = app.server.otherDevice()
    tablet.upsert('goal', ids.a, { title: '資格を取る', note: '春まで', progress: 10 })
    await app.client.syncNow()
    expect((await app.records.getRecord('goal', ids.a))?.version).toBe(1)

    // Offline on the train she edits the title; meanwhile the tablet edits note and title.
    await app.records.saveRecord('goal', ids.a, { title: '簿記2級' })
    tablet.upsert('goal', ids.a, { note: '3月まで', title: 'タブレットの題' }, 1)

    const { pullChanges } = await import('../../src/sync/pull')
    await pullChanges()
    const rebased = await app.records.getRecord('goal', ids.a)
    expect(rebased).toMatchObject({
      version: 2,
      pending: true,
      fields: { title: '簿記2級', note: '3月まで', progress: 10 },
    })

    // Her op then reaches the server on top of the tablet's change.
    await app.client.syncNow()
    expect(app.server.row('goal', ids.a)?.fields).toEqual({ title: '簿記2級', note: '3月まで', progress: 10 })
    expect(await app.records.getRecord('goal', ids.a)).toMatchObject({
      version: 3,
      pending: false,
      fields: { title: '簿記2級', note: '3月まで', progress: 10 },
    })
  })

  it('applies tombstones: a record deleted elsewhere is deleted here', async () => {
    const tablet = app.server.otherDevice()
    tablet.upsert('contact', ids.a, { name: 'Aさん', date: '2026-11-24' })
    tablet.upsert('contact', ids.b, { name: 'Bさん', date: '2026-11-24' })
    await app.client.syncNow()
    tablet.remove('contact', ids.a)
    await app.client.syncNow()
    expect((await app.records.listRecords('contact')).map((r) => r.id)).toEqual([ids.b])
    expect(await app.records.getRecord('contact', ids.a)).toMatchObject({ deleted: true, version: 3 })
  })

  it('keeps a local edit of a record deleted elsewhere (her upsert brings it back)', async () => {
    const tablet = app.server.otherDevice()
    tablet.upsert('contact', ids.a, { name: 'Aさん', date: '2026-11-24' })
    await app.client.syncNow()
    await app.records.saveRecord('contact', ids.a, { note: '来月ランチ' })
    tablet.remove('contact', ids.a)
    const { pullChanges } = await import('../../src/sync/pull')
    await pullChanges()
    expect(await app.records.getRecord('contact', ids.a)).toMatchObject({ deleted: false, pending: true })
    await app.client.syncNow()
    expect(app.server.row('contact', ids.a)).toMatchObject({ deleted: false, fields: { note: '来月ランチ' } })
  })

  it('on 410 reloads everything from 0, keeping the outbox, and forgets what the server purged', async () => {
    const tablet = app.server.otherDevice()
    tablet.upsert('contact', ids.a, { name: 'Aさん', date: '2026-11-24' })
    tablet.upsert('contact', ids.b, { name: 'Bさん', date: '2026-11-24' })
    await app.client.syncNow()
    expect(await app.db.readMeta('cursor')).toBe(2)

    // Away for months: A is deleted and the tombstone purged; C is new.
    tablet.remove('contact', ids.a)
    tablet.upsert('contact', ids.c, { name: 'Cさん', date: '2026-11-24' })
    tablet.upsert('goal', ids.c, { title: 'g' })
    app.server.purgeTombstones()
    tablet.upsert('goal', ids.c, { title: 'g2' }) // her cursor (2) is older than the purge (5)
    // An edit of B she made offline must survive the reload.
    await app.records.saveRecord('contact', ids.b, { note: 'メモ' })
    const { pullChanges } = await import('../../src/sync/pull')
    await pullChanges()

    expect(pulls()).toEqual(['200 ?cursor=0&limit=500', '410 ?cursor=2&limit=500', '200 ?cursor=0&limit=500'])
    expect(await app.records.getRecord('contact', ids.a)).toBeUndefined()
    expect((await app.records.listRecords('contact')).map((r) => r.id).sort()).toEqual([ids.b, ids.c].sort())
    expect(await app.records.getRecord('contact', ids.b)).toMatchObject({
      pending: true,
      fields: { name: 'Bさん', note: 'メモ' },
    })
    expect((await app.records.getRecord('goal', ids.c))?.fields).toEqual({ title: 'g2' })
    expect(await dump(app, 'outbox')).toHaveLength(1)
    expect(await app.db.readMeta('reloading')).toBe(false)
  })

  it('finishes a reload that was cut short on the next sync', async () => {
    const tablet = app.server.otherDevice()
    tablet.upsert('contact', ids.a, { name: 'Aさん', date: '2026-11-24' })
    await app.client.syncNow()
    tablet.remove('contact', ids.a)
    app.server.purgeTombstones()
    for (let i = 0; i < 600; i++) tablet.upsert('goal', app.records.newId(), { title: `g${i}` })
    app.server.forced = [0, 0, 503] // 410, first page of the reload, then the line drops
    await app.client.syncNow()
    expect(app.client.getSyncStatus().error).toContain('503')
    expect(await app.db.readMeta('reloading')).toBe(true)
    expect(await app.records.getRecord('contact', ids.a)).toBeDefined() // not swept yet

    await app.client.syncNow()
    expect(await app.db.readMeta('reloading')).toBe(false)
    expect(await app.records.getRecord('contact', ids.a)).toBeUndefined()
    expect(await app.records.listRecords('goal')).toHaveLength(600)
  })

  it('ignores a page that arrives after resetLocalData', async () => {
    app.server.otherDevice().upsert('goal', ids.a, { title: 'someone else' })
    const { pullChanges } = await import('../../src/sync/pull')
    const realFetch = globalThis.fetch
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      const answer = await realFetch(...args)
      await app.client.resetLocalData() // she logged out and another account logged in
      globalThis.fetch = realFetch
      return answer
    }
    await pullChanges()
    expect(await dump(app, 'records')).toEqual([])
  })
})
