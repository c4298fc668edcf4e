// Japanese (the default), the shell's dictionary: one part per area, all in the first load.
// The key list here is the reference: en.ts must have every key, and no two parts share one
// (tests/unit/i18n.test.ts). The guide's and the tools' screens have their own strings in
// guide-*.ts, brief-*.ts, … (lazy chunks).
import { accountJa } from './account-ja'
import { recordsJa } from './records-ja'
import { settingsJa } from './settings-ja'
import { shellJa } from './shell-ja'
import { todayJa } from './today-ja'

export const ja = { ...shellJa, ...recordsJa, ...accountJa, ...todayJa, ...settingsJa }

export type MsgKey = keyof typeof ja
