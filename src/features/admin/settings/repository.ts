// The service settings page's queries: who last changed each setting.
import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client.ts'
import { settings, users } from '../../../db/schema/index.ts'

/** Each setting's last change and the name of who made it (null once their account is gone). */
export function settingChanges(db: Db) {
  return db
    .select({ key: settings.key, updatedAt: settings.updatedAt, by: users.name })
    .from(settings)
    .leftJoin(users, eq(users.id, settings.updatedBy))
}
