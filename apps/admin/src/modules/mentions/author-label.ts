/** How an author is named: the display name with the handle beside it, or the handle alone. */
export interface AuthorLabel {
  name: string;
  /** The @handle to show beside the name; null when the name already is the handle. */
  handle: string | null;
}

export function authorLabel(identity: {
  handle: string;
  displayName?: string | null;
}): AuthorLabel {
  const handle = identity.handle.startsWith('@') ? identity.handle : `@${identity.handle}`;
  const displayName = identity.displayName?.trim();
  if (!displayName || displayName === handle || `@${displayName}` === handle) {
    return { name: handle, handle: null };
  }
  return { name: displayName, handle };
}

/**
 * A mention's reach is only known when the network reported an audience: an estimate of 0
 * with no follower count means "not reported", not "nobody saw it".
 */
export function isReachKnown(reach: number, followers: number | null | undefined): boolean {
  return reach > 0 || followers != null;
}
