// The edit form is the profile form plus the version of the profile the page showed.
export { editFormSchema, profileFormValues, savedMessage, validateProfile } from '../new/schema.ts'
