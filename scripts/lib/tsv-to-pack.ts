/**
 * One-off conversion of /work/shared/facts/facts.tsv into per-entity JSON files of the
 * russia-georgia pack. Used once for the first commit; after that the JSON files are
 * edited by hand (other engineers edit `aliases` and `disambiguation` concurrently), so
 * do NOT re-run this over existing files. It refuses to overwrite unless `--force`.
 *
 *   npx tsx scripts/lib/tsv-to-pack.ts [path/to/facts.tsv] [--force]
 *
 * The mechanical part (aliases, facts, sources, timeline) comes from the sheet; the
 * editorial part (display name, summary, topics, related, note, disambiguation) is
 * written by hand in AUTHORED below.
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKS_DIR } from './packs.ts';
import type { Aliases, Disambiguation, Entity, EntityType, Fact, Relation, Source, TimelineEvent } from '../../src/facts/types.ts';
import type { TopicId } from '../../src/facts/topics.ts';

interface Row {
  id: string;
  name: string;
  type: EntityType;
  kind: 'alias' | 'fact';
  field: string;
  value: string;
  date: string;
  url: string;
  title: string;
}

interface Authored {
  name?: string;
  topics: TopicId[];
  summary: string;
  related?: Relation[];
  note?: string;
  disambiguation?: Disambiguation;
  /** Extra English aliases shown by the sheet's own rows/titles (e.g. bare surnames). */
  addEn?: string[];
  /** Aliases of the sheet left out (common words, ambiguous with other people). */
  dropAliases?: string[];
}

const r = (id: string, relation: string): Relation => ({ id, relation });

/** Dates for sheet fact rows with an empty date: only where the source's title (or address) gives its publication date. */
const UNDATED: Record<string, string> = {
  'abkhazia|capital': '2025-07', // "Wikipedia (Kiwix mirror, 2025-07)"
  'enguri-river|length': '2024-01', // "Wikipedia (Kiwix mirror, 2024-01)"
  'enguri-river|crossing': '2024-01',
  'upper-lars|role': '2022-09', // "(Sept 2022)"
  'sukhumi-airport|location': '2025-04-30', // address …/2025/04/30/…
  'aeroflot|type': '2025-04-30', // "(30 Apr 2025)"
  'borjomi|type': '2013-04-12', // "(12 Apr 2013)"
  'geneva-international-discussions|co_chairs': '2009-06-17', // "(17 June 2009)"
};

const LABELS: Record<string, string> = {
  role: 'Role', since: 'In office since', born: 'Born', education: 'Education', career_start: 'Career start',
  previous_post: 'Previous post', statement: 'Statement', office: 'Office', predecessor: 'Predecessor',
  event: 'Event', note: 'Note', wealth: 'Wealth', status: 'Status', election: 'Election', votes: 'Votes',
  background: 'Background', conviction: 'Conviction', ukraine: 'In Ukraine', appointed_by: 'Appointed by',
  claim: 'Claim', legacy: 'Legacy', capital: 'Capital', area: 'Area', population: 'Population',
  independence: 'Independence', relations_russia: 'Relations with Russia', eu_status: 'EU status', cis: 'CIS',
  head_of_state: 'Head of state', head_of_government: 'Head of government', recognition: 'Recognition',
  geography: 'Geography', founded: 'Founded', name_history: 'Former names', diplomatic: 'Diplomatic presence',
  history: 'History', declared_independence: 'Declared independence', occupied_status: 'Status in Georgian law',
  leader: 'Leader', russian_military: 'Russian military presence', georgian_usage: 'Georgian official usage',
  access: 'Access', naming: 'Naming', control: 'Control', location: 'Location', demography: 'Demography',
  iprm: 'Incident mechanism (IPRM)', crossing: 'Crossing', length: 'Length', length_alt: 'Length (other source)',
  structure: 'Structure', commissioned: 'Commissioned', commissioned_alt: 'Commissioned (other source)',
  opened: 'Opened', type: 'Type', owner: 'Owner', headquarters: 'Headquarters', minister: 'Minister',
  spokesperson: 'Spokesperson', leadership: 'Leadership', elections: 'Elections', election_2024: '2024 election',
  european_affiliation: 'European affiliation', established: 'Established', size: 'Size', mandate: 'Mandate',
  head: 'Head of mission', first_head: 'First head', mission_georgia: 'Mission to Georgia',
  decision_rule: 'Decision-making', sanctions: 'Sanctions', sukhumi: 'Flights to Sukhumi', embargo: 'Russian ban',
  embargo_lifted: 'Ban lifted', date: 'Date', date_alt: 'Date (other sources)', dates: 'Dates',
  belligerents: 'Sides', casualties: 'Casualties', responsibility: 'Responsibility (EU report)', outcome: 'Outcome',
  displacement: 'Displacement', implementing_measures: 'Implementing measures', mediator: 'Mediator',
  points: 'The six points', dispute: 'Dispute', implementation: 'Implementation', launched: 'Launched',
  co_chairs: 'Co-chairs', participants: 'Participants', rounds: 'Rounds', venue_dispute: 'Venue dispute',
  co_chairs_2025: 'Co-chairs (2025)', created: 'Created', venue_gali: 'Gali meetings',
  venue_ergneti: 'Ergneti meetings', position: 'Russian position', other_recognisers: 'Other recognising states',
  aftermath: 'Aftermath', agreement: 'Agreement', approval: 'Swiss approval', function: 'How it works',
  premises: 'Premises', results: 'Results', change: 'Change', official_reason: 'Official reason', impact: 'Impact',
  context: 'Context', lifted: 'Lifted', share: 'Share', volume_2023: 'Volume in 2023', content: 'Content',
  adopted: 'Adopted', veto: 'Veto', signed: 'Signed', consequence: 'Consequence', granted: 'Granted',
  application: 'Application', recommendation: 'Recommendation', suspension: 'Accession paused', result: 'Result',
  result_opposition: 'Opposition results', turnout: 'Turnout', decision: 'Decision',
  division: 'Division among allies', findings: 'Findings', published: 'Published', scope: 'Scope',
  entry_rule: 'Entry rule', penalty: 'Penalty', economic: 'Economic rules', effective: 'Effective',
  joined: 'Georgia joined', trigger: 'Trigger', russian_response: 'Russian response', decrees: 'Decrees',
  first_flight: 'First flight', reaction: 'Reaction', announcement: 'Announcement',
  reaction_georgia: 'Georgian reaction', reaction_eu: 'EU reaction', other_carriers: 'Other carriers',
  cause: 'Cause', first_round: 'First round', runoff: 'Runoff', born_died: 'Lived',
};

const GE_CUES = ['Tbilisi', 'Abkhazia', 'South Ossetia', 'Kremlin', 'Caucasus', 'Georgian Dream', 'Black Sea', 'Sukhumi', 'Tskhinvali', 'Saakashvili', 'Ivanishvili', 'Kobakhidze', 'Zourabichvili', 'Moscow'];

