import type { Pinia } from 'pinia';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '../stores/session.js';

const routes: RouteRecordRaw[] = [
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('../modules/auth/pages/sign-in/SignInPage.vue'),
    meta: { public: true },
  },
  {
    path: '/accept-invitation',
    name: 'accept-invitation',
    component: () => import('../modules/auth/pages/accept-invitation/AcceptInvitationPage.vue'),
    meta: { public: true, anyone: true },
  },
  {
    path: '/',
    component: () => import('../components/layout/AppLayout.vue'),
    children: [
      { path: '', redirect: { name: 'brands' } },
      {
        path: 'brands',
        name: 'brands',
        component: () => import('../modules/brands/pages/brand-list/BrandListPage.vue'),
      },
      {
        path: 'brands/new',
        name: 'brand-new',
        component: () => import('../modules/brands/pages/brand-edit/BrandEditPage.vue'),
      },
      {
        path: 'brands/:id/edit',
        name: 'brand-edit',
        component: () => import('../modules/brands/pages/brand-edit/BrandEditPage.vue'),
        props: true,
      },
      {
        path: 'contacts',
        name: 'contacts',
        component: () => import('../modules/contacts/pages/contact-list/ContactListPage.vue'),
      },
      {
        path: 'contacts/new',
        name: 'contact-new',
        component: () => import('../modules/contacts/pages/contact-new/ContactNewPage.vue'),
      },
      {
        path: 'contacts/:id',
        name: 'contact',
        component: () => import('../modules/contacts/pages/contact/ContactPage.vue'),
        props: true,
      },
      {
        path: 'companies',
        name: 'companies',
        component: () => import('../modules/companies/pages/company-list/CompanyListPage.vue'),
      },
      {
        path: 'companies/:id',
        name: 'company',
        component: () => import('../modules/companies/pages/company/CompanyPage.vue'),
        props: true,
      },
      {
        path: 'segments',
        name: 'segments',
        component: () => import('../modules/segments/pages/SegmentsPage.vue'),
      },
      {
        path: 'segments/new',
        name: 'segment-new',
        component: () => import('../modules/segments/pages/SegmentEditorPage.vue'),
      },
      {
        path: 'segments/:id',
        name: 'segment',
        component: () => import('../modules/segments/pages/SegmentPage.vue'),
        props: true,
      },
      {
        path: 'segments/:id/edit',
        name: 'segment-edit',
        component: () => import('../modules/segments/pages/SegmentEditorPage.vue'),
        props: true,
      },
      {
        path: 'insights/rfm',
        name: 'rfm',
        component: () => import('../modules/customer-scores/pages/RfmPage.vue'),
      },
      {
        path: 'insights/lifecycle',
        name: 'lifecycle',
        component: () => import('../modules/lifecycle/pages/LifecyclePage.vue'),
      },
      {
        path: 'insights/value',
        name: 'customer-value',
        component: () => import('../modules/customer-value/pages/CustomerValuePage.vue'),
      },
      {
        path: 'insights/advocacy',
        name: 'advocacy',
        component: () => import('../modules/advocacy/pages/AdvocacyPage.vue'),
      },
      {
        path: 'insights/maturity',
        name: 'maturity',
        component: () => import('../modules/maturity/pages/MaturityPage.vue'),
      },
      {
        path: 'reports',
        name: 'reports',
        component: () => import('../modules/reports/pages/ReportsPage.vue'),
      },
      {
        path: 'settings/custom-fields',
        name: 'custom-fields',
        component: () => import('../modules/custom-fields/pages/CustomFieldSettingsPage.vue'),
      },
      {
        path: 'listening',
        name: 'listening',
        component: () => import('../modules/statistics/pages/dashboard/ListeningDashboardPage.vue'),
      },
      {
        path: 'listening/feed',
        name: 'listening-feed',
        component: () => import('../modules/live-feed/pages/live-feed/LiveFeedPage.vue'),
      },
      {
        path: 'listening/connectors',
        name: 'listening-connectors',
        component: () => import('../modules/connectors/pages/connector-list/ConnectorListPage.vue'),
      },
      {
        path: 'listening/settings',
        name: 'listening-settings',
        component: () => import('../modules/listening-settings/pages/ListeningSettingsPage.vue'),
      },
      {
        path: 'agency/:agencyId/reports',
        name: 'agency-reports',
        component: () => import('../modules/reports/pages/AgencyReportsPage.vue'),
        meta: { agencyWide: true },
      },
      {
        path: 'agency/:agencyId?',
        name: 'agency',
        component: () => import('../modules/agency/pages/agency-home/AgencyHomePage.vue'),
        meta: { agencyWide: true },
      },
      {
        path: 'members',
        name: 'members',
        component: () => import('../modules/tenancy/pages/member-list/MemberListPage.vue'),
      },
      {
        path: 'api-keys',
        name: 'api-keys',
        component: () => import('../modules/api-keys/pages/api-key-list/ApiKeyListPage.vue'),
      },
      {
        path: 'contacts/duplicates',
        name: 'contacts-duplicates',
        component: () =>
          import('../modules/contact-merge/pages/duplicate-review/DuplicateReviewPage.vue'),
      },
      {
        path: 'contacts/import',
        name: 'contacts-import',
        component: () => import('../modules/data-import/pages/import-wizard/ImportWizardPage.vue'),
      },
      {
        path: 'exports',
        name: 'exports',
        component: () => import('../modules/data-export/pages/export-list/ExportListPage.vue'),
      },
      {
        path: 'settings/privacy',
        name: 'privacy',
        component: () =>
          import('../modules/privacy/pages/privacy-requests/PrivacyRequestsPage.vue'),
      },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: { name: 'brands' } },
];

export function createAppRouter(pinia: Pinia) {
  const router = createRouter({ history: createWebHistory(), routes });
  router.beforeEach((to) => {
    const session = useSessionStore(pinia);
    if (to.meta.anyone) return true;
    if (to.meta.public) return session.isSignedIn ? { name: 'brands' } : true;
    if (!session.isSignedIn) {
      return { name: 'sign-in', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
    return true;
  });
  return router;
}

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    anyone?: boolean;
    /** Shown without an active tenant (the agency home). */
    agencyWide?: boolean;
  }
}
