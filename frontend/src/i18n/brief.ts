// t() for the 1:1 meeting brief: its own strings (brief-ja.ts, brief-en.ts) plus every
// shell string. Imported only by the brief's screen, so the strings arrive with its chunk.
import { withMessages } from '.'
import { briefEn } from './brief-en'
import { briefJa, type BriefKey } from './brief-ja'

export type { BriefKey }

export const t = withMessages<BriefKey>({ ja: briefJa, en: briefEn })
