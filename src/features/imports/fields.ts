// Parley's fields that a file's columns are matched to: what each means, whether a row needs it,
// and the headings a column is guessed from when the administrator has chosen none before.
export interface ImportField {
  key: string
  label: string
  hint?: string
  required: boolean
  /** Headings (lower case, letters and digits only) that mean this field. */
  guesses: string[]
}

export const importFields: ImportField[] = [
  {
    key: 'reference',
    label: 'Your own reference for the case',
    hint: 'Used to know a row again: a file imported twice makes each case once. Without it, the whole row is used.',
    required: false,
    guesses: ['reference', 'ref', 'caseref', 'casereference', 'caseid', 'id', 'yourreference'],
  },
  {
    key: 'council',
    label: 'Council',
    hint: 'Its name or code, as Parley knows it under Councils.',
    required: true,
    guesses: ['council', 'la', 'localauthority', 'authority', 'lacode', 'councilcode'],
  },
  {
    key: 'receivedOn',
    label: 'Date of first contact',
    required: true,
    guesses: ['received', 'receivedon', 'datereceived', 'firstcontact', 'contactdate', 'dateoffirstcontact', 'date'],
  },
  {
    key: 'childName',
    label: 'Child or young person’s name',
    required: true,
    guesses: ['child', 'childname', 'childsname', 'name', 'youngperson', 'childoryoungperson'],
  },
  {
    key: 'childDateOfBirth',
    label: 'Child or young person’s date of birth',
    required: true,
    guesses: ['dob', 'dateofbirth', 'childdob', 'childdateofbirth', 'birthdate'],
  },
  {
    key: 'childSetting',
    label: 'School, college or setting',
    required: false,
    guesses: ['school', 'setting', 'college', 'schoolorsetting'],
  },
  { key: 'childPostcode', label: 'Postcode', required: false, guesses: ['postcode', 'childpostcode'] },
  {
    key: 'requesterName',
    label: 'Name of the parent, carer or young person who asked',
    required: true,
    guesses: ['parent', 'parentname', 'carer', 'parentorcarer', 'requester', 'contactname', 'askedby'],
  },
  {
    key: 'requesterRole',
    label: 'Who asked',
    hint: 'Parent or carer, or young person. Blank means parent or carer.',
    required: false,
    guesses: ['role', 'requesterrole', 'whoasked', 'relationship'],
  },
  {
    key: 'channel',
    label: 'How they got in touch',
    hint: 'Online, phone or email. Blank means phone.',
    required: false,
    guesses: ['channel', 'howcontacted', 'contactmethod', 'source', 'howtheygotintouch'],
  },
  { key: 'email', label: 'Email address', required: false, guesses: ['email', 'emailaddress', 'parentemail'] },
  {
    key: 'phone',
    label: 'Phone number',
    required: false,
    guesses: ['phone', 'telephone', 'phonenumber', 'mobile', 'tel'],
  },
  {
    key: 'ehcStatus',
    label: 'EHC plan',
    hint: 'Has a plan, assessment asked for, refused, or none. Blank means none.',
    required: false,
    guesses: ['ehc', 'ehcp', 'ehcstatus', 'ehcplan', 'plan'],
  },
  {
    key: 'decision',
    label: 'The council’s decision being disagreed with (SEN mediation)',
    hint: 'For example: refused assessment, refused plan, plan contents, cease plan. Blank means disagreement resolution.',
    required: false,
    guesses: ['decision', 'decisiontype', 'ehcdecision', 'appealabledecision'],
  },
  {
    key: 'letterDate',
    label: 'Date of the council’s decision letter',
    required: false,
    guesses: ['letterdate', 'decisiondate', 'decisionletter', 'dateofdecisionletter', 'letter'],
  },
  {
    key: 'notes',
    label: 'What happened',
    required: false,
    guesses: ['notes', 'summary', 'whathappened', 'details', 'description'],
  },
]

export const fieldKeys = importFields.map((f) => f.key)

const squash = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9]/g, '')

/** The column for each field: the administrator's last choice where the file has that heading, else a guess. */
export function proposedMapping(headers: string[], saved: Record<string, string> | undefined): Record<string, string> {
  const mapping: Record<string, string> = {}
  const taken = new Set<string>()
  for (const field of importFields) {
    const remembered = saved?.[field.key]
    const guess =
      remembered && headers.includes(remembered)
        ? remembered
        : headers.find((h) => !taken.has(h) && field.guesses.includes(squash(h)))
    if (guess) {
      mapping[field.key] = guess
      taken.add(guess)
    }
  }
  return mapping
}
