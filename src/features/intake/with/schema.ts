import { z } from 'zod'
import { otherPartyKinds, type OtherPartyKind } from '../../../domain/request.ts'
import { checkboxes, choices, optionalText, report, textAnswer, type Ctx } from '../form-fields.ts'

export const partyNameField = (kind: OtherPartyKind) => `partyName-${kind}`

/** The field choosing which council (a known council's code, or ANOTHER_COUNCIL). */
export const councilField = 'partyCouncil'
export const ANOTHER_COUNCIL = 'other'

export interface KnownCouncil {
  code: string
  name: string
}

const kinds = Object.keys(otherPartyKinds) as OtherPartyKind[]
const nameFields = Object.fromEntries(kinds.map((k) => [partyNameField(k), optionalText])) as Record<
  string,
  typeof optionalText
>

/** The council the disagreement is with: one the service knows, by its own name, or another, by the name typed. */
function councilParty(ctx: Ctx, councils: readonly KnownCouncil[], fields: Record<string, string | undefined>) {
  const chosen = fields[councilField] ?? ''
  const typed = fields[partyNameField('local-authority')]
  if (chosen === ANOTHER_COUNCIL) {
    const name = textAnswer(ctx, typed, partyNameField('local-authority'), {
      required: 'Enter the name of the council',
      label: 'the name of the council',
      max: 200,
    })
    return { kind: 'local-authority' as const, name, council: ANOTHER_COUNCIL }
  }
  const known = councils.find((c) => c.code === chosen)
  if (!known) {
    report(ctx, councilField, "Select which council the disagreement is with, or 'Another council'")
    return { kind: 'local-authority' as const, name: '' }
  }
  return { kind: 'local-authority' as const, name: known.name, council: known.code }
}

export function withSchema(councils: readonly KnownCouncil[]) {
  return z
    .object({ _csrf: z.string(), parties: checkboxes, [councilField]: optionalText, ...nameFields })
    .strict()
    .transform((d, ctx) => {
      const chosen = choices(ctx, d.parties, otherPartyKinds, 'parties', 'Select who the disagreement is with')
      const fields = d as unknown as Record<string, string | undefined>
      return {
        parties: chosen.map((kind) =>
          kind === 'local-authority'
            ? councilParty(ctx, councils, fields)
            : {
                kind,
                name: textAnswer(ctx, fields[partyNameField(kind)], partyNameField(kind), {
                  label: 'the name',
                  max: 200,
                }),
              },
        ),
      }
    })
}
