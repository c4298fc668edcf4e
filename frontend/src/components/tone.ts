// The career mode she chose sets the app's voice: attack nudges her to stretch,
// defence reassures ("thin and long"), and without a mode the voice stays neutral. Which
// mode covers a day is the mode tool's rule (toneOn in tools/mode.ts); these are the words.
import type { MsgKey } from '../i18n'
import type { CareerModeFields } from '../records/schema'

export type Tone = CareerModeFields['mode'] | 'neutral'

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
