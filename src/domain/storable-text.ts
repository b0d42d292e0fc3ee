// Text PostgreSQL cannot store: the NUL character, and half of a UTF-16 surrogate pair (a lone
// surrogate, which is not a character at all). Every form and API request is checked for them
// before anything is saved, so the answer names the field instead of failing at the database.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const unstorableMessage =
  'This has a character that cannot be saved (a NUL character, or half of an emoji or other character): remove it and try again'

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text)
}

/**
 * The first string in a request body (or query) that cannot be stored, by its path
 * ("child.name", "events.0.data.reason"); keys are checked too. Undefined when all is well.
 */
export function unstorableText(value: unknown, path: string[] = []): { path: string; message: string } | undefined {
  if (typeof value === 'string') {
    return isStorableText(value) ? undefined : { path: path.join('.'), message: unstorableMessage }
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableText(item, [...path, String(i)])
      if (found) return found
    }
    return undefined
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return { path: [...path, 'key'].join('.'), message: unstorableMessage }
      const found = unstorableText(item, [...path, key])
      if (found) return found
    }
  }
  return undefined
}
