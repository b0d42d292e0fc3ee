// The rows of "Check your answers": each answer in words, with a link to the page that asked it.
import {
  adjustmentKinds,
  contactMethods,
  disagreementAreas,
  ehcDecisions,
  ehcStatuses,
  otherPartyKinds,
  requesterRoles,
  type RequestFacts,
} from '../../../domain/request.ts'
import { overAgeWarning } from '../../../domain/intake-age.ts'
import { formatDate } from '../../../web/format.ts'
import type { CouncilCheck } from '../council.ts'

export interface SummaryRow {
  key: { text: string }
  value: { html: string }
  actions: { items: { href: string; text: string; visuallyHiddenText: string }[] }
}

export interface SummarySection {
  heading: string
  rows: SummaryRow[]
}

/** Everything a person typed is escaped here, before it becomes the row's HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const lines = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>')
const list = (items: string[]) =>
  items.length === 1
    ? escapeHtml(items[0]!)
    : `<ul class="govuk-list govuk-list--bullet">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`

/** "Change date of birth", "Change EHC plan": lower case, except an abbreviation. */
const hidden = (key: string) => (/^[A-Z]{2}/.test(key) ? key : key.charAt(0).toLowerCase() + key.slice(1))

function row(key: string, html: string, href: string): SummaryRow {
  return {
    key: { text: key },
    value: { html },
    actions: { items: [{ href, text: 'Change', visuallyHiddenText: hidden(key) }] },
  }
}

export function summarySections(facts: RequestFacts, council: CouncilCheck, today: string): SummarySection[] {
  const { requester, child, contact, adjustments } = facts
  const self = requester.role === 'young-person'
  const you: SummaryRow[] = [
    row('Who is asking', escapeHtml(requesterRoles[requester.role]), '/request'),
    row('Your name', escapeHtml(requester.name), '/request/your-name'),
  ]
  if (requester.organisation)
    you.push(row('Your organisation', escapeHtml(requester.organisation), '/request/your-name'))
  if (facts.permission) {
    you.push(
      row(
        'Permission given by',
        escapeHtml(`${facts.permission.givenBy}, on ${formatDate(facts.permission.givenOn)}`),
        '/request/permission-details',
      ),
    )
    you.push(
      row("Parent's or carer's name", escapeHtml(facts.parent?.name || 'Not given'), '/request/permission-details'),
    )
  }

  const where = council.council ? `In the ${council.council} area` : 'Not in the area of a council we work for'
  const free = council.inFreeArea ? '' : `<br><strong>Our service may not be free for this postcode.</strong>`
  // A warning only: they can send the request as it is.
  const tooOld = overAgeWarning(child.dateOfBirth, today)
  const overAge = tooOld
    ? `<br><strong id="over-age">${escapeHtml(tooOld)} You can still send your request if it is right.</strong>`
    : ''
  const childRows: SummaryRow[] = [
    row(self ? 'Your full name' : 'Full name', escapeHtml(child.name), '/request/child'),
    row('Date of birth', `${escapeHtml(formatDate(child.dateOfBirth))}${overAge}`, '/request/child'),
    row('School, college or setting', escapeHtml(child.setting), '/request/child'),
    row('Home postcode', `${escapeHtml(child.postcode)}<br>${escapeHtml(where)}${free}`, '/request/postcode'),
    row('EHC plan', escapeHtml(ehcStatuses[facts.ehcStatus]), '/request/ehc-plan'),
  ]

  const disagreement: SummaryRow[] = [
    row('What it is about', list(facts.areas.map((a) => disagreementAreas[a])), '/request/about'),
  ]
  if (facts.decision) {
    const letter = facts.decision.letterDate
      ? `Letter dated ${formatDate(facts.decision.letterDate)}`
      : 'Date of the letter not known'
    disagreement.push(
      row(
        'The decision',
        `${escapeHtml(ehcDecisions[facts.decision.kind])}<br>${escapeHtml(letter)}`,
        '/request/decision',
      ),
    )
  }
  disagreement.push(
    row(
      'Who it is with',
      list(facts.otherParties.map((p) => (p.name ? `${otherPartyKinds[p.kind]}: ${p.name}` : otherPartyKinds[p.kind]))),
      '/request/with',
    ),
    row('What has happened', lines(facts.whatHappened), '/request/what-happened'),
  )

  const how = contact.methods.map((m) => {
    const detail = m === 'email' ? contact.email : m === 'post' ? contact.address : contact.phone
    return `${contactMethods[m]}: ${(detail ?? '').replace(/\s*\r?\n\s*/g, ', ')}`
  })
  const help = adjustments.kinds.map((k) =>
    k === 'interpreter'
      ? `${adjustmentKinds[k]} (${adjustments.language})`
      : k === 'other'
        ? `${adjustmentKinds[k]}: ${adjustments.details}`
        : adjustmentKinds[k],
  )
  const contacting: SummaryRow[] = [
    row('How to contact you', list(how), '/request/contact'),
    row('Best times to contact you', lines(contact.bestTimes || 'Any time we are open'), '/request/contact'),
    row('Help to take part', help.length ? list(help) : 'Nothing', '/request/adjustments'),
    row('Someone supporting you', escapeHtml(facts.supporter || 'No, or not yet'), '/request/supporter'),
  ]

  return [
    { heading: 'About you', rows: you },
    { heading: self ? 'About you and your education' : 'The child or young person', rows: childRows },
    { heading: 'The disagreement', rows: disagreement },
    { heading: 'Contacting you', rows: contacting },
  ]
}
