// What a mediation certificate says, fixed when it is issued: what the Tribunal needs to see.
import { certificateLabels, type CertificateKind } from '../../domain/workflow.ts'
import { ehcDecisions, type RequestFacts } from '../../domain/request.ts'

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
  provider: { name: string; address: string; phone: string }
  caseReference: string
}

export function certificateContent(input: {
  reference: string
  sequence: number
  kind: CertificateKind
  issuedOn: string
  facts: RequestFacts
  parentOrYoungPerson: { name: string; role: 'parent' | 'young-person' }
  localAuthority: string
  provider: { name: string; address: string; phone: string }
}): CertificateContent {
  const { facts } = input
  return {
    number: `${input.reference}-C${input.sequence}`,
    kind: input.kind,
    kindLabel: certificateLabels[input.kind],
    issuedOn: input.issuedOn,
    issuedTo: input.parentOrYoungPerson,
    child: { name: facts.child.name, dateOfBirth: facts.child.dateOfBirth },
    localAuthority: input.localAuthority,
    decision: {
      description: facts.decision ? ehcDecisions[facts.decision.kind] : 'A decision about an EHC needs assessment or plan',
      ...(facts.decision?.letterDate ? { letterDate: facts.decision.letterDate } : {}),
    },
    provider: input.provider,
    caseReference: input.reference,
  }
}
