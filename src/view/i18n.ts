import type { BadRowKind, ComplianceStatus } from '../report/model.js';
import type { SiteLanguage } from './view-model.js';

/**
 * The interface strings of the site: every word a template prints that does
 * not come from a charter. Templates read them as `{{frame.t.key}}` (inside
 * loops `{{@root.frame.t.key}}`); a test checks that every key a template
 * uses exists and that the three languages have the same keys.
 *
 * Strings are plain text: templates escape them. Search status lines contain
 * `{count}` and `{query}`, which search.js fills in.
 */

/**
 * The site root speaks all three languages at once, so its texts are the same
 * in every table: each key names the language its text is written in.
 */
const LANGUAGE_CHOICE = {
  rootTitleFi: 'Palvelulupaukset',
  rootTitleSv: 'Servicelöften',
  rootTitleEn: 'Service charters',
  rootIntroFi: 'Palvelulupaukset kertovat, miten yksiköt palvelevat asiakkaitaan. Valitse kieli.',
  rootIntroSv: 'Servicelöftena berättar hur enheterna betjänar sina kunder. Välj språk.',
  rootIntroEn: 'Service charters say how our units serve their customers. Choose a language.',
  rootLinkFi: 'Suomeksi',
  rootLinkSv: 'På svenska',
  rootLinkEn: 'In English',
} as const;

