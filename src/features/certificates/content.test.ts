import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CERTIFICATE_KINDS } from '../../domain/workflow.ts'
import { formatDate } from '../../web/format.ts'
import { certificateDocument, certificateKindExplanation, certificateKindTitle } from './content.ts'
import { sampleContent } from './testing.ts'

const appeal = { dueDate: '2027-01-25', rule: 'The deadline is the later of two dates.' }

/** Every row of the document as "key: value", and every paragraph, in reading order. */
function lines(doc: ReturnType<typeof certificateDocument>): string[] {
  return doc.sections.flatMap((s) => [
    `## ${s.heading}`,
    ...s.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.rows.map((r) => `${r.key}: ${r.value}`))),
  ])
}

describe('what a certificate says', () => {
  it('keeps what the Tribunal needs when it is issued', () => {
    const content = sampleContent()
    assert.equal(content.number, 'MED-2026-000042-C1')
    assert.equal(content.caseReference, 'MED-2026-000042')
    assert.deepEqual(content.child, { name: 'Amelia Hartley', dateOfBirth: '2015-03-14' })
    assert.deepEqual(content.decision, {
      description: 'Not to change the EHC plan after a review',
      letterDate: '2026-10-19',
    })
    assert.deepEqual(content.issuedTo, { name: 'Sarah Hartley', role: 'parent' })
  })

  it('reads in order: the certificate, who it is for, the child, the decision, the appeal, the provider', () => {
    const doc = certificateDocument(sampleContent(), appeal, formatDate)
    assert.equal(doc.title, 'Mediation certificate MED-2026-000042-C1: Mediation declined')
    assert.deepEqual(
      doc.sections.map((s) => s.heading),
      [
        'About this certificate',
        'Who it is for',
        'The child or young person',
        'The decision in dispute',
        'Appealing to the SEND Tribunal',
        'Issued by',
      ],
    )
    const all = lines(doc)
    for (const expected of [
      'Type of certificate: Mediation declined',
      'What it means: Sarah Hartley was given information about mediation and decided not to try it.',
      'Date of issue: Wednesday 23 December 2026',
      'Certificate number: MED-2026-000042-C1',
      'Case reference: MED-2026-000042',
      'Name: Sarah Hartley',
      'Role: Parent or carer',
      'Name: Amelia Hartley',
      'Date of birth: Saturday 14 March 2015',
      'Local authority (council): Warrington Borough Council',
      'Decision: Not to change the EHC plan after a review',
      'Date of the decision letter: Monday 19 October 2026',
      'The last day to appeal is Monday 25 January 2027.',
      'The deadline is the later of two dates.',
      'Mediation service: SEN Mediation and Disagreement Resolution Service',
      'Address: 249 Birmingham Road, Sutton Coldfield, West Midlands, B72 1EA',
      'Phone: 03330 062 835',
    ])
      assert.ok(all.includes(expected), `says "${expected}"`)
    assert.ok(all.indexOf('Name: Sarah Hartley') < all.indexOf('Name: Amelia Hartley'))
  })

  it('explains each kind in one plain sentence of its own', () => {
    const sentences = CERTIFICATE_KINDS.map((kind) => certificateKindExplanation(kind, 'Sam'))
    assert.equal(new Set(sentences).size, CERTIFICATE_KINDS.length)
    for (const s of sentences) {
      assert.match(s, /^Sam [^.]+\.$/)
      assert.ok(s.split(' ').length <= 20, s)
    }
    assert.match(certificateKindExplanation('cannot-arrange', 'Sam'), /30 days/)
    assert.equal(certificateKindTitle('after-mediation'), 'Mediation has ended')
    assert.equal(certificateKindTitle('something-new'), 'something-new')
  })

  it('says how the appeal deadline is worked out when no date is known, and when the letter date is missing', () => {
    const all = lines(certificateDocument(sampleContent({ noLetterDate: true }), undefined, formatDate))
    assert.ok(all.includes('Date of the decision letter: Not known'))
    assert.ok(
      all.includes(
        'The last day to appeal is the later of 2 months from the date of the decision letter and 1 month from the date of this certificate.',
      ),
    )
    assert.ok(!all.some((l) => l.startsWith('The last day to appeal is Monday')))
  })
})
