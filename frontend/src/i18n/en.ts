// English: every key of ja.ts, part by part (each part's type makes a missing key a
// compile error).
import { accountEn } from './account-en'
import type { MsgKey } from './ja'
import { recordsEn } from './records-en'
import { settingsEn } from './settings-en'
import { shellEn } from './shell-en'
import { todayEn } from './today-en'

export const en: Record<MsgKey, string> = { ...shellEn, ...recordsEn, ...accountEn, ...todayEn, ...settingsEn }
