import { v7 } from 'uuid';

/** Ids are UUIDv7: unique without coordination and ordered by creation, so keyset pages need no timestamp. */
export const newId = (): string => v7();
