// The second step of a staff sign-in: setting up an authenticator app (a QR code and the secret as
// text, then a first code to prove it works, then ten recovery codes shown once), and answering
// with the app's code or a recovery code. A code is right for a step either side of now and works
// once; the account's owner is emailed when a new app is set up; each setting up, reset and
// recovery code used is in the audit trail.
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db, Tx } from '../../db/client.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { refuse, RefusalError, refusalsAsResults, type Result } from '../../domain/result.ts'
import { formatDateTime } from '../../web/format.ts'
import { recordChange, recordSignIn, type AuditActor } from '../audit/index.ts'
import { queueMessage, serviceValues } from '../messages/index.ts'
import {
  accountWithFactor,
  deleteFactorOf,
  insertPendingFactor,
  insertRecoveryCodes,
  takeStep,
  unusedRecoveryCodes,
  useRecoveryCode,
} from './second-factor-repository.ts'
import { secondFactorTemplates } from './second-factor-templates.ts'
import {
  enrolmentQrCode,
  matchingStep,
  newRecoveryCode,
  newTotpSecret,
  openSecret,
  RECOVERY_CODE_COUNT,
  recoveryCodeHash,
  sealSecret,
  spacedSecret,
} from './totp.ts'

const wrongCode = 'The code is not right. Enter the 6-digit code your authenticator app shows now'
const usedCode =
  'That code has already been used. Wait for your authenticator app to show a new code, then enter the new one'

/** A 6-digit answer is the app's code; anything else is taken as a recovery code. */
const isAppCode = (typed: string) => /^\d{6}$/.test(typed)

