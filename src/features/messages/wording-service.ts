// The wording of every message, for administrators: which have been changed, one message's wording
// with its placeholders and a preview filled in with invented details, saving and resetting.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { refuse, type Result } from '../../domain/result.ts'
import { recordChange, type AuditActor } from '../audit/index.ts'
import { placeholderList } from './labels.ts'
import { serviceValues } from './service-values.ts'
import {
  currentWording,
  fillPlaceholders,
  resetWording,
  sampleValues,
  saveWording,
  type MessageTemplate,
} from './templates.ts'
import { changedWordings } from './wording-repository.ts'

export function createWordingService({
  db,
  clock,
  templates,
}: {
  db: Db
  clock: Clock
  templates: readonly MessageTemplate[]
}) {
  const audited = (tx: Tx, by: AuditActor, action: string, template: MessageTemplate, before: object, after: object) =>
    recordChange(tx, clock, {
      by,
      action,
      record: { kind: 'message-wording', id: template.key },
      before: { ...before },
      after: { ...after },
    })

  return {
    templateOf: (key: unknown) => templates.find((t) => t.key === key),

    /** Every template by name, with when its wording was changed (if it was). */
    async list() {
      const saved = await changedWordings(db)
      return [...templates]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((t) => ({ key: t.key, name: t.name, changedAt: saved.find((s) => s.key === t.key)?.updatedAt }))
    },

    /** The wording in use, and each placeholder with the example a preview fills it with. */
    async page(template: MessageTemplate) {
      const [wording, service] = await Promise.all([currentWording(db, template), serviceValues(db)])
      const samples = sampleValues(template, service)
      return {
        wording,
        placeholders: template.placeholders.map((p) => ({ name: `((${p}))`, sample: samples[p] })),
        preview: (typed: { subject: string; body: string }) => ({
          subject: fillPlaceholders(typed.subject, samples),
          body: fillPlaceholders(typed.body, samples),
        }),
      }
    },

    /** Saves the wording, with the wording before and after in the audit trail. */
    async save(template: MessageTemplate, wording: { subject: string; body: string }, by: AuditActor): Promise<Result> {
      const saved = await db.transaction(async (tx) => {
        const was = await currentWording(tx, template)
        const done = await saveWording(tx as unknown as Db, clock, template, wording, by.userId ?? undefined)
        if (done.ok) await audited(tx, by, 'message-wording.changed', template, was, { ...wording, changed: true })
        return done
      })
      return saved.ok ? { ok: true } : refuse(`Remove ${placeholderList(saved.unknown)}`, 'body')
    },

    /** Back to the standard wording, in the audit trail too. */
    reset: (template: MessageTemplate, by: AuditActor) =>
      db.transaction(async (tx) => {
        const was = await currentWording(tx, template)
        await resetWording(tx as unknown as Db, template)
        await audited(tx, by, 'message-wording.reset', template, was, {
          subject: template.subject,
          body: template.body,
          changed: false,
        })
      }),
  }
}
