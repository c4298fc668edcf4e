// The self-check score and bands against every shared vector in
// content/selfcheck_cases.json (the server's pytest runs the same file), scored with the
// questionnaire the PWA bundles (content/selfcheck.yaml).
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import cases from '../../../content/selfcheck_cases.json'
import source from '../../../content/selfcheck.yaml?raw'
import {
  answerProblems,
  bandFor,
  isComplete,
  parseQuestionnaire,
  score,
  type Answers,
  type Questionnaire,
} from '../../src/tools/selfcheck'

type Case =
  | { name: string; input: { questionnaire: string; answers: Answers }; expect: { score: number; band: string } }
  | { name: string; input: { weights: Record<string, number>; answers: Answers }; expect: { score: number } }
  | { name: string; input: { questionnaire: string; score: number }; expect: { band: string } }

const CASES = cases as Case[]
const Q = parseQuestionnaire(parse(source))

/** A questionnaire of just these weights (for rounding edges the real one cannot reach). */
function ofWeights(weights: Record<string, number>): Questionnaire {
  return {
    ...Q,
    questions: Object.entries(weights).map(([key, weight]) => ({ key, weight, area: 'sign', ja: key, en: key })),
  }
}

describe('selfcheck_cases.json', () => {
  it('has cases of every kind', () => {
    expect(CASES.some((c) => 'answers' in c.input && 'questionnaire' in c.input)).toBe(true)
    expect(CASES.some((c) => 'weights' in c.input)).toBe(true)
    expect(CASES.some((c) => 'score' in c.input)).toBe(true)
  })

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const input = c.input
    if ('weights' in input) {
      expect(score(ofWeights(input.weights), input.answers)).toBe((c.expect as { score: number }).score)
      return
    }
    expect(input.questionnaire).toBe(Q.version)
    if ('answers' in input) {
      const expected = c.expect as { score: number; band: string }
      expect(answerProblems(Q, input.answers)).toEqual([])
      const value = score(Q, input.answers)
      expect(value).toBe(expected.score)
      expect(bandFor(Q, value).key).toBe(expected.band)
    } else {
      expect(bandFor(Q, input.score).key).toBe((c.expect as { band: string }).band)
    }
  })
})

describe('the bundled questionnaire', () => {
  it('is complete in both languages', () => {
    for (const q of Q.questions) expect(q.ja && q.en).toBeTruthy()
    for (const b of Q.bands) expect(b.ja.title && b.ja.text && b.en.title && b.en.text).toBeTruthy()
    expect(Q.scale.map((s) => s.value)).toEqual([0, 1, 2, 3])
  })

  it('scores a full set of answers 0..100 and knows when it is complete', () => {
    const all = (n: number) => Object.fromEntries(Q.questions.map((q) => [q.key, n]))
    expect(score(Q, all(0))).toBe(0)
    expect(score(Q, all(3))).toBe(100)
    expect(isComplete(Q, all(1))).toBe(true)
    expect(isComplete(Q, { [Q.questions[0].key]: 1 })).toBe(false)
  })

  it('names answers the server would refuse', () => {
    expect(answerProblems(Q, { nope: 1, [Q.questions[0].key]: 4 })).toEqual(['nope', Q.questions[0].key])
  })
})

describe('parseQuestionnaire', () => {
  const good = parse(source)

  it('refuses a weight outside 1..3, a band order that goes down, a missing translation', () => {
    const copy = () => structuredClone(good)
    const heavy = copy()
    heavy.questions[0].weight = 4
    expect(() => parseQuestionnaire(heavy)).toThrow(/weight/)
    const bands = copy()
    bands.bands[1].max = 10
    expect(() => parseQuestionnaire(bands)).toThrow(/max/)
    const untranslated = copy()
    delete untranslated.questions[1].en
    expect(() => parseQuestionnaire(untranslated)).toThrow(/questions\[1\]\.en/)
    const open = copy()
    open.bands.at(-1).max = 99
    expect(() => parseQuestionnaire(open)).toThrow(/max: 100/)
  })
})
