import type { MessageTemplate } from '../../domain/message-wording.ts'

// Telling the owner of a staff account that a new authenticator app was set up for it, so that
// someone who did not do it knows at once.
export const secondFactorTemplates: readonly MessageTemplate[] = [
  {
    key: 'staff-second-factor-set-up',
    name: 'Staff: authenticator app set up (email)',
    subject: 'An authenticator app was set up for your account',
    body: `Hello ((name)),

An authenticator app was set up for your staff account with ((service-name)) (((email))) on ((when)). From now on you sign in with your password and a code from that app.

If this was you, you do not need to do anything.

If it was not you, tell an administrator straight away. They can reset your authenticator app and your password.

((service-name))`,
    placeholders: ['name', 'email', 'when', 'service-name'],
  },
]
