// The environment, parsed once. Every setting is listed in the README; keep the two in step.
import { z } from 'zod'

const devSecret = 'development-only-session-secret-change-me-0123456789'

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().default('./data'),
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').default(devSecret),
    SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
    // Seals staff authenticator apps' secrets in the database; unset, a key derived from SESSION_SECRET.
    SECOND_FACTOR_KEY: z.string().min(32, 'SECOND_FACTOR_KEY must be at least 32 characters').optional(),
    // Secure cookies are only sent over HTTPS; in production, behind TLS, set TRUST_PROXY too.
    COOKIE_SECURE: z.stringbool().optional(),
    TRUST_PROXY: z.stringbool().default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ADMIN_EMAIL: z.string().email().default('admin@example.com'),
    BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(100_000),
    // The address people use to reach Parley, for links in emails and texts; by default this
    // machine on PORT, so a link in a message works for someone trying Parley on another port.
    PUBLIC_URL: z.string().url().optional(),
    // Email: smtp://user:pass@host:587 or smtps://...; unset keeps messages in the outbox only.
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default('Parley <no-reply@localhost>'),
    // Text messages: an HTTP provider that takes a JSON POST; unset keeps them in the outbox only.
    SMS_PROVIDER_URL: z.string().url().optional(),
    SMS_PROVIDER_TOKEN: z.string().optional(),
    // Parties' portal: how long a sign-in link lasts, and idle minutes before signing out.
    PORTAL_LINK_MINUTES: z.coerce.number().int().positive().default(30),
    PORTAL_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
    // The outbox: a message being sent is held by one worker this long; after a crash it is taken
    // again once that has passed. A background job that stops beating this long is given up.
    MESSAGE_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
    JOB_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).max(600).default(30),
    // A file outside the database where the audit's hash chains are anchored (a JSON line an hour).
    AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return
    if (env.SESSION_SECRET === devSecret) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'set SESSION_SECRET in production' })
    }
    if (!env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'production runs on PostgreSQL: set DATABASE_URL',
      })
    }
  })

  .transform((env) => ({
    ...env,
    COOKIE_SECURE: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  }))

export type Config = z.infer<typeof schema>

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Parley cannot start, the configuration is not valid:\n${problems}`)
  }
  return result.data
}

/** Config for tests: defaults, with overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...overrides }
}
