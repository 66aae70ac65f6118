import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import ConfirmationService from 'primevue/confirmationservice';
import ToastService from 'primevue/toastservice';
import { createApp, watch } from 'vue';
import App from './App.vue';
import { createAppI18n } from './app/i18n.js';
import { createAppRouter } from './app/router.js';
import { keepSessionFresh } from './app/session-timer.js';
import { primeLocale, primeVueOptions } from './app/theme.js';
import { useSessionStore } from './stores/session.js';
import 'primeicons/primeicons.css';
import './styles/main.css';

const pinia = createPinia();
const session = useSessionStore(pinia);
const i18n = createAppI18n(session.locale);
const router = createAppRouter(pinia);

watch(
  () => session.locale,
  (locale) => {
    i18n.global.locale.value = locale;
    document.documentElement.lang = locale;
  },
  { immediate: true },
);

// Signed out anywhere (here, by a failed refresh, or in another tab): back to the sign-in page.
watch(
  () => session.isSignedIn,
  (signedIn) => {
    const route = router.currentRoute.value;
    if (!signedIn && !route.meta.public) {
      void router.replace({ name: 'sign-in', query: { redirect: route.fullPath } });
    }
  },
);

keepSessionFresh(session);

const app = createApp(App)
  .use(pinia)
  .use(i18n)
  .use(router)
  .use(PrimeVue, primeVueOptions(session.locale))
  .use(ConfirmationService)
  .use(ToastService);

// PrimeVue's own words (the date picker's days and months) follow the user's language.
watch(
  () => session.locale,
  (locale) =>
    Object.assign(app.config.globalProperties.$primevue.config.locale ?? {}, primeLocale(locale)),
);

app.mount('#app');
