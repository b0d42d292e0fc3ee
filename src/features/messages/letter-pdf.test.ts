import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { embeddedFonts, namesInEveryScript, readPdf } from '../certificates/testing.ts'
import { addressLines, renderLetterPdf, type Letter } from './letter-pdf.ts'

const letter: Letter = {
  recipientName: 'Sarah Hartley',
  recipientAddress: '12 Orchard Close\nWarrington\nWA1 1AA',
  subject: 'An update about your request for help: MED-2026-000042',
  body: 'Dear Sarah Hartley,\n\nWe have written to the council.\n\nWhat happens next: we will call you.\n\nSEN mediation service',
  date: 'Friday 27 November 2026',
  sender: {
    name: 'SEN mediation service',
    address: '249 Birmingham Road, Sutton Coldfield',
    phone: '03330 062 835',
    email: 'help@example.org',
  },
  largePrint: false,
}
const createdAt = new Date('2026-11-27T10:00:00Z')

describe('a letter as a PDF for posting', () => {
  it('is tagged, titled, in British English, with the address, the date, a heading and each paragraph in reading order', async () => {
    const pdf = await readPdf(await renderLetterPdf(letter, { createdAt }))
    assert.equal(pdf.marked, true)
    assert.equal(pdf.displayDocTitle, true)
    assert.equal(pdf.info.Title, letter.subject)
    assert.equal(pdf.info.Language, 'en-GB')
    assert.equal(pdf.bodyFontSize, 12)
    const roles = pdf.structure.map((e) => e.role)
    assert.deepEqual(roles, ['Document', 'P', 'P', 'P', 'H1', 'P', 'P', 'P', 'P'])
    const texts = pdf.structure.map((e) => e.text)
    assert.match(texts[1]!, /SEN mediation service 249 Birmingham Road Sutton Coldfield Phone: 03330 062 835/)
    assert.equal(texts[2], 'Sarah Hartley 12 Orchard Close Warrington WA1 1AA')
    assert.equal(texts[3], 'Friday 27 November 2026')
    assert.equal(texts[4], letter.subject)
    assert.deepEqual(texts.slice(5), [
      'Dear Sarah Hartley,',
      'We have written to the council.',
      'What happens next: we will call you.',
      'SEN mediation service',
    ])
  })

  it('prints large print at 18pt or more when the person asked for it', async () => {
    const pdf = await readPdf(await renderLetterPdf({ ...letter, largePrint: true }, { createdAt }))
    assert.ok(pdf.bodyFontSize >= 18, `body is ${pdf.bodyFontSize}pt`)
    assert.equal(pdf.info.Title, `${letter.subject} (large print)`)
    assert.ok(pdf.text.includes('We have written to the council.'))
  })

  it('embeds the Latin fonts only, for a letter with no Arabic or Chinese in it', async () => {
    assert.deepEqual(embeddedFonts(await renderLetterPdf(letter, { createdAt })), ['NotoSans-Bold', 'NotoSans-Regular'])
  })

  it('prints names in every script exactly as typed: the address, the greeting, the heading and the sign-off', async () => {
    const [zoe, lukasz, eleni, dmitry, mohammed, li] = namesInEveryScript
    const named: Letter = {
      ...letter,
      recipientName: `${mohammed} ${zoe}`,
      recipientAddress: `12 ${lukasz} Street\n${eleni} House\nWA1 1AA`,
      body: `Dear ${mohammed},\n\nWe have written to ${dmitry} at the council.\n\n${li}`,
      sender: { ...letter.sender, name: `${eleni} mediation service` },
      heading: `${dmitry} Council`,
      signature: `${zoe}\nMediation coordinator`,
    }
    for (const largePrint of [false, true]) {
      const bytes = await renderLetterPdf({ ...named, largePrint }, { createdAt })
      assert.deepEqual(embeddedFonts(bytes), [
        'NotoNaskhArabic',
        'NotoSans-Bold',
        'NotoSans-Regular',
        'NotoSansHans-Regular',
      ])
      const pdf = await readPdf(bytes)
      for (const name of namesInEveryScript) assert.ok(pdf.text.includes(name), `the PDF says "${name}"`)
      const texts = pdf.structure.map((e) => e.text)
      assert.ok(texts.includes(`${mohammed} ${zoe} 12 ${lukasz} Street ${eleni} House WA1 1AA`), 'the address')
      assert.ok(texts.includes(`Dear ${mohammed},`))
      assert.ok(
        texts.some((t) => t.startsWith(`${eleni} mediation service 249 Birmingham Road`)),
        'the sender',
      )
    }
  })

  it('reads an address written on one line with commas as lines', () => {
    assert.deepEqual(addressLines('1 High Street, Warrington,  WA1 1AA'), ['1 High Street', 'Warrington', 'WA1 1AA'])
  })
})
