// The earnings-gap calculator: what staying on the mommy track costs over a career, from
// a few numbers she knows. Pure arithmetic on the phone (src/tools/earnings.ts), so it
// works offline; the latest result is kept for the 1:1 brief and can be copied.
import '../guide/guide.css'

import { useMemo, useState } from 'preact/hooks'

import { useSession } from '../components/context'
import { showToast } from '../components/toast'
import { getLang, type Lang } from '../i18n'
import { t, type GuideKey } from '../i18n/guide'
import { today } from '../time'
import {
  LIMITS,
  WHOLE,
  checkEarnings,
  earningsGap,
  type EarningsField,
  type EarningsInput,
  type EarningsResult,
} from '../tools/earnings'
import { keepLatestEarnings, readLatestEarnings, type SavedEarnings } from '../tools/earnings-latest'
import { LineChart, niceTicks } from '../tools/line-chart'
import { roughYen, tableYen, tickYen, yen } from '../tools/yen'
import type { ScreenProps } from './props'

// A common case, not a promise: a ¥4.8M salary, raises of 2.5 % held to 1 % for five
// years, 25 years to go, a ¥30,000-a-month position allowance from year 10, and a
// retirement allowance of 24 months' pay.
export const DEFAULTS: EarningsInput = {
  salary: 4_800_000,
  raise_pct: 2.5,
  track_raise_pct: 1,
  years: 25,
  track_years: 5,
  allowance: 360_000,
  allowance_from: 10,
  retirement_months: 24,
}

const FIELDS: Array<{ name: EarningsField; unit: GuideKey; decimal?: boolean }> = [
  { name: 'salary', unit: 'earnings.unit_yen' },
  { name: 'raise_pct', unit: 'earnings.unit_pct', decimal: true },
  { name: 'track_raise_pct', unit: 'earnings.unit_pct', decimal: true },
  { name: 'years', unit: 'earnings.unit_years' },
  { name: 'track_years', unit: 'earnings.unit_years' },
  { name: 'allowance', unit: 'earnings.unit_yen' },
  { name: 'allowance_from', unit: 'earnings.unit_year_n' },
  { name: 'retirement_months', unit: 'earnings.unit_months' },
]

type Values = Record<EarningsField, string>

function toValues(input: EarningsInput): Values {
  const out = {} as Values
  for (const { name } of FIELDS) out[name] = String(input[name])
  return out
}

/** "４，８００，０００" or "4,800,000円" → 4800000; NaN when it is not a number. */
function readNumber(text: string): number {
  const plain = text
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，、\s円%％]/g, '')
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return Number.NaN
  return Number(plain)
}

function summaryLine(input: EarningsInput, result: EarningsResult, lang: Lang): string {
  return t('earnings.copy_line', {
    total: roughYen(result.total_gap, lang),
    salary: roughYen(input.salary, lang),
    r: input.raise_pct,
    rs: input.track_raise_pct,
    t: input.track_years,
    n: input.years,
  })
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text)
      return
    } catch {
      // Some browsers refuse without a secure context or permission: try the old way.
    }
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  const ok = document.execCommand('copy')
  area.remove()
  if (!ok) throw new Error('copy refused')
}

