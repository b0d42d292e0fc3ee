import type { MessageTemplate } from '../../domain/message-wording.ts'

// The portal's messages: a sign-in link by email, or a code by text message.
export const portalTemplates: readonly MessageTemplate[] = [
  {
    key: 'portal-sign-in-link',
    name: 'Portal: sign-in link (email)',
    subject: 'Your link to see your case',
    body: `Hello ((name)),

Use this link to see your case with ((service-name)):

((link))

The link works once, for ((minutes)) minutes. If it has stopped working, ask for a new one on the sign-in page.

If you did not ask for this link, you do not need to do anything. Nobody can see your case without the link.

If you need help, call us on ((service-phone)) or email ((service-email)). We are open ((opening-hours)).

((service-name))`,
    placeholders: ['name', 'link', 'minutes', 'service-name', 'service-phone', 'service-email', 'opening-hours'],
  },
  {
    key: 'portal-sign-in-code',
    name: 'Portal: sign-in code (text message)',
    subject: 'Your sign-in code',
    body: `((code)) is your code to see your case with ((service-name)). It works once, for ((minutes)) minutes. If you did not ask for it, you do not need to do anything.`,
    placeholders: ['code', 'minutes', 'service-name'],
  },
]
