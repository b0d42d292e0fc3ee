// POST /api/v1/cases/{reference}/agreement, and the agreement a what-if (POST /api/v1/deadlines)
// may add: the meeting's outcome, whether the council was a party, and each item with what is to
// be done, by whom, whether it could otherwise be appealed and of which kind, and any timescale
// the parties agreed in writing (domain/agreement-items.ts).
import { z } from 'zod'
import { ITEM_KINDS, RESPONSIBLE_KINDS } from '../../domain/agreement-items.ts'
import { OUTCOMES } from '../../domain/workflow.ts'
import { notFuture, optionalText, requestDate, text } from './fields.ts'

export const agreementItem = z
  .strictObject({
    what: text(2000).describe('What is to be done, in the parties’ own words'),
    who: z.strictObject({
      kind: z.enum(RESPONSIBLE_KINDS).describe('Who is to do it'),
      name: optionalText(200).describe('Their name, as the agreement gives it'),
    }),
    appealable: z.boolean().describe('Could it otherwise have been appealed to the SEND Tribunal?'),
    kind: z
      .enum(ITEM_KINDS)
      .optional()
      .describe(
        'When appealable, which kind: assess (notify 2 weeks, decide not to issue a plan 10, final plan 14), make-plan (draft 5 weeks, final 11), amend (5 weeks), cease (immediately), other (2 weeks)',
      ),
    timescaleAgreedInWriting: requestDate
      .optional()
      .describe('The date the parties agreed in writing: it stands instead of the law’s dates'),
  })
  .superRefine((item, ctx) => {
    if (item.appealable && !item.kind)
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'Give the kind of decision it could have been appealed as',
      })
    if (!item.appealable && item.kind)
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'Only an item that could be appealed has a kind' })
  })

const councilWasParty = z
  .boolean()
  .describe('Was the council a party to the agreement? If not, the health body (ICB) must tell it within 1 week')

export function agreementSchema(today: () => string) {
  return z.strictObject({
    date: notFuture(today).describe('The day the agreement was made (the meeting’s day, or later)'),
    outcome: z.enum(OUTCOMES).describe('How the mediation ended: agreement, partial (agreement), or none'),
    councilWasParty,
    items: z.array(agreementItem).max(50, { error: 'Send 50 items or fewer' }),
    notAgreed: z.array(text(2000)).max(50).optional().describe('What was not agreed, in the parties’ words'),
  })
}
export type AgreementBody = z.infer<ReturnType<typeof agreementSchema>>

/** In a what-if: the agreement's date may be in the future, and its outcome is taken to be reached. */
export const whatIfAgreement = z.strictObject({
  date: requestDate,
  councilWasParty,
  items: z.array(agreementItem).min(1).max(50),
})