export default function Earnings(_props: ScreenProps) {
  const { user } = useSession()
  const lang = getLang()
  const [values, setValues] = useState<Values>(() => toValues(readLatestEarnings()?.inputs ?? DEFAULTS))

  const { input, errors } = useMemo(() => {
    const parsed = {} as EarningsInput
    const bad: Partial<Record<EarningsField, string>> = {}
    for (const { name } of FIELDS) {
      const n = readNumber(values[name])
      parsed[name] = n
      if (Number.isNaN(n)) bad[name] = values[name].trim() ? t('earnings.err_number') : t('err.required')
    }
    for (const problem of checkEarnings(parsed)) {
      if (bad[problem.field]) continue
      bad[problem.field] = t(WHOLE.has(problem.field) ? 'err.int_range' : 'earnings.err_range', {
        min: problem.min,
        max: problem.max,
      })
    }
    return { input: parsed, errors: bad }
  }, [values, lang])

  const valid = Object.keys(errors).length === 0
  const result = useMemo(() => (valid ? earningsGap(input) : null), [valid, input])

  const set = (name: EarningsField, value: string) => setValues((prev) => ({ ...prev, [name]: value }))

  const keep = () => {
    if (!result) return
    const saved: SavedEarnings = {
      date: today(user?.time_zone ?? 'Asia/Tokyo'),
      total_gap: result.total_gap,
      pay_gap: result.pay_gap,
      allowance_gap: result.allowance_gap,
      retirement_gap: result.retirement_gap,
      inputs: input,
      summary: summaryLine(input, result, lang),
    }
    try {
      keepLatestEarnings(saved)
      showToast(t('earnings.kept'))
    } catch {
      showToast(t('form.save_failed'))
    }
  }

  const copy = async () => {
    if (!result) return
    try {
      await copyText(summaryLine(input, result, lang))
      showToast(t('earnings.copied'))
    } catch {
      showToast(t('earnings.copy_failed'))
    }
  }

  return (
    <div class="earnings">
      <h1 tabIndex={-1}>{t('earnings.title')}</h1>
      <p class="lead">{t('earnings.lead')}</p>

      <form class="card" noValidate onSubmit={(e) => e.preventDefault()} aria-labelledby="earnings-form-title">
        <h2 id="earnings-form-title">{t('earnings.form_title')}</h2>
        <div class="fields">
          {FIELDS.map(({ name, unit, decimal }) => {
            const id = `earnings-${name}`
            const error = errors[name]
            const money = unit === 'earnings.unit_yen'
            const n = readNumber(values[name])
            const echo = money && !error && n > 0 ? roughYen(n, lang) : null
            const described = [error ? `${id}-err` : '', `${id}-hint`].filter(Boolean).join(' ')
            return (
              <div key={name} class="field">
                <label for={id}>{t(`earnings.${name}` as GuideKey)}</label>
                <div class="unit-input">
                  <input
                    id={id}
                    type="text"
                    inputMode={decimal ? 'decimal' : 'numeric'}
                    autoComplete="off"
                    value={values[name]}
                    onInput={(e) => set(name, e.currentTarget.value)}
                    aria-invalid={error ? 'true' : undefined}
                    aria-describedby={described}
                    data-testid={id}
                  />
                  <span class="unit" aria-hidden="true">
                    {t(unit)}
                  </span>
                </div>
                <p class="hint" id={`${id}-hint`}>
                  {t(`earnings.${name}_hint` as GuideKey, { max: LIMITS[name].max })}
                  {echo && <span> {t('earnings.echo', { amount: echo })}</span>}
                </p>
                {error && (
                  <p class="field-error" id={`${id}-err`}>
                    {error}
                  </p>
                )}
              </div>
            )
          })}
        </div>
        <button type="button" class="btn small" onClick={() => setValues(toValues(DEFAULTS))}>
          {t('earnings.reset')}
        </button>
      </form>

      {result ? <Outcome input={input} result={result} lang={lang} onKeep={keep} onCopy={copy} /> : (
        <p class="note warn" role="status">
          {t('earnings.fix_inputs')}
        </p>
      )}

      <section class="card" aria-labelledby="earnings-assumptions">
        <h2 id="earnings-assumptions">{t('earnings.assumptions')}</h2>
        <ul class="assumptions">
          <li>{t('earnings.assume_salary')}</li>
          <li>{t('earnings.assume_raise', { r: valid ? input.raise_pct : '—', rs: valid ? input.track_raise_pct : '—', t: valid ? input.track_years : '—' })}</li>
          <li>{t('earnings.assume_catchup')}</li>
          <li>{t('earnings.assume_allowance', { from: valid ? input.allowance_from : '—' })}</li>
          <li>{t('earnings.assume_retirement', { m: valid ? input.retirement_months : '—' })}</li>
          <li>{t('earnings.assume_not')}</li>
        </ul>
        <p class="muted small">
          <a href="/guide">{t('earnings.to_guide')}</a>
        </p>
      </section>
    </div>
  )
}

