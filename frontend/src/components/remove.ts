// Deleting a record from any screen: a tap can be a mistake, so the toast offers undo, and a
// failure is said in her language. `after` runs once the record is gone (move focus, leave).
import { t } from '../i18n'
import { deleteRecord, restoreRecord } from '../store/records'
import type { RecordType } from '../types'
import { showToast } from './toast'

export async function removeWithUndo(type: RecordType, id: string, message: string, after?: () => void): Promise<boolean> {
  try {
    await deleteRecord(type, id)
  } catch (err) {
    console.error(`ippo: deleting a ${type}`, err)
    showToast(t('form.save_failed'))
    return false
  }
  showToast(message, { undo: () => restoreRecord(type, id) })
  after?.()
  return true
}

/** After the next render, focus the first of these elements that exists (the deleted row's
 *  buttons are gone, so focus goes to a heading rather than to the page's end). */
export function focusFirst(...ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id)
      if (el) return el.focus()
    }
  })
}
