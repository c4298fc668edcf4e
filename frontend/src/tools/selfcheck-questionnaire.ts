// The current self-check questionnaire, from content/selfcheck.yaml, turned into JSON at
// build time (vite-content.ts) and checked here once. It rides in the self-check's lazy
// chunk, so it works offline and costs the first load nothing.
import data from '../../../content/selfcheck.yaml'
import { parseQuestionnaire, type Questionnaire } from './selfcheck'

export const QUESTIONNAIRE: Questionnaire = parseQuestionnaire(data)
