//! The words the large demo is built from, in English and Swedish as a Swedish municipality
//! writes them. Titles, units, names and competences are combinations of these lists, so a few
//! hundred words give thousands of different, believable rows.

/// Who an English title is about.
pub const SUBJECTS_EN: &[&str] = &[
    "A twelve-year-old",
    "Siblings",
    "A widower",
    "Young people",
    "New parents",
    "A family",
    "Newly arrived women",
    "An elderly couple",
    "Teenagers",
    "A single father",
    "A young man",
    "Pupils in year 9",
    "Tenants",
    "Shop owners",
    "Long-term unemployed adults",
    "A mother of four",
    "Children in foster care",
    "A man with dementia",
    "Girls in the youth centre",
    "Small employers",
    "A refugee family",
    "Residents of a care home",
];

/// What the English subject faces.
pub const SITUATIONS_EN: &[&str] = &[
    "absent from school for months",
    "falling behind, with addiction at home",
    "alone at home and turning down care",
    "gathering in the square at night",
    "needing support with a newborn",
    "stuck between a plot and a detailed plan",
    "without a path from language class to work",
    "at risk of eviction",
    "missing from every leisure activity",
    "living with flooded basements",
    "sent between five offices for one permit",
    "going home from hospital without a plan",
    "caring for a parent and close to burnout",
    "with debts no one has looked at",
    "excluded after a conflict at school",
    "waiting a year for a psychiatric assessment",
    "without transport to the day centre",
    "worried about violence in the family",
    "looking for summer jobs nobody offers",
    "unable to read letters from the authorities",
];

/// Who a Swedish title is about.
pub const SUBJECTS_SV: &[&str] = &[
    "Syskon",
    "En tolvåring",
    "En änkling",
    "Unga vuxna",
    "Nyblivna föräldrar",
    "En familj",
    "Nyanlända kvinnor",
    "Ett äldre par",
    "Tonåringar",
    "En ensamstående pappa",
    "Hyresgäster",
    "Elever i årskurs 9",
    "En pojke på mellanstadiet",
    "Småföretagare",
    "Boende på äldreboendet",
    "En flyktingfamilj",
    "Barn i familjehem",
    "En kvinna med demens",
];

/// What the Swedish subject faces.
pub const SITUATIONS_SV: &[&str] = &[
    "med hög frånvaro i skolan",
    "som halkar efter i skolan",
    "ensam hemma och tackar nej till hemtjänst",
    "samlas på torget på kvällarna",
    "behöver stöd med sin nyfödda",
    "fast mellan tomt och detaljplan",
    "utan väg från SFI till arbete",
    "riskerar vräkning",
    "saknar fritidsaktiviteter",
    "med översvämmade källare",
    "skickas runt mellan fem kontor",
    "skrivs ut från sjukhuset utan plan",
    "vårdar en förälder och är nära utbrändhet",
    "med skulder som ingen har tittat på",
    "oroliga för våld i familjen",
    "väntar ett år på en utredning",
    "utan skjuts till dagverksamheten",
    "söker sommarjobb som ingen erbjuder",
];

/// Districts and villages, used by both languages ("in Norrbacka", "i Norrbacka").
pub const PLACES: &[&str] = &[
    "Norrbacka",
    "Ådalen",
    "Kvarnbyn",
    "Söderslätt",
    "Östra Torp",
    "Björkhagen",
    "Lillån",
    "Granby",
    "Sjövik",
    "Hedebacken",
    "Älvsbyn",
    "Mölntorp",
    "Västra hamnen",
    "Stensjö",
    "Lövåsen",
    "Ekudden",
];

/// A sentence of a need, in either language.
pub const NEED_SENTENCES: &[&str] = &[
    "The school, social services and the health centre each know part of the story.",
    "Neighbours have called several times; nobody owns the question.",
    "The family has asked for help twice but was sent on both times.",
    "There is a language barrier and no interpreter has been booked.",
    "Earlier support ended when the case changed hands.",
    "Skolan, socialtjänsten och vårdcentralen vet var sin del.",
    "Grannar har hört av sig flera gånger men ingen äger frågan.",
    "Familjen har bett om hjälp två gånger och skickats vidare.",
    "Det finns ett språkhinder och ingen tolk är bokad.",
    "Tidigare insatser upphörde när ärendet bytte handläggare.",
    "A housing decision is waiting for a planning decision.",
    "Ett beslut om bostad väntar på ett planbeslut.",
];