const FI = {
  // Frame
  skipToMain: 'Siirry pääsisältöön',
  siteTitle: 'Palvelulupaukset',
  languageNavLabel: 'Kielivalinta',
  languageNotAvailable: 'sivua ei ole tällä kielellä, linkki vie kielen etusivulle',
  searchLabel: 'Hae palvelulupauksista',
  searchButton: 'Hae',
  accessibilityStatement: 'Saavutettavuusseloste',
  chartersJson: 'Kaikki palvelulupaukset koneluettavina (JSON)',

  // Home and the A–Z list
  homeIntro:
    'Palvelulupaus kertoo, miten yksikkö palvelee asiakkaitaan: miten vastaamme puhelimeen, kuinka nopeasti vastaamme viesteihin, mitä teemme ennen poissaoloa ja miten asiakkaan asia siirtyy virkailijalta toiselle. Lupaukset koskevat meitä kaikkia, eivät vain asiakaspalvelua.',
  unitsAtoZ: 'Yksiköt A–Ö',
  organisationsNavLabel: 'Organisaatiot',
  otherUnits: 'Muut yksiköt',
  noCharters: 'Palvelulupauksia ei ole vielä julkaistu.',
  tagReviewOverdue: 'Tarkistus myöhässä',
  tagReviewDueSoon: 'Tarkistus pian',

  // Charter page
  onThisPage: 'Tällä sivulla',
  printableCard: 'Tulostettava taskukortti',
  reviewHeading: 'Tarkistus ja hyväksyntä',
  reviewStatus: 'Tila',
  reviewStatusOk: 'Ajan tasalla',
  reviewStatusDueSoon: 'Tarkistus lähestyy',
  reviewStatusOverdue: 'Tarkistus myöhässä',
  reviewApproved: 'Hyväksytty',
  reviewApprovedBy: 'Hyväksyjä',
  reviewEvery: 'Tarkistetaan',
  reviewNext: 'Seuraava tarkistus viimeistään',
  reviewReviewer: 'Tämän jakson tarkistaja',
  owner: 'Vastuuhenkilö',
  contactsHeading: 'Yhteystiedot',
  phone: 'Puhelin',
  email: 'Sähköposti',
  channelsHeading: 'Asiointikanavat ja lupauksemme',
  greeting: 'Vastaa puhelimeen näin',
  promises: 'Lupaamme',
  hoursHeading: 'Aukioloajat',
  hoursDays: 'Päivät',
  hoursTime: 'Kellonaika',
  hoursExceptions: 'Poikkeavat aukioloajat',
  absenceHeading: 'Ennen poissaoloa',
  absenceNotify: 'Ilmoita poissaolostasi',
  absenceNotice: 'Ilmoita etukäteen',
  outOfOffice: 'Poissaoloviesti',
  feedbackHeading: 'Palaute',
  feedbackChannel: 'Näin asiakas antaa palautetta',
  escalateTo: 'Vie asia tarvittaessa eteenpäin',
  handoverHeading: 'Asiakkaan asian siirtäminen',
  handoverRecord: 'Mihin yhteydenotot kirjataan',
  handoverRules: 'Kun siirrät asian',
  touchpointsHeading: 'Missä asiakkaat kohtaavat meidät',
  channel: 'Kanava',
  authorityHeading: 'Mitä saat päättää itse',
  authorityCaption: 'Asiakastyötä tekevän päätösvalta',
  authorityDecision: 'Päätös',
  authorityLimit: 'Enintään',
  authorityBeyond: 'Rajan ylittyessä',
  guideHeading: 'Taskuohje',
  improvementsHeading: 'Te sanoitte, me teimme',
  youSaid: 'Te sanoitte',
  weDid: 'Me teimme',

  // Pocket card
  cardTitle: 'Taskukortti',
  cardInstructions:
    'Tulosta tämä sivu: kortti tulostuu A6-kokoon (105 × 148 mm), etupuoli ja takapuoli omille sivuilleen. Valitse tulostimen asetuksista kaksipuolinen tulostus.',
  cardBackToCharter: 'Koko palvelulupaus',
  cardFront: 'Etupuoli',
  cardBack: 'Takapuoli',
  cardInstructionsA7:
    'Tulosta tämä sivu: kortti tulostuu A7-kokoon (74 × 105 mm), etupuoli ja takapuoli omille sivuilleen. Valitse tulostimen asetuksista kaksipuolinen tulostus.',
  cardInstructionsCreditCard:
    'Tulosta tämä sivu: kortti tulostuu luottokortin kokoon (85 × 55 mm), etupuoli ja takapuoli omille sivuilleen. Valitse tulostimen asetuksista kaksipuolinen tulostus.',
  cardPromisesHeading: 'Lupauksemme',
  cardQrAlt: 'QR-koodi: palvelulupauksen sivu intranetissä',
  cardFullGuide: 'Koko taskuohje',
  cardFullGuideLink: 'palvelulupauksen sivu intranetissä',

  // Search
  searchHeading: 'Haku',
  searchNoJs:
    'Tulokset päivittyvät kirjoittaessasi vain, jos selaimessasi on JavaScript käytössä. Kaikki yksiköt ovat myös alla aakkosjärjestyksessä.',
  searchResultsHeading: 'Hakutulokset',
  searchResultsOne: '1 tulos haulle ”{query}”',
  searchResultsOther: '{count} tulosta haulle ”{query}”',
  searchResultsNone: 'Ei tuloksia haulle ”{query}”',
  searchLoading: 'Haetaan…',
  searchUnavailable: 'Haku ei juuri nyt toimi. Kaikki yksiköt ovat alla aakkosjärjestyksessä.',

  // Accessibility statement
  a11yIntro:
    'Tämä seloste koskee palvelulupausten sivustoa. Haluamme, että kaikki voivat käyttää sivustoa, myös näppäimistöllä, ruudunlukijalla ja suurennettuna.',
  a11yStatusHeading: 'Saavutettavuuden tila',
  a11yStatusText:
    'Tavoitteemme on WCAG 2.2 -ohjeiden AA-taso. Sivut tarkistetaan automaattisilla testeillä, mutta ne löytävät vain osan ongelmista. Sivusto täyttää siksi saavutettavuusvaatimukset tietojemme mukaan osittain.',
  a11yKnownHeading: 'Tunnetut puutteet',
  a11yKnownSearch:
    'Hakusivun tulokset näkyvät vain, kun JavaScript on käytössä. Ilman sitä kaikki yksiköt löytyvät hakusivun aakkosellisesta luettelosta.',
  a11yKnownLanguages:
    'Yksiköt kirjoittavat palvelulupaustensa tekstit itse. Jos tekstiä ei ole sivun kielellä, se näytetään toisella kielellä.',
  a11yFeedbackHeading: 'Palaute saavutettavuudesta',
  a11yFeedbackText: 'Jos huomaat saavutettavuuspuutteen tai et pääse käsiksi johonkin sisältöön, kerro siitä meille. Vastaamme 14 päivän kuluessa.',
  a11yFeedbackFallback:
    'Lähetä palaute sen palvelulupauksen vastuuhenkilölle, jota asia koskee. Vastuuhenkilön yhteystiedot ovat palvelulupauksen sivulla.',
  a11ySupervisionHeading: 'Valvontaviranomainen',
  a11ySupervisionText:
    'Jos et saa vastausta 14 päivän kuluessa tai olet tyytymätön vastaukseen, voit tehdä ilmoituksen valvontaviranomaiselle. Suomessa saavutettavuutta valvoo Liikenne- ja viestintävirasto Traficomin saavutettavuusvalvonta.',
  a11ySupervisionName: 'Liikenne- ja viestintävirasto Traficom, Digitaalisen esteettömyyden ja saavutettavuuden valvontayksikkö',
  a11ySupervisionUrl: 'https://www.saavutettavuusvaatimukset.fi/',
  a11ySupervisionWebsite: 'www.saavutettavuusvaatimukset.fi',
  a11ySupervisionEmail: 'saavutettavuus@traficom.fi',
  a11ySupervisionSwitchboard: 'Puhelinvaihde',
  a11ySupervisionPhone: '029\u00a0534\u00a05000',
  a11ySupervisionPhoneHref: 'tel:+358295345000',
  website: 'Verkkosivusto',

  // Compliance dashboard
  dashboardTitle: 'Lupausten toteutuminen',
  dashboardTeaser: 'Miten hyvin yksiköt ovat pitäneet lupaamansa vastausajat, kuukausi kuukaudelta.',
  dashboardIntro:
    'Tältä sivulta näet, miten yksiköt ovat pitäneet palvelulupauksissa luvatut vastaus- ja odotusajat. Luvut on laskettu yhteydenottojen lokeista.',
  dashboardAsOf: 'Tilanne',
  dashboardPeriod: 'Ajanjakso',
  dashboardSummaryHeading: 'Yhteenveto',
  dashboardCommitmentCount: 'Mitattuja lupauksia',
  dashboardMeasured: 'Mitattuja yhteydenottoja',
  dashboardBadRows: 'Ohitettuja virheellisiä lokirivejä',
  dashboardStatusCounts: 'Lupausten tila viimeisimpänä kuukautena',
  dashboardOverdueHeading: 'Myöhässä olevat tarkistukset',
  dashboardOverdueCaption: 'Palvelulupaukset, joiden tarkistus on myöhässä',
  dashboardOverdueNone: 'Yhdenkään palvelulupauksen tarkistus ei ole myöhässä.',
  dashboardUnit: 'Yksikkö',
  dashboardDue: 'Määräpäivä',
  dashboardOverdueBy: 'Myöhässä',
  dashboardNoReviewer: 'Ei nimetty',
  dashboardLegendHeading: 'Näin luet kaavioita',
  dashboardLegendIntro:
    'Pylväs näyttää, kuinka suuri osa kuukauden yhteydenotoista hoidettiin luvatussa ajassa. Kesken olevat yhteydenotot, joiden määräaika ei ole vielä umpeutunut, eivät ole mukana osuudessa. Kaavion alla olevassa taulukossa ovat samat luvut.',
  dashboardLegendMet: 'Tasavärinen pylväs: tavoite saavutettu',
  dashboardLegendClose: 'Vinoraidallinen pylväs ja kolmio: lähellä tavoitetta (enintään 5 prosenttiyksikköä alle)',
  dashboardLegendMissed: 'Ruudutettu punainen pylväs ja risti: tavoite alittui',
  dashboardLegendNoData: 'Ympyrä ilman pylvästä: ei yhtään ratkaistua yhteydenottoa',
  dashboardNoMonths: 'Lokeissa ei ole yhtään yhteydenottoa.',
  dashboardLegendTarget: 'Katkoviiva: tavoite',
  dashboardCharterLink: 'Yksikön palvelulupaus',
  dashboardOverviewCaption: 'Lupaukset ja niiden tila',
  dashboardCommitment: 'Lupaus',
  dashboardStatus: 'Tila',
  dashboardWholePeriod: 'Koko ajanjakso',
  dashboardTarget: 'Tavoite',
  dashboardMonth: 'Kuukausi',
  dashboardCount: 'Yhteensä',
  dashboardMet: 'Ajallaan',
  dashboardMissed: 'Myöhässä',
  dashboardPending: 'Kesken',
  dashboardShareMet: 'Osuus ajallaan',
  dashboardMedian: 'Mediaani',
  dashboardP90: '90. persentiili',
  dashboardNoValue: 'ei tietoa',
  dashboardNoCommitments: 'Raportissa ei ole yhtään mitattua lupausta.',
} as const;

