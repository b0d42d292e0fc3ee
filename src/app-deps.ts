// What every area is built from. A leaf module: areas import this type, never app.ts (which
// imports every area), so that no import runs in a circle.
import type { Clock } from './clock.ts'
import type { Config } from './config.ts'
import type { Database } from './db/client.ts'

export interface AppDeps {
  config: Config
  database: Database
  clock: Clock
}
