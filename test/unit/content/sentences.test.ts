import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../../src/content/card/sentences.ts';

describe('sentencesOf', () => {
  it('splits a summary into its sentences in English, Russian and Georgian', () => {
    expect(sentencesOf('Russian diplomat. He led the delegation in 2024! Why? Because.')).toEqual(['Russian diplomat.', 'He led the delegation in 2024!', 'Why?', 'Because.']);
    expect(sentencesOf('Российский дипломат. «Мы готовы», сказал он.')).toEqual(['Российский дипломат.', '«Мы готовы», сказал он.']);
    expect(sentencesOf('რუსი დიპლომატი. 2024 წელს დელეგაციას ხელმძღვანელობდა.')).toEqual(['რუსი დიპლომატი.', '2024 წელს დელეგაციას ხელმძღვანელობდა.']);
  });

  it('does not end a sentence at an initial, an abbreviation or a lower-case word', () => {
    expect(sentencesOf('Sanctioned by the U.S. Treasury in 2024. Named by J. Smith as a source.')).toEqual(['Sanctioned by the U.S. Treasury in 2024.', 'Named by J. Smith as a source.']);
    expect(sentencesOf('Born in 1951 in St. Petersburg, approx. five km away.')).toEqual(['Born in 1951 in St. Petersburg, approx. five km away.']);
  });

  it('keeps a text without a full stop whole, and gives nothing for an empty one', () => {
    expect(sentencesOf('  One clause only  ')).toEqual(['One clause only']);
    expect(sentencesOf('')).toEqual([]);
  });
});
