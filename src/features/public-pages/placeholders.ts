// The public pages whose wording administrators change, and the words in double brackets their
// wording may use, filled in from the settings as they are now.
import { SESSION_COOKIE } from '../../web/session.ts'
import type { ProviderContact } from '../../web/provider.ts'
import { accessibilityWording, cookiesWording, privacyWording } from './standard-wording.ts'

export const pageKinds = ['privacy', 'accessibility', 'cookies'] as const
export type PageKind = (typeof pageKinds)[number]

export const isPageKind = (value: unknown): value is PageKind => pageKinds.includes(value as PageKind)

export const pages: Record<PageKind, { title: string; path: string; standard: string }> = {
  privacy: { title: 'Privacy notice', path: '/privacy', standard: privacyWording },
  accessibility: { title: 'Accessibility statement', path: '/accessibility', standard: accessibilityWording },
  cookies: { title: 'Cookies', path: '/cookies', standard: cookiesWording },
}

/** What each word in double brackets stands for, as the wording page lists them. */
export const placeholderNames = {
  'provider-name': "The provider's name",
  'provider-address': "The provider's address",
  'provider-phone': "The provider's phone number",
  'provider-email': "The provider's email address",
  'session-cookie': 'The name of the cookie Parley sets',
  'wording-date': 'The day this wording was last saved',
} as const

/** The day the standard wording was last checked (for a page still in it). */
export const STANDARD_WORDING_DATE = '2026-12-07'

export type Placeholder = keyof typeof placeholderNames

export function placeholderValues(provider: ProviderContact, wordingDate: string): Record<Placeholder, string> {
  return {
    'wording-date': wordingDate,
    'provider-name': provider.name,
    'provider-address': provider.address,
    'provider-phone': provider.phone,
    'provider-email': provider.email,
    'session-cookie': SESSION_COOKIE,
  }
}
