// Every message Parley sends has a template: plain-English wording in code, which an administrator
// may change. Placeholders are written ((like this)), as in GOV.UK Notify.
import { eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { messageTemplates } from '../../db/schema/index.ts'
import { agreementTemplates } from '../agreements/templates.ts'
import { meetingTemplates } from '../meetings/templates.ts'
import { portalTemplates } from '../portal/templates.ts'
import { generalTemplates } from './general-templates.ts'

export interface MessageTemplate {
  key: string
  /** What it is for, as the administrator's list shows it. */
  name: string
  subject: string
  body: string
  /** The placeholders it may use; saving wording with any other is refused. */
  placeholders: readonly string[]
}

export const allTemplates: readonly MessageTemplate[] = [
  ...generalTemplates,
  ...meetingTemplates,
  ...agreementTemplates,
  ...portalTemplates,
]

export function templateByKey(key: string): MessageTemplate {
  const found = allTemplates.find((t) => t.key === key)
  if (!found) throw new Error(`No message template called ${key}`)
  return found
}

const placeholderPattern = /\(\(\s*([a-zA-Z][\w-]*)\s*\)\)/g

/** The placeholders a piece of wording uses. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1]!))]
}

/** Placeholders used in the wording that the template does not offer. */
export function unknownPlaceholders(template: MessageTemplate, ...texts: string[]): string[] {
  return texts.flatMap(placeholdersIn).filter((p, i, all) => !template.placeholders.includes(p) && all.indexOf(p) === i)
}

export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(placeholderPattern, (whole, name: string) => values[name] ?? whole)
}

/** The wording in use: the administrator's, when they have changed it. */
export async function currentWording(
  db: Db | Tx,
  key: string,
): Promise<{ subject: string; body: string; changed: boolean }> {
  const template = templateByKey(key)
  const [saved] = await db.select().from(messageTemplates).where(eq(messageTemplates.key, key))
  return saved
    ? { subject: saved.subject, body: saved.body, changed: true }
    : { subject: template.subject, body: template.body, changed: false }
}

export async function renderMessage(db: Db | Tx, key: string, values: Readonly<Record<string, string>>) {
  const wording = await currentWording(db, key)
  return { subject: fillPlaceholders(wording.subject, values), body: fillPlaceholders(wording.body, values) }
}

/** Invented values to preview a template with (the service's own details come from the settings). */
const samples: Record<string, string> = {
  name: 'Sarah Hartley',
  child: 'Amelia Hartley',
  reference: 'MED-2026-000042',
  update: 'We have written to the council and are waiting for their answer.',
  'next-step': 'We will call you by Friday 4 December 2026.',
  date: 'Wednesday 9 December 2026',
  time: '10am',
  'meeting-date': 'Wednesday 9 December 2026',
  'meeting-time': '10am',
  venue: 'Warrington Library, Museum Street, Warrington WA1 1JB',
  mediator: 'Alice Mendes',
  link: 'https://parley.example/portal/sign-in/abc123',
  url: 'https://parley.example/portal',
  minutes: '30',
}

export function sampleValues(
  template: MessageTemplate,
  service: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    template.placeholders.map((p) => [p, service[p] || samples[p] || `[${p.replace(/-/g, ' ')}]`]),
  )
}

/** Saves an administrator's wording; refuses placeholders the template does not offer. */
export async function saveWording(
  db: Db,
  clock: { now(): Date },
  key: string,
  wording: { subject: string; body: string },
  userId?: string,
): Promise<{ ok: true } | { ok: false; unknown: string[] }> {
  const template = templateByKey(key)
  const unknown = unknownPlaceholders(template, wording.subject, wording.body)
  if (unknown.length) return { ok: false, unknown }
  const values = { subject: wording.subject, body: wording.body, updatedAt: clock.now(), updatedBy: userId ?? null }
  await db
    .insert(messageTemplates)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: messageTemplates.key, set: values })
  return { ok: true }
}

/** Back to the wording that comes with Parley. */
export async function resetWording(db: Db, key: string) {
  templateByKey(key)
  await db.delete(messageTemplates).where(eq(messageTemplates.key, key))
}
