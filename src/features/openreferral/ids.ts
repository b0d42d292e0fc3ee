// Open Referral wants a UUID for every record it publishes, stable from one fetch to the next. A
// council is its service (the council's own id); everything else gets a UUID made from what it
// belongs to: the MD5 of "kind:id", laid out as a UUID. PostgreSQL makes the same one
// (md5('kind:' || id)::uuid), so a record can be found again by its id.
import { createHash } from 'node:crypto'

export function stableId(kind: string, ...parts: string[]): string {
  const hex = createHash('md5')
    .update(`${kind}:${parts.join(':')}`)
    .digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export const providerOrganizationId = stableId('organization', 'provider')