type UiKey = keyof typeof FI;

const SV: Record<UiKey, string> = {
  skipToMain: 'Hoppa till huvudinnehållet',
  siteTitle: 'Servicelöften',
  languageNavLabel: 'Språkval',
  languageNotAvailable: 'sidan finns inte på det här språket, länken leder till språkets startsida',
  searchLabel: 'Sök i servicelöftena',
  searchButton: 'Sök',
  accessibilityStatement: 'Tillgänglighetsutlåtande',
  chartersJson: 'Alla servicelöften i maskinläsbar form (JSON)',

  homeIntro:
    'Servicelöftet berättar hur enheten betjänar sina kunder: hur vi svarar i telefon, hur snabbt vi svarar på meddelanden, vad vi gör innan vi är borta och hur kundens ärende går vidare från en tjänsteman till en annan. Löftena gäller oss alla, inte bara kundtjänsten.',
  unitsAtoZ: 'Enheterna A–Ö',
  organisationsNavLabel: 'Organisationer',
  otherUnits: 'Övriga enheter',
  noCharters: 'Inga servicelöften har publicerats ännu.',
  tagReviewOverdue: 'Granskningen är försenad',
  tagReviewDueSoon: 'Granskas snart',

  onThisPage: 'På den här sidan',
  printableCard: 'Fickkort för utskrift',
  reviewHeading: 'Granskning och godkännande',
  reviewStatus: 'Status',
  reviewStatusOk: 'Aktuellt',
  reviewStatusDueSoon: 'Granskningen närmar sig',
  reviewStatusOverdue: 'Granskningen är försenad',
  reviewApproved: 'Godkänt',
  reviewApprovedBy: 'Godkänt av',
  reviewEvery: 'Granskas',
  reviewNext: 'Nästa granskning senast',
  reviewReviewer: 'Granskare för perioden',
  owner: 'Ansvarsperson',
  contactsHeading: 'Kontaktuppgifter',
  phone: 'Telefon',
  email: 'E-post',
  channelsHeading: 'Kanaler och våra löften',
  greeting: 'Svara i telefon så här',
  promises: 'Vi lovar',
  hoursHeading: 'Öppettider',
  hoursDays: 'Dagar',
  hoursTime: 'Klockslag',
  hoursExceptions: 'Avvikande öppettider',
  absenceHeading: 'Innan du är borta',
  absenceNotify: 'Meddela din frånvaro till',
  absenceNotice: 'Meddela i förväg',
  outOfOffice: 'Frånvaromeddelande',
  feedbackHeading: 'Respons',
  feedbackChannel: 'Så här ger kunden respons',
  escalateTo: 'För vid behov ärendet vidare till',
  handoverHeading: 'Överlämning av kundens ärende',
  handoverRecord: 'Var kontakterna antecknas',
  handoverRules: 'När du lämnar över ett ärende',
  touchpointsHeading: 'Där kunderna möter oss',
  channel: 'Kanal',
  authorityHeading: 'Vad du får besluta själv',
  authorityCaption: 'Befogenheter för den som betjänar kunder',
  authorityDecision: 'Beslut',
  authorityLimit: 'Högst',
  authorityBeyond: 'När gränsen överskrids',
  guideHeading: 'Fickguide',
  improvementsHeading: 'Ni sa, vi gjorde',
  youSaid: 'Ni sa',
  weDid: 'Vi gjorde',

  cardTitle: 'Fickkort',
  cardInstructions:
    'Skriv ut den här sidan: kortet skrivs ut i A6-format (105 × 148 mm), med framsidan och baksidan på var sin sida. Välj dubbelsidig utskrift i skrivarens inställningar.',
  cardBackToCharter: 'Hela servicelöftet',
  cardFront: 'Framsida',
  cardBack: 'Baksida',
  cardInstructionsA7:
    'Skriv ut den här sidan: kortet skrivs ut i A7-format (74 × 105 mm), med framsidan och baksidan på var sin sida. Välj dubbelsidig utskrift i skrivarens inställningar.',
  cardInstructionsCreditCard:
    'Skriv ut den här sidan: kortet skrivs ut i kreditkortsformat (85 × 55 mm), med framsidan och baksidan på var sin sida. Välj dubbelsidig utskrift i skrivarens inställningar.',
  cardPromisesHeading: 'Våra löften',
  cardQrAlt: 'QR-kod: servicelöftets sida på intranätet',
  cardFullGuide: 'Hela fickguiden',
  cardFullGuideLink: 'servicelöftets sida på intranätet',

  searchHeading: 'Sök',
  searchNoJs:
    'Resultaten uppdateras medan du skriver bara om JavaScript är aktiverat i din webbläsare. Alla enheter finns också nedan i alfabetisk ordning.',
  searchResultsHeading: 'Sökresultat',
  searchResultsOne: '1 träff för ”{query}”',
  searchResultsOther: '{count} träffar för ”{query}”',
  searchResultsNone: 'Inga träffar för ”{query}”',
  searchLoading: 'Söker…',
  searchUnavailable: 'Sökningen fungerar inte just nu. Alla enheter finns nedan i alfabetisk ordning.',

  a11yIntro:
    'Det här utlåtandet gäller webbplatsen för servicelöften. Vi vill att alla ska kunna använda webbplatsen, också med tangentbord, skärmläsare och förstoring.',
  a11yStatusHeading: 'Tillgänglighetsstatus',
  a11yStatusText:
    'Vårt mål är nivå AA i WCAG 2.2. Sidorna kontrolleras med automatiska tester, men de hittar bara en del av problemen. Enligt vad vi vet uppfyller webbplatsen därför tillgänglighetskraven delvis.',
  a11yKnownHeading: 'Kända brister',
  a11yKnownSearch:
    'Resultaten på söksidan visas bara när JavaScript är aktiverat. Utan det hittar du alla enheter i den alfabetiska förteckningen på söksidan.',
  a11yKnownLanguages:
    'Enheterna skriver själva texterna i sina servicelöften. Om en text saknas på sidans språk visas den på ett annat språk.',
  a11yFeedbackHeading: 'Respons om tillgängligheten',
  a11yFeedbackText:
    'Om du upptäcker en brist i tillgängligheten eller inte kommer åt något innehåll, berätta det för oss. Vi svarar inom 14 dagar.',
  a11yFeedbackFallback:
    'Skicka responsen till ansvarspersonen för det servicelöfte som saken gäller. Ansvarspersonens kontaktuppgifter finns på servicelöftets sida.',
  a11ySupervisionHeading: 'Tillsynsmyndighet',
  a11ySupervisionText:
    'Om du inte får svar inom 14 dagar eller är missnöjd med svaret kan du anmäla saken till tillsynsmyndigheten. I Finland övervakas tillgängligheten av tillgänglighetstillsynen vid Transport- och kommunikationsverket Traficom.',
  a11ySupervisionName: 'Transport- och kommunikationsverket Traficom, Enheten för tillsyn över digital tillgänglighet',
  a11ySupervisionUrl: 'https://www.tillganglighetskrav.fi/',
  a11ySupervisionWebsite: 'www.tillganglighetskrav.fi',
  a11ySupervisionEmail: 'saavutettavuus@traficom.fi',
  a11ySupervisionSwitchboard: 'Växel',
  a11ySupervisionPhone: '029\u00a0534\u00a05000',
  a11ySupervisionPhoneHref: 'tel:+358295345000',
  website: 'Webbplats',

  dashboardTitle: 'Hur vi håller våra löften',
  dashboardTeaser: 'Hur väl enheterna har hållit de svarstider de lovar, månad för månad.',
  dashboardIntro:
    'Här ser du hur väl enheterna har hållit de svars- och väntetider som de lovar i sina servicelöften. Siffrorna har räknats fram ur loggarna över kontakter.',
  dashboardAsOf: 'Läget per',
  dashboardPeriod: 'Period',
  dashboardSummaryHeading: 'Sammanfattning',
  dashboardCommitmentCount: 'Uppmätta löften',
  dashboardMeasured: 'Uppmätta kontakter',
  dashboardBadRows: 'Felaktiga loggrader som hoppades över',
  dashboardStatusCounts: 'Löftenas status den senaste månaden',
  dashboardOverdueHeading: 'Försenade granskningar',
  dashboardOverdueCaption: 'Servicelöften vars granskning är försenad',
  dashboardOverdueNone: 'Inga granskningar av servicelöften är försenade.',
  dashboardUnit: 'Enhet',
  dashboardDue: 'Skulle granskas senast',
  dashboardOverdueBy: 'Försenad',
  dashboardNoReviewer: 'Ingen utsedd',
  dashboardLegendHeading: 'Så läser du diagrammen',
  dashboardLegendIntro:
    'Stapeln visar hur stor andel av månadens kontakter som sköttes inom utlovad tid. Kontakter som pågår och vars tidsfrist inte har gått ut räknas inte med i andelen. Samma siffror finns i tabellen under varje diagram.',
  dashboardLegendMet: 'Enfärgad stapel: målet nåddes',
  dashboardLegendClose: 'Snedrandig stapel och triangel: nära målet (högst 5 procentenheter under)',
  dashboardLegendMissed: 'Rutig röd stapel och kryss: under målet',
  dashboardLegendNoData: 'Ring utan stapel: inga avgjorda kontakter',
  dashboardNoMonths: 'Loggarna har inga kontakter.',
  dashboardLegendTarget: 'Streckad linje: målet',
  dashboardCharterLink: 'Enhetens servicelöfte',
  dashboardOverviewCaption: 'Löftena och deras status',
  dashboardCommitment: 'Löfte',
  dashboardStatus: 'Status',
  dashboardWholePeriod: 'Hela perioden',
  dashboardTarget: 'Mål',
  dashboardMonth: 'Månad',
  dashboardCount: 'Totalt',
  dashboardMet: 'I tid',
  dashboardMissed: 'Försenade',
  dashboardPending: 'Pågående',
  dashboardShareMet: 'Andel i tid',
  dashboardMedian: 'Median',
  dashboardP90: '90:e percentilen',
  dashboardNoValue: 'inga uppgifter',
  dashboardNoCommitments: 'Rapporten innehåller inga uppmätta löften.',
};

