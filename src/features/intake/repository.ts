// The request journey's one query: the councils, to tell which one a postcode is in.
import type { Db } from '../../db/client.ts'
import { localAuthorities } from '../../db/schema/index.ts'

export function allAuthorities(db: Db) {
  return db.select().from(localAuthorities)
}
