// t() for the employer comparison and the career mode screens: their own strings
// (employers-ja.ts, employers-en.ts) plus every shell string, loaded with their chunks.
import { withMessages } from '.'
import { employersEn } from './employers-en'
import { employersJa, type EmployersKey } from './employers-ja'

export type { EmployersKey }

export const t = withMessages<EmployersKey>({ ja: employersJa, en: employersEn })
