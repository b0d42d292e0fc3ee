// The standard wording of the pages every public service must have, until an administrator changes
// it. Plain words for a reading age of about 9 to 11 (public-pages.test.ts measures it): short
// sentences, "we" and "you". A line starting "## " is a heading, "- " a bullet; a blank line ends
// a paragraph. Words in double brackets are filled in from the settings (see placeholders.ts).

export const privacyWording = `This notice says what we keep about you and your child, why we keep it, and what you can ask us to do with it.

## Who we are
((provider-name)) runs this service. We decide how your details are used, so the law calls us the controller.

You can write to us at ((provider-address)). You can call us on ((provider-phone)) or email ((provider-email)).

## What we keep
When you ask for help, we keep:

- your name and how to reach you
- your child's name, date of birth and school
- what your child needs help with, and any plan they have
- what the disagreement is about
- notes of what we talk about, and dates of meetings
- any agreement that is made, and any certificate we send you
- the names of other people who take part, such as the council or the school

Some of this is about health or a disability. The law says we must take extra care of it, and we do.

## Why we keep it
We keep it so we can help you sort out the disagreement. The council pays us to do this. The law says the council must offer it to families.

We also use it to check that the service is good and fair. When we do this, we take names out first.

## How long we keep it
We keep the records of a case for 6 years after it ends. Then we take out names and other details, so no one can tell who it was about.

If you asked us for help but it went no further, we keep your details for 1 year.

## Who we share it with
We only share what is needed, and only with:

- the people who take part in the mediation, when you say we can
- the council that pays for the service, when it needs to know (for a certificate, say)
- the mediator who works on your case
- companies that run our computer systems for us, under a contract that keeps it safe

We give the council counts of cases for each month, with no names in them. We never sell your details.

## What you can ask us to do
You can ask us:

- for a copy of what we keep about you
- to put right anything that is wrong
- to delete your details, or to stop using them for a while
- not to use your details in a way you do not agree with

Ask us by phone, email or letter. We will answer within one month. It is free.

## If you are not happy
Tell us first, and we will try to put it right.

You can also tell the Information Commissioner's Office (ICO). Their website is ico.org.uk and their phone number is 0303 123 1113.`

export const accessibilityWording = `This statement is about this website, run by ((provider-name)). It does not cover other websites we link to.

We want as many people as we can to be able to use this website. You should be able to:

- make the text bigger, up to 4 times, and still read all of it
- use the website with just a keyboard
- use the website with a screen reader
- use the website on a small phone screen
- use it with JavaScript turned off

We have tried to keep the words simple.

## How easy this website is to use
We know of no part of this website that is hard to use. If you find one, tell us.

## Feedback and contact information
If you need what is on this website in another way, such as large print, easy read, audio or Braille, tell us:

- phone: ((provider-phone))
- email: ((provider-email))

We will reply within 5 working days. We can set up a British Sign Language (BSL) interpreter, or someone to speak your language, for calls and meetings. It is free.

## Reporting problems with this website
We are always trying to make this website better. If you find a problem that is not listed here, or you think we are not meeting the rules, call or email us. We will look at it and tell you what we will do.

## Enforcement procedure
The Equality and Human Rights Commission (EHRC) makes sure the rules are kept. If you are not happy with how we answer you, contact the Equality Advisory and Support Service (EASS).

## Technical information about this website
((provider-name)) must make this website easy to use for everyone. The rules are the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.

## Compliance status
This website meets the Web Content Accessibility Guidelines (WCAG) version 2.2, at level AA, in full.

## Content that is not accessible
We know of none.

## How we check this website
We check every page with a tool called axe, and by hand, with just a keyboard. We do this each time we change the website.

## Preparation of this statement
This statement was last checked on ((wording-date)).`

export const cookiesWording = `A cookie is a small file that a website puts on your phone or computer.

We only use the cookies this service needs to work. We do not use cookies to track you, and we do not use cookies for adverts. So we do not need to ask if you agree to them.

## The cookie we use
We use 1 cookie. It is called ((session-cookie)).

- It remembers your answers as you go from page to page.
- It keeps you signed in, if you have signed in.
- It helps stop other websites sending forms in your name.

It does not hold your answers. They stay on our computer. The cookie only holds a long, random code that points to them.

The cookie is deleted when you close your browser. The code stops working after a short time with nothing done, and when you sign out.

## If you turn cookies off
You can still read our pages. But you will not be able to fill in a form, such as asking for help.`
