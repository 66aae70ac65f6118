import { config } from '@vue/test-utils';
import PrimeVue from 'primevue/config';

// Components mount as they do in the app: on the kit's plugin (unstyled, no theme to inject).
config.global.plugins.push([PrimeVue, { unstyled: true }]);
