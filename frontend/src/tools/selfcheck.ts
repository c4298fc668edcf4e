// The self-check (pure, no UI): the questionnaire's shape, the score and the band. The
// server scores the same answers with the same integer formula (content/README.md); both
// are checked against content/selfcheck_cases.json.
//
//   S = Σ weight × answer   over the answered questions
//   W = 3 × Σ weight        over all questions
//   score = (200 × S + W) // (2 × W)     (0–100, halves rounded up, integers only)
import type { Lang } from '../i18n'

export type Area = 'sign' | 'element' | 'cause'

export interface ScaleStep {
  value: number
  ja: string
  en: string
}

export interface Question {
  key: string
  area: Area
  weight: number
  ja: string
  en: string
}

export interface BandText {
  title: string
  text: string
}

export interface Band {
  key: string
  /** Highest score (inclusive) in this band; the last band's is 100. */
  max: number
  ja: BandText
  en: BandText
  chapters: string[]
  tools: string[]
}

export interface Questionnaire {
  version: string
  scale: ScaleStep[]
  questions: Question[]
  bands: Band[]
}

export type Answers = Record<string, number>

export const MAX_ANSWER = 3
const AREAS: readonly Area[] = ['sign', 'element', 'cause']

class QuestionnaireError extends Error {
  constructor(message: string) {
    super(`selfcheck.yaml: ${message}`)
    this.name = 'QuestionnaireError'
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new QuestionnaireError(`${where} must be a non-empty string`)
  return value
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new QuestionnaireError(`${where} must be a list`)
  return value
}

function words(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return []
  return list(value, where).map((item, i) => text(item, `${where}[${i}]`))
}

/**
 * Checks what the YAML file gave us and returns it typed. A writer's mistake (a missing
 * translation, a weight of 4, bands out of order) fails the build's tests, not her phone.
 */
export function parseQuestionnaire(data: unknown): Questionnaire {
  if (!isObject(data)) throw new QuestionnaireError('the top level must be a mapping')
  const version = data.version
  if ((typeof version !== 'string' && typeof version !== 'number') || !String(version).trim()) {
    throw new QuestionnaireError('version is missing')
  }

  const scale = list(data.scale, 'scale').map((raw, i): ScaleStep => {
    if (!isObject(raw)) throw new QuestionnaireError(`scale[${i}] must be a mapping`)
    if (raw.value !== i) throw new QuestionnaireError(`scale[${i}].value must be ${i}`)
    return { value: i, ja: text(raw.ja, `scale[${i}].ja`), en: text(raw.en, `scale[${i}].en`) }
  })
  if (scale.length !== MAX_ANSWER + 1) throw new QuestionnaireError(`scale must have ${MAX_ANSWER + 1} steps (0–${MAX_ANSWER})`)

  const seen = new Set<string>()
  const questions = list(data.questions, 'questions').map((raw, i): Question => {
    if (!isObject(raw)) throw new QuestionnaireError(`questions[${i}] must be a mapping`)
    const key = text(raw.key, `questions[${i}].key`)
    if (!/^[a-z_]+$/.test(key)) throw new QuestionnaireError(`questions[${i}].key "${key}" may use a-z and _ only`)
    if (seen.has(key)) throw new QuestionnaireError(`questions[${i}].key "${key}" is used twice`)
    seen.add(key)
    const area = raw.area as Area
    if (!AREAS.includes(area)) throw new QuestionnaireError(`questions[${i}].area must be one of ${AREAS.join(', ')}`)
    const weight = raw.weight
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1 || weight > 3) {
      throw new QuestionnaireError(`questions[${i}].weight must be a whole number 1..3`)
    }
    return { key, area, weight, ja: text(raw.ja, `questions[${i}].ja`), en: text(raw.en, `questions[${i}].en`) }
  })
  if (!questions.length) throw new QuestionnaireError('questions is empty')

  let previous = -1
  const bands = list(data.bands, 'bands').map((raw, i): Band => {
    if (!isObject(raw)) throw new QuestionnaireError(`bands[${i}] must be a mapping`)
    const max = raw.max
    if (typeof max !== 'number' || !Number.isInteger(max) || max <= previous || max > 100) {
      throw new QuestionnaireError(`bands[${i}].max must be a whole number above the previous band's, at most 100`)
    }
    previous = max
    const lang = (l: Lang): BandText => {
      const block = raw[l]
      if (!isObject(block)) throw new QuestionnaireError(`bands[${i}].${l} must be a mapping with title and text`)
      return { title: text(block.title, `bands[${i}].${l}.title`), text: text(block.text, `bands[${i}].${l}.text`) }
    }
    return {
      key: text(raw.key, `bands[${i}].key`),
      max,
      ja: lang('ja'),
      en: lang('en'),
      chapters: words(raw.chapters, `bands[${i}].chapters`),
      tools: words(raw.tools, `bands[${i}].tools`),
    }
  })
  if (!bands.length || previous !== 100) throw new QuestionnaireError('the last band must have max: 100')

  return { version: String(version), scale, questions, bands }
}

/** The keys of `answers` that are not questions, and the values that are not 0..3. */
export function answerProblems(q: Questionnaire, answers: Answers): string[] {
  const keys = new Set(q.questions.map((question) => question.key))
  return Object.entries(answers)
    .filter(([key, value]) => !keys.has(key) || !Number.isInteger(value) || value < 0 || value > MAX_ANSWER)
    .map(([key]) => key)
}

/** The score 0–100; unanswered questions count as 0, unknown keys are not scored. */
export function score(q: Questionnaire, answers: Answers): number {
  let S = 0
  let weights = 0
  for (const question of q.questions) {
    weights += question.weight
    const answer = answers[question.key]
    if (Number.isInteger(answer) && answer >= 0 && answer <= MAX_ANSWER) S += question.weight * answer
  }
  const W = MAX_ANSWER * weights
  // Integer floor division, as Python's //: subtract the remainder, then divide exactly.
  const top = 200 * S + W
  return (top - (top % (2 * W))) / (2 * W)
}

/** The band a score falls in: the first whose max is at least the score. */
export function bandFor(q: Questionnaire, value: number): Band {
  return q.bands.find((band) => value <= band.max) ?? q.bands[q.bands.length - 1]
}

/** True when every question has an answer. */
export function isComplete(q: Questionnaire, answers: Answers): boolean {
  return q.questions.every((question) => Number.isInteger(answers[question.key]))
}