/// What a commissioned arena is asked to achieve.
pub const MANDATES: &[&str] = &[
    "A joint plan with school, social services and the regional health service within three months.",
    "One contact person for the family and a plan every unit signs.",
    "Fewer readmissions over six months, with home care and the ward in one routine.",
    "A route from language class to a work placement that ten people complete.",
    "En gemensam plan med skola, socialtjänst och region före vårterminen.",
    "En kontaktperson för familjen och en plan som alla enheter skriver under.",
    "Minskad frånvaro till under tjugo procent före terminens slut.",
    "Ett tryggare torg på kvällarna, mätt med de boendes egen enkät.",
];

pub const DECLINE_REASONS: &[&str] = &[
    "Not a need that crosses units: the unit handles it in its ordinary work.",
    "Already covered by an arena running in the same district.",
    "Ingen gränsöverskridande fråga: verksamheten hanterar ärendet själv.",
    "Ligger utanför kommunens uppdrag; hänvisat till regionen.",
];

pub const COMMISSIONERS: &[&str] = &[
    "Strategic coordination group",
    "Strategiska samordningsgruppen",
    "Learning & family management team",
    "Ledningsgruppen vård och omsorg",
];

/// Internal units: a service and a district ("Hemtjänst Norrbacka").
pub const UNIT_SERVICES: &[&str] = &[
    "Hemtjänst",
    "Socialtjänst barn och unga",
    "Elevhälsan",
    "Förskola",
    "Fritidsgård",
    "Home care",
    "Family centre",
    "Adult education",
    "Planning office",
    "Housing support",
];

/// Outside partners.
pub const PARTNERS: &[&str] = &[
    "Region Skåne",
    "Polisen",
    "Arbetsförmedlingen",
    "Försäkringskassan",
    "Ådalen sports club",
    "Norrbo housing company",
    "Red Cross",
    "Svenska kyrkan",
    "Folkuniversitetet",
    "Migrationsverket",
    "Stadsmissionen",
    "Hyresgästföreningen",
];

/// Competences: a profession and a focus ("Kurator – nyanlända", "Social worker, young adults").
pub const PROFESSIONS: &[(&str, &str)] = &[
    ("Social worker", "Social services"),
    ("Socialsekreterare", "Social services"),
    ("Kurator", "Education"),
    ("Specialpedagog", "Education"),
    ("Language teacher", "Education"),
    ("Study and career counsellor", "Education"),
    ("Skolsköterska", "Health"),
    ("Psychologist", "Health"),
    ("Trauma counsellor", "Health"),
    ("Sjuksköterska", "Health"),
    ("Occupational therapist", "Care"),
    ("Biståndshandläggare", "Care"),
    ("Dementia nurse", "Care"),
    ("Employment officer", "Work"),
    ("Jobbcoach", "Work"),
    ("Budget and debt adviser", "Social services"),
    ("Fritidsledare", "Leisure"),
    ("Youth leader", "Leisure"),
    ("Planning architect", "Planning"),
    ("Bygglovshandläggare", "Planning"),
    ("Environment inspector", "Environment"),
    ("Community police officer", "Safety"),
    ("Interpreter", "Language"),
    ("Housing officer", "Housing"),
    ("Family therapist", "Social services"),
];

pub const FOCUSES: &[&str] = &[
    "young adults",
    "newly arrived",
    "neuropsychiatric needs",
    "elderly",
    "addiction",
    "violence in close relationships",
    "nyanlända",
    "barn och unga",
    "äldre",
    "missbruk",
    "funktionsnedsättning",
    "rural areas",
];

/// Roles people have in their unit.
pub const ROLES: &[&str] = &[
    "Socialsekreterare",
    "Social worker",
    "Specialpedagog",
    "Teacher",
    "Lärare",
    "Kurator",
    "School nurse",
    "Undersköterska",
    "Home-care nurse",
    "Unit manager",
    "Enhetschef",
    "Youth leader",
    "Fritidsledare",
    "Planning architect",
    "Handläggare",
    "Job coach",
    "Psychologist",
    "Arena coordinator",
];

pub const FIRST_NAMES: &[&str] = &[
    "Anna", "Maja", "Elin", "Sofia", "Karin", "Ida", "Emma", "Sara", "Hanna", "Nora", "Leila",
    "Britt", "Ulla", "Åsa", "Linnea", "Ebba", "Fatima", "Amina", "Zeynep", "Marta", "Ingrid",
    "Astrid", "Helena", "Johanna", "Malin", "Petra", "Yasmin", "Agnes", "Lovisa", "Saga", "Tove",
    "Jonas", "Per", "Lars", "Anders", "Johan", "Mikael", "Tomas", "Oskar", "Erik", "Ahmed",
    "Farid", "Omar", "Ali", "Mehmet", "Nils", "Gustav", "Björn", "Olof", "Hassan", "Daniel",
    "Fredrik", "Magnus", "Stefan", "Axel", "Viktor", "Isak", "Emil", "Ludvig", "Yusuf", "Karim",
    "Dragan", "Milan", "Pekka", "Juha", "Aino", "Liisa", "Mirja", "Goran", "Ivana",
];

