// Every administration page is for administrators only.
export const adminOnly = { access: ['administrator'] as const }
