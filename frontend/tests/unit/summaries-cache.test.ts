// The saved copies of her summaries: a month read once reads again offline, only for her,
// and a fresh answer from the server always wins over the copy.
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

type Cache = typeof import('../../src/summaries/cache')
type Load = typeof import('../../src/summaries/load')

const HANAKO = 7
const YUKI = 8
const NOVEMBER = { month: '2026-11', status: 'sent', sent_at: null, headline: { entries: 3 }, figures: { version: 1 } }
const LIST = [{ month: '2026-11', status: 'sent', sent_at: null, headline: { entries: 3 } }]

let cache: Cache
let load: Load
let calls: string[]
let answers: (Response | Error)[]

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

const offline = () => new TypeError('Failed to fetch')

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory()
  vi.resetModules()
  calls = []
  answers = []
  vi.stubGlobal('fetch', async (url: string) => {
    calls.push(url)
    const next = answers.shift()
    if (!next) throw new Error(`no answer queued for ${url}`)
    if (next instanceof Error) throw next
    return next
  })
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  cache = await import('../../src/summaries/cache')
  load = await import('../../src/summaries/load')
})

afterEach(() => {
  cache.closeSummaryCache()
  vi.unstubAllGlobals()
})

describe('the copies', () => {
  it('reads back what was kept, with when it was kept', async () => {
    await cache.keepCopy(HANAKO, '2026-11', NOVEMBER, new Date('2026-12-01T00:30:00Z'))
    expect(await cache.readCopy(HANAKO, '2026-11')).toEqual({
      user: HANAKO,
      key: '2026-11',
      data: NOVEMBER,
      saved_at: '2026-12-01T00:30:00.000Z',
    })
  })

  it('keeps every copy under its owner: another user on the phone never reads hers', async () => {
    await cache.keepCopy(HANAKO, '2026-11', NOVEMBER)
    expect(await cache.readCopy(YUKI, '2026-11')).toBeUndefined()
  })

  it('replaces a copy with a newer one', async () => {
    await cache.keepCopy(HANAKO, cache.LIST_KEY, [])
    await cache.keepCopy(HANAKO, cache.LIST_KEY, LIST)
    expect((await cache.readCopy(HANAKO, cache.LIST_KEY))?.data).toEqual(LIST)
  })

  it('clears one user’s copies, or everybody’s', async () => {
    await cache.keepCopy(HANAKO, '2026-11', NOVEMBER)
    await cache.keepCopy(HANAKO, cache.LIST_KEY, LIST)
    await cache.keepCopy(YUKI, '2026-11', { other: true })
    await cache.clearCopies(HANAKO)
    expect(await cache.readCopy(HANAKO, '2026-11')).toBeUndefined()
    expect(await cache.readCopy(HANAKO, cache.LIST_KEY)).toBeUndefined()
    expect(await cache.readCopy(YUKI, '2026-11')).toBeDefined()
    await cache.clearCopies()
    expect(await cache.readCopy(YUKI, '2026-11')).toBeUndefined()
  })

  it('drops one copy', async () => {
    await cache.keepCopy(HANAKO, '2026-11', NOVEMBER)
    await cache.dropCopy(HANAKO, '2026-11')
    expect(await cache.readCopy(HANAKO, '2026-11')).toBeUndefined()
  })

  it('is only a convenience: without IndexedDB nothing is kept and nothing throws', async () => {
    cache.closeSummaryCache()
    vi.stubGlobal('indexedDB', undefined)
    await cache.keepCopy(HANAKO, '2026-11', NOVEMBER)
    expect(await cache.readCopy(HANAKO, '2026-11')).toBeUndefined()
    await cache.clearCopies()
  })
})

