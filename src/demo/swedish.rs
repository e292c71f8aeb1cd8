//! The demo in Swedish: every text the demo writes, as a Swedish municipality would write it.
//! The demo is written once, in English, and each text is looked up here when the session
//! speaks Swedish; a test builds the Swedish demo and fails on any text this table lacks.

/// The Swedish of a text the demo writes, if there is one.
pub(super) fn in_swedish(english: &str) -> Option<&'static str> {
    let swedish = match english {
        // The commissioning body, units and the competence catalogue
        "Strategic coordination group" => "Strategiska samordningsgruppen",
        "Learning & family" => "Lärande och familj",
        "Health & care" => "Hälsa och omsorg",
        "Community development" => "Samhällsutveckling",
        "Service support" => "Servicestöd",
        "Regional health service" => "Regionens hälso- och sjukvård",
        "Police" => "Polisen",
        "Employment service" => "Arbetsförmedlingen",
        "Ådalen sports club" => "Ådalens idrottsklubb",
        "Norrbo housing company" => "Norrbo bostadsbolag",
        "Language teacher" => "Språklärare",
        "Special-needs teacher" => "Speciallärare",
        "Study and career counsellor" => "Studie- och yrkesvägledare",
        "Employment officer" => "Arbetsmarknadshandläggare",
        "Social worker" => "Socialsekreterare",
        "Social worker with authority to decide" => "Socialsekreterare med delegation",
        "Addiction counsellor" => "Beroendebehandlare",
        "School nurse" => "Skolsköterska",
        "Trauma counsellor" => "Traumabehandlare",
        "Eating-disorder specialist" => "Specialist på ätstörningar",
        "Gambling-addiction specialist" => "Specialist på spelberoende",
        "Dementia nurse" => "Demenssjuksköterska",
        "Disability support officer" => "LSS-handläggare",
        "Building-permit officer" => "Bygglovshandläggare",
        "Planning architect" => "Planarkitekt",
        "Environment inspector" => "Miljöinspektör",
        "Water and streets engineer" => "VA- och gatuingenjör",
        "Youth leader" => "Fritidsledare",
        "Sports coach" => "Idrottstränare",
        "Community police officer" => "Kommunpolis",
        "Education" => "Utbildning",
        "Work" => "Arbete",
        "Social services" => "Socialtjänst",
        "Health" => "Hälsa",
        "Care" => "Omsorg",
        "Planning" => "Planering",
        "Environment" => "Miljö",
        "Technical" => "Teknik",
        "Leisure" => "Fritid",
        "Safety" => "Trygghet",
        // Roles on the roster
        "Arena coordinator" => "Arenakoordinator",
        "Knowledge manager" => "Kunskapsansvarig",
        "Psychologist" => "Psykolog",
        "Club chair" => "Klubbordförande",
        "Job coach" => "Jobbcoach",
        "Home-care nurse" => "Hemsjuksköterska",
        "Property manager" => "Förvaltare",
        // The arenas
        "Work, Swedish and a network for a newly arrived young man" => {
            "Arbete, svenska och ett nätverk för en nyanländ ung man"
        }
        "Case LF-2026-014: 18 years old, recently granted asylum, lives in a village far from town.\nWants a job soon; needs language lessons, guidance, people to know and support after what he fled." => {
            "Ärende LF-2026-014: 18 år, nyligen beviljad asyl, bor i en by långt från centralorten.\nVill snart ha ett jobb; behöver språkundervisning, vägledning, människor att lära känna och stöd efter det han flytt från."
        }
        "Within four months: a language course he attends, a work placement, one activity with the local sports club, and contact with trauma support." => {
            "Inom fyra månader: en språkkurs som han går på, en arbetsplacering, en aktivitet med den lokala idrottsklubben och kontakt med traumastöd."
        }
        "A twelve-year-old falling behind, with addiction at home" => {
            "En tolvåring som halkar efter, med missbruk i hemmet"
        }
        "Case LF-2026-021: father abuses drugs, parents divorced, the boy has started smoking and drinking.\nMother is anxious and drinks too. School results are falling." => {
            "Ärende LF-2026-021: pappan missbrukar narkotika, föräldrarna är skilda, pojken har börjat röka och dricka.\nMamman är orolig och dricker också. Skolresultaten sjunker."
        }
        "A joint plan with school, social services and the regional health service before the spring term." => {
            "En gemensam plan med skolan, socialtjänsten och regionens hälso- och sjukvård före vårterminen."
        }
        "A family stuck between a plot and a detailed plan" => {
            "En familj fast mellan en tomt och en detaljplan"
        }
        "Case CD-2026-007: moved from the capital, bought a plot, no building permit until a new detailed plan is adopted.\nLiving with a grandmother; the daughter's eating disorder has returned, the father gambles." => {
            "Ärende CD-2026-007: flyttade från huvudstaden, köpte en tomt, får inget bygglov förrän en ny detaljplan antagits.\nBor hos en mormor; dotterns ätstörning har kommit tillbaka, pappan spelar."
        }
        "Clarify the planning timeline with the family, find interim housing options, and connect the family with school health and addiction support." => {
            "Klargöra planens tidslinje med familjen, hitta tillfälligt boende och koppla ihop familjen med elevhälsan och beroendestödet."
        }
        "Widower alone at home, turning down home care" => {
            "Änkling ensam hemma som tackar nej till hemtjänst"
        }
        "Case HC-2026-031: lost his wife in the summer; neighbours say he rarely goes out and refuses help." => {
            "Ärende HC-2026-031: förlorade sin fru i somras; grannarna säger att han sällan går ut och vägrar ta emot hjälp."
        }
        "Going home from hospital with dementia, safely" => "Hem från sjukhuset med demens, tryggt",
        "Case HC-2026-019: repeated readmissions; care at home, the hospital and the family do not share one plan." => {
            "Ärende HC-2026-019: upprepade återinläggningar; hemtjänsten, sjukhuset och familjen har ingen gemensam plan."
        }
        "One discharge routine agreed by the ward, home care and the family; fewer readmissions over three months." => {
            "En utskrivningsrutin som avdelningen, hemtjänsten och familjen är överens om; färre återinläggningar under tre månader."
        }
        "Young people gathering in the empty square at night" => {
            "Unga som samlas på det tomma torget på kvällarna"
        }
        "Shop owners and the youth centre report unrest and vandalism after closing time." => {
            "Butiksägarna och fritidsgården rapporterar oro och skadegörelse efter stängningsdags."
        }
        "Summer jobs for young people in Norrbacka" => "Sommarjobb för unga i Norrbacka",
        "Few young people in the estate found summer work; employers say they never meet them." => {
            "Få unga i området fick sommarjobb; arbetsgivarna säger att de aldrig träffar dem."
        }
        "Twenty summer jobs through local employers and the housing company." => {
            "Tjugo sommarjobb genom lokala arbetsgivare och bostadsbolaget."
        }
        "New parents who need support with a newborn" => {
            "Nyblivna föräldrar som behöver stöd med ett nyfött barn"
        }
        "Case HC-2026-025: both parents have intellectual disabilities; maternity care asks for coordinated support at home." => {
            "Ärende HC-2026-025: båda föräldrarna har intellektuell funktionsnedsättning; mödravården ber om samordnat stöd i hemmet."
        }
        "Daily routines that work for the family, with child health care, disability support and social services in one team." => {
            "Vardagsrutiner som fungerar för familjen, med barnhälsovården, LSS och socialtjänsten i ett team."
        }
        "Flooded basements in the old mill district" => {
            "Översvämmade källare i gamla kvarnkvarteren"
        }
        "Third flood in two years; residents, the water company and the property owners blame each other." => {
            "Tredje översvämningen på två år; de boende, VA-bolaget och fastighetsägarna skyller på varandra."
        }
        "A shared picture of the cause and a plan the property owners and the water company both sign." => {
            "En gemensam bild av orsaken och en plan som både fastighetsägarna och VA-bolaget skriver under."
        }
        "Siblings absent from school for months" => "Syskon som varit borta från skolan i månader",
        "Case LF-2026-033: three siblings, absent since the autumn break; the family does not answer the school." => {
            "Ärende LF-2026-033: tre syskon, frånvarande sedan höstlovet; familjen svarar inte skolan."
        }
        "Reopening the village hall with the local association" => {
            "Bygdegården öppnar igen med hembygdsföreningen"
        }
        "The association wants to run the hall again but needs permits, a fire inspection and a lease." => {
            "Föreningen vill driva bygdegården igen men behöver tillstånd, en brandsyn och ett hyresavtal."
        }
        "The hall open for the association's activities by midsummer." => {
            "Bygdegården öppen för föreningens verksamhet till midsommar."
        }
        "A private pool at the care home" => "En egen pool vid äldreboendet",
        "Relatives ask for a pool to be built at the care home." => {
            "Anhöriga ber att en pool byggs vid äldreboendet."
        }
        "Not a need that crosses units: facility management handles the request." => {
            "Inget behov som går över enheterna: fastighetsförvaltningen hanterar önskemålet."
        }
        "Newly arrived women: from language class to a workplace" => {
            "Nyanlända kvinnor: från språkklassen till en arbetsplats"
        }
        "Women finishing language courses rarely reach work placements; childcare and transport get in the way." => {
            "Kvinnor som avslutar språkkurser når sällan fram till en arbetsplacering; barnomsorg och resor står i vägen."
        }
        "A route from language class to placement that ten women complete, with childcare solved." => {
            "En väg från språkklass till placering som tio kvinnor fullföljer, med barnomsorgen löst."
        }
        "One way in for employers' permit questions" => {
            "En väg in för arbetsgivares frågor om tillstånd"
        }
        "Employers who want to hire newcomers are sent between five offices for permits and support." => {
            "Arbetsgivare som vill anställa nyanlända skickas mellan fem kontor för tillstånd och stöd."
        }
        "One contact point and a shared checklist used by every office involved." => {
            "En kontaktpunkt och en gemensam checklista som alla inblandade kontor använder."
        }
        "What made the difference: one plan that every unit used, and a team that met the recipient together." => {
            "Det som gjorde skillnaden: en plan som alla enheter använde, och ett team som träffade mottagaren tillsammans."
        }
        // The programs: contacts, criteria, activities
        "LF-2026-014" => "LF-2026-014",
        "LF-2026-021 (the boy and his mother)" => "LF-2026-021 (pojken och hans mamma)",
        "CD-2026-007 (the family on the plot)" => "CD-2026-007 (familjen på tomten)",
        "meeting" => "möte",
        "phone" => "telefon",
        "home visit" => "hembesök",
        "e-mail" => "e-post",
        "First meeting at the library with an interpreter; he wants work before anything else." => {
            "Första mötet på biblioteket med tolk; han vill ha arbete före allt annat."
        }
        "Course start agreed; he asked about the football club." => {
            "Kursstart överenskommen; han frågade om fotbollsklubben."
        }
        "Visited the club's training together with the chair." => {
            "Besökte klubbens träning tillsammans med ordföranden."
        }
        "He attends the language course" => "Han går på språkkursen",
        "attendance list" => "närvarolista",
        "80% of lessons" => "80 % av lektionerna",
        "He has a work placement" => "Han har en arbetsplacering",
        "placement agreement signed" => "placeringsavtal undertecknat",
        "within 3 months" => "inom 3 månader",
        "He has people to turn to" => "Han har människor att vända sig till",
        "his own account at follow-up" => "hans egen berättelse vid uppföljningen",
        "names two people outside the family" => "nämner två personer utanför familjen",
        "Book an introductory language course" => "Boka en introduktionskurs i svenska",
        "Map his work experience with an interpreter" => {
            "Kartlägga hans arbetslivserfarenhet med tolk"
        }
        "Trial training with the sports club" => "Provträning med idrottsklubben",
        "Find a placement employer in the village" => "Hitta en placeringsgivare i byn",
        "Arrange trauma support" => "Ordna traumastöd",
        "no trauma counsellor in the team yet" => "ingen traumabehandlare i teamet än",
        "Bus card for course and placement" => "Busskort till kurs och placering",
        "Mother agrees to the joint plan; wants the school to call before noon." => {
            "Mamman går med på den gemensamma planen; vill att skolan ringer före lunch."
        }
        "He is at school" => "Han är i skolan",
        "attendance" => "närvaro",
        "90% this term" => "90 % denna termin",
        "He stops drinking" => "Han slutar dricka",
        "his account and the school nurse's" => "hans egen och skolsköterskans bedömning",
        "no alcohol for three months" => "ingen alkohol på tre månader",
        "Joint meeting with school, social services and health care" => {
            "Gemensamt möte med skolan, socialtjänsten och vården"
        }
        "Health talk with the school nurse" => "Hälsosamtal med skolsköterskan",
        "Walked the plot with the family and the permit officer." => {
            "Gick runt på tomten med familjen och bygglovshandläggaren."
        }
        "Sent the planning timeline; the father asked about temporary housing." => {
            "Skickade planens tidslinje; pappan frågade om tillfälligt boende."
        }
        "The family knows when it can build" => "Familjen vet när den kan bygga",
        "written timeline the family confirms" => "skriftlig tidslinje som familjen bekräftar",
        "by the target date" => "till måldatumet",
        "The daughter gets treatment" => "Dottern får behandling",
        "contact with the eating-disorder clinic" => "kontakt med ätstörningsmottagningen",
        "within 4 weeks" => "inom 4 veckor",
        "Timeline for the detailed plan" => "Tidslinje för detaljplanen",
        "Temporary permit for a site cabin" => "Tillfälligt bygglov för en bod",
        "waiting for the water and streets engineer" => "väntar på VA- och gatuingenjören",
        "Referral to the eating-disorder clinic" => "Remiss till ätstörningsmottagningen",
        "Support for the father's gambling" => "Stöd kring pappans spelande",
        "Update on what the team has done since the last call." => {
            "Lägesrapport om vad teamet gjort sedan förra samtalet."
        }
        "The recipient says the situation is better" => "Mottagaren säger att läget är bättre",
        "follow-up conversation" => "uppföljningssamtal",
        "yes" => "ja",
        "Yes: said at the closing meeting." => "Ja: sagt vid avslutningsmötet.",
        "The units involved work from one plan" => "De inblandade enheterna arbetar efter en plan",
        "one shared plan in use" => "en gemensam plan i bruk",
        "in use by all" => "används av alla",
        "One plan, used by all four units." => "En plan, som alla fyra enheterna använder.",
        "Kick-off with the whole team" => "Uppstart med hela teamet",
        "Agree the plan with the recipient" => "Komma överens om planen med mottagaren",
        "Follow-up meeting" => "Uppföljningsmöte",
        // The knowledge bank
        "How to write an entry for the knowledge bank" => {
            "Så skriver du ett inlägg i kunskapsbanken"
        }
        "Four questions are enough: what did we try, what worked, what would we do differently, and who can tell more.\n\nNever a citizen's name or personal number: a case code is enough. Tag the entry with the words a colleague will search for, in Swedish too if that is how people talk about it." => {
            "Fyra frågor räcker: vad prövade vi, vad fungerade, vad skulle vi göra annorlunda, och vem kan berätta mer.\n\nAldrig en medborgares namn eller personnummer: en ärendekod räcker. Tagga inlägget med de ord en kollega kommer att söka på, på engelska också om det är så man talar om det."
        }
        "knowledge bank" => "kunskapsbank",
        "writing" => "skriva",
        "Motivational interviewing: a half-day course" => "Motiverande samtal: en halvdagskurs",
        "For colleagues who meet addiction in families and do not know how to raise it.\nThe basics of motivational interviewing, with practice in pairs. Four times a year in the town hall; ask Oskar for the next date." => {
            "För kollegor som möter missbruk i familjer och inte vet hur de ska ta upp det.\nGrunderna i motiverande samtal, med övningar i par. Fyra gånger om året i stadshuset; fråga Oskar om nästa datum."
        }
        "addiction" => "missbruk",
        "collegial learning" => "kollegialt lärande",
        "course" => "kurs",
        "Ådalen sports club: a way into the village for newcomers" => {
            "Ådalens idrottsklubb: en väg in i byn för nyanlända"
        }
        "Lars Åkesson, the club chair, finds a team or a volunteer role for a newcomer within a week.\nThe club asks for a short introduction from the arena first, and for someone to come along to the first training." => {
            "Lars Åkesson, klubbens ordförande, hittar ett lag eller ett ideellt uppdrag åt en nyanländ inom en vecka.\nKlubben vill först ha en kort presentation från arenan, och att någon följer med till första träningen."
        }
        "network" => "nätverk",
        "newly arrived" => "nyanlända",
        "sports" => "idrott",
        "Trauma-informed first conversations" => "Traumamedvetna första samtal",
        "Two afternoons for staff who meet young people who fled war or persecution: what trauma does to memory and trust, and how to ask without pushing.\nGiven by the regional health service; places for arena members are free." => {
            "Två eftermiddagar för personal som möter unga som flytt krig eller förföljelse: vad trauma gör med minnet och tilliten, och hur man frågar utan att pressa.\nGes av regionens hälso- och sjukvård; platserna är gratis för arenornas medlemmar."
        }
        "trauma" => "trauma",
        "A home visit works better than letters for school absence" => {
            "Ett hembesök fungerar bättre än brev vid skolfrånvaro"
        }
        "When a family stops answering the school, letters only add to the pile. A joint visit by the school nurse and a social worker, announced by phone the day before, opened the door in five of six families.\nBring the timetable and one concrete offer: a shorter day, a quiet room, a named adult." => {
            "När en familj slutar svara skolan blir breven bara en del av högen. Ett gemensamt besök av skolsköterskan och en socialsekreterare, aviserat per telefon dagen före, öppnade dörren hos fem av sex familjer.\nTa med schemat och ett konkret erbjudande: en kortare dag, ett lugnt rum, en namngiven vuxen."
        }
        "family" => "familj",
        "school absence" => "skolfrånvaro",
        "skola" => "skola",
        "Employers hire the young people they have met" => {
            "Arbetsgivare anställer de unga de har träffat"
        }
        "Adverts brought almost no applications from the estate. A speed-meeting evening in the housing company's community room, with ten local employers, led to most of the summer jobs.\nThe young people came because the youth leaders asked them personally." => {
            "Annonser gav nästan inga ansökningar från området. En kväll med snabbmöten i bostadsbolagets samlingslokal, med tio lokala arbetsgivare, gav de flesta sommarjobben.\nDe unga kom för att fritidsledarna bjöd in dem personligen."
        }
        "employers" => "arbetsgivare",
        "summer jobs" => "sommarjobb",
        "youth" => "unga",
        "Summer jobs in Norrbacka: 23 jobs against a target of 20" => {
            "Sommarjobb i Norrbacka: 23 jobb mot målet 20"
        }
        "Twenty-three young people from the estate worked at least three weeks over the summer, eleven of them for the first time.\nWhat made the difference: employers met them before they applied, and the housing company offered jobs of its own. Next time: start in February, not April." => {
            "Tjugotre unga från området arbetade minst tre veckor under sommaren, elva av dem för första gången.\nDet som gjorde skillnaden: arbetsgivarna träffade dem innan de sökte, och bostadsbolaget erbjöd egna jobb. Nästa gång: börja i februari, inte april."
        }
        "Book the fire inspection before the lease is signed" => {
            "Boka brandsynen innan hyresavtalet skrivs under"
        }
        "The hall's lease was ready weeks before anyone checked the emergency exits; the fire inspection then found two faults that took a month to mend.\nBook it first: it decides what the association may use the hall for." => {
            "Hyresavtalet för bygdegården var klart flera veckor innan någon kontrollerade nödutgångarna; brandsynen hittade sedan två brister som tog en månad att åtgärda.\nBoka den först: den avgör vad föreningen får använda lokalen till."
        }
        "association" => "förening",
        "permits" => "tillstånd",
        "village hall" => "bygdegård",
        "One permit meeting instead of five letters" => "Ett tillståndsmöte i stället för fem brev",
        "Gather the building-permit officer, the environment inspector and the fire service with the association at one table, with the drawings on it.\nEvery question answered on the spot, one list of what remains, one contact person. It replaced weeks of letters between offices." => {
            "Samla bygglovshandläggaren, miljöinspektören och räddningstjänsten med föreningen runt ett bord, med ritningarna framför sig.\nVarje fråga besvarad på plats, en lista över det som återstår, en kontaktperson. Det ersatte veckor av brev mellan kontoren."
        }
        "Childcare first, then the work placement" => "Barnomsorgen först, sedan arbetsplaceringen",
        "Every woman who completed her placement had a place in förskola arranged before her first day at work.\nThose who started without one dropped out within two weeks. Sort out childcare and the bus route while the language course still runs." => {
            "Alla kvinnor som fullföljde sin placering hade en plats i förskolan ordnad före första arbetsdagen.\nDe som började utan en avbröt inom två veckor. Lös barnomsorg och bussresa medan språkkursen fortfarande pågår."
        }
        "childcare" => "barnomsorg",
        "förskola" => "förskola",
        "work" => "arbete",
        "A språkcafé at the workplace" => "Ett språkcafé på arbetsplatsen",
        "Once a week, half an hour of Swedish over coffee at the employer's, with colleagues instead of a teacher: a språkcafé (language café) where the words of the job are practised.\nThe colleagues learned as much as the newcomers: how to speak plainly, and who their new workmate is." => {
            "En gång i veckan, en halvtimme svenska över en kopp kaffe hos arbetsgivaren, med kollegor i stället för en lärare: ett språkcafé där jobbets ord övas.\nKollegorna lärde sig lika mycket som de nyanlända: att tala enkelt, och vem deras nya arbetskamrat är."
        }
        "language" => "språk",
        "språkcafé" => "språkcafé",
        "Emma Strand, job coach at the Employment service" => {
            "Emma Strand, jobbcoach på Arbetsförmedlingen"
        }
        "Knows which employers in the region take placements for newly arrived adults, and which of them can offer part-time hours around childcare.\nBest reached on Tuesday mornings." => {
            "Vet vilka arbetsgivare i regionen som tar emot nyanlända vuxna på placering, och vilka av dem som kan erbjuda deltid runt barnomsorgen.\nNås bäst på tisdagsförmiddagar."
        }
        "One discharge checklist, owned by the ward" => {
            "En checklista vid utskrivning, som avdelningen äger"
        }
        "Readmissions fell when the ward, home care and the family signed one checklist before discharge: medicines, who comes on the first evening, who the family calls at night.\nThe checklist only worked once the ward owned it; before that everyone assumed someone else had sent it." => {
            "Återinläggningarna minskade när avdelningen, hemtjänsten och familjen skrev under en checklista före utskrivningen: läkemedel, vem som kommer första kvällen, vem familjen ringer på natten.\nChecklistan fungerade först när avdelningen ägde den; innan dess trodde alla att någon annan hade skickat den."
        }
        "dementia" => "demens",
        "discharge" => "utskrivning",
        "hälsa" => "hälsa",
        "Call the family the day after discharge" => "Ring familjen dagen efter utskrivningen",
        "A ten-minute call from the dementia nurse the day after someone comes home: did the medicines arrive, did the night go well, is anything missing?\nThree of the four problems we found would otherwise have ended in a new ambulance trip." => {
            "Ett tio minuter långt samtal från demenssjuksköterskan dagen efter hemkomsten: kom läkemedlen, gick natten bra, saknas något?\nTre av de fyra problem vi hittade hade annars slutat med en ny ambulansresa."
        }
        "Case HC-2026-019: from four readmissions to none" => {
            "Ärende HC-2026-019: från fyra återinläggningar till ingen"
        }
        "Four readmissions in the three months before the arena, none in the three months after the shared discharge routine.\nThe family says the difference was knowing whom to call. The routine is now used on the whole ward." => {
            "Fyra återinläggningar de tre månaderna före arenan, ingen de tre månaderna efter den gemensamma utskrivningsrutinen.\nFamiljen säger att skillnaden var att veta vem de skulle ringa. Rutinen används nu på hela avdelningen."
        }
        "Hälsa first: a health check before the work plan" => {
            "Hälsan först: en hälsoundersökning före arbetsplanen"
        }
        "In three arenas about work for newly arrived adults, health problems nobody had asked about stopped the plan halfway.\nAsk the regional health service for a health check (hälsoundersökning) in the first month, before the placement is planned." => {
            "I tre arenor om arbete för nyanlända vuxna stoppades planen halvvägs av hälsoproblem som ingen hade frågat om.\nBe regionens hälso- och sjukvård om en hälsoundersökning den första månaden, innan placeringen planeras."
        }
        // Meetings, ratings, the purpose and the courses
        "The boy needs one adult who follows him through the school year." => {
            "Pojken behöver en vuxen som följer honom genom läsåret."
        }
        "Yes." => "Ja.",
        "The draft plan, to his mother." => "Utkastet till plan, för hans mamma.",
        "She wants school and social services at one meeting, not two." => {
            "Hon vill ha skolan och socialtjänsten på ett möte, inte två."
        }
        "One joint meeting a month." => "Ett gemensamt möte i månaden.",
        "The family needs a building permit." => "Familjen behöver ett bygglov.",
        "The family needs to stay well while the plan takes years." => {
            "Familjen behöver må bra medan planen tar år."
        }
        "The permit is the smallest of their problems." => {
            "Bygglovet är det minsta av deras problem."
        }
        "Six other plots wait for the same plan." => "Sex andra tomter väntar på samma plan.",
        "Tired; the planning officer is in two other arenas." => {
            "Trött; planhandläggaren är med i två andra arenor."
        }
        "A decision on temporary permits is up to the committee." => {
            "Ett beslut om tillfälliga bygglov ligger hos nämnden."
        }
        "Not yet: we ask for a visit before the committee meets." => {
            "Inte än: vi ber om ett besök innan nämnden sammanträder."
        }
        "The timeline of the detailed plan." => "Detaljplanens tidslinje.",
        "They cannot wait three years at the grandmother's." => {
            "De kan inte vänta tre år hos mormor."
        }
        "Why a temporary house is not allowed on their own plot." => {
            "Varför ett tillfälligt hus inte är tillåtet på deras egen tomt."
        }
        "Ask the committee about a temporary permit." => {
            "Fråga nämnden om ett tillfälligt bygglov."
        }
        "How do we keep a family's trust when the answer is years away?" => {
            "Hur behåller vi en familjs förtroende när svaret ligger år bort?"
        }
        "Two coordinators and the planning officer." => "Två koordinatorer och planhandläggaren.",
        "Give them a date for the next answer, even when it is not the final one." => {
            "Ge dem ett datum för nästa besked, även när det inte är det slutliga."
        }
        "Going home safely takes a plan made before the discharge, not after." => {
            "Att komma hem tryggt kräver en plan som görs före utskrivningen, inte efter."
        }
        "The discharge checklist, to two families." => {
            "Checklistan för utskrivning, för två familjer."
        }
        "The night is what worries them." => "Det är natten som oroar dem.",
        "Who calls the family the first evening at home?" => {
            "Vem ringer familjen första kvällen hemma?"
        }
        "The home-care night team, with the nurse's notes in hand." => {
            "Hemtjänstens nattpatrull, med sjuksköterskans anteckningar i handen."
        }
        "New parents need one person to ask, in the first weeks." => {
            "Nyblivna föräldrar behöver en person att fråga de första veckorna."
        }
        "The welcome visit at home." => "Välkomstbesöket i hemmet.",
        "Good; come once more at six weeks." => "Bra; kom en gång till vid sex veckor.",
        "How do we reach fathers?" => "Hur når vi papporna?",
        "Evening visits." => "Kvällsbesök.",
        "The mill district floods because the old pipes meet the new ones." => {
            "Kvarnkvarteren översvämmas där de gamla ledningarna möter de nya."
        }
        "The map of last spring's floods." => "Kartan över förra vårens översvämningar.",
        "Whose pipe it is." => "Vems ledningen är.",
        "Childcare and the bus decide whether a placement lasts." => {
            "Barnomsorgen och bussen avgör om en placering håller."
        }
        "What the arena learned." => "Det arenan lärde sig.",
        "Tell the next group about the language café." => {
            "Berätta om språkcaféet för nästa grupp."
        }
        "What makes an employer say yes?" => "Vad får en arbetsgivare att säga ja?",
        "A colleague who volunteers to be the buddy." => "En kollega som frivilligt blir fadder.",
        "Young people in Norrbacka lack a first reference, not a job." => {
            "Unga i Norrbacka saknar en första referens, inte ett jobb."
        }
        "Nobody convenes the ward and home care together." => {
            "Ingen kallar avdelningen och hemtjänsten till samma bord."
        }
        "One checklist, signed by the ward, home care and the family." => {
            "En checklista, underskriven av avdelningen, hemtjänsten och familjen."
        }
        "We meet the association only when something has gone wrong." => {
            "Vi träffar föreningen bara när något har gått snett."
        }
        "A shared steering group meets every other month." => {
            "En gemensam styrgrupp träffas varannan månad."
        }
        "The caretakers see who struggles, but have no time set aside." => {
            "Fastighetsskötarna ser vem som har det svårt, men har ingen tid avsatt."
        }
        "Employers heard of the arena from the newspaper." => {
            "Arbetsgivarna hörde talas om arenan i tidningen."
        }
        "The language café runs at the employers' now." => {
            "Språkcaféet hålls hos arbetsgivarna nu."
        }
        "Employers and the school each found their own young people." => {
            "Arbetsgivarna och skolan hittade var för sig sina unga."
        }
        "Every young person in school or work" => "Alla unga i skola eller arbete",
        "Nobody between 12 and 25 in the municipality falls out of school or work without someone noticing and acting together." => {
            "Ingen mellan 12 och 25 år i kommunen faller ur skola eller arbete utan att någon märker det och agerar tillsammans."
        }
        "School attendance is the school's duty, but the reasons for staying away lie with the family: who leads?" => {
            "Närvaron är skolans ansvar, men skälen till frånvaron finns i familjen: vem leder?"
        }
        "The arenas share one contact at the employment office instead of three." => {
            "Arenorna delar en kontakt på Arbetsförmedlingen i stället för tre."
        }
        "The council members asked to visit one citizen review before the next meeting." => {
            "Fullmäktigeledamöterna bad att få vara med på en medborgargenomgång före nästa möte."
        }
        "Town hall, room 3" => "Stadshuset, rum 3",
        "Health centre, library" => "Vårdcentralen, biblioteket",
        _ => return None,
    };
    Some(swedish)
}
