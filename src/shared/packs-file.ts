/** The build's file of the bundled packs' records (dist/<browser>/packs.json), which the background and the extension pages read on first need (bundled-packs.ts). Not web-accessible. */
export const PACKS_FILE = 'packs.json';
