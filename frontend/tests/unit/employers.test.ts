// Employer comparison rules: shared weights, weighted totals, ranking and criterion keys.
import { describe, expect, it } from 'vitest'

import {
  cleanUrl,
  customKey,
  customLabel,
  DEFAULT_CRITERIA,
  DEFAULT_WEIGHTS,
  rankEmployers,
  sharedCriteria,
  weightedTotal,
  withWeights,
  type Criterion,
  type EmployerFields,
} from '../../src/tools/employers'

let seq = 0
function employer(name: string, criteria: Record<string, Criterion>, extra: { updated_at?: string | null; pending?: boolean } = {}) {
  const fields: EmployerFields = { name, url: '', note: '', criteria }
  return { id: `id-${++seq}`, fields, updated_at: extra.updated_at ?? '2026-11-01T00:00:00Z', pending: extra.pending ?? false }
}

describe('sharedCriteria', () => {
  it('offers the guide’s six criteria with their default weights before any company exists', () => {
    const shared = sharedCriteria([])
    expect(shared.map((c) => c.key)).toEqual([...DEFAULT_CRITERIA])
    expect(shared.find((c) => c.key === 'remote_work')?.weight).toBe(DEFAULT_WEIGHTS.remote_work)
  })

  it('adds her own criteria after the defaults, sorted by label', () => {
    const shared = sharedCriteria([employer('A', { 'custom:保育園に近い': { score: 4, weight: 2 }, 'custom:年収': { score: 1, weight: 5 } })])
    expect(shared.map((c) => c.key).slice(6)).toEqual(['custom:保育園に近い', 'custom:年収'].sort((a, b) => a.localeCompare(b, 'ja')))
    expect(shared.find((c) => c.key === 'custom:年収')?.weight).toBe(5)
  })

  it('takes the weight of the most recently changed company when two disagree', () => {
    const old = employer('Old', { flex_time: { score: 3, weight: 1 } }, { updated_at: '2026-11-01T00:00:00Z' })
    const recent = employer('New', { flex_time: { score: 3, weight: 5 } }, { updated_at: '2026-11-02T00:00:00Z' })
    expect(sharedCriteria([old, recent]).find((c) => c.key === 'flex_time')?.weight).toBe(5)
    const unsent = employer('Unsent', { flex_time: { score: 3, weight: 0 } }, { updated_at: null, pending: true })
    expect(sharedCriteria([old, recent, unsent]).find((c) => c.key === 'flex_time')?.weight).toBe(0)
  })
})

describe('weightedTotal', () => {
  const shared = [
    { key: 'remote_work', weight: 5 },
    { key: 'flex_time', weight: 1 },
    { key: 'custom:近い', weight: 0 },
  ]

  it('is Σ score×weight over Σ 5×weight, as a whole percentage', () => {
    // (4×5 + 2×1) / (5×5 + 5×1) = 22/30 = 73.3 %
    const criteria = { remote_work: { score: 4, weight: 5 }, flex_time: { score: 2, weight: 1 }, 'custom:近い': { score: 5, weight: 0 } }
    expect(weightedTotal(criteria, shared)).toBe(73)
  })

  it('counts a criterion not scored yet as 0 and ignores one weighted 0', () => {
    expect(weightedTotal({ remote_work: { score: 5, weight: 5 } }, shared)).toBe(83) // 25/30
    expect(weightedTotal({}, shared)).toBe(0)
  })

  it('gives 100 for straight fives and no total when every weight is 0', () => {
    expect(weightedTotal({ remote_work: { score: 5, weight: 5 }, flex_time: { score: 5, weight: 1 } }, shared)).toBe(100)
    expect(weightedTotal({ remote_work: { score: 5, weight: 5 } }, [{ key: 'remote_work', weight: 0 }])).toBeNull()
  })

  it('uses the shared weight, not a stale weight stored on the company', () => {
    expect(weightedTotal({ remote_work: { score: 5, weight: 0 } }, [{ key: 'remote_work', weight: 3 }])).toBe(100)
  })
})

