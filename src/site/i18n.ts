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