const EN: Record<UiKey, string> = {
  skipToMain: 'Skip to main content',
  siteTitle: 'Service charters',
  languageNavLabel: 'Language',
  languageNotAvailable: 'this page is not available in this language; the link goes to that language’s front page',
  searchLabel: 'Search the charters',
  searchButton: 'Search',
  accessibilityStatement: 'Accessibility statement',
  chartersJson: 'All charters as machine-readable data (JSON)',

  homeIntro:
    'A service charter says how a unit serves its customers: how we answer the phone, how fast we reply to messages, what we do before we are away, and how a customer’s case moves from one official to the next. The promises apply to all of us, not only to customer service.',
  unitsAtoZ: 'Units A–Z',
  organisationsNavLabel: 'Organisations',
  otherUnits: 'Other units',
  noCharters: 'No charters have been published yet.',
  tagReviewOverdue: 'Review overdue',
  tagReviewDueSoon: 'Review due soon',

  onThisPage: 'On this page',
  printableCard: 'Printable pocket card',
  reviewHeading: 'Review and approval',
  reviewStatus: 'Status',
  reviewStatusOk: 'Up to date',
  reviewStatusDueSoon: 'Review due soon',
  reviewStatusOverdue: 'Review overdue',
  reviewApproved: 'Approved',
  reviewApprovedBy: 'Approved by',
  reviewEvery: 'Reviewed',
  reviewNext: 'Next review by',
  reviewReviewer: 'Reviewer this period',
  owner: 'Owner',
  contactsHeading: 'Contacts',
  phone: 'Phone',
  email: 'Email',
  channelsHeading: 'Channels and our promises',
  greeting: 'Answer the phone like this',
  promises: 'We promise',
  hoursHeading: 'Opening hours',
  hoursDays: 'Days',
  hoursTime: 'Time',
  hoursExceptions: 'Exceptions to opening hours',
  absenceHeading: 'Before you are away',
  absenceNotify: 'Tell',
  absenceNotice: 'Notice needed',
  outOfOffice: 'Out-of-office message',
  feedbackHeading: 'Feedback',
  feedbackChannel: 'How customers give feedback',
  escalateTo: 'If needed, escalate to',
  handoverHeading: 'Handing over a customer’s case',
  handoverRecord: 'Where contacts are recorded',
  handoverRules: 'When you hand over a case',
  touchpointsHeading: 'Where customers meet us',
  channel: 'Channel',
  authorityHeading: 'What you may decide yourself',
  authorityCaption: 'Decisions frontline staff may make',
  authorityDecision: 'Decision',
  authorityLimit: 'Up to',
  authorityBeyond: 'Beyond the limit',
  guideHeading: 'Pocket guide',
  improvementsHeading: 'You said, we did',
  youSaid: 'You said',
  weDid: 'We did',

  cardTitle: 'Pocket card',
  cardInstructions:
    'Print this page: the card prints at A6 size (105 × 148 mm), with the front and the back on pages of their own. Choose double-sided printing in the printer settings.',
  cardBackToCharter: 'The full charter',
  cardFront: 'Front',
  cardBack: 'Back',
  cardInstructionsA7:
    'Print this page: the card prints at A7 size (74 × 105 mm), with the front and the back on pages of their own. Choose double-sided printing in the printer settings.',
  cardInstructionsCreditCard:
    'Print this page: the card prints at credit-card size (85 × 55 mm), with the front and the back on pages of their own. Choose double-sided printing in the printer settings.',
  cardPromisesHeading: 'Our promises',
  cardQrAlt: 'QR code: charter page on the intranet',
  cardFullGuide: 'Full pocket guide',
  cardFullGuideLink: 'the charter page on the intranet',

  searchHeading: 'Search',
  searchNoJs: 'Results appear as you type only when JavaScript is on in your browser. All units are also listed below from A to Z.',
  searchResultsHeading: 'Search results',
  searchResultsOne: '1 result for “{query}”',
  searchResultsOther: '{count} results for “{query}”',
  searchResultsNone: 'No results for “{query}”',
  searchLoading: 'Searching…',
  searchUnavailable: 'Search is not working right now. All units are listed below from A to Z.',

  a11yIntro:
    'This statement covers the service charters site. We want everyone to be able to use it, including with a keyboard, a screen reader or magnification.',
  a11yStatusHeading: 'Compliance status',
  a11yStatusText:
    'We aim to meet WCAG 2.2 at level AA. The pages are checked with automated tests, but those find only some problems. As far as we know, the site therefore partially meets the accessibility requirements.',
  a11yKnownHeading: 'Known limitations',
  a11yKnownSearch:
    'Search results on the search page appear only when JavaScript is on. Without it, all units are in the A–Z list on the search page.',
  a11yKnownLanguages:
    'Units write the texts of their charters themselves. Where a text is missing in the page’s language, it is shown in another language.',
  a11yFeedbackHeading: 'Feedback on accessibility',
  a11yFeedbackText: 'If you find an accessibility problem or cannot reach some content, please tell us. We reply within 14 days.',
  a11yFeedbackFallback:
    'Send your feedback to the owner of the charter concerned. Their contact details are on the charter’s page.',
  a11ySupervisionHeading: 'Supervisory authority',
  a11ySupervisionText:
    'If you get no reply within 14 days, or you are not satisfied with the reply, you can notify the supervisory authority. In Finland, accessibility is supervised by the accessibility supervision of the Finnish Transport and Communications Agency Traficom.',
  a11ySupervisionName: 'Finnish Transport and Communications Agency Traficom, Digital Accessibility Supervision Unit',
  a11ySupervisionUrl: 'https://www.webaccessibility.fi/',
  a11ySupervisionWebsite: 'www.webaccessibility.fi',
  a11ySupervisionEmail: 'saavutettavuus@traficom.fi',
  a11ySupervisionSwitchboard: 'Switchboard',
  a11ySupervisionPhone: '+358\u00a029\u00a0534\u00a05000',
  a11ySupervisionPhoneHref: 'tel:+358295345000',
  website: 'Website',

  dashboardTitle: 'Are we keeping our promises?',
  dashboardTeaser: 'How well the units have kept the response times they promise, month by month.',
  dashboardIntro:
    'This page shows how well the units have kept the response and waiting times promised in their charters. The figures are calculated from the contact logs.',
  dashboardAsOf: 'As of',
  dashboardPeriod: 'Period',
  dashboardSummaryHeading: 'Summary',
  dashboardCommitmentCount: 'Promises measured',
  dashboardMeasured: 'Contacts measured',
  dashboardBadRows: 'Bad log rows skipped',
  dashboardStatusCounts: 'Status of the promises in the latest month',
  dashboardOverdueHeading: 'Overdue reviews',
  dashboardOverdueCaption: 'Charters whose review is overdue',
  dashboardOverdueNone: 'No charter reviews are overdue.',
  dashboardUnit: 'Unit',
  dashboardDue: 'Due',
  dashboardOverdueBy: 'Overdue by',
  dashboardNoReviewer: 'None named',
  dashboardLegendHeading: 'How to read the charts',
  dashboardLegendIntro:
    'Each bar shows the share of the month’s contacts that were handled within the promised time. Contacts still open whose deadline has not passed are not part of the share. The table under each chart has the same figures.',
  dashboardLegendMet: 'Solid bar: target met',
  dashboardLegendClose: 'Striped bar and triangle: close to target (at most 5 percentage points below)',
  dashboardLegendMissed: 'Cross-hatched red bar and cross: target missed',
  dashboardLegendNoData: 'Circle without a bar: no contacts decided',
  dashboardNoMonths: 'The logs have no contacts.',
  dashboardLegendTarget: 'Dashed line: target',
  dashboardCharterLink: 'The unit’s charter',
  dashboardOverviewCaption: 'Promises and their status',
  dashboardCommitment: 'Promise',
  dashboardStatus: 'Status',
  dashboardWholePeriod: 'Whole period',
  dashboardTarget: 'Target',
  dashboardMonth: 'Month',
  dashboardCount: 'Total',
  dashboardMet: 'In time',
  dashboardMissed: 'Late',
  dashboardPending: 'Open',
  dashboardShareMet: 'Share in time',
  dashboardMedian: 'Median',
  dashboardP90: '90th percentile',
  dashboardNoValue: 'no data',
  dashboardNoCommitments: 'The report has no measured promises.',
};

