// t() for the tools hub: its own strings plus every shell string (lazy chunk).
import { withMessages } from '.'
import { toolsEn } from './tools-en'
import { toolsJa, type ToolsKey } from './tools-ja'

export type { ToolsKey }

export const t = withMessages<ToolsKey>({ ja: toolsJa, en: toolsEn })
