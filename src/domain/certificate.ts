// What a mediation certificate keeps (certificates.content), fixed when it is issued, and the
// zod schema it is checked with before it is stored.
import { z } from 'zod'
import { CERTIFICATE_KINDS, type CertificateKind } from './workflow.ts'

/** The appeal deadline the certificate starts, from the case's clocks (name 'appeal'). */
export interface AppealDeadline {
  dueDate: string
  /** How it was worked out, with the dates it came from. */
  rule: string
}

export interface CertificateContent {
  number: string
  kind: CertificateKind
  kindLabel: string
  issuedOn: string
  /** The parent or young person it is for. */
  issuedTo: { name: string; role: 'parent' | 'young-person' }
  child: { name: string; dateOfBirth: string }
  localAuthority: string
  decision: { description: string; letterDate?: string }
  /** When the parent or young person contacted the mediation adviser (reg 33), as recorded. */
  adviserContactedOn?: string
  /** The service that issued it, for the council's contract, with the council's letter heading and sign-off. */
  provider: { name: string; address: string; phone: string; heading?: string; signature?: string }
  caseReference: string
  /** Worked out when issued, so a reprint says what the first print said. */
  appealDeadline?: AppealDeadline
}

export const certificateContentSchema = z.object({
  number: z.string(),
  kind: z.enum(CERTIFICATE_KINDS),
  kindLabel: z.string(),
  issuedOn: z.string(),
  issuedTo: z.object({ name: z.string(), role: z.enum(['parent', 'young-person']) }),
  child: z.object({ name: z.string(), dateOfBirth: z.string() }),
  localAuthority: z.string(),
  decision: z.object({ description: z.string(), letterDate: z.string().optional() }),
  adviserContactedOn: z.string().optional(),
  provider: z.object({
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    heading: z.string().optional(),
    signature: z.string().optional(),
  }),
  caseReference: z.string(),
  appealDeadline: z.object({ dueDate: z.string(), rule: z.string() }).optional(),
}) satisfies z.ZodType<CertificateContent>
