/** Something a contact did (or stopped doing) that may move them to another stage. */
export type LifecycleEvent =
  | { readonly type: 'subscribed' }
  | { readonly type: 'engaged' }
  | { readonly type: 'qualified' }
  | { readonly type: 'disqualified' }
  | { readonly type: 'opportunityOpened' }
  | { readonly type: 'opportunityLost' }
  | { readonly type: 'purchased' }
  | { readonly type: 'referredCustomer' }
  | { readonly type: 'inactive'; readonly days: number }
  | { readonly type: 'reactivated' };

/** The name of a lifecycle event. */
export type LifecycleEventType = LifecycleEvent['type'];
