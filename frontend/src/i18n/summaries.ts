// t() for the monthly summaries: their own strings (summaries-ja.ts, summaries-en.ts) plus
// every shell string. Imported only by the summaries' screens, so the strings arrive with
// their lazy chunks.
import { withMessages } from '.'
import { summariesEn } from './summaries-en'
import { summariesJa, type SummariesKey } from './summaries-ja'

export type { SummariesKey }

export const t = withMessages<SummariesKey>({ ja: summariesJa, en: summariesEn })
