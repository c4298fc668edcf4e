// The last signed-in user, kept in localStorage so the app opens offline after a
// reload (the session check needs the network), and the onboarding flag.
import type { User } from '../types'

const USER_KEY = 'ippo.user'
const ONBOARDED_KEY = 'ippo.onboarded'

export function rememberUser(user: User): void {
  try {
    localStorage.setItem(USER_KEY, JSON.stringify(user))
  } catch {
    // private mode or full storage: the app still works while the session lasts
  }
}

export function rememberedUser(): User | null {
  try {
    const raw = localStorage.getItem(USER_KEY)
    const user = raw ? (JSON.parse(raw) as User) : null
    return user && typeof user.id === 'number' && typeof user.email === 'string' ? user : null
  } catch {
    return null
  }
}

export function forgetUser(): void {
  try {
    localStorage.removeItem(USER_KEY)
  } catch {
    // nothing to forget
  }
}

export function markOnboarded(userId: number): void {
  try {
    localStorage.setItem(ONBOARDED_KEY, String(userId))
  } catch {
    // the records she saved also count as onboarded
  }
}

export function onboardedFlag(userId: number): boolean {
  try {
    return localStorage.getItem(ONBOARDED_KEY) === String(userId)
  } catch {
    return false
  }
}
