// Words for the panel's codes, and the choices its forms offer.

/** Languages offered as checkboxes; anything else goes in "other languages". Stored by value. */
export const commonLanguages: { value: string; text: string }[] = [
  { value: 'English', text: 'English' },
  { value: 'BSL', text: 'British Sign Language (BSL)' },
  { value: 'Welsh', text: 'Welsh' },
  { value: 'Polish', text: 'Polish' },
  { value: 'Urdu', text: 'Urdu' },
  { value: 'Punjabi', text: 'Punjabi' },
  { value: 'Bengali', text: 'Bengali' },
  { value: 'Gujarati', text: 'Gujarati' },
  { value: 'Arabic', text: 'Arabic' },
  { value: 'Romanian', text: 'Romanian' },
  { value: 'Somali', text: 'Somali' },
  { value: 'Mandarin', text: 'Mandarin' },
]

export function languageLabel(value: string): string {
  return commonLanguages.find((l) => l.value === value)?.text ?? value
}

export const weekdays: Record<string, string> = {
  '1': 'Monday',
  '2': 'Tuesday',
  '3': 'Wednesday',
  '4': 'Thursday',
  '5': 'Friday',
}

export const organisationKinds = {
  'local-authority': 'Council',
  school: 'School',
  college: 'College',
  health: 'Health body',
} as const

export const conflictLinks = {
  employment: 'Employment',
  family: 'Family',
  contract: 'Contract',
  other: 'Other',
} as const

export const standingLabels = {
  ok: 'Can be allocated',
  due: 'Renewal due soon',
  blocked: 'Cannot be allocated',
} as const
export type StandingStatus = keyof typeof standingLabels
