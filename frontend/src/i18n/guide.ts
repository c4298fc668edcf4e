// t() for the guide, the self-check and the earnings-gap calculator: their own strings
// (guide-ja.ts, guide-en.ts) plus every shell string. Imported only by those screens, so
// the strings arrive with their lazy chunks.
import { withMessages } from '.'
import { guideEn } from './guide-en'
import { guideJa, type GuideKey } from './guide-ja'

export type { GuideKey }

export const t = withMessages<GuideKey>({ ja: guideJa, en: guideEn })