describe('loading with a copy to fall back on', () => {
  it('takes the server’s answer and keeps it', async () => {
    answers.push(json(200, NOVEMBER))
    const at = new Date('2026-12-01T01:00:00Z')
    const outcome = await load.loadWithCopy({ user: HANAKO, key: '2026-11', path: '/api/summaries/2026-11', now: () => at })
    expect(outcome).toEqual({ kind: 'fresh', data: NOVEMBER, savedAt: at.toISOString() })
    expect(calls).toEqual(['/api/summaries/2026-11'])
    expect((await cache.readCopy(HANAKO, '2026-11'))?.data).toEqual(NOVEMBER)
  })

  it('offline, shows the saved copy and says it is one', async () => {
    await cache.keepCopy(HANAKO, '2026-11', NOVEMBER, new Date('2026-12-01T01:00:00Z'))
    answers.push(offline())
    const outcome = await load.loadSummary(HANAKO, '2026-11')
    expect(outcome).toEqual({ kind: 'copy', data: NOVEMBER, savedAt: '2026-12-01T01:00:00.000Z', offline: true, status: 0 })
  })

  it('shows the copy at once while a slow network answers, then the fresh answer', async () => {
    await cache.keepCopy(HANAKO, '2026-11', NOVEMBER)
    let answer: (r: Response) => void = () => undefined
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)))
    const fresh = { ...NOVEMBER, status: 'skipped' }
    const shown: unknown[] = []
    const loading = load.loadSummary(HANAKO, '2026-11', (copy) => {
      shown.push(copy.data)
      answer(json(200, fresh))
    })
    expect(await loading).toMatchObject({ kind: 'fresh', data: fresh })
    expect(shown).toEqual([NOVEMBER])
    expect((await cache.readCopy(HANAKO, '2026-11'))?.data).toEqual(fresh)
  })

  it('shows the copy when the server fails too, marked as not an offline copy', async () => {
    await cache.keepCopy(HANAKO, cache.LIST_KEY, LIST)
    answers.push(json(502, { detail: 'bad gateway' }))
    const outcome = await load.loadSummaryList(HANAKO)
    expect(outcome).toMatchObject({ kind: 'copy', data: LIST, offline: false, status: 502 })
  })

  it('fails plainly with no copy, telling offline apart from an error', async () => {
    answers.push(offline())
    expect(await load.loadSummaryList(HANAKO)).toEqual({ kind: 'failed', offline: true, status: 0 })
    answers.push(json(500, {}))
    expect(await load.loadSummaryList(HANAKO)).toEqual({ kind: 'failed', offline: false, status: 500 })
  })

  it('never falls back on another user’s copy', async () => {
    await cache.keepCopy(HANAKO, '2026-11', NOVEMBER)
    answers.push(offline())
    expect(await load.loadSummary(YUKI, '2026-11')).toMatchObject({ kind: 'failed', offline: true })
  })

  it('forgets the copy of a month the server no longer has', async () => {
    await cache.keepCopy(HANAKO, '2026-11', NOVEMBER)
    answers.push(json(404, { detail: 'Not found.' }))
    expect(await load.loadSummary(HANAKO, '2026-11')).toEqual({ kind: 'missing' })
    expect(await cache.readCopy(HANAKO, '2026-11')).toBeUndefined()
  })
})

describe('Today’s card', () => {
  it('knows of last month’s summary from the saved list without asking the server', async () => {
    await cache.keepCopy(HANAKO, cache.LIST_KEY, LIST)
    expect(await load.hasSummary(HANAKO, '2026-11')).toBe(true)
    expect(calls).toEqual([])
  })

  it('asks the server once per page load and keeps its answer', async () => {
    answers.push(json(200, LIST))
    expect(await load.hasSummary(HANAKO, '2026-11')).toBe(true)
    expect(await load.hasSummary(HANAKO, '2026-10')).toBe(false)
    expect(calls).toEqual(['/api/summaries'])
    expect((await cache.readCopy(HANAKO, cache.LIST_KEY))?.data).toEqual(LIST)
  })

  it('shows nothing when offline with no saved list', async () => {
    answers.push(offline())
    expect(await load.hasSummary(HANAKO, '2026-11')).toBe(false)
  })

  it('stops once she has opened that month', async () => {
    const store = new Map<string, string>()
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    })
    await cache.keepCopy(HANAKO, cache.LIST_KEY, LIST)
    const { summaryToShow } = await import('../../src/summaries/teaser')
    const { markSeen } = await import('../../src/summaries/seen')
    expect(await summaryToShow(HANAKO, '2026-12-03', 'ja')).toEqual({ month: '2026-11', name: '2026年11月' })
    markSeen(YUKI, '2026-11')
    expect(await summaryToShow(HANAKO, '2026-12-03', 'ja')).not.toBeNull()
    markSeen(HANAKO, '2026-11')
    expect(await summaryToShow(HANAKO, '2026-12-03', 'ja')).toBeNull()
    markSeen(HANAKO, '2026-10') // an older month opened later does not bring the card back
    expect(await summaryToShow(HANAKO, '2026-12-20', 'ja')).toBeNull()
  })
})