export const UI_STRINGS: Record<SiteLanguage, Record<string, string>> = {
  fi: { ...FI, ...LANGUAGE_CHOICE },
  sv: { ...SV, ...LANGUAGE_CHOICE },
  en: { ...EN, ...LANGUAGE_CHOICE },
};

const FROZEN: Record<SiteLanguage, Readonly<Record<string, string>>> = {
  fi: Object.freeze({ ...UI_STRINGS.fi }),
  sv: Object.freeze({ ...UI_STRINGS.sv }),
  en: Object.freeze({ ...UI_STRINGS.en }),
};

/** The interface strings of one language, read-only (every page of the language shares the object). */
export function uiStrings(lang: SiteLanguage): Readonly<Record<string, string>> {
  return FROZEN[lang];
}

/**
 * Words the compliance dashboard's view (dashboard-view.ts) composes into
 * names and sentences; templates print the results, not these. Placeholders
 * in braces: `{share}` and `{target}` are percentages in the page's style,
 * `{month}` a month ("joulukuu 2025"), `{range}` two months with a dash.
 * `{one, other}` pairs follow Intl.PluralRules for the number they name.
 */
export interface DashboardStrings {
  /** A status in words, next to its shape. */
  readonly status: Readonly<Record<ComplianceStatus, string>>;
  /** Bad log rows by kind, as a reader who keeps the logs would put it. */
  readonly badRowKinds: Readonly<Record<BadRowKind, string>>;
  /** `{command}` is printed as code. */
  readonly badRowsNote: string;
  /** The channel title of `feedback`, which is not a channel of its own in the charter. */
  readonly feedbackChannel: string;
  /** "Email – reply within 2 working days": `{channel}` a channel title, `{promise}` the commitment and its limit. */
  readonly commitmentName: string;
  /** For waiting times, which are a maximum rather than a deadline: "at most 15 minutes". */
  readonly atMost: string;
  readonly range: string;
  /** The as-of instant: `{date}` and `{time}` in the page's style. */
  readonly dateTime: string;
  readonly shareInTime: string;
  /** In place of a share when nothing was decided. */
  readonly nothingDecided: string;
  readonly contacts: Plural;
  /** `{unit}` and `{name}` (the commitment's): captions and chart names must differ between units. */
  readonly tableCaption: string;
  readonly chartTitle: string;
  readonly chartTarget: string;
  /** Pluralized on `{decided}`. */
  readonly chartMetMonths: Plural;
  /** Pluralized on `{count}`. */
  readonly chartNoDataMonths: Plural;
  readonly chartLowest: string;
  readonly chartLatest: string;
  /** The latest month while it is still running (the report is as of a day in it). */
  readonly monthSoFar: string;
  readonly chartNothingDecided: string;
  readonly chartSeeTable: string;
  /** Beside the dashed target line. */
  readonly chartTargetLabel: string;
}

