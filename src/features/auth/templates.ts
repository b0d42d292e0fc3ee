import type { MessageTemplate } from '../../domain/message-wording.ts'

// Staff sign-in's messages: telling the owner of an account that it was locked after wrong passwords.
export const authTemplates: readonly MessageTemplate[] = [
  {
    key: 'staff-account-locked',
    name: 'Staff: account locked after wrong passwords or codes',
    subject: 'Your account is locked until ((until))',
    body: `Hello ((name)),

Someone has tried to sign in to your ((service-name)) account ((attempts)) times with the wrong password or the wrong code from the authenticator app. To keep your account safe, nobody can sign in to it until ((until)), even with the right password and code.

If it was you, wait until then and sign in again.

If it was not you: nobody got in. Sign in after ((until)), change your password on your account page, and tell your administrator. If they got as far as the code, they knew your password.

((service-name))`,
    placeholders: ['name', 'attempts', 'until', 'service-name'],
  },
]
