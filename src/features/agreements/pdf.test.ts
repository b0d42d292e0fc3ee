import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { namesInEveryScript, readPdf } from '../certificates/testing.ts'
import { agreementDocument, type AgreementContent } from './content.ts'
import { agreementPdf } from './pdf.ts'

function sample(change: Partial<AgreementContent> = {}): AgreementContent {
  return {
    title: 'Mediation agreement',
    caseReference: 'MED-2026-000042',
    service: 'SEN mediation',
    childName: 'Amelia Hartley',
    madeOn: '2026-11-27',
    version: 7,
    meeting: { day: '2026-11-27', startedAt: '10:00', endedAt: '12:30' },
    parties: [
      { name: 'Sarah Hartley', accepted: 'Accepted at the meeting' },
      { name: 'The council (Warrington Borough Council)', accepted: null },
    ],
    attended: [
      {
        name: 'Priya Shah',
        role: 'SEN officer',
        party: 'the council (Warrington Borough Council)',
        hadAuthorityToAgree: true,
      },
    ],
    groundRules: [{ text: 'Confidentiality: what is said at the meeting stays there.', agreed: true }],
    outcome: 'partial',
    points: [
      {
        number: 1,
        responsible: 'Priya Shah, SEN officer (the council (Warrington Borough Council))',
        what: 'Send Sarah the draft amended EHC plan.',
        byWhen: '2026-12-18',
        howKnown: 'Priya emails Sarah a copy.',
        appealable: 'Make an EHC plan: send the draft (within 5 weeks)',
        ownTimescaleAgreed: false,
        statutoryDueDate: '2027-01-01',
        dueDate: '2026-12-18',
        rule: 'Due by Friday 18 December 2026, the date the parties wrote in.',
      },
    ],
    notAgreed: ['Transport to school.'],
    checkInsAgreed: true,
    acceptanceNote: 'The council will confirm online.',
    provider: { name: 'SEN Mediation Service', phone: '03330 062 835', email: 'help@example.org' },
    ...change,
  }
}

describe('the agreement as a PDF (agreementPdf)', () => {
  it('gives the parties one date per point, with a sentence where the law sets it', async () => {
    const [first] = sample().points
    const points = [
      first!, // a date written in, sooner than the law's
      {
        ...first!,
        number: 2,
        what: 'Meet Sarah every Monday.',
        byWhen: null,
        appealable: null,
        statutoryDueDate: '2026-12-11',
        dueDate: '2026-12-11',
        rule: 'Any other point must be done within 2 weeks of the agreement (made Friday 27 November 2026).',
      },
      { ...first!, number: 3, byWhen: '2027-02-05', ownTimescaleAgreed: true, dueDate: '2027-02-05' },
    ]
    const content = sample({ points })
    const rows = agreementDocument(content)
      .sections.flatMap((s) => s.points ?? [])
      .flatMap((p) => p.rows)
    assert.ok(!rows.some((r) => r.key === 'By when' || r.key === 'Due date'), 'one date only')
    const { text } = await readPdf(await agreementPdf(content, { largePrint: false }))
    for (const expected of [
      'To be done by Friday 18 December 2026. This is the date written in at the meeting. The law says it must be done by Friday 1 January 2027 at the latest.',
      'To be done by Friday 11 December 2026. Any other point must be done within 2 weeks of the agreement (made Friday 27 November 2026).',
      'To be done by Friday 5 February 2027. Everyone agreed this date in writing. Without that, the law would have set Friday 1 January 2027.',
    ])
      assert.ok(text.includes(expected), `the PDF says "${expected}": ${text}`)
  })

  it('is the same document for the same content, dated the day it was made', async () => {
    const a = await agreementPdf(sample(), { largePrint: false })
    const b = await agreementPdf(sample(), { largePrint: false })
    assert.equal(a.subarray(0, 5).toString('latin1'), '%PDF-')
    assert.equal(a.length, b.length)
    const pdf = await readPdf(a)
    assert.equal(pdf.info.CreationDate, 'D:20261127120000Z')
    assert.equal(pdf.info.Author, 'SEN Mediation Service')
  })

  it('says everything the HTML page says, in reading order', async () => {
    const content = sample()
    const pdf = await readPdf(await agreementPdf(content, { largePrint: false }))
    const document = agreementDocument(content)
    assert.deepEqual(
      pdf.structure.filter((e) => e.role === 'H2').map((e) => e.text),
      document.sections.map((s) => s.heading),
    )
    for (const expected of [
      'Made final without every acceptance recorded because: The council will confirm online.',
      'Acceptance not recorded',
      'we will check with the person responsible and the family',
    ]) {
      assert.ok(pdf.text.includes(expected), `the PDF says "${expected}"`)
    }
  })

  it('prints names in every script exactly as typed, and markup as words, in both sizes', async () => {
    const [zoe, lukasz, eleni, dmitry, mohammed, li] = namesInEveryScript
    const content = sample({
      childName: `${li} <script>alert(1)</script>`,
      parties: [
        { name: `${zoe} and ${lukasz}`, accepted: 'Accepted at the meeting' },
        { name: 'The council (Warrington Borough Council)', accepted: null },
      ],
      attended: [{ name: eleni, role: 'SEN officer', party: 'the council', hadAuthorityToAgree: true }],
      points: [
        { ...sample().points[0]!, responsible: `${dmitry}, SEN officer`, what: `Send ${mohammed} the draft plan.` },
      ],
    })
    for (const largePrint of [false, true]) {
      const pdf = await readPdf(await agreementPdf(content, { largePrint }))
      for (const name of namesInEveryScript) assert.ok(pdf.text.includes(name), `the PDF says "${name}"`)
      assert.ok(pdf.text.includes(`${li} <script>alert(1)</script>`))
      assert.ok(
        pdf.structure.some((e) => e.alt === `Send ${mohammed} the draft plan.`),
        'Arabic kept as ActualText',
      )
      if (largePrint) assert.ok(pdf.bodyFontSize >= 18)
    }
  })
})
