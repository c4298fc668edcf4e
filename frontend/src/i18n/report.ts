// t() for the weekly report: its own strings (report-ja.ts, report-en.ts) plus every shell
// string. Imported only by the report screen, so the strings arrive with its lazy chunk.
import { withMessages } from '.'
import { reportEn } from './report-en'
import { reportJa, type ReportKey } from './report-ja'

export type { ReportKey }

export const t = withMessages<ReportKey>({ ja: reportJa, en: reportEn })