pub const SURNAMES: &[&str] = &[
    "Lindqvist",
    "Ekberg",
    "Rahimi",
    "Backman",
    "Nyström",
    "Haddad",
    "Holm",
    "Svedberg",
    "Vik",
    "Blom",
    "Lund",
    "Sjögren",
    "Öberg",
    "Karimi",
    "Åkesson",
    "Strand",
    "Yusuf",
    "Sundin",
    "Berg",
    "Lind",
    "Eklund",
    "Persson",
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Lindström",
    "Forsberg",
    "Sandberg",
    "Hedlund",
    "Mattsson",
    "Wallin",
    "Engström",
    "Danielsson",
    "Håkansson",
    "Lundgren",
    "Falk",
    "Öztürk",
    "Yilmaz",
    "Hussein",
    "Mohammed",
    "Ali",
    "Nguyen",
    "Kovačević",
    "Petrović",
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Ström",
    "Dahl",
    "Sjöberg",
    "Hellström",
    "Norberg",
    "Björk",
    "Åberg",
    "Nordin",
    "Isaksson",
    "Bergqvist",
    "Lundqvist",
    "Fransson",
    "Höglund",
    "Mårtensson",
];

/// How a contact with the recipient happened.
pub const CHANNELS: &[&str] = &[
    "meeting",
    "phone",
    "phone",
    "home visit",
    "e-mail",
    "möte",
    "telefon",
    "hembesök",
];

/// What a contact with the recipient was about.
pub const CONTACT_SUMMARIES: &[&str] = &[
    "Went through the plan together; the family agreed to the next step.",
    "Follow-up call: things are calmer at home, school still hard.",
    "Met with an interpreter; new worries about housing came up.",
    "Short check-in; the appointment with the health centre is booked.",
    "Gick igenom planen tillsammans; familjen godkände nästa steg.",
    "Uppföljande samtal: lugnare hemma, skolan fortfarande svår.",
    "Möte med tolk; nya frågor om boendet kom upp.",
    "Kort avstämning; tiden på vårdcentralen är bokad.",
];

/// Evaluation criteria: what should change, how it is measured, the target.
pub const CRITERIA: &[(&str, &str, &str)] = &[
    (
        "Attendance at school rises",
        "attendance records",
        "above 80%",
    ),
    (
        "The family has one plan",
        "plan signed by every unit",
        "within a month",
    ),
    (
        "He has a work placement",
        "placement agreement",
        "within 3 months",
    ),
    ("Fewer readmissions", "ward statistics", "none in 3 months"),
    ("Närvaron i skolan ökar", "närvarolistor", "över 80 %"),
    (
        "Familjen har en gemensam plan",
        "plan undertecknad av alla",
        "inom en månad",
    ),
    (
        "Tryggare torg på kvällarna",
        "de boendes enkät",
        "7 av 10 känner sig trygga",
    ),
    (
        "Skulderna är kartlagda",
        "budget- och skuldrådgivningens rapport",
        "inom 6 veckor",
    ),
];

pub const RESULTS: &[&str] = &[
    "Reached: 86% at the last count.",
    "Partly reached; the plan continues in ordinary work.",
    "Uppnått enligt uppföljningen.",
    "Delvis uppnått; arbetet fortsätter i ordinarie verksamhet.",
];

pub const NO_RESULT_REASONS: &[&str] = &[
    "The family moved before the follow-up.",
    "Familjen flyttade innan uppföljningen.",
];

/// The activity plan's entries.
pub const ACTIVITIES: &[&str] = &[
    "Book a joint meeting with school and social services",
    "Map his work experience with an interpreter",
    "Apply for a place at the day centre",
    "Arrange a home visit with the district nurse",
    "Start a parent group in the district",
    "Contact the housing company about the lease",
    "Boka gemensamt möte med skola och socialtjänst",
    "Ansök om plats på dagverksamheten",
    "Ordna hembesök med distriktssköterskan",
    "Starta en föräldragrupp i området",
    "Kontakta bostadsbolaget om kontraktet",
    "Följ upp närvaron med mentor varannan vecka",
];

pub const BLOCKED_REASONS: &[&str] = &[
    "Waiting for consent from the guardian.",
    "Väntar på beslut från regionen.",
];
