// The authenticator app's side of signing in: TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps,
// what every authenticator app reads from a QR code), its secret sealed for the database, and
// recovery codes. No I/O here; the time is always passed in, from the app's clock.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'

const period = 30
const digits = 6
/** One step either side of now: an app whose clock is up to 30 seconds out still works. */
const window = 1

const totpFor = (secretBase32: string, label = '', issuer = '') =>
  new TOTP({ issuer, label, algorithm: 'SHA1', digits, period, secret: Secret.fromBase32(secretBase32) })

/** A new shared secret: 20 random bytes (160 bits, RFC 4226's recommendation), in base32. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32

/** The time step a moment is in. */
export const stepAt = (at: Date) => Math.floor(at.getTime() / 1000 / period)

/** The code an app shows at this moment (tests use it to answer as an app would). */
export const totpCodeAt = (secretBase32: string, at: Date) =>
  totpFor(secretBase32).generate({ timestamp: at.getTime() })

/** The time step of the code if it is right within a step either side of `at`, else null. */
export function matchingStep(secretBase32: string, code: string, at: Date): number | null {
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: at.getTime(), window })
  return delta === null ? null : stepAt(at) + delta
}

/**
 * What the QR code holds (an otpauth:// address: the service's name, the person's email and
 * the secret) as an image for an img element's src: an SVG in a data URL, drawn on the server.
 */
export async function enrolmentQrCode(secretBase32: string, issuer: string, email: string): Promise<string> {
  const uri = totpFor(secretBase32, email, issuer).toString()
  // Loaded for the first enrolment, not in every process that builds the app.
  const { default: QRCode } = await import('qrcode')
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

/** The secret in groups of four, easier to type into an app by hand. */
export const spacedSecret = (secretBase32: string) => secretBase32.match(/.{1,4}/g)!.join(' ')

/**
 * The secret as the database keeps it: AES-256-GCM under a key derived from the configured key
 * material, bound to the account (a sealed secret copied to another account does not open).
 */
function keyFrom(material: string): Buffer {
  return Buffer.from(hkdfSync('sha256', material, 'parley', 'staff second factor secret', 32))
}

export function sealSecret(material: string, userId: string, secretBase32: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFrom(material), iv)
  cipher.setAAD(Buffer.from(userId))
  const body = Buffer.concat([cipher.update(secretBase32, 'utf8'), cipher.final()])
  return ['v1', ...[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))].join('.')
}

/** The secret, or null when it does not open (another key, another account, or tampered with). */
export function openSecret(material: string, userId: string, sealed: string): string | null {
  const [version, ...parts] = sealed.split('.')
  if (version !== 'v1' || parts.length !== 3) return null
  try {
    const [iv, tag, body] = parts.map((p) => Buffer.from(p, 'base64url'))
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(material), iv!)
    decipher.setAAD(Buffer.from(userId))
    decipher.setAuthTag(tag!)
    return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}

/** How many recovery codes a new second factor comes with. */
export const RECOVERY_CODE_COUNT = 10

/** Letters and digits that cannot be mistaken for each other (no i, l, o, 0, 1). */
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Two groups of five (about 50 bits): random enough that a plain SHA-256 is a safe way to keep them. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('')
  return `${chars.slice(0, 5)}-${chars.slice(5)}`
}

/** How a recovery code is typed does not matter: spaces, dashes and capitals are ignored. */
export const normaliseRecoveryCode = (typed: string) => typed.toLowerCase().replace(/[\s-]/g, '')

/** Bound to the second factor it belongs to, so the same code of two factors never clashes. */
export const recoveryCodeHash = (factorId: string, code: string) =>
  createHash('sha256')
    .update(`recovery:${factorId}:${normaliseRecoveryCode(code)}`)
    .digest('hex')
