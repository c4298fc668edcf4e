// Which month's summary she has opened, so Today's "your summary is here" card goes away
// once she has read it. Per user, in localStorage; losing it only shows the card again.
const seenKey = (userId: number) => `ippo.summary.seen.${userId}`

export function markSeen(userId: number, month: string): void {
  try {
    const seen = lastSeen(userId)
    if (!seen || seen < month) localStorage.setItem(seenKey(userId), month)
  } catch {
    // Private mode or a full disk: the card shows again, nothing worse.
  }
}

/** The newest month she has opened ("2026-11"), or null. */
export function lastSeen(userId: number): string | null {
  try {
    return localStorage.getItem(seenKey(userId))
  } catch {
    return null
  }
}
