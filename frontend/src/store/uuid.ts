// Record ids: random (v4) for new records, name-based (v5) for a check, so every device
// makes the same id for "item X on date D" and two ticks of it meet in one record.

// Python's uuid.NAMESPACE_URL, as the server uses. (…b810… is NAMESPACE_DNS.)
const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: string): boolean {
  return UUID_RE.test(value)
}

function hex(bytes: Uint8Array): string {
  const h = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

/** A new random id. crypto.randomUUID needs a secure context; getRandomValues does not. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  return hex(bytes)
}

/** SHA-1 in plain JS (see uuid5 for why not crypto.subtle). */
export function sha1(data: Uint8Array): Uint8Array {
  const length = data.length
  const blocks = ((length + 8) >> 6) + 1
  const words = new Uint32Array(blocks * 16)
  for (let i = 0; i < length; i++) words[i >> 2] |= data[i] << (24 - (i % 4) * 8)
  words[length >> 2] |= 0x80 << (24 - (length % 4) * 8)
  words[blocks * 16 - 1] = length * 8 // inputs here are far below 2^29 bytes
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]
  const w = new Uint32Array(80)
  for (let block = 0; block < blocks; block++) {
    for (let t = 0; t < 16; t++) w[t] = words[block * 16 + t]
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]
      w[t] = (x << 1) | (x >>> 31)
    }
    let [a, b, c, d, e] = h
    for (let t = 0; t < 80; t++) {
      let f: number
      let k: number
      if (t < 20) [f, k] = [(b & c) | (~b & d), 0x5a827999]
      else if (t < 40) [f, k] = [b ^ c ^ d, 0x6ed9eba1]
      else if (t < 60) [f, k] = [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
      else [f, k] = [b ^ c ^ d, 0xca62c1d6]
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]) >>> 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = temp
    }
    h[0] = (h[0] + a) >>> 0
    h[1] = (h[1] + b) >>> 0
    h[2] = (h[2] + c) >>> 0
    h[3] = (h[3] + d) >>> 0
    h[4] = (h[4] + e) >>> 0
  }
  const out = new Uint8Array(20)
  h.forEach((value, i) => new DataView(out.buffer).setUint32(i * 4, value))
  return out
}

/** RFC 4122 version 5: the same as Python's uuid.uuid5(namespace, name). The plain-JS SHA-1
 * is used on purpose: for a few dozen bytes it takes microseconds and answers at once, where
 * crypto.subtle answers a task later — after the re-render a tick causes, which would hold
 * back the IndexedDB write behind it. */
export async function uuid5(namespace: string, name: string): Promise<string> {
  const ns = namespace.replace(/-/g, '')
  const input = new Uint8Array(16 + new TextEncoder().encode(name).length)
  for (let i = 0; i < 16; i++) input[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16)
  input.set(new TextEncoder().encode(name), 16)
  const bytes = sha1(input).slice(0, 16)
  bytes[6] = (bytes[6] & 0x0f) | 0x50
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  return hex(bytes)
}

/** The id of the one check of a checklist item on a date; the server derives it the same way
 * (journal/types.py check_id, over str(UUID), which is lower case). */
export function checkId(itemId: string, date: string): Promise<string> {
  return uuid5(NAMESPACE_URL, itemId.toLowerCase() + date)
}
