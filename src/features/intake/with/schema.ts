import { z } from 'zod'
import { otherPartyKinds, type OtherPartyKind } from '../../../domain/request.ts'
import { checkboxes, choices, optionalText, textAnswer } from '../form-fields.ts'

export const partyNameField = (kind: OtherPartyKind) => `partyName-${kind}`

const kinds = Object.keys(otherPartyKinds) as OtherPartyKind[]
const nameFields = Object.fromEntries(kinds.map((k) => [partyNameField(k), optionalText])) as Record<
  string,
  typeof optionalText
>

export const withSchema = z
  .object({ _csrf: z.string(), parties: checkboxes, ...nameFields })
  .strict()
  .transform((d, ctx) => {
    const chosen = choices(ctx, d.parties, otherPartyKinds, 'parties', 'Select who the disagreement is with')
    const fields = d as unknown as Record<string, string | undefined>
    return {
      parties: chosen.map((kind) => ({
        kind,
        name: textAnswer(ctx, fields[partyNameField(kind)], partyNameField(kind), { label: 'the name', max: 200 }),
      })),
    }
  })
