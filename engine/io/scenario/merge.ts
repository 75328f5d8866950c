/**
 * `extends`: deep merge of a scenario onto its base, by path.
 *
 * - Mappings merge key by key, recursively; the child's value wins.
 * - Lists whose items are all mappings with an `id` (arms, authorities) merge by id: the child's list
 *   says which items exist and in which order; a child item whose id matches a base item is merged
 *   onto it, so `- id: status-quo` plus one changed field is enough. Base items the child leaves out
 *   are dropped.
 * - Any other list, and every scalar, replaces the base value as a whole.
 */
import type { LNode, MapEntry } from './tree.ts';

/** The child tree merged onto the base tree (neither is modified). */
export function mergeTrees(base: LNode, child: LNode): LNode {
  if (base.kind === 'map' && child.kind === 'map') {
    const entries = new Map<string, MapEntry>(base.entries);
    for (const [key, entry] of child.entries) {
      const prior = entries.get(key);
      entries.set(key, prior === undefined ? entry : { keyLoc: entry.keyLoc, value: mergeTrees(prior.value, entry.value) });
    }
    return { kind: 'map', loc: child.loc, entries };
  }
  if (base.kind === 'seq' && child.kind === 'seq' && isIdList(base) && isIdList(child)) {
    const byId = new Map<string, LNode>();
    for (const item of base.items) byId.set(idOf(item)!, item);
    return {
      kind: 'seq',
      loc: child.loc,
      items: child.items.map((item) => {
        const prior = byId.get(idOf(item)!);
        return prior === undefined ? item : mergeTrees(prior, item);
      }),
    };
  }
  return child;
}

/** The `id` of a list item, when it is a mapping with a scalar `id`. */
export function idOf(item: LNode): string | undefined {
  if (item.kind !== 'map') return undefined;
  const id = item.entries.get('id')?.value;
  return id?.kind === 'scalar' && id.value !== null ? String(id.value) : undefined;
}

/** True when every item of a non-empty list is a mapping with an id. */
function isIdList(seq: Extract<LNode, { kind: 'seq' }>): boolean {
  return seq.items.length > 0 && seq.items.every((i) => idOf(i) !== undefined);
}
