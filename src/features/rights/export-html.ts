// The readable copy of a subject access export: a page listing the cases and a page for each case,
// plain HTML that opens in any browser with no network. Another person's data is highlighted
// (<mark>, with the words "Third party" for a screen reader and in print) for review before release.
import { formatDate, formatDateTime } from '../../web/format.ts'
import { reviewNotice, type CaseFile } from './export-content.ts'

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

const tag = '<span class="visually-hidden">Third party: </span>'
const mark = (s: string) => `<mark class="third-party">${tag}${escapeHtml(s)}</mark>`

/** The text, escaped, with every other person's detail in it highlighted; line breaks kept. */
function highlighted(text: string | null | undefined, values: string[]): string {
  if (!text) return ''
  const sorted = [...new Set(values)].filter(Boolean).sort((a, b) => b.length - a.length)
  if (!sorted.length) return escapeHtml(text).replace(/\n/g, '<br>')
  const pattern = new RegExp(sorted.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi')
  let out = ''
  let at = 0
  for (const m of text.matchAll(pattern)) {
    out += escapeHtml(text.slice(at, m.index)) + mark(m[0])
    at = m.index + m[0].length
  }
  return (out + escapeHtml(text.slice(at))).replace(/\n/g, '<br>')
}

const when = (iso: string) => (iso.length === 10 ? formatDate(iso) : formatDateTime(new Date(iso)))
const maybe = (value: string | null | undefined, third: boolean) =>
  value ? (third ? mark(value) : escapeHtml(value)) : '<span class="none">None</span>'

function page(title: string, body: string) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #0b0c0c; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; } th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6; padding: .5rem; }
mark.third-party { background: #ffdd00; outline: 2px solid #0b0c0c; padding: 0 .15rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media print { .visually-hidden { position: static; width: auto; height: auto; clip: auto; } }
.notice { border-left: 5px solid #1d70b8; padding-left: 1rem; } .none { color: #505a5f; }
</style></head>
<body><main>${body}</main></body></html>
`
}

export function indexPage(
  request: { reference: string; subjectName: string; receivedOn: string; dueOn: string; exportedAt: string },
  files: CaseFile[],
  hrefOf: (f: CaseFile) => string,
) {
  const rows = files
    .map(
      (f) =>
        `<tr><td><a href="${escapeHtml(hrefOf(f))}">${escapeHtml(f.reference)}</a></td><td>${escapeHtml(f.council)}</td><td>${escapeHtml(f.foundAs.join(', '))}</td><td>${when(f.receivedOn)}</td></tr>`,
    )
    .join('')
  return page(
    `Data held about ${request.subjectName}`,
    `<h1>Data held about ${escapeHtml(request.subjectName)}</h1>
<p>Subject access request ${escapeHtml(request.reference)}, received ${when(request.receivedOn)}, due ${when(request.dueOn)}. Exported ${when(request.exportedAt)}.</p>
<div class="notice"><h2>Before you release this</h2><p>${escapeHtml(reviewNotice)}</p><p>In these pages another person's data is ${mark('highlighted like this')}. The same data is in data.json for computers to read.</p></div>
<h2>Cases</h2>
<table><thead><tr><th scope="col">Case</th><th scope="col">Council</th><th scope="col">Found as</th><th scope="col">Received</th></tr></thead><tbody>${rows}</tbody></table>`,
  )
}

export function casePage(f: CaseFile, certificateHref: (file: string) => string) {
  const values = f.thirdPartyDetails
    .flatMap((p) => [p.name, p.email, p.phone, p.organisation])
    .filter((v): v is string => !!v)
  const h = (t: string | null | undefined) => highlighted(t, values)
  const section = (heading: string, inner: string) =>
    `<h2>${heading}</h2>${inner || '<p class="none">Nothing held.</p>'}`
  const parties = f.parties
    .map(
      (p) =>
        `<tr><td>${escapeHtml(p.roleName)}${p.subject ? ' (the person asking)' : ''}</td><td>${maybe(p.name, p.thirdParty)}</td><td>${maybe(p.organisation, p.thirdParty)}</td><td>${maybe(p.email, p.thirdParty)}</td><td>${maybe(p.phone, p.thirdParty)}</td></tr>`,
    )
    .join('')
  const events = f.timeline
    .map(
      (e) =>
        `<tr><td>${when(e.occurredOn)}</td><td><strong>${h(e.title)}</strong>${e.description ? `<br>${h(e.description)}` : ''}</td><td>${escapeHtml(e.by)}</td></tr>`,
    )
    .join('')
  const messages = f.messages
    .map(
      (m) =>
        `<h3>${h(m.subject)}</h3><p>${escapeHtml(m.channel)} to ${escapeHtml(m.to)}, ${when(m.sentAt)}</p><p>${h(m.body)}</p>`,
    )
    .join('')
  const summaries = f.summaries
    .map(
      (s) =>
        `<p><strong>${escapeHtml(s.by)}, ${when(s.submittedAt)}</strong><br>${h(s.text)}${s.file ? `<br>File: ${escapeHtml(s.file)}` : ''}</p>`,
    )
    .join('')
  const contacts = f.contacts
    .map(
      (k) =>
        `<p><strong>${when(k.contactedOn)}, ${escapeHtml(k.method)}, with ${escapeHtml(k.with)}</strong><br>${h(k.note)}</p>`,
    )
    .join('')
  const views = f.childViews.map((v) => `<p><strong>${when(v.gatheredOn)}</strong><br>${h(v.views)}</p>`).join('')
  const points = f.agreement?.points
    .map(
      (p) =>
        `<tr><td>${p.position}</td><td>${h(p.what)}</td><td>${maybe(p.responsible, p.thirdParty)}</td><td>${p.dueDate ? when(p.dueDate) : ''}</td></tr>`,
    )
    .join('')
  const certificates = f.certificates
    .map(
      (c) =>
        `<li><a href="${escapeHtml(certificateHref(c.file))}">${escapeHtml(c.title)}</a>, issued ${when(c.issuedOn)} to ${escapeHtml(c.issuedTo)}</li>`,
    )
    .join('')
  return page(
    `Case ${f.reference}`,
    `<h1>Case ${escapeHtml(f.reference)}</h1>
<p>${escapeHtml(f.council)}. Received ${when(f.receivedOn)}. Found as: ${escapeHtml(f.foundAs.join(', '))}.</p>
<h2>The child</h2>${f.child.review ? `<p class="notice">${escapeHtml(f.child.review)}</p>` : ''}
<table><tbody><tr><th scope="row">Name</th><td>${escapeHtml(f.child.name)}</td></tr><tr><th scope="row">Date of birth</th><td>${when(f.child.dateOfBirth)}</td></tr><tr><th scope="row">School or setting</th><td>${escapeHtml(f.child.setting)}</td></tr><tr><th scope="row">Postcode</th><td>${escapeHtml(f.child.postcode)}</td></tr></tbody></table>
<h2>What the request for help said</h2><p>${h(f.request.whatHappened)}</p>
<p>Contact given: ${maybe([f.request.contact.email, f.request.contact.phone, f.request.contact.address].filter(Boolean).join(', '), f.request.contact.thirdParty)}</p>
<h2>People in the case</h2>
<table><thead><tr><th scope="col">Role</th><th scope="col">Name</th><th scope="col">Organisation</th><th scope="col">Email</th><th scope="col">Phone</th></tr></thead><tbody>${parties}</tbody></table>
${section('Timeline', events ? `<table><thead><tr><th scope="col">Date</th><th scope="col">What happened</th><th scope="col">Recorded by</th></tr></thead><tbody>${events}</tbody></table>` : '')}
${section('Messages sent to them', messages)}
${section('What they gave before the meeting', summaries)}
${section('Contacts with them', contacts)}
${f.child.subject ? section("The child's views", views) : ''}
${section('Agreement', points ? `<p>${escapeHtml(f.agreement!.status)}</p><table><thead><tr><th scope="col">Point</th><th scope="col">What</th><th scope="col">Who</th><th scope="col">Due</th></tr></thead><tbody>${points}</tbody></table>` : '')}
${section('Certificates', certificates ? `<ul>${certificates}</ul>` : '')}`,
  )
}
