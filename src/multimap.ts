/**
 * Appends a value to the list a map keeps under a key, starting the list
 * when the key is new. Used for indexes built in one pass (postings,
 * groups), where copying the list on every addition would be quadratic.
 */
export function addUnder<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