const AUTHORED: Record<string, Authored> = {
  'mikhail-galuzin': {
    topics: ['diplomacy'],
    summary: 'Russian diplomat, deputy foreign minister since November 2022 with responsibility for CIS affairs; earlier ambassador to Indonesia and Japan. He led Russia’s delegation at the Geneva International Discussions in 2024.',
    related: [r('russian-mfa', 'deputy minister of'), r('geneva-international-discussions', 'Russian delegation head at'), r('sergey-lavrov', 'deputy of'), r('cis', 'oversees relations with')],
  },
  'sergey-lavrov': {
    topics: ['diplomacy'],
    summary: 'Russia’s foreign minister since March 2004, previously its permanent representative to the United Nations (1994–2004). In 2008 he agreed with Switzerland that it would represent Russian interests in Georgia.',
    related: [r('russian-mfa', 'minister of'), r('russia', 'foreign minister of'), r('swiss-protecting-power', 'signed notes on'), r('maria-zakharova', 'minister over')],
  },
  'maria-zakharova': {
    topics: ['diplomacy', 'media'],
    summary: 'Official spokesperson of the Russian foreign ministry and head of its Information and Press Department since August 2015, the first woman in that post. In 2024 she said Russia would seek to move the Geneva talks out of Switzerland.',
    related: [r('russian-mfa', 'spokesperson of'), r('geneva-international-discussions', 'commented on'), r('sergey-lavrov', 'spokesperson under')],
  },
  'vladimir-putin': {
    topics: ['politics-elections', 'diplomacy'],
    summary: 'President of Russia in 2000–2008 and again since May 2012, and prime minister in between. His decrees banned Russian flights to Georgia in 2019 and lifted the ban, with a visa waiver for Georgians, in 2023.',
    related: [r('russia', 'president of'), r('gavrilov-night-2019', 'responded to'), r('russia-georgia-visa-flights-2023', 'decreed'), r('dmitry-medvedev', 'predecessor and successor of')],
  },
  'dmitry-medvedev': {
    topics: ['politics-elections', 'conflict-security'],
    summary: 'President of Russia from 2008 to 2012, during the war with Georgia, then prime minister until 2020 and since then deputy chairman of Russia’s Security Council. He agreed the six-point ceasefire and signed the recognition of Abkhazia and South Ossetia.',
    related: [r('russia', 'former president of'), r('six-point-plan-2008', 'agreed'), r('russian-recognition-2008', 'decreed'), r('russo-georgian-war-2008', 'Russian president during'), r('nicolas-sarkozy', 'negotiated ceasefire with')],
    addEn: ['Medvedev'],
    disambiguation: {
      aliases: ['Medvedev'],
      prior: 0.5,
      cues: ['Kremlin', 'Security Council', 'Dmitry', 'former president', 'prime minister', 'Putin', 'Russia'],
      cueEntities: ['vladimir-putin', 'russia', 'russo-georgian-war-2008', 'six-point-plan-2008', 'russian-recognition-2008'],
      against: ['tennis', 'ATP', 'Grand Slam', 'Wimbledon', 'Open', 'seed', 'set', 'Daniil', 'Roland Garros', 'tiebreak', 'match point'],
    },
  },
  'bidzina-ivanishvili': {
    topics: ['politics-elections'],
    summary: 'Georgian businessman who made his fortune in Russia and founded Georgian Dream, its honorary chairman and widely seen as the country’s de facto ruler. Prime minister in 2012–2013; sanctioned by the United States and several EU states.',
    related: [r('georgian-dream', 'founder of'), r('georgia', 'former prime minister of'), r('zurab-abashidze', 'appointed')],
  },
  'irakli-kobakhidze': {
    topics: ['politics-elections'],
    summary: 'Prime minister of Georgia since February 2024 and earlier chairman of Georgian Dream and speaker of parliament. In November 2024 he took EU accession talks off the agenda until the end of 2028, which set off mass protests.',
    related: [r('georgia', 'prime minister of'), r('georgian-dream', 'former chairman of'), r('georgia-eu-candidate-status', 'paused accession talks of')],
    note: 'The opposition disputes the legitimacy of his premiership after the October 2024 parliamentary election.',
  },
  'mikheil-kavelashvili': {
    topics: ['politics-elections'],
    summary: 'President of Georgia since 29 December 2024, the first chosen by an electoral college rather than by popular vote; a former footballer and Georgian Dream-aligned MP.',
    related: [r('georgia', 'president of'), r('salome-zourabichvili', 'successor of'), r('georgian-dream', 'nominated by')],
    addEn: ['Kavelashvili'],
    note: 'His legitimacy is disputed by the opposition and by his predecessor Salome Zourabichvili, who did not recognise the December 2024 vote.',
  },
  'salome-zourabichvili': {
    topics: ['politics-elections', 'diplomacy'],
    summary: 'President of Georgia from December 2018 to December 2024, the first woman in the office and the last elected by popular vote; earlier a French diplomat and Georgian foreign minister. She does not recognise her successor.',
    related: [r('georgia', 'former president of'), r('mikheil-kavelashvili', 'predecessor of'), r('foreign-agents-law-2024', 'vetoed')],
    addEn: ['Zourabichvili'],
  },
  'mikheil-saakashvili': {
    topics: ['politics-elections'],
    summary: 'President of Georgia in 2004–2013, who founded the United National Movement and led the 2003 Rose Revolution. Later governor of Ukraine’s Odesa region; convicted in absentia in 2018 and imprisoned since returning to Georgia in 2021.',
    related: [r('united-national-movement', 'founder of'), r('rose-revolution', 'led'), r('georgia', 'former president of'), r('russo-georgian-war-2008', 'Georgian president during')],
    addEn: ['Saakashvili'],
    disambiguation: {
      aliases: ['Misha'],
      prior: 0.2,
      cues: ['Saakashvili', 'former president', 'UNM', 'Tbilisi', 'Georgia', 'prison'],
      cueEntities: ['georgia', 'united-national-movement', 'tbilisi', 'rose-revolution'],
    },
  },
  'irakli-garibashvili': {
    topics: ['politics-elections'],
    summary: 'Georgian Dream politician, twice prime minister (2013–2015 and 2021–January 2024) and earlier interior and defence minister; he became the party’s chairman in 2024.',
    related: [r('georgian-dream', 'chairman of'), r('georgia', 'former prime minister of'), r('irakli-kobakhidze', 'predecessor as PM of')],
  },
  'giorgi-kajaia': {
    topics: ['diplomacy'],
    summary: 'Georgian diplomat who in March 2024 became the prime minister’s special representative for relations with Russia, succeeding Zurab Abashidze; he previously headed Georgia’s interests section in Moscow.',
    related: [r('zurab-abashidze', 'successor of'), r('karasin-abashidze-format', 'Georgian side of'), r('swiss-protecting-power', 'former head of Georgian section under')],
    addEn: ['Kajaia'],
  },
  'zurab-abashidze': {
    topics: ['diplomacy'],
    summary: 'Georgian diplomat, former ambassador to Russia, who was the prime minister’s special representative for relations with Russia from 2012 to March 2024 and led the direct Karasin–Abashidze dialogue.',
    related: [r('karasin-abashidze-format', 'Georgian side of'), r('giorgi-kajaia', 'predecessor of'), r('bidzina-ivanishvili', 'appointed by'), r('grigory-karasin', 'counterpart of')],
  },
  'grigory-karasin': {
    topics: ['diplomacy'],
    summary: 'Russian diplomat, long a deputy foreign minister overseeing CIS relations, and since 2019 a senator who chairs the Federation Council’s international affairs committee. He is Russia’s side of the direct dialogue with Georgia held in Prague.',
    related: [r('karasin-abashidze-format', 'Russian side of'), r('zurab-abashidze', 'counterpart of'), r('russian-mfa', 'former deputy minister of')],
    addEn: ['Karasin'],
  },
  'nicolas-sarkozy': {
    topics: ['diplomacy', 'conflict-security'],
    summary: 'President of France who, holding the EU presidency, mediated the six-point ceasefire of 12 August 2008 between Russia and Georgia. His claim to have stopped Russian tanks near Tbilisi is disputed.',
    related: [r('six-point-plan-2008', 'mediated'), r('dmitry-medvedev', 'negotiated ceasefire with'), r('russo-georgian-war-2008', 'mediator in')],
  },
  'aslan-bzhania': {
    topics: ['politics-elections', 'conflict-security'],
    summary: 'De facto president of Abkhazia from April 2020 until he resigned in November 2024 after protesters stormed government buildings over an investment deal with Russia. In 2023 he announced a Russian naval base in Ochamchire.',
    related: [r('abkhazia', 'former de facto president of'), r('abkhazia-protests-2024', 'resigned after'), r('ochamchire-naval-base', 'announced'), r('badra-gunba', 'predecessor of')],
    addEn: ['Bzhania'],
    note: 'Abkhazia’s presidency is a de facto office: Georgia and most states regard the region as Georgian territory under Russian occupation.',
  },
  'badra-gunba': {
    topics: ['politics-elections'],
    summary: 'De facto president of Abkhazia since April 2025, after winning the March 2025 runoff; earlier de facto vice-president and acting head after Aslan Bzhania resigned.',
    related: [r('abkhazia', 'de facto president of'), r('aslan-bzhania', 'successor of'), r('abkhaz-presidential-election-2025', 'won'), r('sukhumi-flights-2025', 'welcomed')],
    addEn: ['Gunba'],
    note: 'De facto president: his office is not recognised by Georgia or by most states, which regard Abkhazia as occupied Georgian territory.',
  },
  'alan-gagloev': {
    topics: ['politics-elections'],
    summary: 'De facto president of South Ossetia since May 2022, after defeating the incumbent Anatoly Bibilov in a runoff; a former security officer and leader of the Nykhaz party.',
    related: [r('south-ossetia', 'de facto president of'), r('anatoly-bibilov', 'successor of')],
    note: 'De facto president: Georgia and most states do not recognise South Ossetia’s institutions and regard the region as occupied Georgian territory.',
  },
  'anatoly-bibilov': {
    topics: ['politics-elections'],
    summary: 'De facto president of South Ossetia from 2017 to 2022, earlier head of its emergencies ministry. Shortly before leaving office he called a referendum on joining Russia.',
    related: [r('south-ossetia', 'former de facto president of'), r('alan-gagloev', 'predecessor of'), r('leonid-tibilov', 'successor of')],
    note: 'De facto office, not recognised by Georgia or most states.',
  },
  'eduard-kokoity': {
    topics: ['politics-elections', 'conflict-security'],
    summary: 'De facto president of South Ossetia from 2001 to 2011, in office during the 2008 war; he endorsed the six-point ceasefire plan.',
    related: [r('south-ossetia', 'former de facto president of'), r('six-point-plan-2008', 'endorsed'), r('leonid-tibilov', 'predecessor of')],
    note: 'De facto office, not recognised by Georgia or most states.',
  },
  'leonid-tibilov': {
    topics: ['politics-elections'],
    summary: 'De facto president of South Ossetia from 2012 to 2017.',
    related: [r('south-ossetia', 'former de facto president of'), r('anatoly-bibilov', 'predecessor of'), r('eduard-kokoity', 'successor of')],
    note: 'De facto office, not recognised by Georgia or most states.',
  },
  'vladislav-ardzinba': {
    topics: ['politics-elections'],
    summary: 'First de facto president of Abkhazia, from 1994 to 2005. The Sukhumi airport reopened in 2025 carries his name.',
    related: [r('abkhazia', 'former de facto president of'), r('sergei-bagapsh', 'predecessor of'), r('sukhumi-airport', 'namesake of')],
    note: 'De facto office, not recognised by Georgia or most states.',
  },
  'sergei-bagapsh': {
    topics: ['politics-elections'],
    summary: 'De facto president of Abkhazia from 2005 until his death in office in 2011, including during the 2008 war.',
    related: [r('abkhazia', 'former de facto president of'), r('vladislav-ardzinba', 'successor of')],
    note: 'De facto office, not recognised by Georgia or most states.',
  },
  'raul-khajimba': {
    topics: ['politics-elections'],
    summary: 'De facto president of Abkhazia from 2014; he resigned in January 2020 after the region’s supreme court annulled the 2019 election result.',
    related: [r('abkhazia', 'former de facto president of'), r('aslan-bzhania', 'predecessor of')],
    note: 'De facto office, not recognised by Georgia or most states.',
  },
  georgia: {
    name: 'Georgia',
    topics: ['politics-elections', 'diplomacy', 'conflict-security'],
    summary: 'Country in the South Caucasus with Tbilisi as its capital, independent from the USSR since 1991 and an EU candidate since 2023. About a fifth of its territory, Abkhazia and South Ossetia, has been outside government control since 2008.',
    related: [r('russia', 'neighbour of'), r('abkhazia', 'claims'), r('south-ossetia', 'claims'), r('georgia-eu-candidate-status', 'holds')],
    disambiguation: {
      aliases: ['Georgia'],
      prior: 0.6,
      cues: GE_CUES,
      cueEntities: ['russia', 'tbilisi', 'abkhazia', 'south-ossetia', 'georgian-dream', 'bidzina-ivanishvili', 'irakli-kobakhidze', 'mikheil-kavelashvili', 'vladimir-putin', 'sergey-lavrov'],
      against: ['Atlanta', 'Peach State', 'swing state', 'electoral votes', 'county', 'Kemp', 'Savannah', 'Augusta', 'Fulton County', 'Georgia Tech', 'Bulldogs', 'Raffensperger', 'Alabama', 'South Carolina'],
    },
  },
  russia: {
    topics: ['diplomacy', 'conflict-security'],
    summary: 'The largest country in the world by area, with Moscow as its capital. In August 2008 it recognised Abkhazia and South Ossetia as independent states.',
    related: [r('moscow', 'has capital'), r('georgia', 'neighbour of'), r('russian-recognition-2008', 'made')],
  },
  tbilisi: {
    topics: ['politics-elections'],
    summary: 'Capital and largest city of Georgia, on the Kura (Mtkvari) river; known internationally as Tiflis until 1936. Russia is represented there through an interests section at the Swiss embassy.',
    related: [r('georgia', 'capital of'), r('swiss-protecting-power', 'hosts Russian section of')],
  },
  moscow: {
    topics: ['politics-elections'],
    summary: 'Capital and most populous city of Russia. Georgia is represented there by an interests section at the Swiss embassy, housed in its former embassy building.',
    related: [r('russia', 'capital of'), r('swiss-protecting-power', 'hosts Georgian section of')],
    disambiguation: {
      aliases: ['Moscow'],
      prior: 0.9,
      cues: ['Russia', 'Kremlin', 'Putin', 'Lavrov', 'Tbilisi'],
      cueEntities: ['russia', 'vladimir-putin', 'sergey-lavrov', 'russian-mfa', 'georgia'],
      against: ['Idaho', 'University of Idaho', 'Latah County', 'Pullman', 'Moscow, Idaho'],
    },
  },
  abkhazia: {
    topics: ['conflict-security', 'politics-elections'],
    summary: 'Breakaway region of Georgia on the Black Sea with Sukhumi as its main city, outside Tbilisi’s control since the 1992–1993 war. Russia recognised it in 2008 and keeps a military base there.',
    related: [r('georgia', 'breakaway region of'), r('sukhumi', 'has main city'), r('badra-gunba', 'de facto led by'), r('war-in-abkhazia-1992-1993', 'split off in'), r('russian-recognition-2008', 'recognised by Russia in')],
    note: 'Recognised as independent by Russia and a few other states; regarded as Russian-occupied Georgian territory by Georgia and most states.',
  },
  'south-ossetia': {
    topics: ['conflict-security', 'politics-elections'],
    summary: 'Breakaway region of Georgia with Tskhinvali as its main town, on the territory of the former South Ossetian Autonomous Oblast. It declared independence in 1991; Russia recognised it in 2008.',
    related: [r('georgia', 'breakaway region of'), r('tskhinvali', 'has main town'), r('alan-gagloev', 'de facto led by'), r('russian-recognition-2008', 'recognised by Russia in'), r('roki-tunnel', 'linked to Russia by')],
    note: 'Recognised as independent by Russia and a few other states; regarded as occupied Georgian territory by Georgia and most states. Georgian official usage calls it the "Tskhinvali Region".',
  },
  sukhumi: {
    topics: ['conflict-security'],
    summary: 'Black Sea city that is the capital and largest city of Abkhazia, held by the Abkhaz de facto authorities since the 1992–1993 war.',
    related: [r('abkhazia', 'capital of'), r('sukhumi-airport', 'served by')],
    note: 'Called Sokhumi in Georgian usage and Sukhum in Russian and Abkhaz usage; all spellings refer to the same city.',
  },
  tskhinvali: {
    topics: ['conflict-security'],
    summary: 'Main town of South Ossetia on the Great Liakhvi river, about 100 km northwest of Tbilisi. Georgian shelling of the town on the night of 7–8 August 2008 marked the start of the large-scale war.',
    related: [r('south-ossetia', 'capital of'), r('russo-georgian-war-2008', 'started at')],
    note: 'Called Tskhinval in Russian and Ossetian usage. Capital of de facto South Ossetia; Georgia counts it as part of Shida Kartli.',
  },
  gali: {
    topics: ['conflict-security'],
    summary: 'Town and district in southeastern Abkhazia, the only Abkhaz district with a mostly ethnic Georgian population; venue of the Gali incident prevention mechanism, which has not met since 2018.',
    related: [r('abkhazia', 'district of'), r('iprm', 'venue of'), r('enguri-river', 'borders')],
    dropAliases: ['Gal'],
    disambiguation: {
      aliases: ['Gali'],
      prior: 0.5,
      cues: ['Abkhazia', 'Enguri', 'Sukhumi', 'district', 'IPRM', 'Zugdidi', 'dividing line'],
      cueEntities: ['abkhazia', 'enguri-river', 'sukhumi', 'iprm', 'georgia'],
    },
  },
  akhalgori: {
    topics: ['conflict-security'],
    summary: 'Town and district in the east of South Ossetia, mainly ethnic Georgian before Russian troops took it in 2008; most Georgians left afterwards. South Ossetian authorities call it Leningor.',
    related: [r('south-ossetia', 'district of'), r('russo-georgian-war-2008', 'taken in')],
    note: 'Georgia assigns it to Mtskheta-Mtianeti region; the de facto South Ossetian authorities use the Soviet-era name Leningor.',
  },
  'enguri-river': {
    topics: ['conflict-security'],
    summary: 'River flowing from Svaneti to the Black Sea whose lower course has been the ceasefire line between Abkhazia and Georgian-controlled territory since 1994; the Enguri Bridge is the only official crossing.',
    related: [r('abkhazia', 'border of'), r('enguri-dam', 'dammed by'), r('gali', 'borders')],
  },
  'enguri-dam': {
    name: 'Enguri Dam',
    topics: ['energy'],
    summary: 'Large hydropower plant on the Enguri river whose dam and reservoir lie on the Georgian-controlled side and power house in Abkhazia; Georgia and Abkhazia run it jointly and share its electricity.',
    related: [r('enguri-river', 'dam on'), r('abkhazia', 'shared with')],
  },
  'roki-tunnel': {
    topics: ['transport', 'conflict-security'],
    summary: 'Mountain road tunnel that is the only road link between Russia’s North Ossetia and South Ossetia; Russian troops used it to enter South Ossetia in August 2008.',
    related: [r('south-ossetia', 'road link to'), r('russo-georgian-war-2008', 'used in')],
  },
  'upper-lars': {
    topics: ['transport'],
    summary: 'The only land border crossing between Russia and Georgia, in the Darial gorge. Russia kept it closed from 2006 to 2010; in 2022 long queues formed there as Russian men left to avoid mobilisation.',
    related: [r('georgia', 'border crossing of'), r('russia', 'border crossing of')],
  },
  ochamchire: {
    topics: ['conflict-security'],
    summary: 'Small Black Sea town in Abkhazia near the dividing line with Georgian-controlled territory, where Abkhaz officials said in 2023 that a permanent Russian naval base would be set up.',
    related: [r('abkhazia', 'town in'), r('ochamchire-naval-base', 'site of')],
  },
  'sukhumi-airport': {
    name: 'Sukhumi airport',
    topics: ['transport'],
    summary: 'Airport near Sukhumi, named after Vladislav Ardzinba, closed to regular flights from 1993 and reopened for flights from Moscow in 2025. It has no ICAO code and Georgia considers its use illegal.',
    related: [r('sukhumi', 'serves'), r('sukhumi-flights-2025', 'reopened by'), r('vladislav-ardzinba', 'named after')],
    note: 'Called Sukhum airport in Russian and Abkhaz usage; Georgia says flights there violate ICAO rules and its Law on Occupied Territories.',
  },
  izvestia: {
    topics: ['media'],
    summary: 'Russian national daily newspaper founded in 1917, the official paper of the Soviet government until 1991; now owned by National Media Group. It ran Galuzin’s 2025 offer to restore relations with Georgia.',
    related: [r('mikhail-galuzin', 'interviewed'), r('aslan-bzhania', 'interviewed')],
  },
  tass: {
    topics: ['media'],
    summary: 'Russian state-owned news agency headquartered in Moscow, with origins in the early 1900s; known as ITAR-TASS from 1992 to 2014.',
    related: [r('russia', 'state news agency of')],
  },
  'russian-mfa': {
    name: 'Russian Foreign Ministry',
    topics: ['diplomacy'],
    summary: 'Russia’s foreign ministry in its post-Soviet form since December 1991, headed by Sergey Lavrov since 2004, with Maria Zakharova as spokesperson since 2015.',
    related: [r('sergey-lavrov', 'headed by'), r('maria-zakharova', 'spokesperson'), r('mikhail-galuzin', 'deputy minister')],
  },
  'georgian-dream': {
    topics: ['politics-elections'],
    summary: 'Georgia’s ruling party since 2012, founded by Bidzina Ivanishvili; officially won the disputed October 2024 parliamentary election with 53.93% of the vote.',
    related: [r('bidzina-ivanishvili', 'party founded by'), r('irakli-kobakhidze', 'led government of'), r('irakli-garibashvili', 'chaired by'), r('georgian-parliamentary-election-2024', 'won'), r('united-national-movement', 'rival of')],
    disambiguation: {
      aliases: ['GD'],
      prior: 0.4,
      cues: ['Georgian Dream', 'Tbilisi', 'Kobakhidze', 'Ivanishvili', 'ruling party', 'opposition', 'parliament'],
      cueEntities: ['georgia', 'bidzina-ivanishvili', 'irakli-kobakhidze', 'tbilisi', 'united-national-movement'],
      against: ['gadolinium', 'game development', 'GDScript'],
    },
  },
  'united-national-movement': {
    topics: ['politics-elections'],
    summary: 'Georgian party founded by Mikheil Saakashvili in 2001 that governed after the 2003 Rose Revolution until 2012; now in opposition and chaired by Tina Bokuchava.',
    related: [r('mikheil-saakashvili', 'party founded by'), r('tina-bokuchava', 'chaired by'), r('georgian-dream', 'rival of'), r('rose-revolution', 'came to power after')],
    disambiguation: {
      aliases: ['National Movement'],
      prior: 0.6,
      cues: ['UNM', 'Saakashvili', 'Georgia', 'Tbilisi', 'Georgian Dream', 'Bokuchava', 'opposition'],
      cueEntities: ['georgia', 'mikheil-saakashvili', 'georgian-dream', 'tina-bokuchava', 'tbilisi'],
      against: ['Le Pen', 'Rassemblement National'],
    },
  },
  'eumm-georgia': {
    topics: ['conflict-security'],
    summary: 'Unarmed civilian EU mission of about 200 monitors, deployed in Georgia since October 2008 to watch the lines with Abkhazia and South Ossetia, which it is not allowed to enter; its mandate runs to December 2026.',
    related: [r('iprm', 'co-facilitates'), r('russo-georgian-war-2008', 'deployed after'), r('toivo-klaar', 'formerly headed by')],
  },
  osce: {
    name: 'OSCE',
    topics: ['diplomacy', 'conflict-security'],
    summary: 'The Organization for Security and Co-operation in Europe, which decides by consensus. Its mission to Georgia closed in 2009 after Russia blocked its extension; it co-chairs the Geneva International Discussions.',
    related: [r('geneva-international-discussions', 'co-chair of'), r('iprm', 'co-facilitates')],
  },
  'uvt-aero': {
    topics: ['transport'],
    summary: 'Russian airline that flew the test flight and, on 1 May 2025, the first regular flight from Moscow to Sukhumi; it is on the EU air safety list of banned Russian carriers.',
    related: [r('sukhumi-flights-2025', 'operated'), r('sukhumi-airport', 'flies to')],
  },
  aeroflot: {
    topics: ['transport'],
    summary: 'Russia’s flag carrier airline. In April 2025 it said it would not fly to Sukhumi, despite reports that it planned to.',
    related: [r('sukhumi-flights-2025', 'declined to take part in')],
  },
  borjomi: {
    topics: ['economy-trade'],
    summary: 'Georgian mineral water brand, widely popular in the former USSR. Russia banned it from May 2006 until April 2013, when the producer had been taken over by Russia’s Alfa Group.',
    related: [r('russian-embargo-2006', 'banned by'), r('karasin-abashidze-format', 'returned to Russia via')],
  },
  'russo-georgian-war-2008': {
    name: 'Russo-Georgian War (2008)',
    topics: ['conflict-security'],
    summary: 'Five-day war in August 2008 between Georgia and Russia with the de facto authorities of South Ossetia and Abkhazia. It began around Tskhinvali in the night of 7–8 August and led to Russia recognising both regions.',
    related: [r('six-point-plan-2008', 'ended by'), r('tagliavini-report', 'investigated by'), r('russian-recognition-2008', 'followed by'), r('south-ossetia', 'fought over'), r('tskhinvali', 'began at')],
  },
  'six-point-plan-2008': {
    name: 'Six-point ceasefire plan (2008)',
    topics: ['conflict-security', 'diplomacy'],
    summary: 'Ceasefire agreed on 12 August 2008 through French President Sarkozy, for the EU presidency, to end the Russo-Georgian war. Russia and Georgia still disagree on whether Russia has met its withdrawal terms.',
    related: [r('russo-georgian-war-2008', 'ended'), r('nicolas-sarkozy', 'mediated by'), r('dmitry-medvedev', 'agreed by'), r('geneva-international-discussions', 'basis of')],
  },
  'geneva-international-discussions': {
    topics: ['diplomacy', 'conflict-security'],
    summary: 'Talks held since October 2008 under EU, OSCE and UN co-chairs, the only regular format where Georgia, Russia, the United States and the Abkhaz and South Ossetian sides all meet. Russia wants them moved out of Switzerland.',
    related: [r('six-point-plan-2008', 'based on'), r('osce', 'co-chaired by'), r('iprm', 'created'), r('mikhail-galuzin', 'Russian delegation led by'), r('lasha-darsalia', 'Georgian delegation led by'), r('magdalena-grono', 'co-chaired by')],
  },
  iprm: {
    topics: ['conflict-security'],
    summary: 'Incident Prevention and Response Mechanisms set up in 2009 after the war to deal with incidents along the dividing lines, meeting in Ergneti (South Ossetia) and Gali (Abkhazia); the Gali meetings have stalled since 2018.',
    related: [r('geneva-international-discussions', 'created by'), r('gali', 'meets at'), r('eumm-georgia', 'co-facilitated by'), r('osce', 'co-facilitated by')],
  },
  'russian-recognition-2008': {
    name: 'Russian recognition of Abkhazia and South Ossetia',
    topics: ['diplomacy', 'conflict-security'],
    summary: 'Russia’s recognition of Abkhazia and South Ossetia as independent states, decreed by President Medvedev on 26 August 2008; only a handful of other UN members have followed.',
    related: [r('dmitry-medvedev', 'decreed by'), r('abkhazia', 'recognised'), r('south-ossetia', 'recognised'), r('russo-georgian-war-2008', 'followed')],
  },
  'georgia-russia-diplomatic-break-2008': {
    name: 'Georgia–Russia diplomatic break (2008)',
    topics: ['diplomacy'],
    summary: 'Georgia broke off diplomatic relations with Russia after the 2008 war and Russia’s recognition of the breakaway regions; sources date it to 29 August or 2 September 2008. Relations have not been restored.',
    related: [r('russian-recognition-2008', 'followed'), r('swiss-protecting-power', 'led to')],
  },
  'swiss-protecting-power': {
    name: 'Switzerland as protecting power',
    topics: ['diplomacy'],
    summary: 'Since March 2009 Switzerland has represented Russia in Georgia and Georgia in Russia through interests sections staffed by each country’s diplomats at Swiss embassies.',
    related: [r('georgia-russia-diplomatic-break-2008', 'arranged after'), r('sergey-lavrov', 'agreed by'), r('moscow', 'Georgian section in'), r('tbilisi', 'Russian section in')],
  },
  'karasin-abashidze-format': {
    topics: ['diplomacy', 'economy-trade'],
    summary: 'Informal direct Georgia–Russia dialogue on trade, transport and humanitarian issues, held since December 2012, mostly in Prague. It helped Georgian wine and mineral water return to the Russian market in 2013.',
    related: [r('grigory-karasin', 'Russian side'), r('zurab-abashidze', 'Georgian side until 2024'), r('giorgi-kajaia', 'Georgian side since 2024')],
  },
  'rose-revolution': {
    topics: ['politics-elections'],
    summary: 'Protests after Georgia’s disputed November 2003 parliamentary election, in which Saakashvili’s supporters entered parliament carrying roses and President Shevardnadze resigned.',
    related: [r('mikheil-saakashvili', 'led by'), r('eduard-shevardnadze', 'ended presidency of'), r('united-national-movement', 'brought to power')],
  },
  'eduard-shevardnadze': {
    topics: ['politics-elections'],
    summary: 'Georgian leader (1928–2014): head of the Georgian Communist Party in 1972–1985 and president of Georgia from 1995 until the Rose Revolution forced him to resign in 2003.',
    related: [r('rose-revolution', 'resigned in'), r('georgia', 'former president of')],
  },
  'russian-embargo-2006': {
    name: 'Russian embargo on Georgian wine and water (2006)',
    topics: ['economy-trade'],
    summary: 'Russian ban on Georgian wine from March 2006 and mineral water from May 2006, officially on health grounds. Exports of Georgian wine to Russia stopped until 2013.',
    related: [r('borjomi', 'banned'), r('georgian-wine-exports-russia', 'halted'), r('karasin-abashidze-format', 'lifted after talks in')],
  },
  'georgian-wine-exports-russia': {
    topics: ['economy-trade'],
    summary: 'Russia is the largest buyer of Georgian wine: it took most exports before the 2006 ban, none in 2007–2012, and about three quarters again by 2024.',
    related: [r('russian-embargo-2006', 'halted by'), r('karasin-abashidze-format', 'resumed after')],
  },
  'foreign-agents-law-2024': {
    name: 'Law on Transparency of Foreign Influence (2024)',
    topics: ['law-rights', 'media'],
    summary: 'Georgian law of 2024 requiring NGOs and media with over 20% foreign funding to register. Passed despite protests and a presidential veto, it led the EU to freeze Georgia’s accession process in practice.',
    related: [r('georgian-dream', 'introduced by'), r('salome-zourabichvili', 'vetoed by'), r('shalva-papuashvili', 'signed by'), r('georgia-eu-candidate-status', 'stalled')],
  },
  'georgia-eu-candidate-status': {
    name: 'Georgia’s EU candidate status',
    topics: ['diplomacy'],
    summary: 'Georgia applied to join the EU in March 2022 and became a candidate in December 2023; in November 2024 the government took accession talks off its agenda until 2028.',
    related: [r('georgia', 'status of'), r('irakli-kobakhidze', 'paused by'), r('foreign-agents-law-2024', 'stalled by')],
  },
  'georgian-parliamentary-election-2024': {
    topics: ['politics-elections'],
    summary: 'Parliamentary election of 26 October 2024, officially won by Georgian Dream with 53.93% and 89 of 150 seats; the opposition rejected the results and boycotted parliament.',
    related: [r('georgian-dream', 'won by'), r('united-national-movement', 'contested by')],
  },
  'nato-bucharest-summit-2008': {
    topics: ['diplomacy', 'conflict-security'],
    summary: 'NATO summit of 2–4 April 2008 whose declaration said Georgia and Ukraine would become members, without offering a Membership Action Plan, after France and Germany opposed one.',
    related: [r('georgia', 'promised membership to'), r('russo-georgian-war-2008', 'preceded')],
  },
  'tagliavini-report': {
    topics: ['conflict-security', 'law-rights'],
    summary: 'Report of the EU-backed fact-finding mission on the 2008 war, led by Swiss diplomat Heidi Tagliavini and published in September 2009. It found that Georgian shelling began the war and that Russia’s response went beyond reasonable limits.',
    related: [r('russo-georgian-war-2008', 'investigated')],
  },
  'law-on-occupied-territories': {
    topics: ['law-rights', 'conflict-security'],
    summary: 'Georgian law of October 2008 defining Abkhazia and the Tskhinvali region as occupied territories, limiting entry to routes from Georgian-controlled land and restricting economic and transport links.',
    related: [r('abkhazia', 'applies to'), r('south-ossetia', 'applies to'), r('sukhumi-flights-2025', 'cited against')],
  },
  cis: {
    name: 'Commonwealth of Independent States',
    topics: ['diplomacy'],
    summary: 'Grouping of former Soviet republics founded in December 1991. Georgia joined in 1993 and decided to leave after the 2008 war; its exit took effect in August 2009.',
    related: [r('georgia', 'former member'), r('russia', 'member')],
    disambiguation: {
      aliases: ['CIS'],
      prior: 0.5,
      cues: ['Commonwealth of Independent States', 'post-Soviet', 'former Soviet', 'Kremlin', 'Moscow', 'Minsk', 'Belarus', 'Kazakhstan'],
      cueEntities: ['russia', 'georgia', 'mikhail-galuzin', 'grigory-karasin'],
      against: ['cisgender', 'transgender', 'Center for Internet Security', 'CIS Controls'],
    },
  },
  'gavrilov-night-2019': {
    name: 'Gavrilov’s Night (2019)',
    topics: ['politics-elections', 'diplomacy'],
    summary: 'Protests in Tbilisi on 20 June 2019 after Russian MP Sergei Gavrilov addressed an assembly from the Georgian speaker’s chair; about 240 people were injured, and Russia then banned flights to Georgia.',
    related: [r('sergei-gavrilov', 'triggered by'), r('vladimir-putin', 'answered by decree of'), r('irakli-kobakhidze', 'led to resignation of')],
  },
  'sergei-gavrilov': {
    topics: ['politics-elections'],
    summary: 'Communist member of Russia’s State Duma and president of the Interparliamentary Assembly on Orthodoxy, whose appearance in the Georgian speaker’s chair in June 2019 set off mass protests.',
    related: [r('gavrilov-night-2019', 'triggered')],
  },
  'russia-georgia-visa-flights-2023': {
    name: 'Russia’s visa waiver and flights to Georgia (2023)',
    topics: ['transport', 'diplomacy'],
    summary: 'In May 2023 Putin lifted the 2019 ban on flights to Georgia and waived visas for Georgian citizens; direct flights resumed on 19 May. President Zourabichvili called it a provocation.',
    related: [r('vladimir-putin', 'decreed by'), r('gavrilov-night-2019', 'reversed flight ban after'), r('salome-zourabichvili', 'criticised by')],
  },
  'sukhumi-flights-2025': {
    name: 'Moscow–Sukhumi flights (2025)',
    topics: ['transport', 'conflict-security'],
    summary: 'Regular flights from Moscow to Sukhumi, the first civilian flights on the route in over three decades, began on 1 May 2025 with UVT Aero. Georgia and the EU condemned them.',
    related: [r('uvt-aero', 'operated by'), r('sukhumi-airport', 'to'), r('sergey-kiriyenko', 'announced by'), r('law-on-occupied-territories', 'condemned under'), r('aeroflot', 'not joined by')],
    note: 'Georgia regards the flights as a breach of ICAO rules and of its Law on Occupied Territories.',
  },
  'abkhazia-protests-2024': {
    name: 'Abkhazia protests (2024)',
    topics: ['politics-elections', 'economy-trade'],
    summary: 'Protests in Sukhumi in November 2024 against an investment agreement giving Russian investors privileges; protesters stormed official buildings, the deal was withdrawn and de facto president Bzhania resigned.',
    related: [r('aslan-bzhania', 'led to resignation of'), r('abkhazia', 'took place in'), r('abkhaz-presidential-election-2025', 'led to')],
  },
  'abkhaz-presidential-election-2025': {
    name: 'Abkhaz presidential election (2025)',
    topics: ['politics-elections'],
    summary: 'Early de facto presidential election in Abkhazia after Bzhania’s resignation, won by Badra Gunba in the 1 March 2025 runoff against Adgur Ardzinba.',
    related: [r('badra-gunba', 'won by'), r('abkhazia-protests-2024', 'followed'), r('abkhazia', 'held in')],
    note: 'Georgia and most states do not recognise elections held in Abkhazia.',
  },
  'war-in-abkhazia-1992-1993': {
    name: 'War in Abkhazia (1992–1993)',
    topics: ['conflict-security'],
    summary: 'War between Georgian government forces and Abkhaz separatists backed by Russian forces and North Caucasus volunteers; Georgia lost control of the region and over 250,000 Georgians were displaced. A ceasefire followed in May 1994.',
    related: [r('abkhazia', 'fought over'), r('enguri-river', 'ceasefire line at')],
  },
  'ochamchire-naval-base': {
    name: 'Russian naval base in Ochamchire',
    topics: ['conflict-security'],
    summary: 'Planned permanent Russian navy base in Abkhazia’s Ochamchire district, announced by Aslan Bzhania in October 2023; Georgia called it a provocation.',
    related: [r('ochamchire', 'located at'), r('aslan-bzhania', 'announced by')],
  },
  'sergey-kiriyenko': {
    topics: ['politics-elections', 'transport'],
    summary: 'First deputy head of the Russian presidential administration, who announced and attended the May 2025 start of flights from Moscow to Sukhumi.',
    related: [r('sukhumi-flights-2025', 'announced'), r('vladimir-putin', 'deputy chief of staff of')],
    addEn: ['Kiriyenko'],
  },
  'levan-davitashvili': {
    topics: ['economy-trade'],
    summary: 'Georgian vice prime minister and economy minister, earlier head of the National Wine Agency; in 2025 he condemned the use of Sukhumi airport.',
    related: [r('sukhumi-flights-2025', 'condemned')],
  },
  'shalva-papuashvili': {
    topics: ['politics-elections', 'law-rights'],
    summary: 'Speaker of the Parliament of Georgia, who signed the foreign-influence transparency law in June 2024 after parliament overrode the president’s veto.',
    related: [r('foreign-agents-law-2024', 'signed'), r('georgian-dream', 'member of')],
    addEn: ['Papuashvili'],
  },
  'lasha-darsalia': {
    topics: ['diplomacy'],
    summary: 'Georgia’s first deputy foreign minister and head of its delegation to the Geneva International Discussions.',
    related: [r('geneva-international-discussions', 'Georgian delegation head at')],
  },
  'magdalena-grono': {
    topics: ['diplomacy'],
    summary: 'EU Special Representative for the South Caucasus and the crisis in Georgia, co-chairing the Geneva International Discussions since late 2024.',
    related: [r('geneva-international-discussions', 'co-chair of')],
  },
  'toivo-klaar': {
    topics: ['diplomacy'],
    summary: 'EU diplomat who headed the EU Monitoring Mission in Georgia from 2013 and later, as EU Special Representative for the South Caucasus, co-chaired the Geneva International Discussions.',
    related: [r('eumm-georgia', 'former head of'), r('geneva-international-discussions', 'former co-chair of')],
  },
  'tina-bokuchava': {
    name: 'Tina Bokuchava',
    topics: ['politics-elections'],
    summary: 'Georgian opposition politician, MP since 2012 and chair of the United National Movement.',
    related: [r('united-national-movement', 'chair of')],
    addEn: ['Bokuchava'],
  },
};

