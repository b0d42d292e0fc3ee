// What a request for help says, however it arrives (online, by phone, by email). The words for
// each choice live here so that the public journey, staff forms and the case page agree.

export const requesterRoles = {
  parent: 'Parent or carer',
  'young-person': 'Young person aged 16 to 25, asking for myself',
  'local-authority': 'Local authority officer',
  sendiass: 'SENDIASS officer',
  school: 'School or college staff',
  'health-social-care': 'Health or social care professional',
  voluntary: 'Voluntary agency',
  other: 'Someone else',
} as const
export type RequesterRole = keyof typeof requesterRoles

/** Anyone but the parent or the young person needs their permission to ask for them. */
export const needsPermission = (role: RequesterRole) => role !== 'parent' && role !== 'young-person'

export const ehcStatuses = {
  'has-plan': 'Has an EHC plan',
  'assessment-requested': 'An EHC needs assessment has been asked for or is under way',
  refused: 'An assessment or a plan was refused',
  none: 'No EHC plan',
} as const
export type EhcStatus = keyof typeof ehcStatuses

export const disagreementAreas = {
  duties:
    'How a council, school, college or health service is carrying out its duties for a child or young person with SEN',
  provision: 'The special educational provision a child or young person is getting',
  'health-social-care': 'The health or social care parts of an EHC plan',
  'assessment-or-drafting':
    'Problems between the council and health services about an assessment or the drafting of a plan',
  'ehc-decision': 'A decision about an EHC needs assessment or an EHC plan',
} as const
export type DisagreementArea = keyof typeof disagreementAreas

/** The EHC decisions that can be appealed to the SEND Tribunal, and so need SEN mediation advice. */
export const ehcDecisions = {
  'refuse-assessment': 'Not to carry out an EHC needs assessment',
  'refuse-plan': 'Not to issue an EHC plan after an assessment',
  'plan-contents': 'What the EHC plan says: the needs, the provision or the school or college named',
  'refuse-reassessment': 'Not to carry out a re-assessment',
  'refuse-amend': 'Not to change the EHC plan after a review',
  'cease-plan': 'To stop the EHC plan',
} as const
export type EhcDecision = keyof typeof ehcDecisions

export const otherPartyKinds = {
  'local-authority': 'The local authority (council)',
  school: 'A school, college or early years setting',
  health: 'A health service (for example the integrated care board)',
  'social-care': 'Social care',
} as const
export type OtherPartyKind = keyof typeof otherPartyKinds

export const contactMethods = {
  email: 'Email',
  phone: 'Phone call',
  text: 'Text message',
  post: 'Letter by post',
} as const
export type ContactMethod = keyof typeof contactMethods

export const adjustmentKinds = {
  interpreter: 'An interpreter',
  bsl: 'A British Sign Language (BSL) interpreter',
  'large-print': 'Large print',
  'easy-read': 'Easy read',
  'accessible-venue': 'An accessible venue',
  other: 'Something else',
} as const
export type AdjustmentKind = keyof typeof adjustmentKinds

export interface RequestFacts {
  requester: {
    role: RequesterRole
    name: string
    organisation?: string
  }
  /** For anyone but the parent or young person. */
  permission?: { givenBy: string; givenOn: string }
  /** The parent or carer, when someone else is asking for them. */
  parent?: { name: string }
  child: { name: string; dateOfBirth: string; setting: string; postcode: string }
  ehcStatus: EhcStatus
  areas: DisagreementArea[]
  decision?: { kind: EhcDecision; letterDate?: string }
  otherParties: { kind: OtherPartyKind; name?: string }[]
  whatHappened: string
  contact: {
    methods: ContactMethod[]
    email?: string
    phone?: string
    address?: string
    bestTimes?: string
  }
  adjustments: { kinds: AdjustmentKind[]; language?: string; details?: string }
  supporter?: string
}

export const whatHappenedMaxLength = 5000

/** How a party of a case asked to be contacted (stored with each party). */
export interface PartyContactPreferences {
  methods?: ContactMethod[]
  email?: string
  phone?: string
  address?: string
  bestTimes?: string
}

/** The reasonable adjustments a party asked for (stored with each party). */
export interface PartyAdjustments {
  kinds?: AdjustmentKind[]
  language?: string
  details?: string
}
