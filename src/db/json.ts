/**
 * JSON for payloads that leave the process (outbox events, live events).
 * bigint is written as a decimal string (money is bigint minor units and
 * JSON numbers would lose precision); a Date as its ISO string.
 */

/** JSON.stringify replacer: bigint becomes a decimal string. Dates already serialise via toJSON. */
export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** Serialises a payload to JSON, bigint values as strings. Throws on undefined or non-serialisable input. */
export function stringifyJson(value: unknown): string {
  const text = JSON.stringify(value, bigintReplacer);
  if (text === undefined) throw new TypeError('payload is not JSON-serialisable');
  return text;
}

/**
 * A deep copy of value that JSON can carry: bigint as string, Date as ISO
 * string. Use it to build the payload objects you hand to consumers' tests or
 * compare against what a consumer will receive.
 */
export function toJsonSafe<T>(value: T): unknown {
  return JSON.parse(stringifyJson(value));
}
