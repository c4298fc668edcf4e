import { describe, expect, it, vi } from 'vitest'

import { checkId, newId } from '../../src/store/records'
import { sha1, uuid5 } from '../../src/store/uuid'

// Computed with Python: uuid.uuid5(uuid.NAMESPACE_URL, item_id + date)
const VECTORS: [string, string, string][] = [
  ['0b6f8f1e-3c2a-4d5e-9f10-1a2b3c4d5e6f', '2026-11-24', '50a58aac-6c49-56c5-95b5-36b59484ad35'],
  ['c0ffee00-0000-4000-8000-000000000001', '2026-01-01', '153668b0-192c-573b-906c-935b6dc5ffaf'],
  ['abcdef01-2345-4678-9abc-def012345678', '2026-02-28', '2d5d3d7d-b071-5407-b095-fe2023f1a80b'],
]

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

describe('checkId', () => {
  it.each(VECTORS)('matches Python for %s on %s', async (item, date, expected) => {
    expect(await checkId(item, date)).toBe(expected)
  })

  it('treats an upper-case item id like the server, which formats it in lower case', async () => {
    const [item, date, expected] = VECTORS[2]
    expect(await checkId(item.toUpperCase(), date)).toBe(expected)
  })

  it('gives the same ids without crypto.subtle (plain http on a LAN address)', async () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) })
    for (const [item, date, expected] of VECTORS) expect(await checkId(item, date)).toBe(expected)
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    vi.unstubAllGlobals()
  })
})

describe('sha1 (fallback)', () => {
  it('matches the published test vectors and crypto.subtle', async () => {
    const enc = new TextEncoder()
    expect(toHex(sha1(enc.encode('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(toHex(sha1(enc.encode('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709')
    for (const length of [55, 56, 63, 64, 65, 1000]) {
      const data = enc.encode('一歩'.repeat(length).slice(0, length))
      const native = new Uint8Array(await crypto.subtle.digest('SHA-1', data))
      expect(toHex(sha1(data))).toBe(toHex(native))
    }
  })
})

describe('uuid5', () => {
  it('matches the RFC 4122 example for the DNS namespace', async () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(await uuid5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    )
  })
})

describe('newId', () => {
  it('makes distinct v4 ids', () => {
    const a = newId()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newId()).not.toBe(a)
  })
})
