// Seeded random numbers, so that a build with the same size and generator version makes the same
// data. Each case draws from its own stream (seed and case number), so cases can be made in any order.
import { createHash } from 'node:crypto'

/** sfc32: small, fast and good enough for invented data. */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: string) {
    const h = createHash('sha256').update(seed).digest()
    this.a = h.readUInt32LE(0)
    this.b = h.readUInt32LE(4)
    this.c = h.readUInt32LE(8)
    this.d = h.readUInt32LE(12)
    for (let i = 0; i < 12; i++) this.next()
  }

  /** A number in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** Earlier items much more often than later ones (Zipf-like), as with names: a few are common, most rare. */
  pickCommon<T>(items: readonly T[], skew = 1.1): T {
    const u = this.next()
    const n = items.length
    const index = Math.min(n - 1, Math.floor(n * Math.pow(u, 1 + skew * 1.5)))
    return items[index]!
  }

  /** A key of the table, chosen by its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][]
    let total = 0
    for (const [, w] of entries) total += w
    let u = this.next() * total
    for (const [key, w] of entries) {
      u -= w
      if (u < 0) return key
    }
    return entries.at(-1)![0]
  }

  /** A version 4 UUID from this stream. */
  uuid(): string {
    const hex: string[] = []
    for (let i = 0; i < 4; i++)
      hex.push(
        Math.floor(this.next() * 0x100000000)
          .toString(16)
          .padStart(8, '0'),
      )
    const s = hex.join('')
    const variant = ((parseInt(s[16]!, 16) & 0x3) | 0x8).toString(16)
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`
  }

  /** Some of the items, each kept with probability p, in their order. */
  some<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.chance(p))
  }
}