export function createSecondFactorService({ db, clock, config }: { db: Db; clock: Clock; config: Config }) {
  const keyMaterial = config.SECOND_FACTOR_KEY ?? config.SESSION_SECRET

  async function audited(tx: Tx, by: AuditActor, action: string, userId: string, before: object, after: object) {
    await recordChange(tx, clock, {
      by,
      action,
      record: { kind: 'staff-account', id: userId },
      before: before as Record<string, unknown>,
      after: after as Record<string, unknown>,
    })
  }

  /** The secret being set up for this person, made on first asking; null once they have a working app. */
  async function pendingSecret(userId: string) {
    for (let tries = 0; tries < 2; tries++) {
      const account = await accountWithFactor(db, userId)
      if (!account || account.disabledAt) return { account: undefined, secret: null }
      if (account.factor?.confirmedAt) return { account, secret: null }
      const secret = account.factor && openSecret(keyMaterial, userId, account.factor.secret)
      if (account.factor && secret) return { account, factorId: account.factor.id, secret }
      // None yet, or one sealed under a key no longer configured: start again with a new secret.
      await db.transaction(async (tx) => {
        if (account.factor) await deleteFactorOf(tx, userId)
        await insertPendingFactor(tx, userId, sealSecret(keyMaterial, userId, newTotpSecret()), clock.now())
      })
    }
    throw new Error('a second factor being set up could not be read back')
  }

  return {
    /** Whether the person has an app set up, is setting one up, or has none (or cannot sign in). */
    async stateOf(userId: string): Promise<'set-up' | 'to-set-up' | 'no-account'> {
      const account = await accountWithFactor(db, userId)
      if (!account || account.disabledAt) return 'no-account'
      return account.factor?.confirmedAt ? 'set-up' : 'to-set-up'
    },

    /** What the setting-up page shows: the QR code and the secret as text, while it is not yet set up. */
    async enrolment(userId: string): Promise<Result<{ qrCode: string; secret: string }>> {
      const { account, secret } = await pendingSecret(userId)
      if (!account) return refuse('There is no such account', undefined, 'not-found')
      if (!secret) return refuse('Your authenticator app is already set up')
      const issuer = (await serviceValues(db))['service-name'] ?? 'Parley'
      return { ok: true, qrCode: await enrolmentQrCode(secret, issuer, account.email), secret: spacedSecret(secret) }
    },

    /**
     * The first code from the new app: right, it confirms the app, makes the recovery codes (kept
     * hashed, returned this once), records it and emails the account's owner, all at once.
     */
    async confirm(
      userId: string,
      code: string,
      by: AuditActor,
    ): Promise<Result<{ factorId: string; recoveryCodes: string[] }>> {
      const { account, factorId, secret } = await pendingSecret(userId)
      if (!account) return refuse('There is no such account', undefined, 'not-found')
      if (!secret || !factorId) return refuse('Your authenticator app is already set up')
      const step = matchingStep(secret, code, clock.now())
      if (step === null) return refuse(wrongCode, 'code')
      const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
      return refusalsAsResults(() =>
        db.transaction(async (tx) => {
          if (!(await takeStep(tx, factorId, step, clock.now()))) throw new RefusalError(usedCode, 'code')
          await insertRecoveryCodes(
            tx,
            factorId,
            recoveryCodes.map((c) => recoveryCodeHash(factorId, c)),
          )
          await audited(
            tx,
            by,
            'staff.second-factor-set-up',
            userId,
            { secondFactor: false },
            { secondFactor: true, recoveryCodesLeft: RECOVERY_CODE_COUNT },
          )
          await queueMessage(tx, clock, {
            to: { name: account.name, email: account.email },
            channel: 'email',
            template: templateNamed(secondFactorTemplates, 'staff-second-factor-set-up'),
            values: {
              ...(await serviceValues(tx)),
              name: account.name,
              email: account.email,
              when: formatDateTime(clock.now()),
            },
          })
          // Setting the app up with its first code ends the sign-in.
          await recordSignIn(tx, clock, { userId, ip: by.ip, outcome: { ok: true } })
          return { ok: true as const, factorId, recoveryCodes }
        }),
      )
    },

    /** The second step of signing in: the app's code (once) or an unused recovery code. */
    async verify(
      userId: string,
      typed: string,
      by: AuditActor,
    ): Promise<Result<{ factorId: string; recoveryCodesLeft?: number }>> {
      const account = await accountWithFactor(db, userId)
      const factor = account?.factor
      if (!account || account.disabledAt || !factor?.confirmedAt) {
        return refuse('There is no such account', undefined, 'not-found')
      }
      const answer = await checkCode(factor, userId, typed, by)
      // The sign-in ends here: its success, or a wrong code, in the audit trail.
      await recordSignIn(db, clock, {
        userId,
        ip: by.ip,
        outcome: answer.ok ? { ok: true } : { ok: false, reason: 'second-factor' },
      })
      return answer
    },
  }

  async function checkCode(
    factor: { id: string; secret: string },
    userId: string,
    typed: string,
    by: AuditActor,
  ): Promise<Result<{ factorId: string; recoveryCodesLeft?: number }>> {
    if (isAppCode(typed)) {
      // A secret that does not open (the key was changed) matches no code: a recovery code still works.
      const secret = openSecret(keyMaterial, userId, factor.secret)
      const step = secret ? matchingStep(secret, typed, clock.now()) : null
      if (step === null) return refuse(wrongCode, 'code')
      if (!(await takeStep(db, factor.id, step, clock.now()))) return refuse(usedCode, 'code')
      return { ok: true, factorId: factor.id }
    }
    return refusalsAsResults(() =>
      db.transaction(async (tx) => {
        const used = await useRecoveryCode(tx, factor.id, recoveryCodeHash(factor.id, typed), clock.now())
        if (!used) {
          throw new RefusalError(
            'That recovery code is not right or has already been used. Enter the 6-digit code from your authenticator app, or another recovery code',
            'code',
          )
        }
        const left = await unusedRecoveryCodes(tx, factor.id)
        await audited(
          tx,
          by,
          'staff.recovery-code-used',
          userId,
          { recoveryCodesLeft: left + 1 },
          { recoveryCodesLeft: left },
        )
        return { ok: true as const, factorId: factor.id, recoveryCodesLeft: left }
      }),
    )
  }
}

/**
 * Removes an account's second factor in the caller's transaction (an administrator's reset): the
 * person sets up a new app at their next sign-in. The secret never leaves this area.
 */
export async function removeSecondFactor(tx: Tx, userId: string): Promise<{ hadOne: boolean }> {
  const gone = await deleteFactorOf(tx, userId)
  return { hadOne: !!gone?.confirmedAt }
}
