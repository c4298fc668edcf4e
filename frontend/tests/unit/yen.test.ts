// Yen as the earnings screen writes it: in full, at a glance ("約1,272万円"), and in tables.
import { describe, expect, it } from 'vitest'

import { roughYen, tableYen, tickYen, yen } from '../../src/tools/yen'

describe('yen', () => {
  it('writes whole yen with separators in both languages', () => {
    expect(yen(12_720_616, 'ja')).toBe('12,720,616円')
    expect(yen(12_720_616, 'en')).toBe('¥12,720,616')
    expect(yen(-5209, 'ja')).toBe('-5,209円')
  })

  it('rounds to 万円 for the summary, with 億 above 1億', () => {
    expect(roughYen(12_720_616, 'ja')).toBe('1,272万円')
    expect(roughYen(11_235_882, 'ja')).toBe('1,124万円')
    expect(roughYen(123_456_789, 'ja')).toBe('1億2,346万円')
    expect(roughYen(200_000_000, 'ja')).toBe('2億円')
    expect(roughYen(4_800, 'ja')).toBe('4,800円')
    expect(roughYen(-4_179_087, 'ja')).toBe('−418万円')
    expect(roughYen(12_720_616, 'en')).toBe('¥12.7M')
  })

  it('keeps table cells and chart labels short', () => {
    expect(tableYen(4_920_000, 'ja')).toBe('492.0')
    expect(tableYen(4_920_000, 'en')).toBe('4,920')
    expect(tickYen(15_000_000, 'ja')).toBe('1,500万')
    expect(tickYen(250_000_000, 'ja')).toBe('2.5億')
    expect(tickYen(0, 'ja')).toBe('0')
    expect(tickYen(15_000_000, 'en')).toBe('¥15M')
  })
})
