/**
 * Bundled and imported packs, indexed, as Preact state: reloaded when packs are
 * switched off or on, imported or removed.
 */
import { useEffect, useState } from 'preact/hooks';
import { bundledPacks } from '../shared/bundled-packs.ts';
import { loadKnowledge, type Knowledge } from '../shared/knowledge.ts';
import { watchUserPacks } from '../shared/user-packs.ts';

/** The knowledge for the given switched-off packs; null until loaded (or while settings load). */
export function useKnowledge(disabledPacks: readonly string[] | null): Knowledge | null {
  const [knowledge, setKnowledge] = useState<Knowledge | null>(null);
  const [generation, setGeneration] = useState(0);
  const key = disabledPacks ? disabledPacks.join('\n') : null;
  useEffect(() => watchUserPacks(() => setGeneration((g) => g + 1)), []);
  useEffect(() => {
    if (key === null) return;
    let alive = true;
    // A build whose packs file cannot be read still shows the imported packs.
    void bundledPacks()
      .catch((e: unknown) => (console.error(e), []))
      .then((bundled) => loadKnowledge(bundled, key ? key.split('\n') : []))
      .then((k) => {
        if (alive) setKnowledge(k);
      });
    return () => {
      alive = false;
    };
  }, [key, generation]);
  return knowledge;
}
