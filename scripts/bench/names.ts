// Word lists for invented people, places and words. Common names come first: Random.pickCommon
// chooses them more often, so names repeat as they do in a real caseload, and a misspelt name
// finds several people.
const words = (text: string) => [...new Set(text.trim().split(/\s+/))]

export const FIRST_NAMES = words(`
Oliver Amelia George Olivia Harry Isla Noah Ava Jack Mia Leo Ivy Arthur Lily Muhammad Isabella
Oscar Rosie Charlie Sophia Jacob Grace Thomas Freya Henry Ella William Willow Alfie Emily Joshua
Florence James Evie Archie Poppy Theo Sophie Freddie Evelyn Isaac Phoebe Alexander Harper Finley
Elsie Daniel Sienna Lucas Matilda Edward Ruby Max Chloe Logan Isabelle Ethan Daisy Mohammed Millie
Teddy Luna Adam Alice Harrison Emilia Samuel Maya Reggie Scarlett Sebastian Aria Joseph Lottie Hugo
Ellie Albie Eliza Jaxon Bonnie Toby Mila Benjamin Erin Rory Aisha Dylan Zara Elijah Hannah Jude
Layla Louie Maisie Mason Molly Zachary Nancy Reuben Penelope Ronnie Esme Ezra Imogen Riley Margot
Frankie Orla Tommy Ada Jenson Amber Jasper Iris Stanley Hallie Albert Delilah Caleb Jessica Carter
Lola Harvey Eva Roman Lucy Jayden Ayla Kai Violet Bobby Holly Elliot Thea Rowan Heidi Tyler Summer
Dexter Mabel Nathan Annabelle Ralph Harriet Felix Robyn Ibrahim Nina Otis Clara Yusuf Beatrice
Luca Georgia Finn Hazel Michael Leah Ryan Abigail Aaron Lyla Kian Eleanor Ollie Ophelia Liam Rose
Connor Lilly Jamie Anna Callum Megan Kyle Lauren Declan Amy Owen Bethany Gabriel Niamh Bilal Fatima
Omar Maryam Hamza Zainab Ayaan Hafsa Arjun Priya Rohan Anaya Dev Kavya Tomasz Zofia Jakub Natalia
Kacper Oliwia Ciaran Siobhan Rhys Seren Dafydd Cerys Ewan Morven Fraser Kirsty Angus Eilidh
`)

export const SURNAMES = words(`
Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White
Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason Mitchell Rose Davis
Rodriguez Cox Alexander Morgan Moore Mills King Harris Lee Martin Cooper Bennett Turner Parker Hughes
Edwards Collins Stewart Morris Watson Campbell Anderson Hill Allen Young Scott Ward Baker Carter Kelly
Bell Murphy Bailey Cook Richardson Harrison Shaw Ali Hussain Ahmed Begum Singh Kaur Shah Price Gray
Marshall Russell Ellis Fisher Webb Reid Simpson Murray Graham Hunt Palmer Holmes Chapman Hart Knight
Lloyd Owen Fox Butler Barnes Dixon Matthews Wells Kennedy Stevens Gibson Ross Andrews Burton Grant
Saunders Pearson Harvey Armstrong Payne Mills Spencer Foster Ryan Hudson Dean Day Sharp Berry Newman
Lawrence Hartley Fenwick Quinn Barker Hamilton Gardner Ford Powell Jenkins Elliott Porter Atkinson
Booth Cole Kaur Robertson Bradley Jordan Walsh Hayes Chambers Watts Bates Pritchard Holland Howard
Goodwin Norris Dawson Whitehouse Rahman Akhtar Iqbal Mahmood Nowak Kowalski Wisniewski Lewandowski
Okafor Adeyemi Mensah Owusu Nguyen Chen Wang Li Zhang Kumar Sharma Gupta Mistry Joshi Desai Thornton
Whittaker Ashworth Greenwood Sutcliffe Haworth Lister Crossley Broadbent Pickles Entwistle Halliwell
Pemberton Fairclough Rimmer Gaskell Prescott Eccles Lomax Horrocks Tattersall Hargreaves Duckworth
Ainsworth Openshaw Bramwell Cartwright Fletcher Thatcher Slater Tanner Turnbull Forsyth Galloway
McDonald MacLeod Fraser Mackenzie Sinclair Docherty Gallagher Doherty Brennan Byrne Maguire Nolan
Donnelly Gillespie Rafferty Pryce Bevan Vaughan Rees Parry Griffiths Llewellyn Morgan Prosser Jeffries
`)

/** Parts of invented place names: each council and town is a start and an end ("Ashbury", "Colnefield"). */
export const PLACE_STARTS = words(`
Ash Bram Cal Dun Elm Fern Gold Hol Ivy Kel Lang Mar Nor Oak Pen Quen Ral Sel Thorn Ud Wyn Yar Alder
Brock Colne Dray Eastle Fal Glen Hart Irl Kirk Lin Mere Nether Ock Pres Rook Stow Tarn Ulver Wark
Bex Cran Dal Ember Frith Gras Hen
`)
export const PLACE_ENDS = words(`bury ford ley field wick ton ham mouth stead worth dale minster combe hurst brook`)
export const COUNCIL_KINDS = ['Borough Council', 'County Council', 'City Council', 'District Council', 'Council']

export const SCHOOL_KINDS = [
  'Primary School',
  'Academy',
  'High School',
  'Church of England Primary School',
  'Infant School',
  'College',
  'Special School',
  'Nursery',
]

export const WHAT_HAPPENED = [
  'The council said it would not carry out an EHC needs assessment, although the school says the support is not working.',
  'The draft EHC plan does not say how many hours of speech and language therapy there will be.',
  'The school has reduced the timetable and we have not been told for how long.',
  'We asked for the plan to be changed after the annual review, and the council said no.',
  'The council wants to stop the EHC plan now that my son has started college.',
  'The occupational therapy in section F has not been provided since September.',
  'We disagree with the school named in section I of the plan.',
  'The school and the council cannot agree who pays for the transport.',
  'Health and education say different things about the therapy my daughter needs.',
  'I am not sure whether this is something you can help with.',
]

export const ISSUES = [
  'How many hours of support in class',
  'Speech and language therapy in section F',
  'Which school is named in section I',
  'Transport to and from school',
  'A phased return to a full timetable',
  'How progress will be reviewed',
  'Occupational therapy assessment',
  'Communication between home and school',
]

export const POINTS = [
  'Send the family the amended draft plan',
  'Arrange a speech and language therapy assessment',
  'Hold an early review meeting with the family',
  'Provide a weekly report on progress',
  'Agree a phased timetable back to full days',
  'Confirm the transport arrangements in writing',
  'Name a key worker at school',
  'Issue the final EHC plan',
]
