// Each test gets a fresh IndexedDB, fresh copies of the modules (their in-memory state:
// open connection, sync status, timers) and a fresh fake server behind fetch.
import { IDBFactory } from 'fake-indexeddb'
import { vi } from 'vitest'

import { FakeServer } from './fakeServer'

export type App = Awaited<ReturnType<typeof freshApp>>

export async function freshApp(options: { factory?: IDBFactory; server?: FakeServer } = {}) {
  globalThis.indexedDB = options.factory ?? new IDBFactory()
  vi.resetModules()
  // The CSRF cookie the server set on the first visit; document is also the event target
  // for visibilitychange.
  vi.stubGlobal('document', Object.assign(new EventTarget(), { cookie: 'csrftoken=t0ken', visibilityState: 'visible' }))
  // A failed sync logs a warning; the tests check the status instead.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  const server = options.server ?? new FakeServer()
  server.install()
  const records = await import('../../src/store/records')
  const client = await import('../../src/sync/client')
  const db = await import('../../src/store/db')
  const api = await import('../../src/api')
  return { records, client, db, api, server, factory: globalThis.indexedDB as IDBFactory }
}

/** Stop timers and close the connection (so the next test's fresh factory is alone). */
export function closeApp(app: App): void {
  app.client.stopSync()
  app.db.closeDb()
}

/** Everything in one store, read through the app's own connection. */
export async function dump<S extends 'records' | 'outbox' | 'rejected'>(app: App, store: S) {
  const db = await app.db.getDb()
  return db.getAll(store)
}

export const ids = {
  a: '0b6f8f1e-3c2a-4d5e-9f10-1a2b3c4d5e6f',
  b: 'c0ffee00-0000-4000-8000-000000000001',
  c: 'abcdef01-2345-4678-9abc-def012345678',
}
