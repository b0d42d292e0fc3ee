import assert from 'node:assert/strict'
import type { LightMyRequestResponse } from 'fastify'
import { parse, type HTMLElement } from 'node-html-parser'

export const html = (res: LightMyRequestResponse): HTMLElement => parse(res.body)

export const titleOf = (res: LightMyRequestResponse) => html(res).querySelector('title')?.text.trim() ?? ''

/** A GOV.UK validation failure: 400, "Error: " title, and a summary link to each field named. */
export function assertFormErrors(res: LightMyRequestResponse, fieldIds: string[]) {
  assert.equal(res.statusCode, 400, `expected 400, got ${res.statusCode}`)
  assert.match(titleOf(res), /^Error: /)
  const doc = html(res)
  const links = doc.querySelectorAll('.govuk-error-summary__list a').map((a) => a.getAttribute('href'))
  assert.deepEqual(
    links,
    fieldIds.map((id) => `#${id}`),
  )
  for (const id of fieldIds) assert.ok(doc.getElementById(id), `no field with id ${id} for the summary to link to`)
}

export function assertRedirect(res: LightMyRequestResponse, location?: string | RegExp) {
  assert.equal(res.statusCode, 303, `expected a redirect, got ${res.statusCode}: ${res.body.slice(0, 300)}`)
  if (typeof location === 'string') assert.equal(res.headers.location, location)
  else if (location) assert.match(String(res.headers.location), location)
}
