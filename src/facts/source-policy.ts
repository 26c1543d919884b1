/**
 * The source policy, as far as a machine can check it (README, "Source policy"): a fact
 * cites the page that says it, at an established publisher, an official or international
 * body, a reference work, a research institute, or Wikipedia itself. Never a copy of
 * another site, never the "Pravda" network or other fabricators, never an anonymous blog,
 * content farm or Q&A site. The validator rejects a source whose host is listed here, and a
 * Wikipedia link that is not the article's canonical address.
 */

/** Why a host is refused, shown in the validator's message. */
const REFUSED: readonly { why: string; hosts: readonly string[] }[] = [
  {
    why: 'a copy of Wikipedia or of another site (cite the original page instead)',
    hosts: [
      'absoluteastronomy.com',
      'askwikinow.com',
      'wikisum.wiki',
      'piglix.com',
      'wikimili.com',
      'theinfolist.com',
      'owiki.org',
      'zxc.wiki',
      'wiki.studentb.eu',
      'wiki.tsokiyzan.org',
      'iiab.me',
      'osmarks.net',
      'wikiwand.com',
      'wikizero.com',
      'wiki2.org',
      'dbpedia.org',
      'memim.com',
      'findatwiki.com',
      'perceptioda.com',
      'perceptiofr.com',
      'perceptiono.com',
      'qaz.wiki',
      'wikisort.org',
      'howlingpixel.com',
      'wiki7.org',
      'blogen.wiki',
      'hubbry.com',
      'wikireading.ru',
      'academic.ru',
      'nina.az',
      'gravy.cc',
      'wikiland.org',
      'hyperlinked.wiki',
      'wikivisually.com',
      'wikiclassic.com',
      'the-uncensored-wiki.com',
      'liquisearch.com',
      'frwiki.wiki',
      'wiki34.com',
      'encyclopedia.datana.cloud',
      'alquds.edu',
      'classicistranieri.com',
      'marbk-86a.win',
      'dweb.link',
      'ipfs.io',
      'movatter.jp',
      'stringtranslate.com',
      'websitebiography.com',
      'urdupoint.com',
      'miragenews.com',
      'menafn.com',
      'einpresswire.com',
      'newsr.in',
      'particle.news',
      'pledgetimes.com',
    ],
  },
  {
    why: 'the "Pravda" network or another site known for fabrication',
    hosts: ['news-pravda.com', 'pravda-en.com', 'news-front.su', 'news-front.info', 'russia-insider.com', 'southfront.org'],
  },
  {
    why: 'an anonymous blog, file host, content farm or Q&A site',
    hosts: [
      'blogspot.com',
      'wordpress.com',
      'medium.com',
      'cloudfront.net',
      'azureedge.net',
      'deno.dev',
      'quora.com',
      'reddit.com',
      'answers.com',
      'znanija.site',
      'triviaquestions.online',
      'slovar.cc',
      'dictinary.ru',
      'lifelines.name',
      'a24now.com',
      'silaedinstva.ru',
    ],
  },
];

const REFUSED_BY_HOST = new Map<string, string>(REFUSED.flatMap((r) => r.hosts.map((h) => [h, r.why] as const)));

/** The host without `www.` and without a trailing dot. */
export function sourceHost(url: string): string {
  return new URL(url).hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** Why this URL may not be cited, or undefined when the policy has nothing against it. */
export function refusedSource(url: string): string | undefined {
  let host: string;
  try {
    host = sourceHost(url);
  } catch {
    return undefined; // the URL check reports it
  }
  if (new URL(url).hostname.endsWith('.')) return `${host}. is written with a trailing dot: cite the page's canonical address (${host})`;
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const why = REFUSED_BY_HOST.get(h);
    if (why) return `${host} is ${why}`;
  }
  if (host.endsWith('.wikipedia.org')) {
    const u = new URL(url);
    // The article (`/wiki/Title`) or a permanent link to one revision of it (`?oldid=`).
    const article = u.pathname.startsWith('/wiki/') || u.searchParams.has('oldid');
    if (!/^[a-z-]+\.wikipedia\.org$/.test(u.hostname) || !article) return `${host}${u.pathname} is not a canonical Wikipedia article address (https://<lang>.wikipedia.org/wiki/<Title>)`;
  }
  return undefined;
}
