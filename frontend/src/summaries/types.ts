// The monthly summaries as the server sends them (server/summaries/README.md, figures
// version 1). The figures are data, never text: the app words them in her language.

/** This month, the month before, and the average of the three months before. */
export interface Compared {
  value: number
  /** null for a month before her account existed. */
  prev: number | null
  /** null when none of the three months before existed for her. */
  avg3: number | null
}

import type { Place } from '../tools/learning'

export type { Place }

export type Area = 'checklist' | 'efficiency' | 'goals' | 'learning' | 'network' | 'self_check' | 'steady'

export interface Outcome extends Compared {
  unit: string
  /** Efficiency logs with this unit this month. */
  entries: number
}

export interface Improvement {
  task: string
  improvement: string
  minutes_saved: number
  entries: number
}

export interface SelfCheckFigure {
  score: number
  date: string
  taken_in_month: boolean
  previous_score: number | null
  previous_date: string | null
  /** score - previous_score: lower means fewer signs, so a negative change is good. */
  change: number | null
}

export interface CareerModeFigure {
  mode: 'attack' | 'defence'
  starts: string
  ends: string
  purpose: string
  focus: string
  /** Counts the day the figures were computed. */
  days_left: number
}

export interface NextStepFigure {
  area: Area
  chapter: string | null
  gentle: boolean
}

export interface Figures {
  version: number
  month: string
  time_zone: string
  computed_on: string
  period: { start: string; end: string; days: number }
  efficiency: {
    entries: Compared
    minutes_spent: Compared
    minutes_saved: Compared
    hours_saved: Compared
    outcomes: Outcome[]
    top_improvements: Improvement[]
  }
  learning: {
    minutes: Compared
    sessions: Compared
    minutes_by_place: Record<Place, number>
  }
  network: {
    contacts: Compared
    follow_ups_due: Compared
  }
  checklist: {
    active_items: number
    checks_done: Compared
    completion_percent: Compared
    best_streak: Compared
  }
  self_check: SelfCheckFigure | null
  goals: {
    done: Compared
    open: number
    overdue: number
    due_next_month: number
  }
  career_mode: CareerModeFigure | null
  next_step: NextStepFigure
}

export type SummaryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped'

export interface Headline {
  entries: number
  minutes_saved: number
  hours_saved: number
  learning_minutes: number
  contacts: number
  completion_percent: number
}

/** One row of GET /api/summaries (newest month first). */
export interface SummaryListItem {
  month: string
  status: SummaryStatus
  sent_at: string | null
  headline: Headline
}

/** GET /api/summaries/<month>. */
export interface SummaryDetail extends SummaryListItem {
  figures: Figures
  next_step: NextStepFigure & {
    /** The server's wording, in the language it answered in. */
    line: string
    chapter_title: string | null
    /** An absolute link to the server-rendered chapter (used by the email). */
    chapter_url: string | null
  }
}

/** The figures' shape this app knows how to draw. */
export const FIGURES_VERSION = 1
