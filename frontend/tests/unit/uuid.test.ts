// Check ids against every shared vector in content/check_id_cases.json (the server's
// pytest pushes the same cases), and new ids in and out of a secure context.
import { describe, expect, it, vi } from 'vitest'

import cases from '../../../content/check_id_cases.json'
import { checkId, newId } from '../../src/store/records'
import { isUuid } from '../../src/store/uuid'

interface Case {
  name: string
  input: { item: string; date: string }
  expect: { id: string }
}

// Run against the browser build of `uuid`, the one Vite bundles: it hashes in plain JS,
// where the Node build this runner would pick uses node:crypto.
vi.mock('uuid', () => import('../../node_modules/uuid/dist/index.js'))

const CASES = cases as Case[]
const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('checkId', () => {
  it('has cases for a capitalised item id and a leap day', () => {
    expect(CASES.some((c) => c.input.item !== c.input.item.toLowerCase())).toBe(true)
    expect(CASES.some((c) => c.input.date.endsWith('-02-29'))).toBe(true)
  })

  it.each(CASES.map((c) => [c.name, c] as const))('matches Python for %s', (_name, c) => {
    expect(checkId(c.input.item, c.input.date)).toBe(c.expect.id)
  })

  it('gives the same ids without crypto.subtle or randomUUID (plain http on a LAN address)', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) })
    for (const c of CASES) expect(checkId(c.input.item, c.input.date)).toBe(c.expect.id)
    expect(newId()).toMatch(V4)
    vi.unstubAllGlobals()
  })
})

describe('newId', () => {
  it('makes distinct v4 ids', () => {
    const a = newId()
    expect(a).toMatch(V4)
    expect(newId()).not.toBe(a)
  })
})

describe('isUuid', () => {
  it('accepts any 8-4-4-4-12 hex id, as the server does, and nothing else', () => {
    expect(isUuid('50a58aac-6c49-56c5-95b5-36b59484ad35')).toBe(true)
    expect(isUuid('ABCDEF01-2345-0678-1ABC-DEF012345678')).toBe(true)
    expect(isUuid('50a58aac6c4956c595b536b59484ad35')).toBe(false)
    expect(isUuid('50a58aac-6c49-56c5-95b5-36b59484ad3g')).toBe(false)
    expect(isUuid('')).toBe(false)
  })
})
