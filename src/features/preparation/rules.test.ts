import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  childViewsVisibleTo,
  documentTypeOf,
  DOCX_TYPE,
  downloadName,
  inPartyOrder,
  notContactedReason,
  partyLabel,
  PDF_TYPE,
  summariesReleased,
  summaryVisibleTo,
  zipEntryNames,
} from './rules.ts'
import { docxBytes, exeBytes, pdfBytes, zipBytes } from './testing.ts'

describe('preparation rules', () => {
  it('names a person by name and an organisation by what it is', () => {
    assert.equal(partyLabel({ role: 'parent', name: 'Sarah Hartley' }), 'Sarah Hartley')
    assert.equal(
      partyLabel({ role: 'school', name: 'Brookfield Primary School', organisation: 'Brookfield Primary School' }),
      'the school (Brookfield Primary School)',
    )
    assert.equal(partyLabel({ role: 'local-authority', name: '', organisation: null }), 'the council')
    assert.equal(partyLabel({ role: 'young-person', name: ' ' }), 'the young person')
  })

  it('says who has not been contacted before a meeting, or nothing when everyone has', () => {
    const missing = inPartyOrder([
      { role: 'parent', name: 'Sarah Hartley' },
      { role: 'school', name: 'Brookfield Primary School', organisation: 'Brookfield Primary School' },
    ])
    assert.equal(
      notContactedReason(missing),
      'Contact every party before arranging the meeting. Not contacted yet: Sarah Hartley, the school (Brookfield Primary School).',
    )
    assert.equal(notContactedReason([]), undefined)
  })

  it("shows the child's views to staff, and to a party only if the child agreed to share them with that party", () => {
    const shared = { consentToShare: true, shareWith: ['parent', 'local-authority'] }
    const notShared = { consentToShare: false, shareWith: [] }
    for (const staff of ['coordinator', 'mediator', 'manager', 'administrator']) {
      assert.equal(childViewsVisibleTo(staff, notShared), true, staff)
    }
    assert.equal(childViewsVisibleTo('parent', shared), true)
    assert.equal(childViewsVisibleTo('local-authority', shared), true)
    assert.equal(childViewsVisibleTo('school', shared), false)
    assert.equal(childViewsVisibleTo('parent', notShared), false)
    assert.equal(
      childViewsVisibleTo('parent', { consentToShare: false, shareWith: ['parent'] }),
      false,
      'no consent: a stray list shares nothing',
    )
    assert.equal(childViewsVisibleTo('referrer', { consentToShare: true, shareWith: ['referrer'] }), false)
  })

  it('counts summaries as released once a coordinator releases them, or from the set date', () => {
    const none = { summariesReleasedAt: null, summariesReleaseOn: null }
    assert.equal(summariesReleased(none, '2026-12-01'), false)
    assert.equal(
      summariesReleased({ ...none, summariesReleasedAt: new Date('2026-11-30T10:00:00Z') }, '2026-12-01'),
      true,
    )
    const dated = { ...none, summariesReleaseOn: '2026-12-04' }
    assert.equal(summariesReleased(dated, '2026-12-03'), false)
    assert.equal(summariesReleased(dated, '2026-12-04'), true)
    assert.equal(summariesReleased(dated, '2027-01-10'), true)
  })

  it("lets a party see only its own summary until they are released, then everyone's; staff see all", () => {
    const theirs = { partyId: 'school' }
    assert.equal(summaryVisibleTo({ kind: 'party', partyId: 'parent' }, theirs, false), false)
    assert.equal(summaryVisibleTo({ kind: 'party', partyId: 'school' }, theirs, false), true)
    assert.equal(summaryVisibleTo({ kind: 'party', partyId: 'parent' }, theirs, true), true)
    assert.equal(summaryVisibleTo({ kind: 'staff' }, theirs, false), true)
  })

  it('judges a document by its content, not its name', () => {
    assert.equal(documentTypeOf(pdfBytes()), PDF_TYPE)
    assert.equal(documentTypeOf(docxBytes()), DOCX_TYPE)
    assert.equal(documentTypeOf(exeBytes()), undefined)
    assert.equal(documentTypeOf(Buffer.from('\x7fELF\x02\x01\x01', 'latin1')), undefined)
    assert.equal(documentTypeOf(Buffer.from('Dear mediator, here is my summary')), undefined)
    assert.equal(documentTypeOf(Buffer.alloc(0)), undefined)
    // A zip that is not a Word document (an .xlsx has no word/document.xml), and one with only part of it.
    assert.equal(
      documentTypeOf(zipBytes({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' })),
      undefined,
    )
    assert.equal(documentTypeOf(zipBytes({ 'word/document.xml': '<w:document/>' })), undefined)
  })

  it('reads the names in a zip from its local headers when the central directory is missing', () => {
    const whole = docxBytes()
    const names = zipEntryNames(whole)
    assert.deepEqual([...names].sort(), ['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])
    const start = whole.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    const headersOnly = whole.subarray(0, start)
    assert.equal(documentTypeOf(headersOnly), DOCX_TYPE)
  })

  it('gives a download a safe name with the extension of the type found', () => {
    assert.equal(downloadName('summary.exe', PDF_TYPE, 'summary'), 'summary.pdf')
    assert.equal(downloadName('"evil"\r\n.docx', DOCX_TYPE, 'summary'), 'evil.docx')
    assert.equal(downloadName(null, DOCX_TYPE, 'summary'), 'summary.docx')
  })
})
