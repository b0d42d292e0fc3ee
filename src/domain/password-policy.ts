// What a password must be, as the NCSC advises: long rather than complex (12 characters or more,
// and long passphrases welcome), not one of the passwords people use most (the breached-password
// list that zxcvbn-ts keeps, about 49,000 of them), not one of those with a few digits or symbols
// added, not a run like "aaaaaaaaaaaa" or "123456789012", and not the person's own email or name.
// No rules about kinds of character, and nothing makes a password expire.
import { dictionary } from '@zxcvbn-ts/language-common'

export const PASSWORD_MIN = 12
export const PASSWORD_MAX = 200

export const passwordMessages = {
  missing: 'Enter a new password',
  short: `Password must be ${PASSWORD_MIN} characters or more`,
  long: `Password must be ${PASSWORD_MAX} characters or fewer`,
  common:
    'This password is too easy to guess: it is one of the most common passwords, or one with numbers or symbols added. Try three or four words that mean something to you but not to others',
  predictable:
    'This password is too easy to guess: it is a character repeated, or a run of letters or numbers. Try three or four words that mean something to you but not to others',
  personal: 'Your password must not contain your email address or your name',
} as const

let common: Set<string> | undefined
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common']))

/** Letters and digits only, lower case: how a name, an email or a password is compared. */
const plain = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

const runs = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890123456789',
  'qwertyuiopasdfghjklzxcvbnm',
  'qazwsxedcrfvtgbyhnujmikolp',
]

/** One character again and again, a few characters repeated, or a run along the alphabet, digits or keyboard. */
function predictable(password: string): boolean {
  const p = plain(password)
  if (new Set(p).size < 4) return true
  if (/^(.{1,4})\1+$/.test(p)) return true
  return runs.some((run) => run.includes(p) || [...run].reverse().join('').includes(p))
}

const leet: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '3': 'e',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
}
/** Letters swapped for look-alike digits and symbols inside a word ("p@ssw0rd") read as the letters. */
const unleet = (word: string) =>
  word.replace(/(?<=\p{L})[@4310!$57]+(?=\p{L})/gu, (m) => [...m].map((c) => leet[c]).join(''))

/** A common password, or one with digits, symbols or spaces before or after it, or with look-alikes inside. */
function isCommon(password: string): boolean {
  const list = commonPasswords()
  const lower = password.toLowerCase()
  const stem = (text: string) => text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  const candidates = [
    lower,
    lower.replace(/\s+/g, ''),
    stem(lower),
    stem(unleet(lower)),
    stem(unleet(lower.replace(/\s+/g, ''))),
  ]
  return candidates.some((p) => p.length >= 3 && list.has(p))
}

/** The person's email, the part before the @, or their name (whole, or one part with digits added). */
function isPersonal(password: string, about: { email?: string; name?: string }): boolean {
  const p = plain(password)
  const letters = p.replace(/\p{N}+/gu, '')
  const email = about.email?.toLowerCase() ?? ''
  const local = plain(email.split('@')[0] ?? '')
  const name = plain(about.name ?? '')
  const parts = (about.name ?? '').split(/\s+/).map(plain)
  return (
    (!!email && password.toLowerCase().includes(email)) ||
    (local.length >= 4 && p.includes(local)) ||
    (name.length >= 4 && p.includes(name)) ||
    parts.some((part) => part.length >= 3 && letters === part)
  )
}

/** What is wrong with the password as a new one for this person, in plain English; undefined if nothing. */
export function passwordProblem(password: string, about: { email?: string; name?: string } = {}): string | undefined {
  if (!password) return passwordMessages.missing
  if ([...password].length < PASSWORD_MIN) return passwordMessages.short
  if ([...password].length > PASSWORD_MAX) return passwordMessages.long
  if (isPersonal(password, about)) return passwordMessages.personal
  if (isCommon(password)) return passwordMessages.common
  if (predictable(password)) return passwordMessages.predictable
  return undefined
}
