// Employer comparison (remedy 5): companies scored 0–5 on the guide's criteria and her own,
// with one weight per criterion, ranked by weighted total — on local records, offline.
// The rules (totals, shared weights, keys) are in tools/employers.ts.
import '../tools/employers.css'

import { useState } from 'preact/hooks'

import { useRecords } from '../components/hooks'
import { focusFirst, removeWithUndo } from '../components/remove'
import { showToast } from '../components/toast'
import { t } from '../i18n/employers'
import { listRecords, newId, saveRecord } from '../store/records'
import {
  customKey,
  isCustom,
  MAX_CRITERIA,
  LABEL_LENGTH,
  rankEmployers,
  sharedCriteria,
  withWeights,
  type EmployerFields,
  type Ranked,
} from '../tools/employers'
import { EmployerForm, type EmployerDraft } from '../tools/employers-form'
import { criterionLabel, EmployersTable, totalText } from '../tools/employers-table'
import type { LocalRecord } from '../types'
import type { ScreenProps } from './props'

type Employer = LocalRecord<EmployerFields>
type Shared = { key: string; weight: number }[]

const LOOKUPS = [
  { href: 'https://positive-ryouritsu.mhlw.go.jp/positivedb/', label: 'employers.lookup_positive' },
  { href: 'https://shokuba.mhlw.go.jp/', label: 'employers.lookup_shokuba' },
] as const

// Score and weight changes rewrite whole criteria objects, so they run one at a time on
// the records as stored (not as last drawn): two quick taps never undo each other.
let chain: Promise<unknown> = Promise.resolve()

function serial<T>(job: () => Promise<T>): Promise<T> {
  const run = chain.then(job, job)
  chain = run.catch(() => undefined)
  return run
}

async function stored(): Promise<Employer[]> {
  return (await listRecords<EmployerFields>('employer')).filter((e) => !e.deleted)
}

/** Change the shared criteria (keys and weights) in every employer, keeping each one's scores. */
function changeShared(change: (shared: Shared) => Shared): Promise<Employer[]> {
  return serial(async () => {
    const before = await stored()
    const shared = change(sharedCriteria(before))
    for (const employer of before) {
      await saveRecord<EmployerFields>('employer', employer.id, { criteria: withWeights(employer.fields.criteria, shared) })
    }
    return before
  })
}

/** Put every employer's criteria back as they were (the undo of a shared change). */
function restoreCriteria(before: Employer[]): Promise<void> {
  return serial(async () => {
    for (const employer of before) {
      await saveRecord<EmployerFields>('employer', employer.id, { criteria: employer.fields.criteria })
    }
  })
}

function setScore(id: string, key: string, score: number): Promise<unknown> {
  return serial(async () => {
    const all = await stored()
    const employer = all.find((e) => e.id === id)
    if (!employer) return
    const criteria = { ...employer.fields.criteria, [key]: { score, weight: 0 } }
    await saveRecord<EmployerFields>('employer', id, { criteria: withWeights(criteria, sharedCriteria(all)) })
  })
}

