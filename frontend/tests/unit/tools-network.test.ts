import { describe, expect, it } from 'vitest'

import { followUpState, groupByKind, keepInTouch, personKey, sameDayFollowUps, samePerson } from '../../src/tools/network'

const DAY = '2026-11-24'

function contact(id: string, name: string, date: string, follow_up_on: string | null = null, kind = 'peer') {
  return { id, updated_at: null, fields: { name, date, follow_up_on, kind: kind as 'peer' } }
}

describe('personKey', () => {
  it('ignores case, spaces and full-width letters', () => {
    expect(samePerson('Sato Yuki', 'sato  yuki')).toBe(true)
    expect(samePerson('佐藤　由紀', '佐藤由紀 ')).toBe(true)
    expect(samePerson('ＳＡＴＯ', 'sato')).toBe(true)
    expect(samePerson('佐藤さん', '鈴木さん')).toBe(false)
    expect(samePerson('  ', '')).toBe(false)
    expect(personKey(' Mori  Aya ')).toBe('moriaya')
  })
})

describe('followUpState', () => {
  it('is due from the date on and coming up in the seven days before', () => {
    expect(followUpState('2026-11-20', DAY)).toBe('due')
    expect(followUpState(DAY, DAY)).toBe('due')
    expect(followUpState('2026-11-25', DAY)).toBe('coming')
    expect(followUpState('2026-12-01', DAY)).toBe('coming')
    expect(followUpState('2026-12-02', DAY)).toBe(null)
    expect(followUpState(null, DAY)).toBe(null)
  })
})

describe('keepInTouch', () => {
  it('lists due follow-ups first, then the ones coming up, and not the far ones', () => {
    const list = keepInTouch(
      [
        contact('a', '佐藤さん', '2026-11-10', '2026-11-28'),
        contact('b', '田中さん', '2026-11-01', '2026-11-15'),
        contact('c', '森さん', '2026-11-20', DAY),
        contact('d', '山田さん', '2026-11-20', '2026-12-20'),
        contact('e', '林さん', '2026-11-20', null),
      ],
      DAY,
    )
    expect(list.map((i) => [i.contact.id, i.state, i.daysLate])).toEqual([
      ['b', 'due', 9],
      ['c', 'due', 0],
      ['a', 'coming', -4],
    ])
  })

  it('clears when a newer contact with the same person is logged, whatever its spelling', () => {
    const first = contact('a', 'Sato Yuki', '2026-11-10', '2026-11-20')
    expect(keepInTouch([first], DAY)).toHaveLength(1)
    expect(keepInTouch([first, contact('b', 'sato yuki ', '2026-11-22')], DAY)).toEqual([])
  })

  it('is not cleared by a contact with someone else, or by one dated the same day or earlier', () => {
    const first = contact('a', '佐藤さん', '2026-11-10', '2026-11-20')
    const others = [contact('b', '鈴木さん', '2026-11-22'), contact('c', '佐藤さん', '2026-11-10'), contact('d', '佐藤さん', '2026-11-01')]
    expect(keepInTouch([first, ...others], DAY).map((i) => i.contact.id)).toEqual(['a'])
  })

  it('follows the newest contact: a new follow-up with the person replaces the old one', () => {
    const list = keepInTouch(
      [contact('a', '佐藤さん', '2026-11-01', '2026-11-10'), contact('b', '佐藤さん', '2026-11-20', '2026-11-27')],
      DAY,
    )
    expect(list.map((i) => [i.contact.id, i.state])).toEqual([['b', 'coming']])
  })

  it('shows a person once when two contacts of the same day ask for a follow-up', () => {
    const list = keepInTouch(
      [contact('a', '佐藤さん', '2026-11-20', '2026-11-23'), contact('b', '佐藤 さん', '2026-11-20', '2026-11-26')],
      DAY,
    )
    expect(list.map((i) => i.contact.id)).toEqual(['a'])
  })

  it('drops a follow-up she marked done (follow_up_on emptied)', () => {
    expect(keepInTouch([contact('a', '佐藤さん', '2026-11-10', null)], DAY)).toEqual([])
  })
})

describe('groupByKind', () => {
  it('groups newest first in the order of the kinds and leaves out empty kinds', () => {
    const groups = groupByKind([
      contact('a', 'A', '2026-11-01', null, 'mentor'),
      contact('b', 'B', '2026-11-02', null, 'peer'),
      contact('c', 'C', '2026-11-03', null, 'peer'),
      contact('d', 'D', '2026-11-03', null, 'unknown'),
    ])
    expect(groups.map((g) => [g.kind, g.contacts.map((c) => c.id)])).toEqual([
      ['peer', ['c', 'b']],
      ['mentor', ['a']],
      ['other', ['d']],
    ])
  })
})

describe('sameDayFollowUps', () => {
  it('finds the same person’s follow-ups logged the same day, which the date rule leaves alone', () => {
    const contacts = [
      contact('a', '佐藤さん', DAY, DAY),
      contact('b', '佐藤さん', '2026-11-20', DAY), // older: cleared by the date rule already
      contact('c', '鈴木さん', DAY, DAY),
      contact('d', '佐藤 さん', DAY, null),
    ]
    const added = contact('new', 'さとう', DAY)
    expect(sameDayFollowUps(contacts, added)).toEqual([])
    expect(sameDayFollowUps(contacts, contact('new', '佐藤さん', DAY)).map((c) => c.id)).toEqual(['a'])
    expect(sameDayFollowUps(contacts, contact('a', '佐藤さん', DAY))).toEqual([])
  })
})
