/** The build's file of the bundled packs' records (dist/<browser>/packs.json), which the background reads on first need. Not web-accessible. */
export const PACKS_FILE = 'packs.json';
