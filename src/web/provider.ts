// The provider's own details: the organisation that runs the service (the controller of the
// personal data it holds), its name, address, phone and email. Administrators set them under
// Administration, Public pages (features/public-pages); until they do, each reads as the first
// commissioning council's. A council with no phone or email of its own is reached through these.
import { asc, eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '../db/client.ts'
import { localAuthorities, settings } from '../db/schema/index.ts'

export const providerKeys = {
  name: 'provider.name',
  address: 'provider.address',
  phone: 'provider.phone',
  email: 'provider.email',
} as const

export type ProviderField = keyof typeof providerKeys

export interface ProviderContact {
  name: string
  address: string
  phone: string
  email: string
  /** Which of them an administrator has set (the others come from the first council). */
  set: ProviderField[]
}

const fields = Object.keys(providerKeys) as ProviderField[]

/** The provider's details as they are now. */
export async function providerContact(db: Db | Tx): Promise<ProviderContact> {
  const [rows, [first]] = await Promise.all([
    db
      .select({ key: settings.key, value: settings.value })
      .from(settings)
      .where(inArray(settings.key, Object.values(providerKeys))),
    db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.commissioned, true))
      .orderBy(asc(localAuthorities.createdAt), asc(localAuthorities.code))
      .limit(1),
  ])
  const stored = (field: ProviderField) => {
    const value = rows.find((r) => r.key === providerKeys[field])?.value
    return typeof value === 'string' && value.trim() ? value.trim() : undefined
  }
  const fallback: Record<ProviderField, string> = {
    name: first?.serviceName ?? 'Parley',
    address: first?.address ?? '',
    phone: first?.phone ?? '',
    email: first?.email ?? '',
  }
  const contact = Object.fromEntries(fields.map((f) => [f, stored(f) ?? fallback[f]])) as Omit<ProviderContact, 'set'>
  return { ...contact, set: fields.filter((f) => stored(f) !== undefined) }
}

/** A council's phone and email, or the provider's where the council has none of its own. */
export function reachableAt<C extends { phone: string | null; email: string | null }>(
  council: C,
  provider: Pick<ProviderContact, 'phone' | 'email'>,
): C & { phone: string; email: string } {
  return { ...council, phone: council.phone?.trim() || provider.phone, email: council.email?.trim() || provider.email }
}

/** The same, reading the provider's details only when the council lacks a phone or an email of its own. */
export async function reachableCouncil<C extends { phone: string | null; email: string | null }>(
  db: Db | Tx,
  council: C,
) {
  const lacking = !council.phone?.trim() || !council.email?.trim()
  return reachableAt(council, lacking ? await providerContact(db) : { phone: '', email: '' })
}