interface OutcomeProps {
  input: EarningsInput
  result: EarningsResult
  lang: Lang
  onKeep: () => void
  onCopy: () => void
}

function Outcome({ input, result, lang, onKeep, onCopy }: OutcomeProps) {
  const rows = result.years
  const last = rows[rows.length - 1]
  const top = Math.max(...rows.map((r) => r.cumulative))
  const scale = niceTicks(top)
  return (
    <section class="card result" aria-labelledby="earnings-result" data-testid="earnings-result">
      <h2 id="earnings-result">{t('earnings.result_title')}</h2>
      <p class="big-figure" data-testid="earnings-total" data-yen={String(result.total_gap)}>
        {result.total_gap > 0 ? t('earnings.total_rough', { amount: roughYen(result.total_gap, lang) }) : t('earnings.no_gap')}
      </p>
      <dl class="facts breakdown">
        <div>
          <dt>{t('earnings.pay_gap')}</dt>
          <dd data-testid="earnings-pay-gap" data-yen={String(result.pay_gap)}>
            {yen(result.pay_gap, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('earnings.allowance_gap')}</dt>
          <dd data-testid="earnings-allowance-gap" data-yen={String(result.allowance_gap)}>
            {yen(result.allowance_gap, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('earnings.retirement_gap')}</dt>
          <dd data-testid="earnings-retirement-gap" data-yen={String(result.retirement_gap)}>
            {yen(result.retirement_gap, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('earnings.total')}</dt>
          <dd>{yen(result.total_gap, lang)}</dd>
        </div>
      </dl>

      <div class="actions">
        <button type="button" class="btn primary" onClick={onKeep} data-testid="earnings-keep">
          {t('earnings.keep')}
        </button>
        <button type="button" class="btn" onClick={onCopy} data-testid="earnings-copy">
          {t('earnings.copy')}
        </button>
      </div>
      <p class="hint">{t('earnings.keep_hint')}</p>

      {top > 0 && (
        <>
          <h3>{t('earnings.chart_title')}</h3>
          <LineChart
            id="earnings-chart"
            testid="earnings-chart"
            points={rows.map((r) => ({ label: t('earnings.year_n', { n: r.year }), value: r.cumulative }))}
            min={0}
            max={scale.max}
            ticks={scale.ticks}
            formatTick={(v) => tickYen(v, lang)}
            area
            title={t('earnings.chart_title')}
            desc={t('earnings.chart_desc', {
              n: input.years,
              first: yen(rows[0].cumulative, lang),
              last: yen(last.cumulative, lang),
              allowance: yen(result.allowance_gap, lang),
              retirement: yen(result.retirement_gap, lang),
            })}
          />
          <p class="muted small">{t('earnings.chart_note')}</p>
        </>
      )}

      <h3 id="earnings-table-title">{t('earnings.table_title')}</h3>
      <div class="table-scroll" role="region" aria-labelledby="earnings-table-title" tabIndex={0}>
        <table class="table" data-testid="earnings-table">
          <caption class="table-unit">{t('earnings.table_unit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('earnings.col_year')}</th>
              <th scope="col" class="num">
                {t('earnings.col_normal')}
              </th>
              <th scope="col" class="num">
                {t('earnings.col_track')}
              </th>
              <th scope="col" class="num">
                {t('earnings.col_cumulative')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.year}>
                <th scope="row">{t('earnings.year_n', { n: row.year })}</th>
                <td class="num">{tableYen(row.normal, lang)}</td>
                <td class="num">{tableYen(row.track, lang)}</td>
                <td class="num">{tableYen(row.cumulative, lang)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('earnings.pay_gap')}
              </th>
              <td class="num">{tableYen(result.pay_gap, lang)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                {t('earnings.allowance_gap')}
              </th>
              <td class="num">{tableYen(result.allowance_gap, lang)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                {t('earnings.retirement_gap')}
              </th>
              <td class="num">{tableYen(result.retirement_gap, lang)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3}>
                {t('earnings.total')}
              </th>
              <td class="num" data-testid="earnings-table-total">
                {tableYen(result.total_gap, lang)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  )
}
