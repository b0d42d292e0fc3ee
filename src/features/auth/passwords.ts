import { randomBytes } from 'node:crypto'
import argon2 from 'argon2'

/** Argon2id at the library's own cost (64 MiB, 3 passes, 4 lanes): slow on purpose, about 200 ms. */
const fullCost = { type: argon2.argon2id, memoryCost: 65536, timeCost: 3, parallelism: 4 } as const
/** The least Argon2id allows: the test runner hashes hundreds of passwords. Never used outside tests. */
const testCost = { type: argon2.argon2id, memoryCost: 8, timeCost: 1, parallelism: 1 } as const

/**
 * Full cost unless NODE_ENV is exactly 'test' (set by the test scripts only): production and
 * development, or no setting at all, hash at full cost (test/password-cost.test.ts). A hash
 * records its own cost, so verifyPassword checks hashes of either cost.
 */
export const hashPassword = (password: string) =>
  argon2.hash(password, process.env.NODE_ENV === 'test' ? testCost : fullCost)

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

/** A one-time password that is easy to read out and type: four groups of four letters and digits. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(16)
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length])
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}