describe('rankEmployers', () => {
  it('ranks by weighted total, highest first; equal totals share a rank', () => {
    const shared = [
      { key: 'remote_work', weight: 5 },
      { key: 'mothers_in_management', weight: 1 },
    ]
    const a = employer('A社', { remote_work: { score: 1, weight: 5 }, mothers_in_management: { score: 5, weight: 1 } })
    const b = employer('B社', { remote_work: { score: 4, weight: 5 }, mothers_in_management: { score: 0, weight: 1 } })
    const c = employer('C社', { remote_work: { score: 4, weight: 5 }, mothers_in_management: { score: 0, weight: 1 } })
    const ranked = rankEmployers([a, b, c], shared)
    expect(ranked.map((r) => [r.employer.fields.name, r.total, r.rank])).toEqual([
      ['B社', 67, 1],
      ['C社', 67, 1],
      ['A社', 33, 3],
    ])
  })

  it('puts companies without a total last', () => {
    const ranked = rankEmployers([employer('Z', {}), employer('Y', {})], [{ key: 'remote_work', weight: 0 }])
    expect(ranked.map((r) => r.total)).toEqual([null, null])
    expect(ranked.map((r) => r.employer.fields.name)).toEqual(['Y', 'Z'])
  })
})

describe('withWeights', () => {
  it('writes every shared criterion with its weight and keeps the scores', () => {
    const out = withWeights({ remote_work: { score: 4, weight: 1 }, gone: { score: 5, weight: 5 } }, [
      { key: 'remote_work', weight: 3 },
      { key: 'custom:近い', weight: 2 },
    ])
    expect(out).toEqual({ remote_work: { score: 4, weight: 3 }, 'custom:近い': { score: 0, weight: 2 } })
  })

  it('clamps scores the server would reject', () => {
    expect(withWeights({ a: { score: 9, weight: 0 } }, [{ key: 'a', weight: 5 }])).toEqual({ a: { score: 5, weight: 5 } })
  })
})

describe('customKey', () => {
  it('stores her label in the key after "custom:"', () => {
    expect(customKey('  保育園に近い ', [])).toEqual({ key: 'custom:保育園に近い' })
    expect(customLabel('custom:保育園に近い')).toBe('保育園に近い')
  })

  it('keeps keys within the server’s 40 characters and 30 criteria', () => {
    expect(customKey('あ'.repeat(33), [])).toEqual({ key: `custom:${'あ'.repeat(33)}` })
    expect(customKey('あ'.repeat(34), [])).toEqual({ problem: 'too_long' })
    // Characters outside the BMP count once, as Python counts them.
    expect(customKey('👶'.repeat(33), [])).toEqual({ key: `custom:${'👶'.repeat(33)}` })
    expect(customKey('x', Array.from({ length: 30 }, (_, i) => `k${i}`))).toEqual({ problem: 'too_many' })
  })

  it('refuses a blank label and a duplicate', () => {
    expect(customKey('   ', [])).toEqual({ problem: 'required' })
    expect(customKey('近い', ['custom:近い'])).toEqual({ problem: 'exists' })
  })
})

describe('cleanUrl', () => {
  it('accepts an empty address and http(s) ones, adding https:// to a bare domain', () => {
    expect(cleanUrl('')).toEqual({ url: '' })
    expect(cleanUrl(' https://example.co.jp/careers ')).toEqual({ url: 'https://example.co.jp/careers' })
    expect(cleanUrl('HTTPS://Example.jp')).toEqual({ url: 'https://Example.jp' })
    expect(cleanUrl('example.co.jp/jobs')).toEqual({ url: 'https://example.co.jp/jobs' })
  })

  it('refuses what the server would reject', () => {
    expect(cleanUrl('ftp://example.jp')).toEqual({ problem: 'scheme' })
    expect(cleanUrl('いい会社')).toEqual({ problem: 'scheme' })
    expect(cleanUrl(`https://example.jp/${'a'.repeat(300)}`)).toEqual({ problem: 'too_long' })
  })
})