export interface Plural {
  readonly one: string;
  readonly other: string;
}

const DASHBOARD_FI: DashboardStrings = {
  status: { met: 'Tavoite saavutettu', close: 'Lähellä tavoitetta', missed: 'Tavoite alittui', 'no-data': 'Ei tietoja' },
  badRowKinds: {
    malformed: 'Rivi ei ole luettavissa',
    'unknown-charter': 'Tuntematon palvelulupaus',
    'unknown-channel': 'Tuntematon asiointikanava',
    'unknown-commitment': 'Tuntematon lupaus',
    'bad-timestamp': 'Virheellinen aikaleima',
    'no-time-zone': 'Aikaleimasta puuttuu aikavyöhyke',
    'implausible-time': 'Aika kaukana raportin ajankohdasta',
    'end-before-start': 'Päättyy ennen kuin alkaa',
    duplicate: 'Sama rivi kahdesti',
  },
  badRowsNote: 'Komento {command} näyttää jokaisen ohitetun rivin tiedoston ja rivinumeron.',
  feedbackChannel: 'Palaute',
  commitmentName: '{channel} – {promise}',
  atMost: 'enintään {duration}',
  range: '{from} – {to}',
  dateTime: '{date} klo {time}',
  shareInTime: '{share} ajallaan',
  nothingDecided: 'Ei ratkaistuja yhteydenottoja',
  contacts: { one: '{count} yhteydenotto', other: '{count} yhteydenottoa' },
  tableCaption: 'Luvut kuukausittain: {unit}, {name}',
  chartTitle: '{unit}, {name}: ajallaan hoidettujen osuus kuukausittain, {range}',
  chartTarget: 'Tavoite {target}.',
  chartMetMonths: {
    one: 'Tavoite saavutettiin {met} kuukautena {decided} kuukaudesta, jolta on tietoja.',
    other: 'Tavoite saavutettiin {met} kuukautena {decided} kuukaudesta, joilta on tietoja.',
  },
  chartNoDataMonths: { one: '{count} kuukaudelta ei ole tietoja.', other: '{count} kuukaudelta ei ole tietoja.' },
  chartLowest: 'Alin osuus {share} ({month}).',
  chartLatest: 'Viimeisin {share} ({month}).',
  monthSoFar: '{month}, tähän mennessä',
  chartNothingDecided: 'Yhtään yhteydenottoa ei ole vielä ratkaistu.',
  chartSeeTable: 'Luvut ovat kaavion alla olevassa taulukossa.',
  chartTargetLabel: 'Tavoite {target}',
};

