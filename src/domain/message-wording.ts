// The wording of a message: plain English with ((placeholders)), as in GOV.UK Notify. Each area
// owns the templates of the messages it sends; the outbox fills them in.
export interface MessageTemplate {
  key: string
  /** What it is for, as the administrator's list shows it. */
  name: string
  subject: string
  body: string
  /** The placeholders it may use; saving wording with any other is refused. */
  placeholders: readonly string[]
}

/** One of an area's templates, by its key (a key that is not there is a programming error). */
export function templateNamed(templates: readonly MessageTemplate[], key: string): MessageTemplate {
  const found = templates.find((t) => t.key === key)
  if (!found) throw new Error(`No message template called ${key}`)
  return found
}

const placeholderPattern = /\(\(\s*([a-zA-Z][\w-]*)\s*\)\)/g

/** The placeholders a piece of wording uses. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1]!))]
}

/** Placeholders used in the wording that the template does not offer. */
export function unknownPlaceholders(template: MessageTemplate, ...texts: string[]): string[] {
  return texts.flatMap(placeholdersIn).filter((p, i, all) => !template.placeholders.includes(p) && all.indexOf(p) === i)
}

export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(placeholderPattern, (whole, name: string) => values[name] ?? whole)
}
