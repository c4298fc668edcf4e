// The earnings-gap model (pure, no UI): what a career on the "mommy track" costs against
// the career she would have had. The same model runs on the server (server/guide/) and
// both are checked against content/earnings_cases.json.
//
// For each year t = 1..N:
//   normal_t = S · (1 + r)^t
//   track_t  = S · (1 + r_s)^min(t, T) · (1 + r)^max(0, t − T)
// pay gap        = Σ (normal_t − track_t)
// allowance gap  = A × (number of years t with allowance_from ≤ t ≤ N)
// retirement gap = M × (normal_N − track_N) / 12
// total          = pay gap + allowance gap + retirement gap
// Amounts stay unrounded inside; they are rounded to the yen (half away from zero) only
// where they leave this module.

export interface EarningsInput {
  /** S: annual salary now, yen. */
  salary: number
  /** r: the yearly raise on the normal course, percent. */
  raise_pct: number
  /** r_s: the yearly raise while on the track, percent. */
  track_raise_pct: number
  /** N: years until retirement, 1–45. */
  years: number
  /** T: years on the track, 0–N (after that, raises return to r). */
  track_years: number
  /** A: position allowance missed per year, yen. */
  allowance: number
  /** The year (1–N) from which the normal course would have paid the allowance. */
  allowance_from: number
  /** M: the retirement allowance in months of final monthly pay, 0–60. */
  retirement_months: number
}

/** One year, as the API gives it (server/guide/earnings.py); amounts in whole yen. */
export interface EarningsYear {
  year: number
  normal: number
  track: number
  /** normal − track that year. */
  gap: number
  /** The pay gap from year 1 up to and including this year. */
  cumulative: number
}

/** The same names and whole-yen amounts as the API's answer and the shared vectors. */
export interface EarningsResult {
  pay_gap: number
  allowance_gap: number
  retirement_gap: number
  total_gap: number
  years: EarningsYear[]
}

/** Bounds of each input (inclusive), as the API's; the years that depend on N are checked against it. */
export const LIMITS = {
  salary: { min: 1, max: 100_000_000 },
  raise_pct: { min: -10, max: 20 },
  track_raise_pct: { min: -10, max: 20 },
  years: { min: 1, max: 45 },
  track_years: { min: 0, max: 45 },
  allowance: { min: 0, max: 10_000_000 },
  allowance_from: { min: 1, max: 45 },
  retirement_months: { min: 0, max: 60 },
} as const satisfies Record<keyof EarningsInput, { min: number; max: number }>

export type EarningsField = keyof EarningsInput

/** Fields that take whole numbers only (the percentages may have decimals). */
export const WHOLE: ReadonlySet<EarningsField> = new Set([
  'salary',
  'years',
  'track_years',
  'allowance',
  'allowance_from',
  'retirement_months',
])

export type EarningsProblem = { field: EarningsField; min: number; max: number }

/** The inputs that are out of bounds (empty when the model can run). */
export function checkEarnings(input: EarningsInput): EarningsProblem[] {
  const problems: EarningsProblem[] = []
  const years = input.years
  for (const field of Object.keys(LIMITS) as EarningsField[]) {
    const value = input[field]
    let { min, max }: { min: number; max: number } = LIMITS[field]
    if (field === 'track_years' || field === 'allowance_from') max = Math.min(max, Number.isInteger(years) ? years : max)
    const bad =
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (WHOLE.has(field) && !Number.isInteger(value)) ||
      value < min ||
      value > max
    if (bad) problems.push({ field, min, max })
  }
  return problems
}

/** Rounds to the nearest yen, halves away from zero (Math.round alone rounds −0.5 up). */
export function roundYen(amount: number): number {
  const rounded = Math.sign(amount) * Math.round(Math.abs(amount))
  return rounded === 0 ? 0 : rounded
}

/** Runs the model. Throws a RangeError for inputs `checkEarnings` would refuse. */
export function earningsGap(input: EarningsInput): EarningsResult {
  const problems = checkEarnings(input)
  if (problems.length) throw new RangeError(`earnings input out of range: ${problems.map((p) => p.field).join(', ')}`)
  const { salary: S, years: N, track_years: T, allowance: A, allowance_from: from, retirement_months: M } = input
  const growth = 1 + input.raise_pct / 100
  const trackGrowth = 1 + input.track_raise_pct / 100

  // The same operations in the same order as the server, so both round the same doubles.
  let payGap = 0
  let normal = S
  let track = S
  const years: EarningsYear[] = []
  for (let t = 1; t <= N; t++) {
    normal = S * growth ** t
    track = S * trackGrowth ** Math.min(t, T) * growth ** Math.max(0, t - T)
    payGap += normal - track
    years.push({
      year: t,
      normal: roundYen(normal),
      track: roundYen(track),
      gap: roundYen(normal - track),
      cumulative: roundYen(payGap),
    })
  }
  const allowanceGap = A * (N - from + 1)
  const retirementGap = (M * (normal - track)) / 12
  return {
    pay_gap: roundYen(payGap),
    allowance_gap: roundYen(allowanceGap),
    retirement_gap: roundYen(retirementGap),
    total_gap: roundYen(payGap + allowanceGap + retirementGap),
    years,
  }
}