const DASHBOARD_SV: DashboardStrings = {
  status: { met: 'Målet nåddes', close: 'Nära målet', missed: 'Under målet', 'no-data': 'Inga uppgifter' },
  badRowKinds: {
    malformed: 'Raden kan inte läsas',
    'unknown-charter': 'Okänt servicelöfte',
    'unknown-channel': 'Okänd kanal',
    'unknown-commitment': 'Okänt löfte',
    'bad-timestamp': 'Felaktig tidsstämpel',
    'no-time-zone': 'Tidsstämpeln saknar tidszon',
    'implausible-time': 'Tiden ligger långt från rapportens tidpunkt',
    'end-before-start': 'Slutar innan den börjar',
    duplicate: 'Samma rad två gånger',
  },
  badRowsNote: 'Kommandot {command} visar fil och radnummer för varje rad som hoppades över.',
  feedbackChannel: 'Respons',
  commitmentName: '{channel} – {promise}',
  atMost: 'högst {duration}',
  range: '{from} – {to}',
  dateTime: '{date} kl. {time}',
  shareInTime: '{share} i tid',
  nothingDecided: 'Inga avgjorda kontakter',
  contacts: { one: '{count} kontakt', other: '{count} kontakter' },
  tableCaption: 'Siffror per månad: {unit}, {name}',
  chartTitle: '{unit}, {name}: andel som sköttes i tid per månad, {range}',
  chartTarget: 'Målet är {target}.',
  chartMetMonths: {
    one: 'Målet nåddes under {met} av {decided} månad med uppgifter.',
    other: 'Målet nåddes under {met} av {decided} månader med uppgifter.',
  },
  chartNoDataMonths: { one: '{count} månad saknar uppgifter.', other: '{count} månader saknar uppgifter.' },
  chartLowest: 'Lägsta andel {share} ({month}).',
  chartLatest: 'Senast {share} ({month}).',
  monthSoFar: '{month}, hittills',
  chartNothingDecided: 'Inga kontakter har avgjorts ännu.',
  chartSeeTable: 'Siffrorna finns i tabellen under diagrammet.',
  chartTargetLabel: 'Mål {target}',
};

