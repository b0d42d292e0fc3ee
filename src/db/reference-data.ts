// What every new installation starts with: its one commissioning council (the provider's own,
// whose details the staff and public pages show) and the agencies staff signpost people to, all on
// that council's signposting list. Inserted once; later changes belong to administrators.
import type { Db } from './client.ts'
import { agencies, councilAgencies, localAuthorities } from './schema/index.ts'

export const commissioningAuthority = {
  code: 'warrington',
  name: 'Warrington Borough Council',
  commissioned: true,
  freeForResidents: true,
  postcodeDistricts: ['WA1', 'WA2', 'WA3', 'WA4', 'WA5', 'WA13'],
  serviceName: 'SEN Mediation and Disagreement Resolution Service',
  phone: '03330 062 835',
  email: null,
  address: '249 Birmingham Road, Sutton Coldfield, West Midlands, B72 1EA',
  openingHours: 'Monday to Friday, 9am to 6pm',
  updateCadenceWorkingDays: 10,
}

const signpostingAgencies = [
  {
    code: 'sendiass',
    name: 'SENDIASS (SEND Information, Advice and Support Service)',
    helpsWith: 'Free, impartial advice for parents, carers and young people about SEND, EHC plans and appeals.',
    contact: "Through the council's local offer website",
  },
  {
    code: 'la-sen-team',
    name: "The council's SEN team",
    helpsWith: 'Questions about an EHC needs assessment, an EHC plan or the local offer.',
    contact: "Through the council's switchboard or local offer website",
  },
  {
    code: 'send-tribunal',
    name: 'The First-tier Tribunal (Special Educational Needs and Disability)',
    helpsWith: 'Appeals about EHC decisions, and disability discrimination claims against schools.',
    contact: 'HM Courts and Tribunals Service',
  },
  {
    code: 'school-complaints',
    name: "The school's or college's complaints procedure",
    helpsWith: 'Complaints about how a school or college has treated a child, when it is not about SEN provision.',
    contact: 'The school or college office',
  },
  {
    code: 'nhs-complaints',
    name: 'NHS complaints (the integrated care board)',
    helpsWith: 'Complaints about health services that are not part of an EHC plan disagreement.',
    contact: "The integrated care board's patient experience team",
  },
  {
    code: 'lgsco',
    name: 'Local Government and Social Care Ombudsman',
    helpsWith: "Complaints about a council's actions after its own complaints process has finished.",
    contact: 'The Ombudsman’s website or helpline',
  },
  {
    code: 'ipsea',
    name: 'IPSEA (Independent Provider of Special Education Advice)',
    helpsWith: 'Free legally based advice on SEN law, EHC plans and appeals.',
    contact: 'IPSEA’s advice line and website',
  },
]

export async function insertReferenceData(db: Db): Promise<void> {
  const [council] = await db
    .insert(localAuthorities)
    .values(commissioningAuthority)
    .onConflictDoNothing({ target: localAuthorities.code })
    .returning({ id: localAuthorities.id })
  await db
    .insert(agencies)
    .values(signpostingAgencies.map((a, i) => ({ ...a, sortOrder: i })))
    .onConflictDoNothing({ target: agencies.code })
  // A new install's council signposts to every agency (only when the council is new: an
  // administrator's later choice is theirs to keep).
  if (council) {
    const all = await db.select({ id: agencies.id, sortOrder: agencies.sortOrder }).from(agencies)
    await db
      .insert(councilAgencies)
      .values(all.map((a) => ({ localAuthorityId: council.id, agencyId: a.id, sortOrder: a.sortOrder })))
      .onConflictDoNothing()
  }
}
