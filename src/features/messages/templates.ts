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

export const allTemplates: readonly MessageTemplate[] = [...generalTemplates, ...meetingTemplates, ...agreementTemplates, ...portalTemplates]

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
export async function currentWording(db: Db | Tx, key: string): Promise<{ subject: string; body: string; changed: boolean }> {
  const template = templateByKey(key)
  const [saved] = await db.select().from(messageTemplates).where(eq(messageTemplates.key, key))
  return saved ? { subject: saved.subject, body: saved.body, changed: true } : { subject: template.subject, body: template.body, changed: false }
}

export async function renderMessage(db: Db | Tx, key: string, values: Readonly<Record<string, string>>) {
  const wording = await currentWording(db, key)
  return { subject: fillPlaceholders(wording.subject, values), body: fillPlaceholders(wording.body, values) }
}