export default function Employers(_props: ScreenProps) {
  const employers = useRecords<EmployerFields>('employer')
  const [editing, setEditing] = useState<string | null>(null)

  const shared = sharedCriteria(employers ?? [])
  const ranked = rankEmployers(employers ?? [], shared)

  const add = async (draft: EmployerDraft) => {
    await serial(async () => {
      const criteria = withWeights({}, sharedCriteria(await stored()))
      await saveRecord<EmployerFields>('employer', newId(), { ...draft, criteria })
    })
    showToast(t('employers.added', { name: draft.name }))
  }

  /** Opens or closes a card's editor; closing puts focus back on that card's edit button. */
  const edit = (id: string | null) => {
    const closing = editing
    setEditing(id)
    if (id) requestAnimationFrame(() => document.getElementById(`employer-${id}-name`)?.focus())
    else if (closing) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-testid="employer-card"][data-id="${CSS.escape(closing)}"] .employer-edit`)?.focus(),
      )
    }
  }

  const update = async (employer: Employer, draft: EmployerDraft) => {
    await saveRecord<EmployerFields>('employer', employer.id, draft)
    edit(null)
    showToast(t('employers.saved'))
  }

  // The card and its button are gone: keep her place at the list (or its empty state).
  const remove = (employer: Employer) =>
    removeWithUndo('employer', employer.id, t('employers.deleted', { name: employer.fields.name }), () =>
      focusFirst('employers-ranking-title', 'employers-empty-title'),
    )

  const score = (employer: Employer, key: string, value: number) =>
    setScore(employer.id, key, value).catch((err) => {
      console.error('ippo: score', err)
      showToast(t('form.save_failed'))
    })

  const weigh = async (key: string, weight: number) => {
    try {
      const before = await changeShared((now) => now.map((c) => (c.key === key ? { key, weight } : c)))
      showToast(t('employers.weight_saved', { criterion: criterionLabel(key), weight }), { undo: () => restoreCriteria(before) })
    } catch (err) {
      console.error('ippo: weight', err)
      showToast(t('form.save_failed'))
    }
  }

  const dropCriterion = async (key: string) => {
    try {
      const before = await changeShared((now) => now.filter((c) => c.key !== key))
      showToast(t('employers.criterion_removed', { criterion: criterionLabel(key) }), { undo: () => restoreCriteria(before) })
    } catch (err) {
      console.error('ippo: criterion', err)
      showToast(t('form.save_failed'))
    }
  }

  const addCriterion = async (key: string) => {
    await changeShared((now) => (now.some((c) => c.key === key) ? now : [...now, { key, weight: 3 }]))
  }

  return (
    <div class="employers">
      <h1 tabIndex={-1}>{t('employers.title')}</h1>
      <p class="lead">{t('employers.lead')}</p>

      {employers === null ? (
        <p class="loading">{t('app.loading')}</p>
      ) : employers.length === 0 ? (
        <section class="card empty-card" data-testid="employers-empty" aria-labelledby="employers-empty-title">
          <h2 id="employers-empty-title" tabIndex={-1}>{t('employers.empty_title')}</h2>
          <p>{t('employers.empty_body')}</p>
          <a href="/guide/flexible-fair-employer">{t('employers.empty_guide')}</a>
        </section>
      ) : (
        <>
          <Ranking ranked={ranked} editing={editing} onEdit={edit} onUpdate={update} onDelete={remove} />
          <section class="card" aria-labelledby="employers-table-title">
            <h2 id="employers-table-title">{t('employers.table_title')}</h2>
            <p class="hint">{t('employers.scale')}</p>
            <EmployersTable ranked={ranked} shared={shared} onScore={score} onWeight={weigh} onRemove={dropCriterion} />
            <p class="formula small" data-testid="employers-formula">{t('employers.formula')}</p>
            {ranked.every((r) => r.total === null) && <p class="note warn">{t('employers.no_weights')}</p>}
            <AddCriterion keys={shared.map((c) => c.key)} onAdd={addCriterion} />
            <CriteriaHelp shared={shared} />
          </section>
        </>
      )}

      <section class="card" aria-labelledby="employers-add-title">
        <h2 id="employers-add-title">{t('employers.add_title')}</h2>
        <EmployerForm idPrefix="new" submitLabel={t('employers.add')} onSave={add} />
      </section>

      <section class="card" aria-labelledby="employers-lookup-title">
        <h2 id="employers-lookup-title">{t('employers.lookup_title')}</h2>
        <p class="small">{t('employers.lookup_body')}</p>
        <ul class="lookup-links">
          {LOOKUPS.map((link) => (
            <li key={link.href}>
              <a href={link.href} target="_blank" rel="noopener" data-testid="employers-lookup">
                {t(link.label)}
                <span class="sr-only"> {t('employers.new_tab')}</span>
                <span aria-hidden="true"> ↗</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

interface RankingProps {
  ranked: Ranked<Employer>[]
  editing: string | null
  onEdit(id: string | null): void
  onUpdate(employer: Employer, draft: EmployerDraft): Promise<void>
  onDelete(employer: Employer): void
}

function Ranking({ ranked, editing, onEdit, onUpdate, onDelete }: RankingProps) {
  return (
    <section class="card" aria-labelledby="employers-ranking-title">
      <h2 id="employers-ranking-title" tabIndex={-1}>{t('employers.ranking')}</h2>
      <ol class="plain employer-cards">
        {ranked.map(({ employer, total, rank }) => {
          const f = employer.fields
          return (
            <li key={employer.id} class="employer-card" data-testid="employer-card" data-id={employer.id}
              data-total={total === null ? '' : String(total)} data-rank={String(rank)}>
              <div class="employer-head">
                <span class="rank-badge">{t('employers.rank', { n: rank })}</span>
                <strong class="employer-name">{f.name}</strong>
                <span class="employer-total">{total === null ? t('employers.total_none') : t('employers.total', { total })}</span>
              </div>
              <div class="total-bar" role="img" aria-label={t('employers.total_bar', { name: f.name, total: totalText(total) })}>
                <span style={{ width: `${total ?? 0}%` }} />
              </div>
              {f.note && <p class="small employer-note">{f.note}</p>}
              {editing === employer.id ? (
                <EmployerForm idPrefix={employer.id} initial={{ name: f.name, url: f.url ?? '', note: f.note ?? '' }}
                  submitLabel={t('form.save')} onSave={(draft) => onUpdate(employer, draft)} onCancel={() => onEdit(null)} />
              ) : (
                <div class="actions">
                  {f.url && (
                    <a class="btn small" href={f.url} target="_blank" rel="noopener noreferrer">
                      {t('employers.open_site')}
                      <span class="sr-only"> {t('employers.new_tab')}</span>
                    </a>
                  )}
                  <button type="button" class="btn small employer-edit" onClick={() => onEdit(employer.id)}
                    aria-label={t('employers.edit_label', { name: f.name })}>
                    {t('employers.edit')}
                  </button>
                  <button type="button" class="btn small danger" data-testid="employer-delete" data-id={employer.id}
                    onClick={() => onDelete(employer)} aria-label={t('employers.delete_label', { name: f.name })}>
                    {t('employers.delete')}
                  </button>
                </div>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}

function AddCriterion({ keys, onAdd }: { keys: string[]; onAdd(key: string): Promise<void> }) {
  const [label, setLabel] = useState('')
  const [error, setError] = useState('')

  const add = async (e: Event) => {
    e.preventDefault()
    const made = customKey(label, keys)
    if ('problem' in made) {
      const messages = {
        required: t('err.required'),
        too_long: t('employers.err_too_long', { max: LABEL_LENGTH }),
        exists: t('employers.err_exists'),
        too_many: t('employers.err_too_many', { max: MAX_CRITERIA }),
      }
      setError(messages[made.problem])
      document.getElementById('criterion-new')?.focus()
      return
    }
    setError('')
    try {
      await onAdd(made.key)
      setLabel('')
      showToast(t('employers.criterion_added', { criterion: criterionLabel(made.key) }))
    } catch (err) {
      console.error('ippo: criterion', err)
      setError(t('form.save_failed'))
    }
  }

  return (
    <form class="add-criterion" noValidate onSubmit={add}>
      <h3>{t('employers.criterion_add_title')}</h3>
      <label for="criterion-new">{t('employers.criterion_add_label')}</label>
      <div class="inline">
        <input id="criterion-new" data-testid="criterion-add-label" type="text" maxLength={LABEL_LENGTH} value={label}
          placeholder={t('employers.criterion_add_ph')} onInput={(e) => setLabel(e.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'criterion-new-err' : undefined} />
        <button type="submit" class="btn" data-testid="criterion-add">{t('employers.criterion_add')}</button>
      </div>
      {error && <p class="field-error" id="criterion-new-err">{error}</p>}
    </form>
  )
}

function CriteriaHelp({ shared }: { shared: Shared }) {
  return (
    <details class="criteria-help">
      <summary>{t('employers.criteria_help')}</summary>
      <dl>
        {shared.map(({ key }) => (
          <div key={key}>
            <dt>{criterionLabel(key)}</dt>
            <dd>{isCustom(key) ? t('employers.own_criterion') : helpText(key)}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}

function helpText(key: string): string {
  return t(`employers.help.${key}` as Parameters<typeof t>[0])
}
