// The career mode she chose sets the app's voice: attack nudges her to stretch,
// defence reassures ("thin and long"), and without a mode the voice stays neutral.
import type { MsgKey } from '../i18n'
import { currentMode } from '../tools/mode'
import type { LocalRecord } from '../types'
import type { CareerModeFields } from '../records/schema'

export type Tone = 'attack' | 'defence' | 'neutral'

/** The mode whose period covers `day` (the most recently started one wins); see tools/mode.ts. */
export function activeMode(
  modes: LocalRecord<CareerModeFields>[] | null,
  day: string,
): LocalRecord<CareerModeFields> | undefined {
  return currentMode(modes, day)
}

/** The voice for `day`: the current mode's, or neutral without one. */
export function toneOn(modes: LocalRecord<CareerModeFields>[] | null, day: string): Tone {
  return activeMode(modes, day)?.fields.mode ?? 'neutral'
}

type ToneText = 'greeting' | 'saved' | 'all_done' | 'streak_hint'

const KEYS: Record<Tone, Record<ToneText, MsgKey>> = {
  attack: {
    greeting: 'tone.attack.greeting',
    saved: 'tone.attack.saved',
    all_done: 'tone.attack.all_done',
    streak_hint: 'tone.attack.streak_hint',
  },
  defence: {
    greeting: 'tone.defence.greeting',
    saved: 'tone.defence.saved',
    all_done: 'tone.defence.all_done',
    streak_hint: 'tone.defence.streak_hint',
  },
  neutral: {
    greeting: 'tone.neutral.greeting',
    saved: 'tone.neutral.saved',
    all_done: 'tone.neutral.all_done',
    streak_hint: 'tone.neutral.streak_hint',
  },
}

export function toneKey(tone: Tone, text: ToneText): MsgKey {
  return KEYS[tone][text]
}
