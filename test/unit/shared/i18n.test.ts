/**
 * The i18n core and the language setting: the chosen language's catalogue wins over the
 * browser's, English is English whatever the browser, "browser" follows the browser
 * again, a catalogue that cannot be loaded leaves English words, and a slow earlier
 * choice never overrides a later one.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import ka from '../../../public/_locales/ka/messages.json';
import ru from '../../../public/_locales/ru/messages.json';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));

const { fake } = await import('../../fakes/browser.ts');
const { chooseLanguage, messagesOf, pickMessages, translator, uiLang } = await import('../../../src/shared/i18n.ts');
const { catalogueStrings, loadCatalogue } = await import('../../../src/shared/i18n-catalogue.ts');
const card = await import('../../../src/content/strings.ts');

const EN = { cardClose: 'Close', cardMoreFacts_one: '$1 more fact', cardMoreFacts_other: '$1 more facts', onlyEnglish: 'Only in English' };
const { t, plural } = translator(EN);
const KA = messagesOf(ka);
const RU = messagesOf(ru);
const serve = (messages: Record<string, string>) => async () => messages;

afterEach(async () => {
  await chooseLanguage('browser', serve({}));
  fake.reset();
  vi.unstubAllGlobals();
});

describe('the language setting in the i18n core', () => {
  it('follows the browser by default', () => {
    fake.setUiLanguage('ru');
    expect(uiLang()).toBe('ru');
    expect(t('cardClose')).toBe(RU.cardClose);
  });

  it('uses the chosen catalogue over the browser’s, then the English fallbacks', async () => {
    fake.setUiLanguage('ru');
    expect(await chooseLanguage('ka', serve(KA))).toBe(true);
    expect(uiLang()).toBe('ka');
    expect(t('cardClose')).toBe(KA.cardClose);
    expect(t('cardClose')).toMatch(/[\u10d0-\u10ff]/);
    expect(t('onlyEnglish')).toBe('Only in English');
  });

  it('counts by the chosen language’s plural rules', async () => {
    await chooseLanguage('ru', serve(RU));
    expect(plural('cardMoreFacts', 1)).toBe(RU.cardMoreFacts_one!.replace('$1', '1'));
    expect(plural('cardMoreFacts', 3)).toBe(RU.cardMoreFacts_few!.replace('$1', '3'));
    expect(plural('cardMoreFacts', 5)).toBe(RU.cardMoreFacts_many!.replace('$1', '5'));
  });

  it('speaks English when English is chosen, whatever the browser’s language', async () => {
    fake.setUiLanguage('ka');
    await chooseLanguage('en', () => Promise.reject(new Error('English needs no catalogue')));
    expect(uiLang()).toBe('en');
    expect(t('cardClose')).toBe('Close');
    expect(plural('cardMoreFacts', 2)).toBe('2 more facts');
  });

  it('follows the browser again when the setting goes back to "browser"', async () => {
    fake.setUiLanguage('ru');
    await chooseLanguage('ka', serve(KA));
    await chooseLanguage('browser', serve(KA));
    expect(uiLang()).toBe('ru');
    expect(t('cardClose')).toBe(RU.cardClose);
  });

  it('keeps the chosen language but English words when its catalogue cannot be loaded', async () => {
    await chooseLanguage('ka', () => Promise.reject(new Error('gone')));
    expect(uiLang()).toBe('ka');
    expect(t('cardClose')).toBe('Close');
  });

  it('never lets a slower earlier choice override a later one', async () => {
    let release: () => void = () => undefined;
    const slow = chooseLanguage('ka', () => new Promise((ok) => (release = () => ok(KA))));
    expect(await chooseLanguage('ru', serve(RU))).toBe(true);
    release();
    expect(await slow).toBe(false);
    expect(uiLang()).toBe('ru');
    expect(t('cardClose')).toBe(RU.cardClose);
  });
});

describe('the card’s words in the chosen language', () => {
  it('asks the background for the card’s strings in that language and uses them', async () => {
    vi.stubGlobal('fetch', fake.fetch);
    const asked: unknown[] = [];
    fake.serveBackground((m) => {
      asked.push(m);
      return m.type === 'backstory/ui-strings' ? catalogueStrings(m.lang, m.keys).then((strings) => ({ ok: true, strings })) : undefined;
    });
    expect(await card.chooseCardLanguage('ka')).toBe(true);
    expect(asked).toEqual([expect.objectContaining({ type: 'backstory/ui-strings', lang: 'ka', keys: expect.arrayContaining(['cardClose', 'cardMoreFacts_other', 'kind_state_media']) })]);
    expect(card.uiLang()).toBe('ka');
    expect(card.t('kind_state_media')).toBe(KA.kind_state_media);
    expect(card.typeLabel('person')).toBe(KA.type_person);
    expect(card.plural('cardMoreFacts', 3, card.uiLang())).toBe(KA.cardMoreFacts_other!.replace('$1', '3'));
  });

  it('keeps the card in English words when the background cannot answer', async () => {
    expect(await card.chooseCardLanguage('ru')).toBe(true);
    expect(card.uiLang()).toBe('ru');
    expect(card.t('cardClose')).toBe('Close');
  });
});

describe('catalogues', () => {
  it('reads a catalogue from the extension’s _locales folder', async () => {
    vi.stubGlobal('fetch', fake.fetch);
    expect(await loadCatalogue('ka')).toEqual(KA);
  });

  it('answers a content script with the asked strings of one of our languages, nothing for others', async () => {
    vi.stubGlobal('fetch', fake.fetch);
    expect(await catalogueStrings('ka', ['cardClose'])).toEqual({ cardClose: KA.cardClose });
    expect(await catalogueStrings('de', ['cardClose'])).toEqual({});
    expect(await catalogueStrings('../../secret', ['cardClose'])).toEqual({});
    expect(await catalogueStrings('ka', 'cardClose')).toEqual({});
  });

  it('turns a messages.json into key → message, skipping anything else', () => {
    expect(messagesOf({ a: { message: 'A' }, b: { nope: 1 }, c: 'x', d: null })).toEqual({ a: 'A' });
    expect(messagesOf(null)).toEqual({});
  });

  it('picks the asked keys with every plural form of a counted key', () => {
    const picked = pickMessages(RU, ['cardClose', 'cardMoreFacts_one', 'cardMoreFacts_other']);
    expect(Object.keys(picked).sort()).toEqual(['cardClose', 'cardMoreFacts_few', 'cardMoreFacts_many', 'cardMoreFacts_one', 'cardMoreFacts_other']);
    expect(picked.cardClose).toBe(RU.cardClose);
  });
});