const TIMELINE_PERSON_FIELDS = new Set(['event', 'statement', 'election', 'since']);
const NON_EVENT_FIELDS = new Set(['population', 'area', 'capital', 'status', 'share', 'volume_2023', 'type', 'size', 'implementation', 'position', 'other_recognisers', 'leadership', 'co_chairs_2025', 'participants', 'function', 'premises', 'note', 'dispute', 'points', 'mediator', 'results', 'content', 'scope', 'entry_rule', 'penalty', 'economic', 'context', 'impact', 'official_reason', 'belligerents', 'casualties', 'displacement', 'date_alt', 'structure', 'recognition', 'reaction', 'russian_response', 'background', 'georgian_usage', 'demography', 'iprm']);

function parseTsv(text: string): Row[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.slice(1).map((l) => {
    const [id, name, type, kind, field, value, date, url, title] = l.split('\t').map((c) => (c ?? '').trim());
    return { id, name, type, kind, field, value, date, url, title } as Row;
  });
}

function sourceSlug(url: string): string {
  const u = new URL(url);
  const host = u.hostname.replace(/^(www|m|en\.m|web|home|review)\./, '').replace(/\.(com|org|net|ru|ge|ch|ua|name|info|online|site|wiki|in|az|me|co\.jp|xyz|news)$/, '');
  const hostPart = host.replace(/\./g, '-');
  const q = u.searchParams.get('q') ?? u.searchParams.get('title') ?? u.searchParams.get('ID');
  const segs = u.pathname.split('/').filter(Boolean);
  let tail = q ?? segs[segs.length - 1] ?? '';
  try {
    tail = decodeURIComponent(tail);
  } catch {
    /* keep raw */
  }
  tail = tail.replace(/\.(html?|php)$/, '');
  const num = /^\d+$/.test(tail);
  let slugTail = tail
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (!num) slugTail = slugTail.split('-').slice(0, 4).join('-').slice(0, 28).replace(/-$/, '');
  return [hostPart, slugTail].filter(Boolean).join('-').toLowerCase().replace(/-+/g, '-');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function tidyValue(v: string): string {
  return cap(v.replace(/\bNOT\b/g, 'not').replace(/\s+/g, ' ').trim());
}

const PRECISE = /^\d{4}-\d{2}(-\d{2})?$/;

export function convert(rows: Row[]): Entity[] {
  const ids = [...new Set(rows.map((r) => r.id))];
  return ids.map((id) => {
    const own = rows.filter((r) => r.id === id);
    const first = own[0];
    if (!first) throw new Error(`no rows for ${id}`);
    const a = AUTHORED[id];
    if (!a) throw new Error(`no authored data for ${id}`);
    const name = a.name ?? first.name;
    const drop = new Set(a.dropAliases ?? []);
    const aliases: Aliases = {};
    const push = (k: keyof Aliases, v: string) => {
      if (drop.has(v)) return;
      const list = (aliases[k] ??= []);
      if (!list.includes(v)) list.push(v);
    };
    push('en', name);
    for (const row of own.filter((x) => x.kind === 'alias')) {
      const k: keyof Aliases = row.field === 'en' || row.field === 'ru' || row.field === 'ka' ? row.field : 'other';
      push(k, row.value);
    }
    for (const e of a.addEn ?? []) push('en', e);
    const ordered: Aliases = {};
    for (const k of ['en', 'ru', 'ka', 'other'] as const) if (aliases[k]?.length) ordered[k] = aliases[k];

    const sources: Source[] = [];
    const srcId = new Map<string, string>();
    const useSource = (row: Row): string => {
      const known = srcId.get(row.url);
      if (known) return known;
      let sid = sourceSlug(row.url);
      let n = 2;
      const base = sid;
      while (sources.some((s) => s.id === sid)) sid = `${base}-${n++}`;
      srcId.set(row.url, sid);
      const publisher = (row.title.split(' – ')[0] ?? row.title).trim();
      sources.push({ id: sid, title: row.title, url: row.url, publisher, accessed: '2025' });
      return sid;
    };

    const facts: Fact[] = [];
    const timeline: TimelineEvent[] = [];
    for (const row of own.filter((x) => x.kind === 'fact')) {
      const asOf = row.date || UNDATED[`${id}|${row.field}`];
      if (!asOf) continue; // undated and no defensible date: left out
      const source = useSource(row);
      const value = tidyValue(row.value);
      facts.push({ label: LABELS[row.field] ?? cap(row.field.replace(/_/g, ' ')), value, asOf, source });
      if (!PRECISE.test(asOf)) continue;
      const t = first.type;
      const eventLike = t === 'event' || t === 'agreement' || t === 'topic';
      const include = eventLike
        ? !NON_EVENT_FIELDS.has(row.field)
        : t === 'person'
          ? TIMELINE_PERSON_FIELDS.has(row.field)
          : row.field === 'event' || row.field === 'established' || row.field === 'launched';
      if (include) timeline.push({ date: asOf, text: value, source });
    }
    timeline.sort((x, y) => x.date.localeCompare(y.date));

    const e: Entity = {
      id,
      name,
      type: first.type,
      topics: a.topics,
      aliases: ordered,
      summary: a.summary,
      facts,
      ...(timeline.length ? { timeline } : {}),
      ...(a.related?.length ? { related: a.related } : {}),
      sources,
      ...(a.disambiguation ? { disambiguation: a.disambiguation } : {}),
      ...(a.note ? { note: a.note } : {}),
    };
    return e;
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const tsv = args.find((x) => !x.startsWith('--')) ?? '/work/shared/facts/facts.tsv';
  const entities = convert(parseTsv(readFileSync(tsv, 'utf8')));
  const dir = join(PACKS_DIR, 'russia-georgia', 'entities');
  mkdirSync(dir, { recursive: true });
  let written = 0;
  for (const e of entities) {
    const file = join(dir, `${e.id}.json`);
    if (existsSync(file) && !force) {
      console.error(`skip ${e.id}: file exists (edit by hand; --force to overwrite)`);
      continue;
    }
    writeFileSync(file, JSON.stringify(e, null, 2) + '\n');
    written++;
  }
  console.log(`${written} of ${entities.length} entities written to ${dir}`);
}

main();
