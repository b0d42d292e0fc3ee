// Where a JSON text first goes wrong, for the 400 a malformed body gets: the character's index,
// its line and column, and what was expected there. A small JSON grammar check (RFC 8259); it
// only runs on a body JSON.parse has already refused.

export interface JsonFault {
  /** Index of the first character that is wrong (the length of the text when it ends too soon). */
  position: number
  line: number
  column: number
  expected: string
}

export function jsonFault(text: string): JsonFault | undefined {
  let i = 0
  const fail = (expected: string): never => {
    throw { position: i, expected }
  }
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  }
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`"${word}"`)
      i++
    }
  }
  const string = () => {
    i++ // the opening quote
    while (i < text.length && text[i] !== '"') {
      const ch = text.charCodeAt(i)
      if (ch < 0x20) fail('a control character to be escaped inside a string')
      if (text[i] === '\\') {
        i++
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k
              fail('four hex digits after \\u')
            }
          }
          i += 5
        } else if ('"\\/bfnrt'.includes(text[i] ?? '!')) i++
        else fail('an escape such as \\n, \\" or \\u00e9')
      } else i++
    }
    if (i >= text.length) fail('a closing quote (")')
    i++
  }
  const number = () => {
    if (text[i] === '-') i++
    if (text[i] === '0') i++
    else if (/[1-9]/.test(text[i] ?? '')) while (/\d/.test(text[i] ?? '')) i++
    else fail('a digit')
    if (text[i] === '.') {
      i++
      if (!/\d/.test(text[i] ?? '')) fail('a digit after the decimal point')
      while (/\d/.test(text[i] ?? '')) i++
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      if (!/\d/.test(text[i] ?? '')) fail('a digit in the exponent')
      while (/\d/.test(text[i] ?? '')) i++
    }
  }
  const value = (): void => {
    space()
    const ch = text[i]
    if (ch === '{') {
      i++
      space()
      if (text[i] === '}') return void i++
      for (;;) {
        space()
        if (text[i] !== '"') fail('a property name in double quotes')
        string()
        space()
        if (text[i] !== ':') fail('a colon (:)')
        i++
        value()
        space()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') return void i++
        fail('a comma (,) or a closing brace (})')
      }
    }
    if (ch === '[') {
      i++
      space()
      if (text[i] === ']') return void i++
      for (;;) {
        value()
        space()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') return void i++
        fail('a comma (,) or a closing bracket (])')
      }
    }
    if (ch === '"') return string()
    if (ch === 't') return literal('true')
    if (ch === 'f') return literal('false')
    if (ch === 'n') return literal('null')
    if (ch === '-' || /\d/.test(ch ?? '')) return number()
    fail(
      i >= text.length
        ? 'more JSON (the body ends too soon)'
        : 'a value: an object, a list, a string in double quotes, a number, true, false or null',
    )
  }
  try {
    value()
    space()
    if (i < text.length) fail('the end of the body (there is more after the JSON value)')
    return undefined
  } catch (e) {
    const { position, expected } = e as { position: number; expected: string }
    const before = text.slice(0, position)
    const line = before.split('\n').length
    const column = position - (before.lastIndexOf('\n') + 1) + 1
    return { position, line, column, expected }
  }
}
