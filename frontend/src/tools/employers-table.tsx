// The side-by-side view: criteria as rows (with the one shared weight in the sticky first
// column), companies as columns in rank order, scrolling sideways on a phone.
import { t, type EmployersKey } from '../i18n/employers'
import type { LocalRecord } from '../types'
import { customLabel, isCustom, isDefault, MAX_SCORE, MAX_WEIGHT, type EmployerFields, type Ranked } from './employers'

type Employer = LocalRecord<EmployerFields>
const STEPS = Array.from({ length: MAX_SCORE + 1 }, (_, n) => n)

/** What she reads for a criterion key: the guide's name, her own label, or the raw key. */
export function criterionLabel(key: string): string {
  if (isDefault(key)) return t(`employers.criterion.${key}` as EmployersKey)
  if (isCustom(key)) return customLabel(key)
  return key
}

export function totalText(total: number | null): string {
  return total === null ? '—' : String(total)
}

interface Props {
  ranked: Ranked<Employer>[]
  shared: { key: string; weight: number }[]
  onScore(employer: Employer, key: string, score: number): void
  onWeight(key: string, weight: number): void
  onRemove(key: string): void
}

export function EmployersTable({ ranked, shared, onScore, onWeight, onRemove }: Props) {
  return (
    <div class="employers-scroll" role="region" aria-labelledby="employers-table-caption" tabIndex={0}>
      <table class="employers-table" data-testid="employers-table">
        <caption id="employers-table-caption" class="sr-only">{t('employers.table_label')}</caption>
        <thead>
          <tr>
            <th scope="col" class="criterion-col">
              {t('employers.criterion')} / {t('employers.weight')}
            </th>
            {ranked.map(({ employer, rank }) => (
              <th scope="col" key={employer.id} class="employer-col">
                <span class="rank-badge">{t('employers.rank', { n: rank })}</span>
                <span class="employer-col-name">{employer.fields.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shared.map(({ key, weight }) => {
            const label = criterionLabel(key)
            return (
              <tr key={key}>
                <th scope="row" class="criterion-col">
                  <span class="criterion-name">{label}</span>
                  <span class="criterion-tools">
                    <label class="sr-only" for={`weight-${key}`}>{t('employers.weight_label', { criterion: label })}</label>
                    <span class="weight-prefix" aria-hidden="true">{t('employers.weight')}</span>
                    <select id={`weight-${key}`} class="weight-select" data-testid="criterion-weight" data-criterion={key}
                      value={String(weight)} onChange={(e) => onWeight(key, Number(e.currentTarget.value))}>
                      {Array.from({ length: MAX_WEIGHT + 1 }, (_, n) => (
                        <option key={n} value={String(n)}>{`×${n}`}</option>
                      ))}
                    </select>
                    {!isDefault(key) && (
                      <button type="button" class="icon-btn remove-criterion" data-testid="criterion-remove" data-criterion={key}
                        onClick={() => onRemove(key)}>
                        <span aria-hidden="true">×</span>
                        <span class="sr-only">{t('employers.criterion_remove', { criterion: label })}</span>
                      </button>
                    )}
                  </span>
                </th>
                {ranked.map(({ employer }) => {
                  const score = employer.fields.criteria?.[key]?.score ?? 0
                  return (
                    <td key={employer.id} class={weight === 0 ? 'unweighted' : undefined}>
                      <select class={`score-select s${score}`} data-testid="employer-score" data-employer={employer.id}
                        data-criterion={key} value={String(score)}
                        aria-label={t('employers.score_label', { employer: employer.fields.name, criterion: label })}
                        onChange={(e) => onScore(employer, key, Number(e.currentTarget.value))}>
                        {STEPS.map((n) => (
                          <option key={n} value={String(n)}>{n}</option>
                        ))}
                      </select>
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" class="criterion-col">{t('employers.total_row')}</th>
            {ranked.map(({ employer, total }) => (
              <td key={employer.id} class="total-cell" data-testid="employer-total" data-employer={employer.id}>
                {totalText(total)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
