// The dictionaries, one file per area and language: each key is written once, and both
// languages have the same keys in every area.
import { describe, expect, it } from 'vitest'

import { en } from '../../src/i18n/en'
import { ja } from '../../src/i18n/ja'

type Module = Record<string, Record<string, string>>
const JA = import.meta.glob<Module>('../../src/i18n/*-ja.ts', { eager: true })
const EN = import.meta.glob<Module>('../../src/i18n/*-en.ts', { eager: true })
const SOURCES = import.meta.glob<string>('../../src/i18n/*.ts', { query: '?raw', import: 'default', eager: true })

/** Each area's keys, by area name ("shell", "brief", …). */
function keysByArea(modules: Record<string, Module>, suffix: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [path, module] of Object.entries(modules)) {
    const area = path.slice(path.lastIndexOf('/') + 1, -suffix.length)
    out.set(area, Object.values(module).flatMap((dict) => Object.keys(dict)))
  }
  return out
}

describe('the dictionaries', () => {
  const ja = keysByArea(JA, '-ja.ts')
  const en = keysByArea(EN, '-en.ts')

  it('are split by area before a file passes the house limit of ~400 lines', () => {
    expect(ja.size).toBeGreaterThanOrEqual(10)
    for (const [path, text] of Object.entries(SOURCES)) expect(text.split('\n').length, path).toBeLessThanOrEqual(400)
  })

  it('write each key in one area only', () => {
    const seen = new Map<string, string>()
    const twice: string[] = []
    for (const [area, keys] of ja) {
      for (const key of keys) {
        if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${area}`)
        seen.set(key, area)
      }
    }
    expect(twice).toEqual([])
  })

  it('have the same areas and keys in English as in Japanese', () => {
    expect([...en.keys()].sort()).toEqual([...ja.keys()].sort())
    for (const [area, keys] of ja) expect([...(en.get(area) ?? [])].sort(), area).toEqual([...keys].sort())
  })
})

describe("the shell's dictionary", () => {
  it('is every shell part, with a text for each key in both languages', () => {
    const parts = ['shell', 'records', 'account', 'today', 'settings']
    const partKeys = parts.flatMap((area) => Object.keys(Object.values(JA[`../../src/i18n/${area}-ja.ts`])[0]))
    expect(Object.keys(ja).sort()).toEqual(partKeys.sort())
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect(ja[key], key).not.toBe('')
      expect(en[key], key).not.toBe('')
    }
  })
})
