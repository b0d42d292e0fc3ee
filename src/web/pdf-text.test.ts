import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { textRuns, toPdfText } from './pdf-text.ts'

describe('text for the PDFs, in every script (textRuns, toPdfText)', () => {
  it('keeps Latin, Greek and Cyrillic text in one run of the Latin font, accents and all', () => {
    assert.deepEqual(textRuns('Zoë Ní Bhriain, Łukasz Wróbel, Ελένη, Дмитрий'), [
      { script: 'latin', text: 'Zoë Ní Bhriain, Łukasz Wróbel, Ελένη, Дмитрий' },
    ])
    assert.deepEqual(
      textRuns('Zoe\u0308'),
      [{ script: 'latin', text: 'Zoe\u0308' }],
      'a combining mark stays with its letter',
    )
    assert.deepEqual(
      textRuns('Zoë\nWarrington'),
      [{ script: 'latin', text: 'Zoë\nWarrington' }],
      'and a line break with its line',
    )
  })

  it('gives Arabic and Chinese their own fonts, the spaces between two scripts going with the Latin text', () => {
    assert.deepEqual(textRuns('Name: محمد علي (parent), 李华 Li'), [
      { script: 'latin', text: 'Name: ' },
      { script: 'arabic', text: 'محمد علي' },
      { script: 'latin', text: ' (parent), ' },
      { script: 'han', text: '李华' },
      { script: 'latin', text: ' Li' },
    ])
    // A zero-width non-joiner, as in a Persian name, stays in its word.
    assert.deepEqual(textRuns('Zahra مهر\u200cنوش'), [
      { script: 'latin', text: 'Zahra ' },
      { script: 'arabic', text: 'مهر\u200cنوش' },
    ])
  })

  it('puts the parts of an Arabic stretch right to left when a sign the Arabic font lacks splits it, keeping digits in order', () => {
    // The Arabic font has no hyphen or brackets: those are drawn in the Latin one, mirrored.
    assert.deepEqual(textRuns('عبد-الله'), [
      { script: 'arabic', text: 'الله' },
      { script: 'latin', text: '-' },
      { script: 'arabic', text: 'عبد' },
    ])
    assert.deepEqual(textRuns('علي (أبو) محمد'), [
      { script: 'arabic', text: ' محمد' },
      { script: 'latin', text: '(' },
      { script: 'arabic', text: 'أبو' },
      { script: 'latin', text: ')' },
      { script: 'arabic', text: 'علي ' },
    ])
    // Each line on its own.
    assert.deepEqual(textRuns('علي-محمد\nأبو-علي'), [
      { script: 'arabic', text: 'محمد' },
      { script: 'latin', text: '-' },
      { script: 'arabic', text: 'علي' },
      { script: 'arabic', text: '\n' },
      { script: 'arabic', text: 'علي' },
      { script: 'latin', text: '-' },
      { script: 'arabic', text: 'أبو' },
    ])
    assert.deepEqual(textRuns('علي 12 محمد'), [
      { script: 'arabic', text: ' محمد' },
      { script: 'arabic', text: '12' },
      { script: 'arabic', text: 'علي ' },
    ])
  })

  it('draws a character no font has as a question mark, and makes line endings and tabs plain', () => {
    assert.equal(toPdfText('Zoë, Łukasz, Ελένη, Дмитрий, محمد, 李华'), 'Zoë, Łukasz, Ελένη, Дмитрий, محمد, 李华')
    assert.equal(toPdfText('Sam 🙂 שלום 한'), 'Sam ? ???? ?')
    assert.equal(toPdfText('a\r\nb\tc'), 'a\nb c')
  })
})