const DASHBOARD_EN: DashboardStrings = {
  status: { met: 'Met', close: 'Close to target', missed: 'Missed', 'no-data': 'No data' },
  badRowKinds: {
    malformed: 'Unreadable row',
    'unknown-charter': 'Unknown charter',
    'unknown-channel': 'Unknown channel',
    'unknown-commitment': 'Unknown promise',
    'bad-timestamp': 'Invalid timestamp',
    'no-time-zone': 'Timestamp without a time zone',
    'implausible-time': "Time far from the report's date",
    'end-before-start': 'Ends before it starts',
    duplicate: 'Duplicate row',
  },
  badRowsNote: 'The command {command} lists each of them with its file and line.',
  feedbackChannel: 'Feedback',
  commitmentName: '{channel} – {promise}',
  atMost: 'at most {duration}',
  range: '{from} – {to}',
  dateTime: '{date} at {time}',
  shareInTime: '{share} in time',
  nothingDecided: 'No contacts decided',
  contacts: { one: '{count} contact', other: '{count} contacts' },
  tableCaption: 'Figures by month: {unit}, {name}',
  chartTitle: '{unit}, {name}: share handled in time by month, {range}',
  chartTarget: 'Target {target}.',
  chartMetMonths: { one: 'Met in {met} of {decided} month with data.', other: 'Met in {met} of {decided} months with data.' },
  chartNoDataMonths: { one: 'No data for {count} month.', other: 'No data for {count} months.' },
  chartLowest: 'Lowest {share} in {month}.',
  chartLatest: 'Latest {share} in {month}.',
  monthSoFar: '{month}, so far',
  chartNothingDecided: 'No contacts have been decided yet.',
  chartSeeTable: 'The figures are in the table below the chart.',
  chartTargetLabel: 'Target {target}',
};

export const DASHBOARD_STRINGS: Readonly<Record<SiteLanguage, DashboardStrings>> = { fi: DASHBOARD_FI, sv: DASHBOARD_SV, en: DASHBOARD_EN };

export function dashboardStrings(lang: SiteLanguage): DashboardStrings {
  return DASHBOARD_STRINGS[lang];
}
