const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids here are UUIDs, in either case; every edge that takes one checks it with this. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
