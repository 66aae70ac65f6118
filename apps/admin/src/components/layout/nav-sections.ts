import type { TenantRole } from '../../lib/roles.js';

/** One page in the tenant's navigation: its route, label key (`nav.*`), icon and who sees it. */
export interface NavItem {
  readonly route: string;
  readonly label: string;
  readonly icon: string;
  /** The least role that sees the entry; everyone in the tenant when absent. */
  readonly least?: TenantRole;
}

/** The tenant's pages in the order people work: customers first, then insight, listening, setup. */
export const NAV_SECTIONS: readonly {
  readonly title: string;
  readonly items: readonly NavItem[];
}[] = [
  {
    title: 'customers',
    items: [
      { route: 'contacts', label: 'contacts', icon: 'pi pi-id-card' },
      { route: 'companies', label: 'companies', icon: 'pi pi-building' },
      { route: 'segments', label: 'segments', icon: 'pi pi-filter' },
      { route: 'contacts-duplicates', label: 'duplicates', icon: 'pi pi-clone' },
      { route: 'contacts-import', label: 'import', icon: 'pi pi-upload' },
      { route: 'exports', label: 'exports', icon: 'pi pi-file-export' },
    ],
  },
  {
    title: 'insights',
    items: [
      { route: 'reports', label: 'reports', icon: 'pi pi-chart-bar' },
      { route: 'rfm', label: 'rfm', icon: 'pi pi-th-large' },
      { route: 'lifecycle', label: 'lifecycle', icon: 'pi pi-sort-amount-down' },
      { route: 'customer-value', label: 'customerValue', icon: 'pi pi-wallet' },
      { route: 'advocacy', label: 'advocacy', icon: 'pi pi-megaphone' },
      { route: 'maturity', label: 'maturity', icon: 'pi pi-check-square' },
    ],
  },
  {
    title: 'listening',
    items: [
      { route: 'brands', label: 'brands', icon: 'pi pi-tags' },
      { route: 'listening', label: 'listening', icon: 'pi pi-chart-line' },
      { route: 'listening-feed', label: 'feed', icon: 'pi pi-bolt' },
      { route: 'listening-connectors', label: 'connectors', icon: 'pi pi-link' },
      { route: 'listening-settings', label: 'listeningSettings', icon: 'pi pi-sliders-h' },
    ],
  },
  {
    title: 'settings',
    items: [
      { route: 'custom-fields', label: 'customFields', icon: 'pi pi-list' },
      { route: 'privacy', label: 'privacy', icon: 'pi pi-shield', least: 'MANAGER' },
      { route: 'members', label: 'members', icon: 'pi pi-users', least: 'MANAGER' },
      { route: 'api-keys', label: 'apiKeys', icon: 'pi pi-key', least: 'OWNER' },
    ],
  },
];
