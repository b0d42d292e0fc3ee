// The public pages: each council's service page from its settings, the privacy, accessibility and
// cookies pages in the wording administrators set (or the standard wording), and the provider's
// own details. Every change is in the audit trail, in the change's transaction; a change saved
// from a page that showed something older is refused, never written over someone else's.
import { createHash } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { fillPlaceholders, placeholdersIn } from '../../domain/message-wording.ts'
import { refuse, type Result } from '../../domain/result.ts'
import {
  providerContact,
  providerKeys,
  reachableCouncil,
  type ProviderContact,
  type ProviderField,
} from '../../web/provider.ts'
import { formatDate } from '../../web/format.ts'
import { recordChange, type AuditActor } from '../audit/index.ts'
import { blocksOf } from './blocks.ts'
import { pages, placeholderNames, placeholderValues, STANDARD_WORDING_DATE, type PageKind } from './placeholders.ts'
import {
  commissionedCouncilByCode,
  commissionedCouncils,
  deleteSetting,
  lockSettings,
  putSettings,
  type PublicCouncil,
  storedWordings,
  wordingKey,
} from './repository.ts'

/** What a page showed, to notice a change made by someone else before its form comes back. */
export const fingerprint = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22)

export interface Wording {
  kind: PageKind
  text: string
  changed: boolean
  updatedAt?: Date
}

export type ProviderDetails = Record<ProviderField, string>

const providerFields = Object.keys(providerKeys) as ProviderField[]

export function createPublicPagesService({ db, clock }: { db: Db; clock: Clock }) {
  async function wordingOf(kind: PageKind): Promise<Wording> {
    const [row] = await storedWordings(db, [kind])
    const text = typeof row?.value === 'string' ? row.value : undefined
    return { kind, text: text ?? pages[kind].standard, changed: text !== undefined, updatedAt: row?.updatedAt }
  }

  return {
    councils: () => commissionedCouncils(db),
    council: (code: string) => commissionedCouncilByCode(db, code),
    provider: () => providerContact(db),
    /** A council with the provider's phone or email where it has none of its own. */
    reachable: <C extends PublicCouncil>(council: C) => reachableCouncil(db, council),
    wordingOf,

    /** Every page's wording, for the administrators' list. */
    async wordings(): Promise<Wording[]> {
      return Promise.all((Object.keys(pages) as PageKind[]).map(wordingOf))
    },

    /** A page as the public reads it: its wording, filled in and read into blocks. */
    async statement(kind: PageKind) {
      const [wording, provider] = await Promise.all([wordingOf(kind), providerContact(db)])
      const saved = formatDate(wording.updatedAt ?? STANDARD_WORDING_DATE)
      return { blocks: blocksOf(fillPlaceholders(wording.text, placeholderValues(provider, saved))), wording }
    },

    /** Saves a page's wording (typed on a page that showed `shown`), with before and after in the audit trail. */
    async saveWording(
      kind: PageKind,
      text: string,
      shown: string,
      by: AuditActor,
    ): Promise<Result<{ changed: boolean }>> {
      const unknown = placeholdersIn(text).filter((p) => !(p in placeholderNames))
      if (unknown.length) {
        const list = unknown.map((p) => `((${p}))`).join(', ')
        return refuse(`Remove ${list}: the page cannot fill ${unknown.length === 1 ? 'it' : 'them'} in`, 'wording')
      }
      return db.transaction(async (tx) => {
        const [row] = await lockSettings(tx, [wordingKey(kind)])
        const was = typeof row?.value === 'string' ? row.value : pages[kind].standard
        if (fingerprint(was) !== shown) return stale()
        if (was === text) return { ok: true, changed: false }
        // The standard wording saved again is the standard wording: no row, so a later improvement to it shows.
        if (text === pages[kind].standard) await deleteSetting(tx, wordingKey(kind))
        else await putSettings(tx, { [wordingKey(kind)]: text }, { at: clock.now(), by: by.userId })
        await recordChange(tx, clock, {
          by,
          action: 'public-page.changed',
          record: { kind: 'public-page', id: kind },
          before: { wording: was },
          after: { wording: text, standard: text === pages[kind].standard },
        })
        return { ok: true, changed: true }
      })
    },

    /** The provider's details as an administrator set them (blank: the first council's). */
    async providerSettings(): Promise<{ values: ProviderDetails; shown: string; contact: ProviderContact }> {
      const contact = await providerContact(db)
      const values = Object.fromEntries(
        providerFields.map((f) => [f, contact.set.includes(f) ? contact[f] : '']),
      ) as ProviderDetails
      return { values, shown: fingerprint(values), contact }
    },

    /** Saves the provider's details, with before and after in the audit trail. */
    async saveProvider(details: ProviderDetails, shown: string, by: AuditActor): Promise<Result<{ changed: boolean }>> {
      return db.transaction(async (tx) => {
        const rows = await lockSettings(tx, Object.values(providerKeys))
        const before = Object.fromEntries(
          providerFields.map((f) => {
            const value = rows.find((r) => r.key === providerKeys[f])?.value
            return [f, typeof value === 'string' ? value : '']
          }),
        ) as ProviderDetails
        if (fingerprint(before) !== shown) return stale()
        const changed = providerFields.filter((f) => before[f] !== details[f])
        if (!changed.length) return { ok: true, changed: false }
        await putSettings(tx, Object.fromEntries(changed.map((f) => [providerKeys[f], details[f]])), {
          at: clock.now(),
          by: by.userId,
        })
        await recordChange(tx, clock, {
          by,
          action: 'provider.changed',
          record: { kind: 'settings', id: 'provider' },
          before: Object.fromEntries(changed.map((f) => [f, before[f]])),
          after: Object.fromEntries(changed.map((f) => [f, details[f]])),
        })
        return { ok: true, changed: true }
      })
    },
  }
}

const stale = () =>
  refuse(
    'Someone else saved a change while you were working on this. Save again to replace their change with yours, or go back to see it',
    undefined,
    'stale',
  )

export type PublicPagesService = ReturnType<typeof createPublicPagesService>
