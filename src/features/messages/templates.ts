// Every message Parley sends has a template: plain-English wording in code (each area keeps its
// own), which an administrator may change. The changed wording is kept in the database.
import type { Db, Tx } from '../../db/client.ts'
import { fillPlaceholders, unknownPlaceholders, type MessageTemplate } from '../../domain/message-wording.ts'
import { deleteWording, savedWording, upsertWording } from './wording-repository.ts'

export { fillPlaceholders, unknownPlaceholders, type MessageTemplate }

/** The wording in use: the administrator's, when they have changed it. */
export async function currentWording(
  db: Db | Tx,
  template: MessageTemplate,
): Promise<{ subject: string; body: string; changed: boolean }> {
  const saved = await savedWording(db, template.key)
  return saved
    ? { subject: saved.subject, body: saved.body, changed: true }
    : { subject: template.subject, body: template.body, changed: false }
}

export async function renderMessage(db: Db | Tx, template: MessageTemplate, values: Readonly<Record<string, string>>) {
  const wording = await currentWording(db, template)
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
  template: MessageTemplate,
  wording: { subject: string; body: string },
  userId?: string,
): Promise<{ ok: true } | { ok: false; unknown: string[] }> {
  const unknown = unknownPlaceholders(template, wording.subject, wording.body)
  if (unknown.length) return { ok: false, unknown }
  const values = { subject: wording.subject, body: wording.body, updatedAt: clock.now(), updatedBy: userId ?? null }
  await upsertWording(db, template.key, values)
  return { ok: true }
}

/** Back to the wording that comes with Parley. */
export async function resetWording(db: Db, template: MessageTemplate) {
  await deleteWording(db, template.key)
}
